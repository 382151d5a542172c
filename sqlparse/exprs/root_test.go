package exprs_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
)

func TestRootName(t *testing.T) {
	for src, want := range map[string]string{"x": "x", "x[1]": "x", "x.col": "x", "x[1][2].c": "x", "f(x)": "", "(x)": ""} {
		e, err := sqlparse.ParseExpr(src)
		require.NoError(t, err)
		name, _ := exprs.RootName(e)
		require.Equal(t, want, name, src)
	}
}

func TestRootColumn(t *testing.T) {
	for src, want := range map[string][2]string{
		"t": {"t", ""}, "t.x": {"t", "x"}, "t.x[0]": {"t", "x"}, "t[`x]": {"t", "x"}, "t[\"x\"][1:3]": {"t", "x"},
		"t[0]": {"t", ""}, "t[c][0]": {"t", ""}, "f(t).x": {"", ""},
	} {
		e, err := sqlparse.ParseExpr(src)
		require.NoError(t, err)
		root, col := exprs.RootColumn(e)
		require.Equal(t, want, [2]string{root, col}, src)
	}
}
