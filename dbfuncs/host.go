package dbfuncs

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// StoreHost is what every function over the DFS store needs from the
// interpreter beyond funcs.Env (here and in dbadmin).
type StoreHost interface {
	funcs.Env
	// Catalog is the engine's dfs:// catalog.
	Catalog() *dfs.Catalog
	// CheckRead and CheckWrite return DolphinDB's error when the session
	// may not read or write databases.
	CheckRead() error
	CheckWrite() error
	// DataDir is the engine's data directory, "" when it keeps
	// everything in memory.
	DataDir() string
	// EngineState returns the engine-wide value stored under key,
	// storing init() first when there is none: state shared by every
	// session of one engine (function views, backup jobs, caches); a
	// value with a Close() method is closed with the engine.
	EngineState(key string, init func() any) any
}

// Host is what these functions need from the interpreter: the store
// and the session's rights.
type Host interface {
	StoreHost
	// Principal is the session's user as the access rules see it.
	Principal() auth.Principal
	// TableValue is a DFS table as scripts see it (loadTable's result).
	TableValue(t *dfs.Table) value.Value
	// ChunkGranularityConfigurable is the enableChunkGranularityConfig
	// setting: whether database() accepts chunkGranularity.
	ChunkGranularityConfigurable() bool
	// Config is the engine's configuration (IMOLTP reads its keys).
	Config() config.Config
	Access
}

// Access is the session's access rules over databases and the record of
// who created what, which the rules read.
type Access interface {
	// CheckTableRead fails when the session may not read t.
	CheckTableRead(t *dfs.Table) error
	// CheckTableWrite fails when the session may not write rows of kind
	// (auth.TableInsert, TableUpdate or TableDelete) to t.
	CheckTableWrite(t *dfs.Table, kind auth.Priv) error
	// CheckAlterTable fails when the session may not change t's columns
	// or name (with drop, drop one of its columns).
	CheckAlterTable(t *dfs.Table, drop bool) error
	// CheckCreateDatabase, CheckDropDatabase, CheckCreateTable,
	// CheckDropTable and CheckManageDatabase fail with DolphinDB's text
	// when the session may not create or drop that database, create or
	// drop tables in db, or add and drop its partitions.
	CheckCreateDatabase(path string) error
	CheckDropDatabase(path string) error
	CheckCreateTable(db *dfs.Database) error
	CheckDropTable(db *dfs.Database) error
	CheckManageDatabase(db *dfs.Database) error
	// DatabaseCreated and TableCreated make the session's user the owner
	// of a new DFS database or table; DatabaseDropped and TableDropped
	// forget the privileges on a dropped one.
	DatabaseCreated(path string) error
	TableCreated(db, table string) error
	DatabaseDropped(path string) error
	TableDropped(db, table string) error
}

// host returns env as a Host.
func host(env funcs.Env) (Host, error) { return funcs.HostOf[Host](env) }

// readHost is host(env) for a function that reads data: it fails with
// CheckRead's error when the session may not.
func readHost(env funcs.Env) (Host, error) { return funcs.HostWith(env, Host.CheckRead) }

// writeHost is host(env) for a function that writes data: it fails with
// CheckWrite's error when the session may not.
func writeHost(env funcs.Env) (Host, error) { return funcs.HostWith(env, Host.CheckWrite) }

// DFSTableOf returns the dfs table behind a table value (a loadTable
// result), or nil.
func DFSTableOf(v value.Value) *dfs.Table {
	if t, ok := v.(interface{ DFSTable() *dfs.Table }); ok {
		return t.DFSTable()
	}
	return nil
}
