package query

import (
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
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
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			e, err := sqlparse.ParseExpr(c.query)
			require.NoError(t, err)
			sel, ok := e.(*sqlparse.SelectExpr)
			require.True(t, ok)
			require.Equal(t, c.want, neededColumns(sel, names))
		})
	}
}

func TestBinaryNameIsLinear(t *testing.T) {
	e, err := sqlparse.ParseExpr("a + b * c - 1 + (d + e)")
	require.NoError(t, err)
	require.Equal(t, "add_sub_add_a_mul_b_c__add_d_e", columnName(e))
	e, err = sqlparse.ParseExpr("1 + a")
	require.NoError(t, err)
	require.Equal(t, "add_a", columnName(e))

	// a chain of 20000 terms is named in one pass: 20000 "add_" then
	// 20001 "a" joined by "_"
	src := "a" + strings.Repeat("+a", 20000)
	e, err = sqlparse.ParseExpr(src)
	require.NoError(t, err)
	name := columnName(e)
	require.Equal(t, 20000*len("add_")+20001*2-1, len(name))
}
