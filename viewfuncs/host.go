package viewfuncs

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/modules"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
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
	// Principal is the session's user as the access rules see it.
	Principal() auth.Principal
	// RunInView runs a function view's body (run) with the view's rights
	// over DFS tables: reads and row changes need no table privilege.
	RunInView(run func() (value.Value, error)) (value.Value, error)
	// FunctionSource is the definition text of a named user function
	// (def f(x) {...}); ok is false for anything else.
	FunctionSource(fn value.Value) (name, src string, ok bool)
	// UserFunction is the function d defines, in module m (its calls
	// resolve there) unless m is nil, added to no session.
	UserFunction(d *ast.DefStmt, m *modules.Module) value.Value
	// Modules is the engine's module registry.
	Modules() *modules.Registry
}

// host returns env as a Host.
func host(env funcs.Env) (Host, error) { return funcs.HostOf[Host](env) }

// readHost is host(env) for a function that reads data: it fails with
// CheckRead's error when the session may not.
func readHost(env funcs.Env) (Host, error) { return funcs.HostWith(env, Host.CheckRead) }
