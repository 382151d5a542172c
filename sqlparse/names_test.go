package sqlparse_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse"
)

func TestGivenName(t *testing.T) {
	for src, want := range map[string]string{"x": "x", "t.price": "price", "f(x)": "", "x + 1": "", "(x)": ""} {
		e, err := sqlparse.ParseExpr(src)
		require.NoError(t, err)
		require.Equal(t, want, sqlparse.GivenName(e), src)
	}
}
