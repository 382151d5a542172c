package stream

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// A persisted stream table is one append-only file under the registry's
// directory, named after the table: records of a 4-byte length, the
// batch of rows in DolphinDB's wire encoding and a CRC-32 of it. The
// first record is the empty table, so the schema survives a table with
// no rows. A record cut short by a crash is dropped on reload.

// persisted is a stream table's open log file.
type persisted struct {
	path string
	f    *os.File
	err  error
}

// ErrNoPersistenceDir is DolphinDB's text for persistence on a node
// without a directory for it (an in-memory engine).
var ErrNoPersistenceDir = ddberr.Errorf("To enable table persistence, specify persistenceDir in server configuration and restart node. RefId: S03006")

func (r *Registry) tableFile(name string) string { return filepath.Join(r.dir, name+".log") }

// Persisted reports whether a stream table called name has rows on disk.
func (r *Registry) Persisted(name string) bool {
	if r.dir == "" {
		return false
	}
	_, err := os.Stat(r.tableFile(name))
	return err == nil
}

// EnablePersistence makes the shared stream table t persist its rows
// under name: rows already on disk from an earlier run are loaded into
// it first (the last preCache of them when preCache > 0), and from then
// on every append is written before it returns. The caller holds t's
// write lock.
func (r *Registry) EnablePersistence(t *value.Table, name string, preCache int) error {
	p := Of(t)
	if p == nil {
		return fmt.Errorf("stream: %s is not a stream table", name)
	}
	if r.dir == "" {
		return ErrNoPersistenceDir
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.persist != nil {
		return ddberr.Errorf("The stream table %s is already persisted.", name)
	}
	if err := os.MkdirAll(r.dir, 0o755); err != nil {
		return err
	}
	path := r.tableFile(name)
	if err := load(path, t, p, preCache); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	p.persist = &persisted{path: path, f: f}
	if st, err := f.Stat(); err == nil && st.Size() == 0 {
		p.persist.write(t.EmptyLike(0))
		p.persist.write(t)
	}
	r.track(p, true)
	return p.persist.err
}

// load appends the rows of the log at path to t, which must have its
// schema, keeping the last preCache in memory (all when 0).
func load(path string, t *value.Table, p *Table, preCache int) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	var batches []*value.Table
	total := 0
	br := bufio.NewReader(f)
	for first := true; ; first = false {
		b, err := readRecord(br)
		if err != nil {
			break // end of file, or a record a crash cut short
		}
		v, _, err := wire.DecodeBytes(b)
		src, ok := v.(*value.Table)
		if err != nil || !ok {
			break
		}
		if !sameSchema(t, src) {
			return ddberr.Errorf("Data insertion failed: Number of columns in the data to insert doesn't match the target table. If you’re trying to persist table, a table with the same name may exist on disk. Consider changing the table name, adjusting the data schema, or deleting the existing table from persistentDir and retrying. RefId: S03012")
		}
		if !first {
			batches = append(batches, src)
			total += src.Rows()
		}
	}
	skip := 0
	if preCache > 0 && total > preCache {
		skip = total - preCache
	}
	p.purged.Store(int64(skip))
	for i := range t.Cols {
		t.Cols[i] = t.Cols[i].Slice(0, 0).Clone()
	}
	for _, b := range batches {
		lo := min(skip, b.Rows())
		skip -= lo
		for i, c := range b.Cols {
			t.Cols[i].AppendVector(c.Slice(lo, b.Rows()))
		}
	}
	reindex(t)
	return nil
}

func sameSchema(a, b *value.Table) bool {
	if len(a.Cols) != len(b.Cols) {
		return false
	}
	for i, c := range a.Cols {
		if c.T != b.Cols[i].T {
			return false
		}
	}
	return true
}

func readRecord(r io.Reader) ([]byte, error) {
	var head [4]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return nil, err
	}
	b := make([]byte, binary.LittleEndian.Uint32(head[:])+4)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, err
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, errors.New("stream: corrupt record")
	}
	return body, nil
}

// write appends a batch and syncs it; the first error sticks, and the
// rows stay in memory.
func (w *persisted) write(t *value.Table) {
	if w.err != nil {
		return
	}
	b, err := wire.Marshal(t, nil)
	if err != nil {
		w.err = err
		return
	}
	rec := make([]byte, 4, len(b)+8)
	binary.LittleEndian.PutUint32(rec, uint32(len(b)))
	rec = append(rec, b...)
	rec = binary.LittleEndian.AppendUint32(rec, crc32.ChecksumIEEE(b))
	if _, err := w.f.Write(rec); err != nil {
		w.err = err
		return
	}
	w.err = w.f.Sync()
}

func (w *persisted) close() { _ = w.f.Close() }

// DisablePersistence stops writing t's appends to disk; the file stays.
func (r *Registry) DisablePersistence(t *value.Table) {
	if p := Of(t); p != nil {
		p.stopPersisting()
		r.track(p, false)
	}
}

func (p *Table) stopPersisting() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.persist != nil {
		p.persist.close()
		p.persist = nil
	}
}

// IsPersisted reports whether t's appends are written to disk.
func (p *Table) IsPersisted() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.persist != nil
}

// ClearPersistence stops persisting the table called name and deletes
// its file.
func (r *Registry) ClearPersistence(t *value.Table, name string) error {
	if t != nil {
		r.DisablePersistence(t)
	}
	if r.dir == "" {
		return nil
	}
	err := os.Remove(r.tableFile(name))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
