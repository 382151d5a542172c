package alias_test

import (
	"testing"

	"github.com/porpoisedb/porpoise/engine/alias"
	"github.com/porpoisedb/porpoise/funcs"
	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// scope is a frame of variables over the real registry; names in it
// hide the built-ins, as in the interpreter.
type scope map[string]value.Value

func (s scope) Var(name string) (value.Value, bool) { v, ok := s[name]; return v, ok }

func (s scope) Builtin(name string) *funcs.Spec {
	if _, ok := s[name]; ok {
		return nil
	}
	spec, _ := funcs.Lookup(name)
	return spec
}

func (scope) Operator(b *ast.BinaryExpr) string {
	if b.Op == "<-" {
		return "join"
	}
	return ""
}

func TestCheck(t *testing.T) {
	x := value.NewVector(value.Int, 4, 4)
	tuple := value.NewTuple([]value.Value{x})
	frame := scope{"x": x, "y": value.NewVector(value.Int, 2, 2), "tp": tuple, "n": value.NewInt(3)}
	cases := []struct {
		expr   string
		v      value.Value // the value the expression gave
		target string
		want   alias.Verdict
	}{
		{"1..10", value.NewVector(value.Int, 10, 10), "z", alias.Fresh},
		{"x + 1", value.NewVector(value.Int, 4, 4), "z", alias.Fresh},
		{"cumsum(x) * n", value.NewVector(value.Int, 4, 4), "z", alias.Fresh},
		{"[1, 2, n]", value.NewVector(value.Int, 3, 3), "z", alias.Fresh},
		{"table(x as a, y as b)", value.NewTable([]string{"a"}, []*value.Vector{value.NewVector(value.Int, 4, 4)}), "z", alias.Fresh},
		{"x", x, "z", alias.Shared},
		{"(x)", x, "z", alias.Shared},
		{"x[0:2]", x.Slice(0, 2), "z", alias.Shared},
		{"true ? x : y", x, "z", alias.Shared},
		{"string(x)", x, "z", alias.Shared},
		{"x <- y", value.NewTuple([]value.Value{x}), "z", alias.Shared},
		// the target's own old storage: another variable may share it too
		{"reverse(x)", x, "x", alias.Unknown},
		// a tuple may hold what value.HeldVectors does not see
		{"tp[0]", x, "z", alias.Unknown},
		// built-ins that read variables or code by name
		{`objByName("x")`, x, "z", alias.Unknown},
		{`eval(parseExpr("x"))`, x, "z", alias.Unknown},
		{"each(add, x, 1)", value.NewVector(value.Int, 4, 4), "z", alias.Unknown},
		{"(def(a): a)(x)", x, "z", alias.Unknown},
		{"t.col", x, "z", alias.Unknown},
		{"undefined + 1", value.NewVector(value.Int, 4, 4), "z", alias.Unknown},
	}
	for _, c := range cases {
		e, err := sqlparse.ParseExpr(c.expr)
		require.NoError(t, err, c.expr)
		require.Equal(t, c.want, alias.Check(c.v, c.target, e, frame), c.expr)
	}
}
