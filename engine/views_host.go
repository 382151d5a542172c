package engine

import (
	"github.com/porpoisedb/porpoise/modules"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/viewfuncs"
)

// The interpreter is the Host of package viewfuncs (function views).
var _ viewfuncs.Host = (*interp)(nil)

// CheckRead, CheckWrite, DataDir, EngineState, IsAdmin, Principal and
// RunInView are shared with dbfuncs.Host.

// FunctionSource implements viewfuncs.Host.
func (in *interp) FunctionSource(fn value.Value) (string, string, bool) {
	u, ok := fn.(*userFunc)
	if !ok || u.name == "" {
		return "", "", false
	}
	return u.name, unparse.Metacode(&ast.DefStmt{Name: u.name, Params: u.params, Body: u.body}), true
}

// UserFunction implements viewfuncs.Host.
func (in *interp) UserFunction(d *ast.DefStmt, m *modules.Module) value.Value {
	return newUserFunc(userFunc{name: d.Name, params: d.Params, body: d.Body, mod: m})
}

// Modules implements viewfuncs.Host.
func (in *interp) Modules() *modules.Registry { return &in.s.eng.mods }

// functionView is the function view called name (addFunctionView), or
// nil: views are shared by every session.
func (in *interp) functionView(name string) Function {
	if f, ok := viewfuncs.FunctionView(in, name).(Function); ok {
		return f
	}
	return nil
}
