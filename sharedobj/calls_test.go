package sharedobj

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// scriptScope is a Scope of a frame's variables and a script's function
// definitions.
type scriptScope struct {
	locals map[string]value.Value
	defs   map[string]*ast.DefStmt
	gen    uint64
}

func (s scriptScope) Local(name string) (value.Value, bool) {
	v, ok := s.locals[name]
	return v, ok
}

func (s scriptScope) Func(name string, _ bool, _ any) (Def, bool) {
	d, ok := s.defs[name]
	if !ok {
		return Def{}, false
	}
	return Def{Params: d.Params, Body: d.Body}, true
}

func (s scriptScope) FuncValue(value.Value) (Def, bool) { return Def{}, false }

func (s scriptScope) Gen() uint64 { return s.gen }

// Plan takes what the functions a statement calls use, transitively and
// once per function however it recurses; their parameters shadow shared
// names, and their statements make the plan write only when a writing
// one names a shared object (or a parameter is mutable).
func TestPlanThroughCalls(t *testing.T) {
	const defs = `
def readsB() { return exec count(*) from b }
def readsAviaB() { x = 1; return readsB() + exec count(*) from a }
def writesC() { c.append!(table(1 as x)) }
def shadows(b) { y = b; return y }
def recurse(k) { if (k > 0) return recurse(k - 1); return size(d) }
def mut(mutable t) { t.append!(table(1 as x)) }
`
	for _, tt := range []struct {
		name string
		stmt string
		want Plan
	}{
		{name: "no call", stmt: "exec count(*) from z", want: Plan{Names: []string{"z"}}},
		{name: "a function's reads", stmt: "z.append!(table(readsB() as x))", want: Plan{Names: []string{"b", "z"}, Write: true}},
		{name: "transitively, local assignment not a write", stmt: "readsAviaB()", want: Plan{Names: []string{"a", "b"}}},
		{name: "a function's write", stmt: "select * from z where x = writesC()", want: Plan{Names: []string{"c", "z"}, Write: true}},
		{name: "a parameter shadows", stmt: "shadows(1)"},
		{name: "recursion", stmt: "recurse(3)", want: Plan{Names: []string{"d"}}},
		{name: "mutable parameter", stmt: "mut(z)", want: Plan{Names: []string{"z"}, Write: true}},
		{name: "a lambda's body", stmt: "each(x -> size(a) + x, 1 2)", want: Plan{Names: []string{"a"}}},
		{name: "a lambda writing", stmt: "each(x -> c.append!(table(x as x)), 1 2)", want: Plan{Names: []string{"c"}, Write: true}},
		{name: "a definition runs later", stmt: "def later() { return size(a) }"},
		{name: "a local shadows a function", stmt: "readsB + 1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			script, err := sqlparse.Parse(defs + tt.stmt)
			require.NoError(t, err)
			s := scriptScope{locals: map[string]value.Value{}, defs: map[string]*ast.DefStmt{}}
			for _, st := range script.Stmts {
				if d, ok := st.(*ast.DefStmt); ok {
					s.defs[d.Name] = d
				}
			}
			if tt.name == "a local shadows a function" {
				s.locals["readsB"] = value.NewInt(1)
			}
			var sc Scans
			got, _ := sc.Plan(script.Stmts[len(script.Stmts)-1], catalogOf("a", "b", "c", "d", "t", "z"), s)
			require.Equal(t, tt.want, got)
		})
	}
}

// What a function's body reaches is kept between statements, and planned
// again once a definition or the catalog's names change.
func TestPlanThroughCallsKept(t *testing.T) {
	parse := func(src string) []ast.Stmt {
		script, err := sqlparse.Parse(src)
		require.NoError(t, err)
		return script.Stmts
	}
	s := scriptScope{locals: map[string]value.Value{}, defs: map[string]*ast.DefStmt{}}
	define := func(src string) {
		d := parse(src)[0].(*ast.DefStmt)
		s.defs[d.Name] = d
		s.gen++
	}
	define("def f() { return size(a) }")
	define("def g() { return f() }")
	stmt := parse("g()")[0]
	c := catalogOf("a", "b")
	var sc Scans
	plan := func() []string {
		p, _ := sc.Plan(stmt, c, s)
		return p.Names
	}
	require.Equal(t, []string{"a"}, plan())
	require.Equal(t, []string{"a"}, plan(), "kept")
	require.Len(t, sc.reached, 1, "g's body, which reaches f's")
	s.locals["g"] = value.NewInt(1)
	require.Empty(t, plan(), "a variable g shadows the function")
	delete(s.locals, "g")
	require.Equal(t, []string{"a"}, plan())

	define("def f() { return size(b) + size(e) }")
	require.Equal(t, []string{"b"}, plan(), "f redefined")

	c.Put("e", value.NewInt(1), "admin")
	require.Equal(t, []string{"b", "e"}, plan(), "e shared")
	require.NoError(t, c.Drop("b"))
	require.Equal(t, []string{"e"}, plan(), "b undefined")
	require.True(t, c.PutHandle("b", value.NewTable([]string{"x"}, []*value.Vector{value.NewInts([]int32{1})})))
	_, vals := sc.Plan(stmt, c, s)
	require.Len(t, vals, 1, "b names a handle")
}
