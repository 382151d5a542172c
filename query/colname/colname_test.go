package colname

import (
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/stretchr/testify/require"
)

func TestBinaryNameIsLinear(t *testing.T) {
	for src, want := range map[string]string{
		"a + b * c - 1 + (d + e)": "add_sub_add_a",
		"1 + a":                   "add_a",
		"(1 + 2) * b":             "mul_add",
		"2 * 3":                   "mul",
		"x in y":                  "in_x",
	} {
		e, err := sqlparse.ParseExpr(src)
		require.NoError(t, err)
		require.Equal(t, want, Of(e), src)
	}

	// a chain of 20000 terms is named in one pass: 20000 "add_" then "a"
	src := "a" + strings.Repeat("+a", 20000)
	e, err := sqlparse.ParseExpr(src)
	require.NoError(t, err)
	name := Of(e)
	require.Equal(t, strings.Repeat("add_", 20000)+"a", name)
}

func TestGiven(t *testing.T) {
	for src, want := range map[string]string{"x": "x", "t.price": "price", "f(x)": "", "x + 1": "", "(x)": ""} {
		e, err := sqlparse.ParseExpr(src)
		require.NoError(t, err)
		require.Equal(t, want, Given(e), src)
	}
}
