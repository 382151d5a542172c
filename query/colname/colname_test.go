package colname

import (
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/stretchr/testify/require"
)

func TestBinaryNameIsLinear(t *testing.T) {
	e, err := sqlparse.ParseExpr("a + b * c - 1 + (d + e)")
	require.NoError(t, err)
	require.Equal(t, "add_sub_add_a_mul_b_c__add_d_e", Of(e))
	e, err = sqlparse.ParseExpr("1 + a")
	require.NoError(t, err)
	require.Equal(t, "add_a", Of(e))

	// a chain of 20000 terms is named in one pass: 20000 "add_" then
	// 20001 "a" joined by "_"
	src := "a" + strings.Repeat("+a", 20000)
	e, err = sqlparse.ParseExpr(src)
	require.NoError(t, err)
	name := Of(e)
	require.Equal(t, 20000*len("add_")+20001*2-1, len(name))
}
