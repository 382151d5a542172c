package ipctable

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// host keeps the engine's IPC tables by name, as handles every session
// reaches: the interpreter locks a statement's handles as it locks shared
// tables.
type host interface {
	// PutHandle registers t under name; false when a table has the name.
	PutHandle(name string, t *value.Table) bool
	// Handle is the table registered under name.
	Handle(name string) (*value.Table, bool)
	// DropHandle frees name; false when no table has it. Sessions holding
	// the table keep it.
	DropHandle(name string) bool
}

// nameArg reads the tableName argument of fn.
func nameArg(fn string, v value.Value) (string, error) {
	name, ok := funcs.StringArg(v)
	if !ok || name == "" {
		return "", funcs.BadArg(fn, "tableName", "a non-empty string")
	}
	return name, nil
}

// errNotExist is the error for a name no IPC table has.
func errNotExist(name string) error {
	return ddberr.Errorf("The IPC in-memory table [%s] does not exist.", name)
}

// create makes an empty table with the given schema and registers it
// under its name. Its Shared name makes the append paths take its own
// lock, as for a shared table, and it is a Handle: variables bound to it
// all see the same rows.
func create(env funcs.Env, args []value.Value) (value.Value, error) {
	// size is the capacity of DolphinDB's shared-memory ring; the rows
	// here live in an ordinary table, which grows as needed.
	if _, err := funcs.IntArg("createIPCInMemoryTable", "size", args[0], 0); err != nil {
		return nil, err
	}
	name, h, err := nameAndHost(env, "createIPCInMemoryTable", args[1])
	if err != nil {
		return nil, err
	}
	newTable, _ := env.Function("table")
	v, err := env.Call(newTable, value.NewPair(value.NewInt(0), value.NewInt(0)), args[2], args[3])
	if err != nil {
		return nil, err
	}
	t := v.(*value.Table)
	t.Shared, t.Handle = name, true
	if !h.PutHandle(name, t) {
		return nil, ddberr.Errorf("The IPC in-memory table [%s] already exists.", name)
	}
	return t, nil
}

// load returns the table registered under a name.
func load(env funcs.Env, args []value.Value) (value.Value, error) {
	name, h, err := nameAndHost(env, "loadIPCInMemoryTable", args[0])
	if err != nil {
		return nil, err
	}
	t, ok := h.Handle(name)
	if !ok {
		return nil, errNotExist(name)
	}
	return t, nil
}

// drop frees the name of a table and returns the name. Sessions that
// loaded the table keep using it (DolphinDB's manual doesn't say
// otherwise), serialized as before; its rows go with the last of them.
func drop(env funcs.Env, args []value.Value) (value.Value, error) {
	name, h, err := nameAndHost(env, "dropIPCInMemoryTable", args[0])
	if err != nil {
		return nil, err
	}
	if !h.DropHandle(name) {
		return nil, errNotExist(name)
	}
	return value.NewString(name), nil
}

// nameAndHost reads fn's tableName argument and the engine's host.
func nameAndHost(env funcs.Env, fn string, arg value.Value) (string, host, error) {
	name, err := nameArg(fn, arg)
	if err != nil {
		return "", nil, err
	}
	h, err := funcs.HostOf[host](env)
	return name, h, err
}
