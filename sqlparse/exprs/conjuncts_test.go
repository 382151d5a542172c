package exprs_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
)

func parseAll(t *testing.T, srcs ...string) []ast.Expr {
	out := make([]ast.Expr, len(srcs))
	for i, src := range srcs {
		e, err := sqlparse.ParseExpr(src)
		require.NoError(t, err, src)
		out[i] = e
	}
	return out
}

func TestConjunctsFlattensAndChains(t *testing.T) {
	var got []string
	for _, c := range exprs.Conjuncts(parseAll(t, "(x > 1 and (y == 2 && z in 1 2)) and (w or v)", "((u between 1:3))")) {
		_, paren := c.(*ast.ParenExpr)
		require.False(t, paren)
		got = append(got, unparse.Format(c))
	}
	require.Equal(t, []string{"(x > 1)", "(y == 2)", "(z in (1 2))", "(w or v)", "(u between (1 : 3))"}, got)
}

func TestUnparen(t *testing.T) {
	for _, e := range parseAll(t, "t.id", "(t.id)", "(((t.id)))") {
		require.IsType(t, &ast.MemberExpr{}, exprs.Unparen(e))
	}
	require.IsType(t, &ast.TupleExpr{}, exprs.Unparen(parseAll(t, "(a, b)")[0]))
}
