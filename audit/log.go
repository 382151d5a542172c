package audit

import (
	"errors"
	"os"
	"path/filepath"
	"sync"

	"github.com/porpoisedb/porpoise/reclog"
)

// maxEntries bounds each trail: when a trail grows past it, its oldest
// tenth is dropped (from memory and from its file).
const maxEntries = 100_000

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
	ops reclog.Log[Op]
	acl reclog.Log[ACLOp]
	// seq numbers the recorded operations (their tid and cid).
	seq int64
}

// Open loads the trails kept in dir (created if needed); dir "" keeps
// them in memory only.
func Open(dir string) (*Log, error) {
	l := &Log{}
	l.ops.Max, l.acl.Max = maxEntries, maxEntries
	if dir == "" {
		return l, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := l.ops.Open(filepath.Join(dir, "ddl.log"), reclog.JSONLines[Op]()); err != nil {
		return nil, err
	}
	if err := l.acl.Open(filepath.Join(dir, "acl.log"), reclog.JSONLines[ACLOp]()); err != nil {
		_ = l.ops.Close()
		return nil, err
	}
	for _, op := range l.ops.Recs {
		l.seq = max(l.seq, op.TID)
	}
	return l, nil
}

// Close closes the trails' files.
func (l *Log) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return errors.Join(l.ops.Close(), l.acl.Close())
}

// AddOp records op, numbering it: its TID and CID are the node's next
// operation number.
func (l *Log) AddOp(op Op) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seq++
	op.TID, op.CID = l.seq, l.seq
	l.ops.Add(op)
}

// AddACL records op.
func (l *Log) AddACL(op ACLOp) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.acl.Add(op)
}

// Ops returns the recorded operations that keep(op) accepts, oldest
// first.
func (l *Log) Ops(keep func(*Op) bool) []Op {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.ops.Filter(keep)
}

// ACLOps returns the recorded ACL operations that keep(op) accepts,
// oldest first.
func (l *Log) ACLOps(keep func(*ACLOp) bool) []ACLOp {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.acl.Filter(keep)
}
