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
