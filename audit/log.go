package audit

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
)

// maxEntries bounds each trail: when a trail grows past it, its oldest
// tenth is dropped (from memory and from its file).
var maxEntries = 100_000

// Op is one recorded DDL or write operation (a row of getAuditLog).
type Op struct {
	User       string `json:"u"`
	Start      int64  `json:"s"` // local wall-clock nanoseconds, as now() prints
	End        int64  `json:"e"`
	DB         string `json:"d"`
	Table      string `json:"t,omitempty"`
	Type       string `json:"o"`
	Detail     string `json:"x,omitempty"`
	TID        int64  `json:"i"`
	CID        int64  `json:"c"`
	RemoteIP   string `json:"ip,omitempty"`
	RemotePort int    `json:"p,omitempty"`
}

// ACLOp is one recorded ACL operation (a row of getAclAuditlog).
type ACLOp struct {
	User       string `json:"u"`
	Time       int64  `json:"t"`
	Type       string `json:"o"`
	Detail     string `json:"x,omitempty"`
	RemoteIP   string `json:"ip,omitempty"`
	RemotePort int    `json:"p,omitempty"`
}

// Log is a node's two audit trails. A Log opened on a directory appends
// each record to a JSON-lines file there; Open reloads them.
type Log struct {
	mu  sync.Mutex
	ops trail[Op]
	acl trail[ACLOp]
	// seq numbers the recorded operations (their tid and cid).
	seq int64
}

// trail is one bounded list of records and the file that keeps it.
type trail[T any] struct {
	recs []T
	path string // "" in memory
	f    *os.File
}

// Open loads the trails kept in dir (created if needed); dir "" keeps
// them in memory only.
func Open(dir string) (*Log, error) {
	l := &Log{}
	if dir == "" {
		return l, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := l.ops.open(filepath.Join(dir, "ddl.log")); err != nil {
		return nil, err
	}
	if err := l.acl.open(filepath.Join(dir, "acl.log")); err != nil {
		_ = l.ops.close()
		return nil, err
	}
	for _, op := range l.ops.recs {
		l.seq = max(l.seq, op.TID)
	}
	return l, nil
}

// Close closes the trails' files.
func (l *Log) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return errors.Join(l.ops.close(), l.acl.close())
}

// AddOp records op, numbering it: its TID and CID are the node's next
// operation number.
func (l *Log) AddOp(op Op) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seq++
	op.TID, op.CID = l.seq, l.seq
	l.ops.add(op)
}

// AddACL records op.
func (l *Log) AddACL(op ACLOp) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.acl.add(op)
}

// Ops returns the recorded operations that keep(op) accepts, oldest
// first.
func (l *Log) Ops(keep func(*Op) bool) []Op {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.ops.filter(keep)
}

// ACLOps returns the recorded ACL operations that keep(op) accepts,
// oldest first.
func (l *Log) ACLOps(keep func(*ACLOp) bool) []ACLOp {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.acl.filter(keep)
}

func (t *trail[T]) open(path string) error {
	t.path = path
	if f, err := os.Open(path); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var r T
			if json.Unmarshal(sc.Bytes(), &r) == nil { // a torn last line is dropped
				t.recs = append(t.recs, r)
			}
		}
		_ = f.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if len(t.recs) > maxEntries {
		t.recs = t.recs[len(t.recs)-maxEntries:]
	}
	return t.rewrite()
}

// add appends r, trimming the trail when it passes maxEntries. A failed
// write leaves the record in memory: the operation it describes has
// happened.
func (t *trail[T]) add(r T) {
	t.recs = append(t.recs, r)
	if len(t.recs) > maxEntries {
		t.recs = append(t.recs[:0:0], t.recs[maxEntries/10:]...)
		_ = t.rewrite()
		return
	}
	if t.f != nil {
		if b, err := json.Marshal(r); err == nil {
			_, _ = t.f.Write(append(b, '\n'))
		}
	}
}

// rewrite replaces the file with the records in memory and reopens it
// for appending.
func (t *trail[T]) rewrite() error {
	if t.path == "" {
		return nil
	}
	_ = t.close()
	tmp := t.path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, r := range t.recs {
		if err := enc.Encode(r); err != nil {
			_ = f.Close()
			return err
		}
	}
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		return err
	}
	if err := os.Rename(tmp, t.path); err != nil {
		return err
	}
	t.f, err = os.OpenFile(t.path, os.O_APPEND|os.O_WRONLY, 0o644)
	return err
}

func (t *trail[T]) close() error {
	if t.f == nil {
		return nil
	}
	err := t.f.Close()
	t.f = nil
	return err
}

func (t *trail[T]) filter(keep func(*T) bool) []T {
	var out []T
	for i := range t.recs {
		if keep(&t.recs[i]) {
			out = append(out, t.recs[i])
		}
	}
	return out
}
