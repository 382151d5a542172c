package system

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what the functions over the session's variables, shared
// objects, settings and tables need from the interpreter beyond
// funcs.Env. The interpreter implements it; the insert paths stay there
// because INSERT INTO and the embedded API share them.
type Host interface {
	funcs.Env
	// Local returns a variable of the calling frame only (exists).
	Local(name string) (value.Value, bool)
	// Shared returns the shared object called name.
	Shared(name string) (value.Value, bool)
	// Undefine removes name from the calling frame; with shared, or when
	// the frame does not hold it, it unshares the shared object of that
	// name instead when there is one (undef). "all" empties the frame.
	Undefine(name string, shared bool) error
	// Share makes v the shared object called name (share).
	Share(v value.Value, name string, readonly bool) error
	// DatabaseExists reports whether the dfs:// database path exists.
	DatabaseExists(path string) bool
	// SessionObjects lists the session's variables (not a function's
	// locals) by name and, with shared, the shared objects after them by
	// name (objs).
	SessionObjects(shared bool) []funcs.Object
	// Settings are the configuration values getConfig reports, by key.
	Settings() map[string]string
	// OwnColumns replaces each column of a new table that a variable (or
	// another column) still reaches by a copy, as table() must.
	OwnColumns(t *value.Table)
	// Login and Logout change the session's user.
	Login(user, password string) error
	Logout()
	// InsertRows is tableInsert(target, args...): target is a table or
	// a table's name; it returns the rows written.
	InsertRows(target value.Value, args []value.Value) (int, error)
	// AppendTo is append!(obj, data) for vectors, sets and every kind
	// of table.
	AppendTo(obj, data value.Value) (value.Value, error)
	// Upsert is upsert!/tableUpsert: the rows of src update target's rows
	// with the same keys and the others are inserted.
	Upsert(target value.Value, src *value.Table, ignoreNull bool, keyCols, sortCols []string) (inserted, updated int, err error)
}

func host(env funcs.Env) (Host, error) { return funcs.HostOf[Host](env) }
