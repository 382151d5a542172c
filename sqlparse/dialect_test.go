package sqlparse_test

import (
	"testing"

	. "github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/sqlparse/words"
	"github.com/stretchr/testify/require"
)

func TestDialects(t *testing.T) {
	cases := []struct {
		d         words.Dialect
		src, want string
	}{
		// DolphinDB's own: nothing changes
		{words.DolphinDB, "decode(x, 1, 2)", "decode(x, 1, 2)"},
		{words.DolphinDB, "a || b == c", "(a || (b == c))"},
		{words.DolphinDB, "x--", "x -= 1"},
		{words.DolphinDB, "sysdate()", "sysdate()"},
		{words.DolphinDB, "RANK() over (order by x)", "RANK() over (order by x)"},
		// Oracle: its functions in any case, || binding as +, -- comments
		{words.Oracle, "DECODE(x, 1, 2)", "oracle.decode(x, 1, 2)"},
		{words.Oracle, "Nvl(a, 0) + to_char(b)", "(oracle.nvl(a, 0) + oracle.to_char(b))"},
		{words.Oracle, "a || b == c", "(oracle.||(a, b) == c)"},
		{words.Oracle, "a || b * 2", "oracle.||(a, (b * 2))"},
		{words.Oracle, "x -- a comment", "x"},
		{words.Oracle, "x /* a comment */ + 1", "(x + 1)"},
		{words.Oracle, "RANK() OVER (ORDER BY x)", "rank() over (order by x)"},
		{words.Oracle, "sysdate()", "sysdate()"},
		{words.Oracle, "size(x)", "size(x)"},
		// MySQL: sysdate
		{words.MySQL, "SYSDATE() + 1", "(mysql.sysdate() + 1)"},
		{words.MySQL, "decode(x)", "decode(x)"},
		{words.MySQL, "a || b", "(a || b)"},
	}
	for _, c := range cases {
		s, err := ParseWith(c.src, Options{Dialect: c.d})
		require.NoError(t, err, c.src)
		require.Len(t, s.Stmts, 1, c.src)
		require.Equal(t, c.want, unparse.Format(s.Stmts[0]), c.src)
	}
}

func TestScriptWrites(t *testing.T) {
	cases := []struct {
		src      string
		ddl, dml bool
	}{
		{"select * from t", false, false},
		{"create table t (a INT)", true, false},
		{"if (true) { drop table t }", true, false},
		{"alter table t add b INT", true, false},
		{"insert into t values (1)", false, true},
		{"update t set a = 1", false, true},
		{"x = 1; delete from t where a = 1", false, true},
	}
	for _, c := range cases {
		s, err := Parse(c.src)
		require.NoError(t, err, c.src)
		require.Equal(t, c.ddl, s.DDL, c.src)
		require.Equal(t, c.dml, s.DML, c.src)
	}
}

func TestParseDialect(t *testing.T) {
	for s, want := range map[string]words.Dialect{"ddb": words.DolphinDB, "Oracle": words.Oracle, "MYSQL": words.MySQL} {
		d, ok := words.ParseDialect(s)
		require.True(t, ok, s)
		require.Equal(t, want, d, s)
	}
	_, ok := words.ParseDialect("postgres")
	require.False(t, ok)
}
