package modules

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
)

func TestResolve(t *testing.T) {
	mod := func(name string, fns []string, deps ...*Module) *Module {
		m := &Module{Name: name, Funcs: map[string]*ast.DefStmt{}, Deps: deps}
		for _, f := range fns {
			m.Funcs[f] = &ast.DefStmt{Name: f}
		}
		return m
	}
	ta := mod("ta", []string{"ma", "f"})
	other := mod("other", []string{"f", "g"})
	app := mod("app", []string{"run"}, ta)
	sys := mod("sys::log", []string{"log"})
	r := &Registry{system: map[string]*Module{"sys::log": sys}}
	for _, tc := range []struct {
		name    string
		call    string
		running *Module
		used    []*Module
		wantMod *Module
		wantFn  string
		wantErr string
	}{
		{name: "qualified, imported", call: "ta::ma", used: []*Module{ta}, wantMod: ta, wantFn: "ma"},
		{name: "qualified, a dependency of an import", call: "ta::ma", used: []*Module{app}, wantMod: ta, wantFn: "ma"},
		{name: "qualified, loaded system-wide", call: "sys::log::log", wantMod: sys, wantFn: "log"},
		{name: "qualified, unknown module", call: "nope::f", used: []*Module{ta}},
		{name: "root namespace", call: "::f", used: []*Module{ta}, wantFn: "f"},
		{name: "plain, one import defines it", call: "g", used: []*Module{ta, other}, wantMod: other, wantFn: "g"},
		{name: "plain, no import defines it", call: "sum", used: []*Module{ta}, wantFn: "sum"},
		{name: "plain, two imports define it", call: "f", used: []*Module{ta, other},
			wantErr: "Modules [ta] and [other] contain function [f]. Please use module name to qualify the function."},
		{name: "the running module's own function", call: "run", running: app, used: []*Module{other}, wantMod: app, wantFn: "run"},
		{name: "the running module's dependencies, not the session's imports", call: "f", running: app, used: []*Module{other}, wantMod: ta, wantFn: "f"},
		{name: "qualified from a running module", call: "ta::f", running: app, wantMod: ta, wantFn: "f"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, fn, err := r.Resolve(tc.call, tc.running, tc.used)
			errText := ""
			if err != nil {
				errText = err.Error()
			}
			require.Equal(t, tc.wantErr, errText)
			require.Same(t, tc.wantMod, m)
			require.Equal(t, tc.wantFn, fn)
		})
	}
}

// Func gives the lock planning a module function's definition, or
// the root name to look up when the call means no module's function.
func TestFunc(t *testing.T) {
	mutable := []ast.Param{{Name: "t", Mutable: true}, {Name: "x"}}
	ta := &Module{Name: "ta", Funcs: map[string]*ast.DefStmt{"add": {Name: "add", Params: mutable}, "get": {Name: "get"}}}
	var r Registry
	for _, tc := range []struct {
		name       string
		call       string
		used       []*Module
		wantParams []ast.Param
		wantRoot   string
	}{
		{name: "no module in use", call: "add", wantRoot: "add"},
		{name: "an imported function", call: "add", used: []*Module{ta}, wantParams: mutable},
		{name: "qualified", call: "ta::add", used: []*Module{ta}, wantParams: mutable},
		{name: "a function without parameters", call: "get", used: []*Module{ta}},
		{name: "no import defines it", call: "f", used: []*Module{ta}, wantRoot: "f"},
		{name: "the root namespace", call: "::add", used: []*Module{ta}, wantRoot: "add"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _, root := r.Func(tc.call, nil, tc.used)
			var params []ast.Param
			if d != nil {
				params = d.Params
			}
			require.Equal(t, tc.wantParams, params)
			require.Equal(t, tc.wantRoot, root)
		})
	}
}
