package setpred

import (
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/stretchr/testify/require"
)

// The rewrites recognize their shapes syntactically, before any data is
// read: and-chains split into conditions, the outer table's name, and the
// query exists() wraps.
func TestShapes(t *testing.T) {
	for _, tc := range []struct {
		src       string
		conjuncts []string
		exists    bool
	}{
		{src: "a > 1 && b < 2 && c", conjuncts: []string{"a > 1", "b < 2", "c"}},
		{src: "a > 1 || b < 2", conjuncts: []string{"a > 1 || b < 2"}},
		{src: "exists(select * from t2 where t2.id = t1.id)", conjuncts: []string{"exists(select * from t2 where t2.id == t1.id)"}, exists: true},
		{src: "exists(x)", conjuncts: []string{"exists(x)"}},
	} {
		t.Run(tc.src, func(t *testing.T) {
			e, err := sqlparse.ParseExpr(tc.src)
			require.NoError(t, err)
			var got, want []string
			for _, c := range Conjuncts([]ast.Expr{e}) {
				got = append(got, unparse.Format(c))
			}
			for _, src := range tc.conjuncts {
				w, err := sqlparse.ParseExpr(src)
				require.NoError(t, err)
				want = append(want, unparse.Format(w))
			}
			require.Equal(t, want, got)
			c, isCall := e.(*ast.CallExpr)
			require.Equal(t, tc.exists, isCall && ExistsQuery(c) != nil)
		})
	}
	for src, name := range map[string]string{"select * from t1": "t1", "select * from t as x": "x", "select * from table(1 as a)": ""} {
		e, err := sqlparse.ParseExpr(src)
		require.NoError(t, err)
		require.Equal(t, name, FromName(e.(*ast.SelectExpr).From), src)
	}
}
