package viewfuncs

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what function views need from the interpreter: where to keep
// them, the session's rights and the text of user functions.
type Host interface {
	funcs.Env
	// CheckRead and CheckWrite return DolphinDB's error when the session
	// may not read or write databases.
	CheckRead() error
	CheckWrite() error
	// DataDir is the engine's data directory, "" when it keeps
	// everything in memory.
	DataDir() string
	// EngineState returns the engine-wide value stored under key,
	// storing init() first when there is none.
	EngineState(key string, init func() any) any
	// IsAdmin reports whether the session's user is an administrator.
	IsAdmin() bool
	// Principal is the session's user as the access rules see it.
	Principal() auth.Principal
	// RunInView runs a function view's body (run) with the view's rights
	// over DFS tables: reads and row changes need no table privilege.
	RunInView(run func() (value.Value, error)) (value.Value, error)
	// FunctionSource is the definition text of a named user function
	// (def f(x) {...}); ok is false for anything else.
	FunctionSource(fn value.Value) (name, src string, ok bool)
	// DefineFunction builds the function a definition text defines,
	// without adding it to any session.
	DefineFunction(src string) (value.Value, error)
	// ModuleSource is module name's script in moduleDir, the .dos file
	// before the .dom; DolphinDB's error when there is none.
	ModuleSource(name string) (string, error)
	// ModuleFunctions builds module name from its script src, without
	// loading it into any session, and returns its functions by name.
	ModuleFunctions(name, src string) ([]ModuleFunction, error)
}

// ModuleFunction is a module's function: its name, its definition text
// and the function, which runs in the module (its calls resolve there).
type ModuleFunction struct {
	Name, Body string
	Fn         value.Value
}

// host returns env as a Host.
func host(env funcs.Env) (Host, error) { return funcs.HostOf[Host](env) }

// readHost is host(env) for a function that reads data: it fails with
// CheckRead's error when the session may not.
func readHost(env funcs.Env) (Host, error) { return funcs.HostWith(env, Host.CheckRead) }
