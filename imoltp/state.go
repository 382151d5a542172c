package imoltp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"github.com/porpoisedb/porpoise/atomicfile"
	"github.com/porpoisedb/porpoise/value"
)

// checkpointThreshold is IMOLTPCheckpointThreshold's default, 100 MiB:
// a redo file that grows past it is folded into a checkpoint.
const checkpointThreshold = 100 << 20

// state is one engine's IMOLTP databases. mu guards the databases, the
// redo file and each table's committed rows (table.saved), so a
// checkpoint taken under it sees every table as the redo file left it.
type state struct {
	mu   sync.Mutex
	dir  string // "" when the engine keeps everything in memory
	dbs  map[string]*DB
	gen  int64 // the generation of the checkpoint the redo file follows
	redo *os.File
	size int64 // bytes in the redo file
	err  error // why the files could not be read back
}

// DB is the handle of an IMOLTP database (database("oltp://...")).
type DB struct {
	path   string
	st     *state
	tables map[string]*table
}

// Form implements value.Value: a handle is a scalar.
func (d *DB) Form() value.Form { return value.FormScalar }

// Type implements value.Value.
func (d *DB) Type() value.Type { return value.Handle }

// String implements value.Value.
func (d *DB) String() string { return "DB[" + d.path + "]" }

// Path is the database's oltp:// path.
func (d *DB) Path() string { return d.path }

func (s *state) redoFile() string { return filepath.Join(s.dir, "im_oltp.redo") }
func (s *state) ckpFile() string  { return filepath.Join(s.dir, "im_oltp.ckp") }

// newState reads dir's checkpoint and replays the redo file after it;
// dir "" keeps nothing on disk.
func newState(dir string) *state {
	s := &state{dir: dir, dbs: map[string]*DB{}, gen: generationFirst}
	if dir == "" {
		return s
	}
	if err := s.recover(); err != nil {
		s.err = fmt.Errorf("[IMOLTP] [Recovery] %w", err)
	}
	return s
}

// recover loads the checkpoint, then the redo file when it follows that
// checkpoint (a redo file of an older generation was folded into the
// checkpoint just before a crash), and opens the redo file for appends.
func (s *state) recover() error {
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return err
	}
	ckp, err := os.ReadFile(s.ckpFile())
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err == nil {
		if _, err := s.replay(ckp, 0); err != nil {
			return fmt.Errorf("checkpoint file: %w", err)
		}
	}
	redo, err := os.ReadFile(s.redoFile())
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if len(redo) > 0 {
		end, err := s.replay(redo, s.gen)
		if errors.Is(err, errStale) {
			return s.startRedo()
		}
		if err != nil {
			return fmt.Errorf("redo file: %w", err)
		}
		if end < len(redo) { // a torn last record
			if err := os.Truncate(s.redoFile(), int64(end)); err != nil {
				return err
			}
		}
		s.size = int64(end)
		f, err := os.OpenFile(s.redoFile(), os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			return err
		}
		s.redo = f
		return nil
	}
	return s.startRedo()
}

// errStale is replay's error for a redo file of another generation than
// the checkpoint's.
var errStale = errors.New("stale redo file")

// replay applies the records of data; gen, when not 0, is the generation
// the data's first record must name. It returns where the whole records
// end.
func (s *state) replay(data []byte, gen int64) (int, error) {
	off := 0
	for off < len(data) {
		kind, vals, n, err := decodeRecord(data[off:])
		if err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return 0, err
		}
		if off == 0 {
			g, ok := generationOf(kind, vals)
			if !ok {
				return 0, errors.New("no generation record")
			}
			if gen != 0 && g != gen {
				return 0, errStale
			}
			s.gen = g
		} else if err := s.apply(kind, vals); err != nil {
			return 0, err
		}
		off += n
	}
	return off, nil
}

// generationOf reads a generation record.
func generationOf(kind byte, vals []value.Value) (int64, bool) {
	if kind != kindGeneration || len(vals) != 1 {
		return 0, false
	}
	g, err := strconv.ParseInt(vals[0].String(), 10, 64)
	return g, err == nil
}

// apply redoes one logged change.
func (s *state) apply(kind byte, vals []value.Value) error {
	str := func(i int) string {
		if i < len(vals) {
			if x, ok := vals[i].(*value.Scalar); ok {
				return x.S
			}
		}
		return ""
	}
	switch kind {
	case kindDatabase:
		s.dbs[str(0)] = &DB{path: str(0), st: s, tables: map[string]*table{}}
		return nil
	case kindDropDB:
		delete(s.dbs, str(0))
		return nil
	}
	db := s.dbs[str(0)]
	if db == nil {
		return fmt.Errorf("no database %s", str(0))
	}
	switch kind {
	case kindTable:
		tb, err := tableFromRecord(db, str(1), vals[2:])
		if err != nil {
			return err
		}
		db.tables[str(1)] = tb
		return nil
	case kindDropTable:
		delete(db.tables, str(1))
		return nil
	}
	tb := db.tables[str(1)]
	rows, _ := vals[len(vals)-1].(*value.Table)
	if tb == nil || rows == nil || len(rows.Cols) != len(tb.t.Cols) {
		return fmt.Errorf("bad record for %s/%s", str(0), str(1))
	}
	switch kind {
	case kindAppend:
		for i, c := range rows.Cols {
			tb.t.Cols[i].AppendVector(c)
		}
	case kindRewrite:
		tb.t.Cols = rows.Cols
	default:
		return fmt.Errorf("unknown record kind %q", kind)
	}
	tb.saved = value.DeepCopy(tb.t).(*value.Table)
	return tb.rebuild()
}

// log appends a record to the redo file (nothing for an in-memory
// engine), and folds the file into a checkpoint once it passes the
// threshold. Callers hold s.mu. Like IMOLTPSyncOnTxnCommit=false, the
// default, a record is in the operating system's hands when log
// returns: it survives the process, not the machine, crashing.
func (s *state) log(kind byte, vals ...value.Value) error {
	if s.dir == "" {
		return nil
	}
	rec, err := encodeRecord(kind, vals...)
	if err != nil {
		return err
	}
	if _, err := s.redo.Write(rec); err != nil {
		return err
	}
	s.size += int64(len(rec))
	if s.size > checkpointThreshold {
		return s.checkpoint()
	}
	return nil
}

// startRedo makes an empty redo file of the current generation.
func (s *state) startRedo() error {
	if s.redo != nil {
		s.redo.Close()
		s.redo = nil
	}
	rec, err := encodeRecord(kindGeneration, value.NewString(strconv.FormatInt(s.gen, 10)))
	if err != nil {
		return err
	}
	if err := atomicfile.WriteSynced(s.redoFile(), rec, 0o600); err != nil {
		return err
	}
	f, err := os.OpenFile(s.redoFile(), os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	s.redo, s.size = f, int64(len(rec))
	return nil
}

// checkpoint writes every table's committed rows to the checkpoint file
// of the next generation, then starts that generation's redo file. A
// crash between the two leaves a redo file of the older generation,
// which recovery skips. Callers hold s.mu.
func (s *state) checkpoint() error {
	if s.dir == "" {
		return nil
	}
	var buf bytes.Buffer
	rec, err := encodeRecord(kindGeneration, value.NewString(strconv.FormatInt(s.gen+1, 10)))
	if err != nil {
		return err
	}
	buf.Write(rec)
	for _, path := range slices.Sorted(maps.Keys(s.dbs)) {
		db := s.dbs[path]
		if rec, err = encodeRecord(kindDatabase, value.NewString(path)); err != nil {
			return err
		}
		buf.Write(rec)
		for _, name := range slices.Sorted(maps.Keys(db.tables)) {
			if rec, err = db.tables[name].record(db.tables[name].saved); err != nil {
				return err
			}
			buf.Write(rec)
		}
	}
	if err := atomicfile.WriteSynced(s.ckpFile(), buf.Bytes(), 0o600); err != nil {
		return err
	}
	s.gen++
	return s.startRedo()
}

// Close closes the redo file when the engine closes.
func (s *state) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.redo != nil {
		s.redo.Close()
		s.redo = nil
	}
}
