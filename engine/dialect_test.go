package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/words"
)

// The dialect in a script's context is the one it is parsed in, as the
// server sets it from every request's flag.
func TestSessionDialect(t *testing.T) {
	e, err := Open(Options{InMemory: true})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	cases := []struct {
		d      words.Dialect
		script string
		want   string
	}{
		{words.Oracle, "'ab' || 'cd'", "abcd"},
		{words.Oracle, "t = table(1 2 3 as id, `IT_PROG`FI_ACCOUNT`SA_REP as job); exec DECODE(job, 'IT_PROG', 'Programmer', 'FI_ACCOUNT', 'Accountant', 'Others') from t", `["Programmer","Accountant","Others"]`},
		{words.Oracle, "nvl(NULL, 7) -- a comment", "7"},
		{words.MySQL, "sysdate() == today()", "true"},
		{words.DolphinDB, "true || false", "true"},
		{words.DolphinDB, "x = 3; x--; x", "2"},
	}
	for _, c := range cases {
		v, err := s.RunContext(sqlparse.WithDialect(context.Background(), c.d), c.script)
		require.NoError(t, err, c.script)
		require.Equal(t, c.want, v.String(), c.script)
	}
	_, err = s.Run("decode(1, 1, 2)")
	require.ErrorContains(t, err, "Cannot recognize the token decode")
}
