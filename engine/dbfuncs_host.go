package engine

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/dbfuncs"
	"github.com/porpoisedb/porpoise/dfs"
	_ "github.com/porpoisedb/porpoise/dsfuncs" // data sources: sqlDS and its companions
	"github.com/porpoisedb/porpoise/value"
)

// The interpreter is the Host of package dbfuncs (backup/restore, data
// sources).
var _ dbfuncs.Host = (*interp)(nil)

// Catalog, CheckRead, CheckWrite, DataDir and EngineState are shared
// with dbadmin.Host (admin_host.go).

// TableValue implements dbfuncs.Host.
func (in *interp) TableValue(t *dfs.Table) value.Value { return wrapTable(t) }

// ChunkGranularityConfigurable implements dbfuncs.Host.
func (in *interp) ChunkGranularityConfigurable() bool {
	return in.s.eng.cfg.EnableChunkGranularityConfig
}

// CheckCreateDatabase implements dbfuncs.Access.
func (in *interp) CheckCreateDatabase(path string) error { return in.s.checkCreateDB(path) }

// CheckDropDatabase implements dbfuncs.Access.
func (in *interp) CheckDropDatabase(path string) error { return in.s.checkDropDB(path) }

// CheckCreateTable implements dbfuncs.Access.
func (in *interp) CheckCreateTable(db *dfs.Database) error {
	return in.s.onDFS(db, auth.Principal.CheckCreateTable)
}

// CheckDropTable implements dbfuncs.Access.
func (in *interp) CheckDropTable(db *dfs.Database) error {
	return in.s.onDFS(db, auth.Principal.CheckDropTable)
}

// CheckManageDatabase implements dbfuncs.Access.
func (in *interp) CheckManageDatabase(db *dfs.Database) error {
	return in.s.onDFS(db, auth.Principal.CheckManageDB)
}

// DatabaseCreated implements dbfuncs.Access.
func (in *interp) DatabaseCreated(path string) error {
	return in.s.eng.acl.SetDBOwner(path, in.s.user)
}

// TableCreated implements dbfuncs.Access.
func (in *interp) TableCreated(db, table string) error {
	return in.s.eng.acl.SetTableOwner(auth.TablePath(db, table), in.s.user)
}

// DatabaseDropped implements dbfuncs.Access.
func (in *interp) DatabaseDropped(path string) error { return in.s.eng.acl.DropDatabase(path) }

// TableDropped implements dbfuncs.Access.
func (in *interp) TableDropped(db, table string) error {
	return in.s.eng.acl.DropTable(auth.TablePath(db, table))
}
