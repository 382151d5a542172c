package ipctable

import (
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// host is what these functions need from the interpreter: state shared
// by every session of the engine.
type host interface {
	EngineState(key string, init func() any) any
}

// tables is an engine's IPC in-memory tables by name.
type tables struct {
	mu     sync.Mutex
	byName map[string]*value.Table
}

func registry(env funcs.Env) (*tables, error) {
	h, err := funcs.HostOf[host](env)
	if err != nil {
		return nil, err
	}
	return h.EngineState("ipctable", func() any { return &tables{byName: map[string]*value.Table{}} }).(*tables), nil
}

// nameArg reads the tableName argument of fn.
func nameArg(fn string, v value.Value) (string, error) {
	name, ok := funcs.StringArg(v)
	if !ok || name == "" {
		return "", ddberr.Errorf("The argument [%s] of %s must be %s.", "tableName", fn, "a non-empty string")
	}
	return name, nil
}

// create makes an empty table with the given schema and registers it
// under its name. The table is locked as a shared one (its Shared name),
// since every session that loads it appends to and reads the same rows,
// and it is a Handle: variables bound to it all see those rows.
func create(env funcs.Env, args []value.Value) (value.Value, error) {
	// size is the capacity of DolphinDB's shared-memory ring; the rows
	// here live in an ordinary table, which grows as needed.
	if _, err := funcs.IntArg("createIPCInMemoryTable", "size", args[0], 0); err != nil {
		return nil, err
	}
	name, err := nameArg("createIPCInMemoryTable", args[1])
	if err != nil {
		return nil, err
	}
	reg, err := registry(env)
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
	reg.mu.Lock()
	defer reg.mu.Unlock()
	if _, ok := reg.byName[name]; ok {
		return nil, ddberr.Errorf("The IPC in-memory table [%s] already exists.", name)
	}
	reg.byName[name] = t
	return t, nil
}

// load returns the table registered under a name.
func load(env funcs.Env, args []value.Value) (value.Value, error) {
	t, err := find(env, "loadIPCInMemoryTable", args[0], false)
	if err != nil {
		return nil, err
	}
	return t, nil
}

// drop forgets the table registered under a name and returns the name.
func drop(env funcs.Env, args []value.Value) (value.Value, error) {
	if _, err := find(env, "dropIPCInMemoryTable", args[0], true); err != nil {
		return nil, err
	}
	name, _ := funcs.StringArg(args[0])
	return value.NewString(name), nil
}

// find returns the table registered under the name arg holds, removing
// it from the registry when remove is set.
func find(env funcs.Env, fn string, arg value.Value, remove bool) (*value.Table, error) {
	name, err := nameArg(fn, arg)
	if err != nil {
		return nil, err
	}
	reg, err := registry(env)
	if err != nil {
		return nil, err
	}
	reg.mu.Lock()
	defer reg.mu.Unlock()
	t, ok := reg.byName[name]
	if !ok {
		return nil, ddberr.Errorf("The IPC in-memory table [%s] does not exist.", name)
	}
	if remove {
		delete(reg.byName, name)
	}
	return t, nil
}
