package mvcc

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/porpoisedb/porpoise/atomicfile"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/recframe"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
	"github.com/porpoisedb/porpoise/wire"
)

// The kinds of the log's records (package recframe frames them).
const (
	kindSnapshot = 'S' // the whole table; starts the file
	kindBatch    = 'A' // rows appended after the records before it
	kindNotNull  = 'N' // the names of the columns that refuse NULL (wire STRING vector)
)

// store is the publisher (insert.Durable) of an MVCC table. file is ""
// for a table kept only in memory. notNull names the columns whose
// allowNull is false.
type store struct {
	mu      sync.Mutex
	file    string
	notNull []string
}

// fileLocks serializes the writes of stores on the same file (a table
// and a copy loaded from it by loadMvccTable). It is the program's, not
// one engine's, as the files are: two engines of one program that open
// the same file must take turns too.
var fileLocks sync.Map

func (s *store) lock() func() {
	l, _ := fileLocks.LoadOrStore(s.file, &sync.Mutex{})
	m := l.(*sync.Mutex)
	m.Lock()
	return m.Unlock
}

// Published implements value.Publisher; Appended does the work.
func (s *store) Published(*value.Table, int) {}

// Undefining implements value.Publisher: an MVCC table may be undefined.
func (s *store) Undefining(*value.Table) error { return nil }

// Appended implements insert.Durable: it refuses NULLs in the columns
// that don't allow them, then logs the new rows.
func (s *store) Appended(t *value.Table, from int) error {
	if t.Rows() == from {
		return nil
	}
	if err := s.checkNotNull(t, from); err != nil {
		return err
	}
	if s.file == "" {
		return nil
	}
	batch := value.NewTable(t.Names, make([]*value.Vector, len(t.Cols)))
	for i, c := range t.Cols {
		batch.Cols[i] = c.Slice(from, t.Rows())
	}
	rec, err := record(kindBatch, batch)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.lock()()
	f, err := os.OpenFile(s.file, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(rec)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// checkNotNull refuses a NULL in rows [from, t.Rows()) of a column that
// doesn't allow NULL values.
func (s *store) checkNotNull(t *value.Table, from int) error {
	for _, name := range s.notNull {
		c := t.Column(name)
		if c == nil {
			continue
		}
		rows := c.Slice(from, t.Rows())
		if kernel.CountNotNull(rows) < rows.Len() {
			return ddberr.Errorf("The column [%s] of the MVCC table doesn't allow NULL values.", name)
		}
	}
	return nil
}

// Rewritten implements insert.Durable: the file becomes one snapshot of t.
func (s *store) Rewritten(t *value.Table) error {
	if s.file == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.lock()()
	return s.writeSnapshot(t)
}

// writeSnapshot replaces the file by the not-null names and t: a new
// file renamed over the old one (atomicfile).
func (s *store) writeSnapshot(t *value.Table) error {
	var buf bytes.Buffer
	nn, err := record(kindNotNull, value.NewStrings(value.String, s.notNull))
	if err != nil {
		return err
	}
	buf.Write(nn)
	snap, err := record(kindSnapshot, t)
	if err != nil {
		return err
	}
	buf.Write(snap)
	dir := filepath.Dir(s.file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return atomicfile.Write(s.file, buf.Bytes(), 0o600)
}

// record encodes v as a log record of the given kind.
func record(kind byte, v value.Value) ([]byte, error) {
	payload, err := wire.Marshal(v, nil)
	if err != nil {
		return nil, err
	}
	return recframe.Append(nil, kind, payload), nil
}

// load reads the table a file holds: its snapshot with the batches after
// it. A torn last record (a crash while an append was being written, so
// never acknowledged) ends the log; the file is cut back to the records
// before it.
func load(file string) (*value.Table, *store, error) {
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, ddberr.Errorf("The MVCC table file doesn't exist: %s", file)
	}
	if err != nil {
		return nil, nil, err
	}
	s := &store{file: file}
	var t *value.Table
	off := 0
	for off < len(data) {
		kind, v, n, err := readRecord(data[off:])
		if err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, nil, corrupt(file, err)
		}
		switch kind {
		case kindNotNull:
			names, ok := v.(*value.Vector)
			if !ok || names.T != value.String {
				return nil, nil, corrupt(file, errors.New("bad column list"))
			}
			s.notNull = names.Str
		case kindSnapshot:
			if t, _ = v.(*value.Table); t == nil {
				return nil, nil, corrupt(file, errors.New("bad snapshot"))
			}
		case kindBatch:
			b, _ := v.(*value.Table)
			if t == nil || b == nil || len(b.Cols) != len(t.Cols) {
				return nil, nil, corrupt(file, errors.New("bad batch"))
			}
			for i, c := range b.Cols {
				t.Cols[i].AppendVector(c)
			}
		}
		off += n
	}
	if t == nil {
		return nil, nil, corrupt(file, errors.New("no snapshot"))
	}
	if off < len(data) {
		if err := os.Truncate(file, int64(off)); err != nil {
			return nil, nil, err
		}
	}
	return t, s, nil
}

// readRecord decodes the record at the start of b and its length;
// io.ErrUnexpectedEOF when b ends inside it or its checksum is wrong (a
// torn write).
func readRecord(b []byte) (byte, value.Value, int, error) {
	kind, payload, n, err := recframe.Next(b)
	if err != nil {
		return 0, nil, 0, err
	}
	v, _, err := wire.DecodeBytes(payload)
	if err != nil {
		return 0, nil, 0, err
	}
	return kind, v, n, nil
}

// corrupt is the error of a file whose records can't be read.
func corrupt(file string, err error) error {
	return ddberr.Errorf("The MVCC table file is corrupt (%w): %s", err, file)
}
