package auth

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
)

// Principal is a session's user as the access rules see it: the store
// that holds the privileges and the user's name, "" for a guest that has
// not logged in. Its methods are DolphinDB's access policy: who may read,
// write, create, drop, manage, list and grant what. They decide only; the
// caller (the interpreter) finds the objects and applies the answer.
type Principal struct {
	Store *Store
	User  string
	// CatalogOf is the catalog one of whose schemas is the DFS database
	// db ("" when none): its CATALOG_ privileges cover db. Nil: no
	// catalogs.
	CatalogOf func(db string) string
	// InView is set while the session runs a function view it may
	// execute: the view's reads and row changes of DFS tables need no
	// table privilege of the caller (see CanExecView).
	InView bool
}

// IsAdmin reports whether the user is logged in as an administrator.
func (p Principal) IsAdmin() bool { return p.User != "" && p.Store.IsAdmin(p.User) }

// CheckRead refuses database reads before login.
func (p Principal) CheckRead() error {
	if p.User == "" {
		return ddberr.Errorf("<NotAuthenticated>Not granted to read data. Please login first.")
	}
	return nil
}

// CheckWrite refuses writes to databases before login.
func (p Principal) CheckWrite() error {
	if p.User == "" {
		return ddberr.Errorf("<NotAuthenticated>Not granted to write data to the table. Please login first.")
	}
	return nil
}

func (p Principal) allowed(targets ...Target) bool { return p.Store.Allowed(p.User, targets...) }

// onDB are the targets that give database privilege priv on db: priv on
// db itself, and the CATALOG_ privilege that covers it on db's catalog.
func (p Principal) onDB(priv Priv, db string, more ...Target) []Target {
	t := append(more, Target{Priv: priv, Obj: db})
	if cp, ok := catalogPrivs[priv]; ok && p.CatalogOf != nil && p.User != SuperAdmin {
		if c := p.CatalogOf(db); c != "" {
			t = append(t, Target{Priv: cp, Obj: c})
		}
	}
	return t
}

// OwnsDB reports whether the user created db and still holds DB_OWNER
// for it: the owner of a database manages it.
func (p Principal) OwnsDB(db string) bool {
	return p.Store.DBOwner(db) == p.User && p.allowed(Target{Priv: DBOwner, Obj: db})
}

// ManagesDB reports whether the user may manage db's tables: DB_MANAGE
// on it, or its owner.
func (p Principal) ManagesDB(db string) bool {
	return p.allowed(p.onDB(DBManage, db)...) || p.OwnsDB(db)
}

// ManagesCatalog reports whether the user may change catalog c (its
// schemas, its name): CATALOG_MANAGE on it.
func (p Principal) ManagesCatalog(c string) bool {
	return p.IsAdmin() || (p.User != "" && p.allowed(Target{Priv: CatalogManage, Obj: c}))
}

// CreatedTable reports whether the user created the DFS table path, or
// owns its database (the creator's rights of the manual's DML table).
func (p Principal) CreatedTable(path string) bool {
	return p.Store.TableOwner(path) == p.User || p.OwnsDB(DBOfTable(path))
}

// DBOfTable is the database part of a DFS table path ("dfs://db/t" is
// in "dfs://db").
func DBOfTable(path string) string {
	for i := len(path) - 1; i > len("dfs://"); i-- {
		if path[i] == '/' {
			return path[:i]
		}
	}
	return path
}

// CheckTableRead is TABLE_READ on the DFS table db/table (or DB_READ on
// its database), or having created it.
func (p Principal) CheckTableRead(db, table string) error {
	if err := p.CheckRead(); err != nil {
		return err
	}
	path := TablePath(db, table)
	if p.InView || p.allowed(p.onDB(DBRead, db, Target{Priv: TableRead, Obj: path})...) || p.CreatedTable(path) {
		return nil
	}
	return ddberr.Errorf("<NoPrivilege>Not granted to read table %s", path)
}

// CheckTableWrite is the privilege a write of kind (TableInsert,
// TableUpdate or TableDelete) needs on the DFS table db/table: the
// table's or the database's, or being its creator.
func (p Principal) CheckTableWrite(db, table string, kind Priv) error {
	if err := p.CheckWrite(); err != nil {
		return err
	}
	path := TablePath(db, table)
	dbKind := map[Priv]Priv{TableInsert: DBInsert, TableUpdate: DBUpdate, TableDelete: DBDelete}[kind]
	if p.InView || p.allowed(p.onDB(dbKind, db, Target{Priv: kind, Obj: path})...) || p.CreatedTable(path) {
		return nil
	}
	return ddberr.Errorf("<NoPrivilege>Not granted to write data to table %s", path)
}

// errDBOwner is the refusal to create or drop a database.
var errDBOwner = ddberr.Errorf("<NoPrivilege>Not granted to create or delete databases")

// CheckCreateDB is DB_OWNER (global, or a prefix rule matching path).
func (p Principal) CheckCreateDB(path string) error {
	if err := p.CheckWrite(); err != nil {
		return err
	}
	if p.allowed(Target{Priv: DBOwner, Obj: path}) {
		return nil
	}
	return errDBOwner
}

// CheckDropDB is DB_MANAGE on the database, or being its owner.
func (p Principal) CheckDropDB(path string) error {
	if err := p.CheckWrite(); err != nil {
		return err
	}
	if p.ManagesDB(path) {
		return nil
	}
	return errDBOwner
}

// CheckCreateTable is DBOBJ_CREATE or DB_MANAGE on the DFS database db,
// or owning it.
func (p Principal) CheckCreateTable(db string) error {
	return p.checkDBObject(DBObjCreate, db, errNoCreateTable)
}

// checkDBObject is priv or DB_MANAGE on the DFS database db, or owning
// it; refuse is the error otherwise.
func (p Principal) checkDBObject(priv Priv, db string, refuse func(db string) error) error {
	if err := p.CheckWrite(); err != nil {
		return err
	}
	if p.allowed(Target{Priv: priv, Obj: db}) || p.ManagesDB(db) {
		return nil
	}
	return refuse(db)
}

func errNoCreateTable(db string) error {
	return ddberr.Errorf("<NoPrivilege>Not granted to create tables in database %s", db)
}

func errNoDropTable(db string) error {
	return ddberr.Errorf("<NoPrivilege>Not granted to delete tables in database %s", db)
}

// CheckAlterTable is what changing the DFS table db/table's columns
// (addColumn, rename!, replaceColumn!, setColumnComment) or its name
// (renameTable) needs, or with drop dropping a column (dropColumns!),
// after tutorials/ACL_and_Security.md: DB_MANAGE on db or owning it;
// else DBOBJ_CREATE on db, or for drop DBOBJ_DELETE on db or
// DBOBJ_CREATE on a table the user created. On a table another user
// created it also takes reading it.
func (p Principal) CheckAlterTable(db, table string, drop bool) error {
	if err := p.CheckWrite(); err != nil {
		return err
	}
	path := TablePath(db, table)
	created := p.CreatedTable(path)
	create := p.allowed(Target{Priv: DBObjCreate, Obj: db})
	switch {
	case p.ManagesDB(db):
	case !drop && create:
	case drop && (p.allowed(Target{Priv: DBObjDelete, Obj: db}) || create && created):
	case drop:
		return errNoDropTable(db)
	default:
		return errNoCreateTable(db)
	}
	if created {
		return nil
	}
	return p.CheckTableRead(db, table)
}

// CheckDropTable is DBOBJ_DELETE or DB_MANAGE on the DFS database db, or
// owning it.
func (p Principal) CheckDropTable(db string) error {
	return p.checkDBObject(DBObjDelete, db, errNoDropTable)
}

// CheckManageDB is what adding or dropping partitions of the DFS
// database db needs.
func (p Principal) CheckManageDB(db string) error {
	if err := p.CheckWrite(); err != nil {
		return err
	}
	if p.ManagesDB(db) {
		return nil
	}
	return ddberr.Errorf("<NoPrivilege>Not granted to manage database %s", db)
}

// Limit is the user's own value of a limit privilege (grant(user,
// QUERY_RESULT_MEM_LIMIT, gb)); 0 when none is set, and the engine-wide
// setting applies.
func (p Principal) Limit(priv Priv) float64 {
	if p.User == "" {
		return 0
	}
	return p.Store.Limit(p.User, priv)
}

// Shared in-memory tables follow the manual's rules for shared objects:
// anyone logged in may read and write one until its creator or an
// administrator puts it under access control (addAccessControl, or a
// grant, deny or revoke on it); from then on only the creator, the
// administrators and users granted TABLE_READ / TABLE_WRITE on it may.
// A guest never modifies or undefines a table another user shared.

// SharedTable is what the rules need of a shared table: who shared it
// ("" when shared before any login) and whether it is under access
// control.
type SharedTable struct {
	Name       string
	Owner      string
	Controlled bool
}

// ErrNoSharedAccess is the refusal of the shared table name.
func ErrNoSharedAccess(name string) error {
	return ddberr.Errorf("No access to shared table [%s]", name)
}

// ManagesShared reports whether the user may undefine a shared table or
// put it under access control: its creator or an administrator.
func (p Principal) ManagesShared(owner string) bool {
	return owner == "" || (p.User != "" && p.User == owner) || p.IsAdmin()
}

// CheckSharedAccess checks a read or write of the shared table t.
func (p Principal) CheckSharedAccess(t SharedTable, write bool) error {
	if p.ManagesShared(t.Owner) {
		return nil
	}
	if t.Controlled {
		priv := TableRead
		if write {
			priv = TableInsert
		}
		if p.User != "" && p.allowed(Target{Priv: priv, Obj: t.Name}) {
			return nil
		}
		return ErrNoSharedAccess(t.Name)
	}
	if write && p.User == "" {
		return ErrNoSharedAccess(t.Name)
	}
	return nil
}

// CheckAddAccessControl lets the creator of a shared table or an
// administrator put it under access control.
func (p Principal) CheckAddAccessControl(owner string) error {
	if !p.ManagesShared(owner) || p.User == "" {
		return ddberr.Errorf("Only the creator of the shared table or an administrator can add access control to it.")
	}
	return nil
}

// CheckGrantor is who may grant, deny or revoke priv on objs:
// administrators anything; other users only the owner-grantable
// privileges on databases they created or hold DB_MANAGE on, on shared
// tables they created, and VIEW_EXEC on function views they added while
// holding VIEW_OWNER (S04004). ownerOf tells an object's creator (a
// shared table's, or for VIEW_EXEC a view's), ok false when there is no
// such object.
func (p Principal) CheckGrantor(op Op, priv Priv, objs []string, ownerOf func(name string) (owner string, ok bool)) error {
	if p.IsAdmin() {
		return nil
	}
	refuse := ddberr.Errorf("Non-admin users cannot %s the %s privilege. Contact the administrator. RefId: S04004", op, priv)
	if !priv.ownerGrantable() || len(objs) == 0 {
		return refuse
	}
	for _, obj := range objs {
		switch {
		case obj == Global:
			return refuse
		case IsDFS(obj):
			db := obj
			if strings.Count(strings.TrimPrefix(obj, "dfs://"), "/") > 0 && priv.isTable() {
				db = DBOfTable(obj)
			}
			if !p.ManagesDB(db) {
				return ddberr.Errorf("To manage permissions for databases you didn't create, you must have the DB_MANAGE privilege or contact an administrator. RefId: S04005")
			}
		case priv == ViewExec:
			owner, ok := ownerOf(ViewName(obj))
			if !ok || owner != p.User || !p.OwnsViews() {
				return refuse
			}
		default:
			owner, ok := ownerOf(SharedName(obj))
			if !ok || owner != p.User {
				return refuse
			}
		}
	}
	return nil
}

// The listing functions show a non-administrator only what it may use
// (the manual's 可见性函数 table); administrators see everything.

// SeesDatabase is getDFSDatabases' rule: DB_MANAGE on the database, or
// having created it.
func (p Principal) SeesDatabase(db string) bool {
	return p.IsAdmin() || (p.User != "" && p.ManagesDB(db))
}

// SeesClusterDatabase is getClusterDFSDatabases' rule: any
// database-level privilege on it.
func (p Principal) SeesClusterDatabase(db string) bool {
	if p.IsAdmin() || p.SeesDatabase(db) {
		return true
	}
	if p.User == "" {
		return false
	}
	for _, priv := range []Priv{DBRead, DBInsert, DBUpdate, DBDelete, DBObjCreate, DBObjDelete} {
		if p.allowed(p.onDB(priv, db)...) {
			return true
		}
	}
	return false
}

// SeesTable is getDFSTablesByDatabase's and getClusterDFSTables' rule: a
// database-level privilege on its database, a table privilege on it, or
// having created it.
func (p Principal) SeesTable(db, table string) bool {
	if p.IsAdmin() {
		return true
	}
	if p.User == "" {
		return false
	}
	path := TablePath(db, table)
	if p.ManagesDB(db) || p.CreatedTable(path) {
		return true
	}
	for _, priv := range []Priv{DBRead, DBInsert, DBUpdate, DBDelete} {
		if p.allowed(p.onDB(priv, db)...) {
			return true
		}
	}
	for _, priv := range []Priv{TableRead, TableInsert, TableUpdate, TableDelete} {
		if p.allowed(Target{Priv: priv, Obj: path}) {
			return true
		}
	}
	return false
}
