package imoltp

import (
	"path/filepath"
	"strings"

	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/transaction"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what the engine's functions need of the interpreter.
type Host interface {
	funcs.Env
	CheckRead() error
	CheckWrite() error
	// Config is the engine's configuration, whose IMOLTP keys this
	// package reads.
	Config() config.Config
	// DataDir is the engine's data directory, "" when it keeps
	// everything in memory.
	DataDir() string
	EngineState(key string, init func() any) any
}

// Prefix starts the path of every IMOLTP database.
const Prefix = "oltp://"

func init() {
	funcs.Register(
		funcs.Spec{Name: "createIMOLTPTable", Params: []string{"dbHandle", "table", "tableName", "primaryKey", "secondaryKey", "uniqueFlag"}, Min: 4, Max: 6, Props: funcs.Session, Category: "db-table", Fn: xcreateIMOLTPTable},
		funcs.Spec{Name: "triggerCheckpointForIMOLTP", Params: []string{"force", "sync"}, Min: 0, Max: 2, Props: funcs.Session, Category: "db-table", Fn: xtriggerCheckpoint},
	)
}

// stateOf is the engine's IMOLTP state, read back from its files on
// first use.
func stateOf(h Host) (*state, error) {
	dir := h.DataDir()
	if dir != "" {
		dir = filepath.Join(dir, "IMOLTP")
	}
	cfg := h.Config().IMOLTP
	if !cfg.Enable {
		return nil, ddberr.Errorf("The IMOLTP engine is not enabled. Set enableIMOLTPEngine=true in the configuration file.")
	}
	s := h.EngineState("imoltp", func() any { return newState(dir, cfg) }).(*state)
	if s.err != nil {
		return nil, s.err
	}
	return s, nil
}

// IsIMOLTP reports whether x is an IMOLTP database handle or an oltp://
// path, which the database functions hand to this package.
func IsIMOLTP(x value.Value) bool {
	if _, ok := x.(*DB); ok {
		return true
	}
	p, ok := funcs.StringArg(x)
	return ok && strings.HasPrefix(p, Prefix)
}

// Database is database(directory, partitionType, partitionScheme, ,
// engine) for an oltp:// directory: the partition scheme is checked
// by the caller's rules but not used, as IMOLTP databases have no
// partitions; with the directory alone it opens an existing database.
func Database(h Host, path string, args []value.Value) (value.Value, error) {
	if err := h.CheckWrite(); err != nil {
		return nil, err
	}
	engine, _ := funcs.StringArg(funcs.Arg(args, 4))
	create := funcs.GivenArg(args, 1) != nil
	if create && !strings.EqualFold(engine, "IMOLTP") {
		return nil, ddberr.Errorf("The engine of a database whose directory starts with oltp:// must be IMOLTP.")
	}
	if len(path) == len(Prefix) {
		return nil, ddberr.Errorf("The database directory must be a string.")
	}
	if create {
		if err := noDDL(h); err != nil {
			return nil, err
		}
	}
	s, err := stateOf(h)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if db, ok := s.dbs[path]; ok {
		return db, nil
	}
	if !create {
		return nil, ddberr.Errorf("The database [%s] doesn't exist.", path)
	}
	if err := s.log(kindDatabase, value.NewString(path)); err != nil {
		return nil, err
	}
	db := &DB{path: path, st: s, tables: map[string]*table{}}
	s.dbs[path] = db
	return db, nil
}

// dbOf is the database a handle or an oltp:// path names.
func dbOf(h Host, x value.Value) (*DB, error) {
	if db, ok := x.(*DB); ok {
		if db.st.dbs[db.path] != db {
			return nil, ddberr.Errorf("The database [%s] doesn't exist.", db.path)
		}
		return db, nil
	}
	path, _ := funcs.StringArg(x)
	s, err := stateOf(h)
	if err != nil {
		return nil, err
	}
	db, ok := s.dbs[path]
	if !ok {
		return nil, ddberr.Errorf("The database [%s] doesn't exist.", path)
	}
	return db, nil
}

// xcreateIMOLTPTable is createIMOLTPTable(dbHandle, table, tableName,
// primaryKey, [secondaryKey], [uniqueFlag]): an empty table with the
// schema of table.
func xcreateIMOLTPTable(env funcs.Env, args []value.Value) (value.Value, error) {
	h, err := funcs.HostWith(env, Host.CheckWrite)
	if err != nil {
		return nil, err
	}
	if err := noDDL(h); err != nil {
		return nil, err
	}
	if _, ok := args[0].(*DB); !ok {
		return nil, funcs.BadArg("createIMOLTPTable", "dbHandle", "an IMOLTP database handle")
	}
	schema, ok := args[1].(*value.Table)
	if !ok {
		return nil, funcs.BadArg("createIMOLTPTable", "table", "a table")
	}
	name, ok := funcs.StringArg(args[2])
	if !ok || name == "" {
		return nil, funcs.BadArg("createIMOLTPTable", "tableName", "a STRING scalar")
	}
	keys := []value.Value{args[3]}
	unique := []bool{true}
	sec, flags := funcs.GivenArg(args, 4), funcs.GivenArg(args, 5)
	if sec != nil {
		k, u, err := secondaryKeys(sec, flags)
		if err != nil {
			return nil, err
		}
		keys, unique = append(keys, k...), append(unique, u...)
	}
	s := args[0].(*DB).st
	s.mu.Lock()
	defer s.mu.Unlock()
	db, err := dbOf(h, args[0])
	if err != nil {
		return nil, err
	}
	if _, ok := db.tables[name]; ok {
		return nil, ddberr.Errorf("The table [%s] already exists in database [%s].", name, db.path)
	}
	cols := make([]*value.Vector, len(schema.Cols))
	for i, c := range schema.Cols {
		cols[i] = c.Like(0)
		cols[i].Scale = c.Scale
	}
	names := append([]string(nil), schema.Names...)
	tb, err := newTable(db, name, value.NewTable(names, cols), keys, unique)
	if err != nil {
		return nil, err
	}
	rec, err := tb.record(tb.saved)
	if err != nil {
		return nil, err
	}
	if s.redoOn() {
		if err := s.write(rec); err != nil {
			return nil, err
		}
	}
	db.tables[name] = tb
	return tb.t, nil
}

// secondaryKeys splits secondaryKey by uniqueFlag (createIMOLTPTable.md):
// a scalar flag, or a flag vector of one, makes the whole of
// secondaryKey one key; a longer flag vector makes each element of
// secondaryKey a key.
func secondaryKeys(sec, flags value.Value) ([]value.Value, []bool, error) {
	var fs []bool
	switch f := flags.(type) {
	case nil:
		fs = []bool{false}
	case *value.Scalar:
		fs = []bool{f.Bool()}
	case *value.Vector:
		if f.T != value.Bool {
			return nil, nil, funcs.BadArg("createIMOLTPTable", "uniqueFlag", "a BOOL scalar or vector")
		}
		for _, b := range f.I8 {
			fs = append(fs, b != 0)
		}
	default:
		return nil, nil, funcs.BadArg("createIMOLTPTable", "uniqueFlag", "a BOOL scalar or vector")
	}
	if len(fs) == 1 {
		return []value.Value{sec}, fs, nil
	}
	v, ok := sec.(*value.Vector)
	if !ok || v.Len() != len(fs) {
		return nil, nil, funcs.BadArg("createIMOLTPTable", "secondaryKey", "a vector of the size of uniqueFlag")
	}
	keys := make([]value.Value, v.Len())
	for i := range keys {
		keys[i] = v.Elem(i)
	}
	return keys, fs, nil
}

// LoadTable is loadTable(db, name) for an IMOLTP database: the table
// itself, as every session sees it.
func LoadTable(h Host, x value.Value, name string) (value.Value, error) {
	if err := h.CheckRead(); err != nil {
		return nil, err
	}
	s, err := stateOf(h)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	db, err := dbOf(h, x)
	if err != nil {
		return nil, err
	}
	tb, ok := db.tables[name]
	if !ok {
		return nil, ddberr.Errorf("The table [%s] doesn't exist in database [%s].", name, db.path)
	}
	s.mu.Unlock()
	// Private takes the table's lock, which comes before s.mu
	defer s.mu.Lock()
	return tb.Private(h.Context()), nil
}

// Exists is existsDatabase for an oltp:// path.
func Exists(h Host, path string) (bool, error) {
	s, err := stateOf(h)
	if err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.dbs[path]
	return ok, nil
}

// ExistsTable is existsTable for an oltp:// path.
func ExistsTable(h Host, path, name string) (bool, error) {
	s, err := stateOf(h)
	if err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	db, ok := s.dbs[path]
	return ok && db.tables[name] != nil, nil
}

// DropDatabase is dropDatabase for an oltp:// path.
func DropDatabase(h Host, path string) error {
	if err := h.CheckWrite(); err != nil {
		return err
	}
	s, err := stateOf(h)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.dbs[path]; !ok {
		return ddberr.Errorf("The database [%s] doesn't exist.", path)
	}
	if err := noDDL(h); err != nil {
		return err
	}
	if err := s.log(kindDropDB, value.NewString(path)); err != nil {
		return err
	}
	delete(s.dbs, path)
	return nil
}

// DropTable is dropTable for an IMOLTP database handle or path.
func DropTable(h Host, x value.Value, name string) error {
	if err := h.CheckWrite(); err != nil {
		return err
	}
	s, err := stateOf(h)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	db, err := dbOf(h, x)
	if err != nil {
		return err
	}
	if _, ok := db.tables[name]; !ok {
		return ddberr.Errorf("The table [%s] doesn't exist in database [%s].", name, db.path)
	}
	if err := noDDL(h); err != nil {
		return err
	}
	if err := s.log(kindDropTable, value.NewString(db.path), value.NewString(name)); err != nil {
		return err
	}
	delete(db.tables, name)
	return nil
}

// xtriggerCheckpoint is triggerCheckpointForIMOLTP([force], [sync]):
// without force a checkpoint is taken only when the redo file has
// reached the threshold, which log already acts on, so only a forced
// one does anything. Porpoise takes it before returning either way.
func xtriggerCheckpoint(env funcs.Env, args []value.Value) (value.Value, error) {
	h, err := funcs.HostWith(env, Host.CheckWrite)
	if err != nil {
		return nil, err
	}
	force, err := funcs.BoolArg("triggerCheckpointForIMOLTP", "force", funcs.GivenArg(args, 0), false)
	if err != nil {
		return nil, err
	}
	if _, err := funcs.BoolArg("triggerCheckpointForIMOLTP", "sync", funcs.GivenArg(args, 1), false); err != nil {
		return nil, err
	}
	s, err := stateOf(h)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !force {
		return nil, s.maybeCheckpoint()
	}
	if !s.cfg.Checkpoint {
		return nil, nil
	}
	return nil, s.checkpoint()
}

// noDDL refuses DDL inside a transaction block (S07003).
func noDDL(env funcs.Env) error {
	if transaction.InBlock(env.Context()) {
		return ddberr.Errorf("Cannot perform DDL operations on OLTP databases/tables in a 'transaction' statement. RefId: S07003")
	}
	return nil
}
