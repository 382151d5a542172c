package system

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what the functions over the session's variables, shared
// objects, settings and tables need from the interpreter beyond
// funcs.Env. The interpreter implements it.
type Host interface {
	funcs.Env
	// Local returns a variable of the calling frame only (exists).
	Local(name string) (value.Value, bool)
	// Shared returns the shared object called name.
	Shared(name string) (value.Value, bool)
	// Undefine removes name as undef does: with kind VAR from the
	// calling frame, or, when the frame does not hold it, the shared
	// object of that name; with kind SHARED the shared object; with kind
	// DEF the session's function definition. The name "all" removes
	// every object of that kind.
	Undefine(name string, kind ObjKind) error
	// Share makes v the shared object called name (share).
	Share(v value.Value, name string, readonly bool) error
	// DatabaseExists reports whether the dfs:// database path exists.
	DatabaseExists(path string) bool
	// DatabaseOwner is the user who created the dfs:// database path.
	DatabaseOwner(path string) string
	// SessionObjects lists the session's variables (not a function's
	// locals) by name and, with shared, the shared objects after them by
	// name (objs).
	SessionObjects(shared bool) []funcs.Object
	// ReadObject is read's result for o, which another session may be
	// writing when it is a shared object, a table shared from a variable
	// or an IPC table: read is called holding the object's lock for that
	// call alone, or, when the lock can't be waited for, the result is
	// read's last one of that kind (key); nil when there is none.
	ReadObject(o funcs.Object, key string, read func(value.Value) any) any
	// Settings are the configuration values getConfig reports, by key.
	Settings() map[string]string
	// OwnColumns replaces each column of a new table that a variable (or
	// another column) still reaches by a copy, as table() must.
	OwnColumns(t *value.Table)
	// Login and Logout change the session's user.
	Login(user, password string) error
	Logout()
	// CheckShared fails when the session may not read (or, with write,
	// change) the shared in-memory table called name.
	CheckShared(name string, write bool) error
	// LockShared locks, for writing, the shared objects among vals for
	// the session's running statement, and returns their release. With
	// wait false it takes them only if every one is free now (ok).
	// LockWrites is how callers use it.
	LockShared(vals []value.Value, wait bool) (release func(), ok bool, err error)
	// Guard makes t, a table no name shares, one that statements lock by
	// identity: a goroutine of the server's will write it while the
	// sessions holding it read it. GuardWritten is how callers use it.
	Guard(t *value.Table)
	// CheckAlterTable fails when the session may not change the DFS
	// table t's columns (with drop, drop one of them).
	CheckAlterTable(t *dfs.Table, drop bool) error
	// Principal is the session's user and the engine's access store,
	// whose privileges on a DFS column follow the column's changes.
	Principal() auth.Principal
	// AppendTupleAsAWhole is that setting: append! adds a tuple to a
	// tuple as one element.
	AppendTupleAsAWhole() bool
	// AppendRows writes src by position into t, a table the engine keeps
	// (a DFS table), checking the session may; stmt is set for INSERT
	// INTO. ok is false when t is not such a table.
	AppendRows(t value.Value, src *value.Table, stmt bool) (n int, ok bool, err error)
	// AddColumns is addColumn on t, a table the engine keeps (a DFS
	// table), checking the session may; ok is false when t is not such a
	// table.
	AddColumns(t value.Value, names []string, types []value.Type, scales []int32) (ok bool, err error)
	// UpsertRows is upsert! into t, a table the engine keeps; ok is false
	// when t is not one that supports it.
	UpsertRows(t value.Value, src *value.Table, ignoreNull bool, keyCols, sortCols []string) (res insert.Result, ok bool, err error)
}

// ObjKind is the kind of object defined and undef look at: DolphinDB's
// VAR, SHARED and DEF, whose values the constants have.
type ObjKind int

// The kinds of object, as the script constants VAR, SHARED and DEF.
const (
	VarObj ObjKind = iota
	SharedObj
	DefObj
)

func host(env funcs.Env) (Host, error) { return funcs.HostOf[Host](env) }
