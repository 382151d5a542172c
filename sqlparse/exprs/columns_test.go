package exprs_test

import (
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/stretchr/testify/require"
)

func TestNeededColumns(t *testing.T) {
	names := []string{"date", "sym", "price", "qty"}
	cases := []struct {
		query string
		want  []int
	}{
		{"select * from t", nil},
		{"select sym, price from t", []int{1, 2}},
		{"exec count(*) from t", []int{0}},
		{"select max(price) from t where date > 2024.01.01 group by sym", []int{0, 1, 2}},
		{"select top 3 qty from t order by PRICE desc", []int{2, 3}},
		{"select each(x -> x + qty, price) as z from t", []int{2, 3}},
		{"select t.sym from t", []int{1}},
		{"select date, sym, price, qty from t", nil},
		// each clause's columns count, the last ones read only there
		{"select sum(price) from t group by sym cgroup by minute(date) as m order by sym, m", []int{0, 1, 2}},
		{"select sym, price from t context by sym csort qty desc limit 1", []int{1, 2, 3}},
		{"select sym from t context by sym having max(qty) > 1", []int{1, 3}},
		{"select price from t pivot by date, sym", []int{0, 1, 2}},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			e, err := sqlparse.ParseExpr(c.query)
			require.NoError(t, err)
			sel, ok := e.(*ast.SelectExpr)
			require.True(t, ok)
			require.Equal(t, c.want, exprs.NeededColumns(sel, names))
		})
	}
}
