package imoltp

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/porpoisedb/porpoise/atomicfile"
	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/rowkeep"
	"github.com/porpoisedb/porpoise/value"
)

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
	cfg  config.IMOLTP
	last time.Time // when the last checkpoint was taken
	// headerSize is the size of the redo file's generation record.
	headerSize int64
	// stop ends the checkpoint timer (timer), which closes done.
	stop, done chan struct{}
	closing    sync.Once
}

// syncs counts the syncs of redo files, which tests read.
var syncs atomic.Int64

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

// redoFile and ckpFile are IMOLTPRedoFilePath and
// IMOLTPCheckpointFilePath, a relative path under dir.
func (s *state) redoFile() string { return s.under(cmp.Or(s.cfg.RedoFilePath, "im_oltp.redo")) }
func (s *state) ckpFile() string  { return s.under(cmp.Or(s.cfg.CheckpointFilePath, "im_oltp.ckp")) }

func (s *state) under(path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(s.dir, path)
}

// redoOn reports whether changes go to a redo file (enableIMOLTPRedo,
// and an engine that keeps its data on disk).
func (s *state) redoOn() bool { return s.dir != "" && s.cfg.Redo }

// newState reads dir's checkpoint and replays the redo file after it;
// dir "" keeps nothing on disk.
func newState(dir string, cfg config.IMOLTP) *state {
	s := &state{dir: dir, dbs: map[string]*DB{}, gen: generationFirst, cfg: cfg, last: time.Now()}
	if dir == "" {
		return s
	}
	if fi, err := os.Stat(s.redoFile()); err == nil && fi.IsDir() {
		s.err = ddberr.Errorf("[IMOLTP] Failed to start service: Invalid redo file path [%s]: A directory with the same name already exists. RefId: S07000", s.redoFile())
		return s
	}
	err := s.recover()
	if err == nil {
		err = s.rebuildAll()
	}
	if err != nil {
		s.err = fmt.Errorf("[IMOLTP] [Recovery] %w", err)
		return s
	}
	if cfg.Checkpoint && cfg.CheckpointInterval > 0 {
		s.stop, s.done = make(chan struct{}), make(chan struct{})
		timers.Add(1)
		go s.timer(time.Duration(cfg.CheckpointInterval) * time.Second)
	}
	return s
}

// timers counts the running checkpoint timers, which tests read.
var timers atomic.Int64

// timer takes a checkpoint once every seconds have passed since the
// last one and the redo file holds changes, whether or not more come
// (IMOLTPCheckpointInterval), until Close stops it. It looks each
// second, so a checkpoint the threshold took meanwhile puts the next
// one off by at most that.
func (s *state) timer(every time.Duration) {
	defer timers.Add(-1)
	defer close(s.done)
	tick := time.NewTicker(min(every, time.Second))
	defer tick.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-tick.C:
		}
		s.mu.Lock()
		if s.redo != nil && s.size > s.headerSize && time.Since(s.last) >= every {
			// a failure leaves the changes in the redo file, and the
			// next tick tries again
			_ = s.checkpoint()
		}
		s.mu.Unlock()
	}
}

// rebuildAll builds every table's indexes and committed copy once the
// files are replayed, as the indexes are not logged.
func (s *state) rebuildAll() error {
	for _, db := range s.dbs {
		for _, tb := range db.tables {
			if err := tb.rebuild(); err != nil {
				return err
			}
			tb.saved = value.DeepCopy(tb.t).(*value.Table)
		}
	}
	return nil
}

// recover loads the checkpoint, then the redo file when it follows that
// checkpoint (a redo file of an older generation was folded into the
// checkpoint just before a crash), and opens the redo file for appends.
func (s *state) recover() error {
	for _, f := range []string{s.redoFile(), s.ckpFile()} {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return err
		}
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
		if end < len(redo) { // a torn last record, or a block's uncommitted ones
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
// the data's first record must name. The records of a transaction
// block are applied at its commit record; a block without one (the
// process stopped while writing it) is not. It returns where the
// applied records end.
func (s *state) replay(data []byte, gen int64) (int, error) {
	type record struct {
		kind byte
		vals []value.Value
	}
	var pending []record
	off, end, inTxn := 0, 0, false
	for off < len(data) {
		kind, vals, n, err := decodeRecord(data[off:])
		if err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return 0, err
		}
		switch {
		case off == 0:
			g, ok := generationOf(kind, vals)
			if !ok {
				return 0, errors.New("no generation record")
			}
			if gen != 0 && g != gen {
				return 0, errStale
			}
			s.gen = g
		case kind == kindBegin:
			inTxn, pending = true, pending[:0]
		case kind == kindCommit:
			for _, r := range pending {
				if err := s.apply(r.kind, r.vals); err != nil {
					return 0, err
				}
			}
			inTxn = false
		case inTxn:
			pending = append(pending, record{kind, vals})
		default:
			if err := s.apply(kind, vals); err != nil {
				return 0, err
			}
		}
		off += n
		if !inTxn {
			end = off
		}
	}
	return end, nil
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
	if kind == kindDelete && tb != nil && len(vals) == 3 {
		if at, ok := rowsOf(vals[2]); ok {
			deleteRows(tb.t, at, rowkeep.Dropped(tb.t.Rows(), at))
			return nil
		}
	}
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
	case kindUpdate:
		at, ok := rowsOf(vals[2])
		if !ok || len(at) != rows.Rows() {
			return fmt.Errorf("bad update record for %s/%s", str(0), str(1))
		}
		setRows(tb.t, rows, at)
	default:
		return fmt.Errorf("unknown record kind %q", kind)
	}
	return nil
}

// log appends a record to the redo file (nothing without one), and
// folds the file into a checkpoint once it passes the threshold.
// Callers hold s.mu. A statement outside a transaction block is a
// transaction of its own: its record is synced with
// IMOLTPSyncOnTxnCommit=true; otherwise, DolphinDB's default, it is in
// the operating system's hands when log returns, surviving the
// process, not the machine, crashing.
func (s *state) log(kind byte, vals ...value.Value) error {
	if !s.redoOn() {
		return s.maybeCheckpoint()
	}
	rec, err := encodeRecord(kind, vals...)
	if err != nil {
		return err
	}
	return s.write(rec)
}

// logTxn writes the records of a transaction block between a begin and a
// commit record, in one write. Callers hold s.mu.
func (s *state) logTxn(recs []byte) error {
	if !s.redoOn() || len(recs) == 0 {
		return nil
	}
	begin, err := encodeRecord(kindBegin)
	if err != nil {
		return err
	}
	commit, err := encodeRecord(kindCommit)
	if err != nil {
		return err
	}
	buf := make([]byte, 0, len(begin)+len(recs)+len(commit))
	return s.write(append(append(append(buf, begin...), recs...), commit...))
}

// write appends b to the redo file, synced with IMOLTPSyncOnTxnCommit.
func (s *state) write(b []byte) error {
	if _, err := s.redo.Write(b); err != nil {
		return err
	}
	s.size += int64(len(b))
	if s.cfg.SyncOnTxnCommit {
		if err := s.redo.Sync(); err != nil {
			return err
		}
		syncs.Add(1)
	}
	return s.maybeCheckpoint()
}

// maybeCheckpoint takes a checkpoint when the redo file has passed
// IMOLTPCheckpointThreshold MiB, or IMOLTPCheckpointInterval seconds
// have passed since the last one and the redo file holds changes (as
// timer does between changes).
func (s *state) maybeCheckpoint() error {
	if s.dir == "" || !s.cfg.Checkpoint {
		return nil
	}
	due := s.size > s.cfg.CheckpointThreshold<<20
	if !due && s.cfg.CheckpointInterval > 0 && s.size > s.headerSize {
		due = time.Since(s.last) >= time.Duration(s.cfg.CheckpointInterval)*time.Second
	}
	if !due {
		return nil
	}
	return s.checkpoint()
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
	s.redo, s.size, s.headerSize = f, int64(len(rec)), int64(len(rec))
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
	s.last = time.Now()
	return s.startRedo()
}

// Close stops the checkpoint timer and closes the redo file when the
// engine closes.
func (s *state) Close() {
	s.closing.Do(func() {
		if s.stop != nil {
			close(s.stop)
			<-s.done
		}
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.redo != nil {
		s.redo.Close()
		s.redo = nil
	}
}

// SchemaDict is schema(db) (funcs/s/schema.md): the database's directory
// and engine, and its owner (the caller's: package auth keeps it). An
// IMOLTP database has no partitions to list.
func (d *DB) SchemaDict(owner string) *value.Dict {
	out := value.NewDict(value.String, value.Any)
	putSchema(out, "databaseDir", value.NewString(d.path))
	putSchema(out, "engineType", value.NewString("IMOLTP"))
	putSchema(out, "databaseOwner", value.NewString(owner))
	return out
}

// Schema adds the table's engine and database to its schema(t).
func (tb *table) Schema(d *value.Dict) {
	putSchema(d, "engineType", value.NewString("IMOLTP"))
	putSchema(d, "databaseDir", value.NewString(tb.db.path))
}

func putSchema(d *value.Dict, k string, v value.Value) {
	d.Put(value.NewStrings(value.String, []string{k}), 0, value.NewTuple([]value.Value{v}), 0)
}
