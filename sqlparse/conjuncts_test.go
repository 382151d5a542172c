package sqlparse_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
)

func TestConjunctsFlattensAndChains(t *testing.T) {
	a, err := sqlparse.ParseExpr("(x > 1 and (y == 2 && z in 1 2)) and (w or v)")
	require.NoError(t, err)
	b, err := sqlparse.ParseExpr("((u between 1:3))")
	require.NoError(t, err)
	var got []string
	for _, c := range sqlparse.Conjuncts([]sqlparse.Expr{a, b}) {
		_, paren := c.(*sqlparse.ParenExpr)
		require.False(t, paren)
		got = append(got, unparse.Format(c))
	}
	require.Equal(t, []string{"(x > 1)", "(y == 2)", "(z in (1 2))", "(w || v)", "(u between (1 : 3))"}, got)
}
