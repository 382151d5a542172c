package unparse_test

import (
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/stretchr/testify/require"
)

// TestPrint covers every statement and clause form: the debugging form of
// the whole script, and the metacode form of its last statement.
func TestPrint(t *testing.T) {
	cases := []struct{ src, format, metacode string }{
		{"for(i = 0; i < 3; i += 1) { x = i }", "for(i = 0; (i < 3); i += 1) {x = i}",
			"for(i = 0; i < 3; i += 1) {x = i}"},
		{"for(;;) { break }", "for(; ; ) {break}",
			"for(; ; ) {break}"},
		{"for(x in 1 2 3) print(x)", "for(x in (1 2 3)) {print(x)}",
			"for(x in (1 2 3)) {print(x)}"},
		{"timer(10) f()", "timer(10) {f()}",
			"timer(10) {f()}"},
		{"assert \"c\", x == 1", "assert \"c\", (x == 1)",
			"assert \"c\", x == 1"},
		{"def f(mutable a, b=1) { return a + b }", "def f(mutable a, b=1) {return (a + b)}",
			"def f(mutable a, b=1) {return a + b}"},
		{"def f() { const a = 1 2; return a }", "def f() {const a = (1 2); return a}",
			"def f() {const a = (1 2); return a}"},
		{"do { x -= 1 } while(x > 0)", "do {x -= 1} while((x > 0))",
			"do {x -= 1} while(x > 0)"},
		{"try { a } catch(ex) { b }", "try {a} catch(ex) {b}",
			"try {a} catch(ex) {b}"},
		{"update t set a = 1, b = b + 1 from t where x = 1, y > 2 context by z", "update t set a = 1, b = (b + 1) from t where (x == 1), (y > 2) context by z",
			"update t set a = 1, b = b + 1 from t where x == 1, y > 2 context by z"},
		{"delete from t where a > 1, b < 2", "delete from t where (a > 1), (b < 2)",
			"delete from t where a > 1, b < 2"},
		{"insert into t (a, b) values (1, 2), (3, 4)", "insert into t (a, b) values (1, 2), (3, 4)",
			"insert into t (a, b) values (1, 2), (3, 4)"},
		{"select distinct top 2 a as x, b from t inner join s on t.k = s.k where a > 1, b < 2 group by c, d having sum(a) > 1 order by a desc nulls first limit 1, 2", "select distinct top 2 a as x, b from (t inner join s on (t.k == s.k)) where (a > 1), (b < 2) group by c, d having (sum(a) > 1) order by a desc nulls first limit 1, 2",
			"select distinct top 2 a as x,b from (t inner join s on t.k == s.k) where a > 1,b < 2 group by c,d having sum(a) > 1 order by a desc nulls first limit 1, 2"},
		{"select a from t context by s csort b desc limit 2", "select a from t context by s csort b desc limit 2",
			"select a from t context by s csort b desc limit 2"},
		{"select a from t pivot by x, y", "select a from t pivot by x, y",
			"select a from t pivot by x,y"},
		{"select a from t cgroup by x order by x map", "select a from t cgroup by x order by x map",
			"select a from t cgroup by x order by x map"},
		{"x.f(1, 2); f{1, , 3}; x.g{1}", "x.f(1, 2)\nf{1, , 3}\nx.g{1}",
			"x.g{1}"},
		{"(a + 7) * 8 - -x; not a; !b; a - (b - c); a ** b $ c", "(((a + 7) * 8) - (-x))\n(!a)\n(!b)\n(a - (b - c))\n((a ** b) $ c)",
			"a ** b $ c"},
		{"<symbol == `MSFT>", "<(symbol == `MSFT)>",
			"<symbol == \"MSFT\">"},
		{"[1, 2] join (3, 4); m[1, 2]; {\"a\": 1}; x ? y : z; f:E(1 2)", "([1, 2] join (3, 4))\nm[1, 2]\n{\"a\": 1}\n(x ? y : z)\nf:E((1 2))",
			"f:E((1 2))"},
		{"exec a from t union all select b from s", "exec a from t union all select b from s",
			"exec a from t union all select b from s"},
	}
	for _, c := range cases {
		s, err := sqlparse.Parse(c.src)
		require.NoError(t, err, c.src)
		require.Equal(t, c.format, unparse.FormatScript(s), c.src)
		require.Equal(t, c.metacode, unparse.Metacode(s.Stmts[len(s.Stmts)-1]), c.src)
	}
}

// TestLongChain: a million-term chain prints by a loop (the metacode of
// <1+1+...> used to exhaust the Go stack and kill the process).
func TestLongChain(t *testing.T) {
	const n = 1000000
	e, err := sqlparse.ParseExpr("1" + strings.Repeat("+1", n))
	require.NoError(t, err)
	require.Equal(t, "1"+strings.Repeat(" + 1", n), unparse.Metacode(e))
	require.Equal(t, strings.Repeat("(", n)+"1"+strings.Repeat(" + 1)", n), unparse.Format(e))
}

// TestDeepTree: a tree deeper than any script parses to (metacode built
// in a loop: x = expr(1, +, x)) is cut short with "..." instead of
// exhausting the Go stack.
func TestDeepTree(t *testing.T) {
	var x ast.Expr = &ast.Ident{Name: "x"}
	for i := 0; i < 1000000; i++ {
		x = &ast.BinaryExpr{Op: "+", L: &ast.Literal{Kind: ast.LitInt, Text: "1"}, R: x}
	}
	s := unparse.Metacode(x)
	require.True(t, strings.HasPrefix(s, "1 + (1 + (1 + "), s[:20])
	require.Contains(t, s, "...")
	require.Contains(t, unparse.Format(x), "...")

	// moderate depth prints whole
	x = &ast.Ident{Name: "x"}
	for i := 0; i < 100; i++ {
		x = &ast.UnaryExpr{Op: "-", X: x}
	}
	require.Equal(t, strings.Repeat("-", 100)+"x", unparse.Metacode(x))
}

// TestStatement: failing statements as DolphinDB prints them before " => "
// and the error's message, in the manual's examples.
func TestStatement(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"x*y", "x * y"},                              // funcs/d/decimalMultiply.md
		{"b = a*a*a*a", "b = a * a * a * a"},          // tutorials/DECIMAL_Calculation_Characteristics.md
		{"f.readRecord!(t1)", "::readRecord!(f, t1)"}, // funcs/f/fflush.md
		{`return parseExpr("select * from t3 where id in 1..5").eval()`,
			`return ::evaluate(parseExpr("select * from t3 where id in 1..5"))`}, // funcs/p/parseExpr.md
		{"update pt set x=prev(x)", "update pt set x = prev(x)"}, // progr/sql/update.md
		{"b[0]=1", "b[0] = 1"},                  // funcs/s/subarray.md
		{"unionAll(t1,t2)", "unionAll(t1, t2)"}, // funcs/u/unionAll.md
		{`grant("user1", DB_MANAGE,"dfs://test0")`, `grant("user1", DB_MANAGE, "dfs://test0")`}, // tutorials/ACL_and_Security.md
		{"t = queryFirst10Col(2023.01.01, 2023.12.31, `SecurityID`date`col40)",
			`t = queryFirst10Col(2023.01.01, 2023.12.31, ["SecurityID","date","col40"])`}, // tutorials/interface_development.md
		{"throw '<NotLeader>xxx'", `throw "<NotLeader>xxx"`}, // python-sdk test_throw_not_leader
		{`insert into agg1 values (2024.02.01T00:00:00.000 + 1000 * (1..n), take("A", n))`,
			`insert into agg1 values (2024.02.01T00:00:00.000 + 1000 * (1 .. n), take("A", n))`}, // rn/compact_report_2410.md
		{"x = 1 2 3 + [4, 5, 6]", "x = [1,2,3] + [4,5,6]"},
		{"y = [a, 2]", "y = [a, 2]"},
	} {
		s, err := sqlparse.Parse(c.src)
		require.NoError(t, err, c.src)
		require.Equal(t, c.want, unparse.Statement(s.Stmts[0]), c.src)
	}
}
