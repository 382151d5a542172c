package engine

import (
	"maps"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse"
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

// DefineFunction implements viewfuncs.Host.
func (in *interp) DefineFunction(src string) (value.Value, error) {
	prog, err := sqlparse.Parse(src)
	if err != nil {
		return nil, err
	}
	if len(prog.Stmts) != 1 {
		return nil, ddberr.Errorf("A function definition must be one def statement.")
	}
	d, ok := prog.Stmts[0].(*ast.DefStmt)
	if !ok {
		return nil, ddberr.Errorf("A function definition must be one def statement.")
	}
	return &userFunc{name: d.Name, params: d.Params, body: d.Body}, nil
}

// functionView is the function view called name (addFunctionView), or
// nil: views are shared by every session.
func (in *interp) functionView(name string) Function {
	if f, ok := viewfuncs.FunctionView(in, name).(Function); ok {
		return f
	}
	return nil
}

// ModuleSource implements viewfuncs.Host.
func (in *interp) ModuleSource(name string) (string, error) { return in.s.eng.mods.Source(name) }

// ModuleFunctions implements viewfuncs.Host.
func (in *interp) ModuleFunctions(name, src string) ([]viewfuncs.ModuleFunction, error) {
	m, err := in.s.eng.mods.Detached(name, src)
	if err != nil {
		return nil, err
	}
	out := make([]viewfuncs.ModuleFunction, 0, len(m.Funcs))
	for _, fn := range slices.Sorted(maps.Keys(m.Funcs)) {
		d := m.Funcs[fn]
		out = append(out, viewfuncs.ModuleFunction{Name: fn, Fn: moduleFunc(m, fn),
			Body: unparse.Metacode(&ast.DefStmt{Name: d.Name, Params: d.Params, Body: d.Body})})
	}
	return out, nil
}
