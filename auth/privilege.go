package auth

import "strings"

// Priv is one of DolphinDB's privilege types (accessType of grant, deny
// and revoke).
type Priv int32

// The privilege types, in the order DolphinDB's manual lists them.
const (
	TableRead Priv = iota
	TableWrite
	TableInsert
	TableUpdate
	TableDelete
	DBRead
	DBWrite
	DBInsert
	DBUpdate
	DBDelete
	DBObjCreate
	DBObjDelete
	DBOwner
	DBManage
	ViewExec
	ScriptExec
	TestExec
	QueryResultMemLimit
	TaskGroupMemLimit
	ViewOwner
	ComputeGroupExec
	TableSensitiveView
	DBSensitiveView
	MaxPartitionNumPerQuery
	CatalogManage
	CatalogRead
	CatalogWrite
	CatalogInsert
	CatalogUpdate
	CatalogDelete
	numPrivs
)

var privNames = [numPrivs]string{
	"TABLE_READ", "TABLE_WRITE", "TABLE_INSERT", "TABLE_UPDATE", "TABLE_DELETE",
	"DB_READ", "DB_WRITE", "DB_INSERT", "DB_UPDATE", "DB_DELETE",
	"DBOBJ_CREATE", "DBOBJ_DELETE", "DB_OWNER", "DB_MANAGE",
	"VIEW_EXEC", "SCRIPT_EXEC", "TEST_EXEC",
	"QUERY_RESULT_MEM_LIMIT", "TASK_GROUP_MEM_LIMIT",
	"VIEW_OWNER", "COMPUTE_GROUP_EXEC", "TABLE_SENSITIVE_VIEW", "DB_SENSITIVE_VIEW",
	"MAX_PARTITION_NUM_PER_QUERY",
	"CATALOG_MANAGE", "CATALOG_READ", "CATALOG_WRITE", "CATALOG_INSERT", "CATALOG_UPDATE", "CATALOG_DELETE",
}

// String is the privilege's DolphinDB name.
func (p Priv) String() string {
	if p >= 0 && p < numPrivs {
		return privNames[p]
	}
	return "UNKNOWN"
}

// Valid reports whether p is a known privilege type.
func (p Priv) Valid() bool { return p >= 0 && p < numPrivs }

// schemaPrivs are catalog.md's SCHEMA_ privileges: each is the database
// privilege it names equivalent, granted on "catalog.schema" (the
// schema's database).
var schemaPrivs = map[string]Priv{
	"SCHEMA_MANAGE": DBManage, "SCHEMAOBJ_CREATE": DBObjCreate, "SCHEMAOBJ_DELETE": DBObjDelete,
	"SCHEMA_READ": DBRead, "SCHEMA_WRITE": DBWrite, "SCHEMA_INSERT": DBInsert,
	"SCHEMA_UPDATE": DBUpdate, "SCHEMA_DELETE": DBDelete,
}

// catalogPrivs maps each database privilege a CATALOG_ privilege grants
// on every database of a catalog (catalog.md) to that privilege.
var catalogPrivs = map[Priv]Priv{
	DBRead: CatalogRead, DBInsert: CatalogInsert, DBUpdate: CatalogUpdate, DBDelete: CatalogDelete, DBManage: CatalogManage,
}

// IsCatalog reports whether p is a CATALOG_ privilege, whose objects are
// catalog names.
func (p Priv) IsCatalog() bool { return p >= CatalogManage && p <= CatalogDelete }

// covered are the database and table privileges a setting of catalog
// privilege p replaces on the catalog's databases and their tables.
func (p Priv) covered() (db, table Priv, ok bool) {
	switch p {
	case CatalogRead:
		return DBRead, TableRead, true
	case CatalogInsert:
		return DBInsert, TableInsert, true
	case CatalogUpdate:
		return DBUpdate, TableUpdate, true
	case CatalogDelete:
		return DBDelete, TableDelete, true
	case CatalogManage:
		return DBManage, -1, true
	}
	return 0, 0, false
}

// PrivByName finds a privilege by its DolphinDB constant name.
func PrivByName(name string) (Priv, bool) {
	if p, ok := schemaPrivs[name]; ok {
		return p, true
	}
	for i, n := range privNames {
		if n == name {
			return Priv(i), true
		}
	}
	return 0, false
}

// IsLimit reports whether p carries a number (a memory or partition
// limit) rather than an allow/deny state.
func (p Priv) IsLimit() bool {
	return p == QueryResultMemLimit || p == TaskGroupMemLimit || p == MaxPartitionNumPerQuery
}

// ownerGrantable are the privileges a non-administrator may grant, deny
// or revoke on objects they own (grant's manual page).
func (p Priv) ownerGrantable() bool {
	switch p {
	case TableRead, TableWrite, TableInsert, TableUpdate, TableDelete,
		DBRead, DBWrite, DBInsert, DBUpdate, DBDelete, DBObjDelete, DBObjCreate, ViewExec:
		return true
	}
	return false
}

// isTable reports whether p is a privilege on a table (rather than on a
// database, view or the node).
func (p Priv) isTable() bool {
	switch p {
	case TableRead, TableWrite, TableInsert, TableUpdate, TableDelete:
		return true
	}
	return false
}

// expand is the set a privilege stands for when stored: TABLE_WRITE is
// kept as TABLE_INSERT, TABLE_UPDATE and TABLE_DELETE since 2.00.9, and
// DB_WRITE and CATALOG_WRITE likewise.
func (p Priv) expand() []Priv {
	switch p {
	case TableWrite:
		return []Priv{TableInsert, TableUpdate, TableDelete}
	case DBWrite:
		return []Priv{DBInsert, DBUpdate, DBDelete}
	case CatalogWrite:
		return []Priv{CatalogInsert, CatalogUpdate, CatalogDelete}
	}
	return []Priv{p}
}

// State is a principal's setting of one privilege on one object.
type State int8

// The three states of grant (Allow), deny (Deny) and revoke (None).
const (
	None State = iota
	Allow
	Deny
)

// String is the state as getUserAccess prints it.
func (s State) String() string {
	switch s {
	case Allow:
		return "allow"
	case Deny:
		return "deny"
	}
	return "none"
}

// Global is the object "*": every object of a privilege's scope.
const Global = "*"

// IsDFS reports whether an object names a DFS database or table rather
// than a shared in-memory table, stream engine or function view.
func IsDFS(obj string) bool { return strings.HasPrefix(obj, "dfs://") }

// TablePath is the object name of a DFS table: "dfs://db/table".
func TablePath(db, table string) string { return strings.TrimSuffix(db, "/") + "/" + table }

// ColumnPath is the object name of a column of a DFS table (a
// TABLE_SENSITIVE_VIEW object): "dfs://db/table:col".
func ColumnPath(db, table, col string) string { return TablePath(db, table) + ":" + col }

// SharedName strips the node part of a shared-table object
// ("node:table" or "table@node"), since Porpoise is one node.
func SharedName(obj string) string {
	if i := strings.LastIndexByte(obj, '@'); i > 0 {
		obj = obj[:i]
	}
	if i := strings.IndexByte(obj, ':'); i >= 0 && !strings.Contains(obj, "::") {
		obj = obj[i+1:]
	}
	return obj
}
