package sqlparse_test

import (
	"errors"
	"strings"
	"testing"

	. "github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/stretchr/testify/require"
)

// formatCase is a source and the canonical form unparse gives it.
type formatCase struct{ src, want string }

// requireExprForms parses each src as an expression and compares its
// canonical form with want.
func requireExprForms(t *testing.T, cases []formatCase) {
	t.Helper()
	for _, c := range cases {
		e, err := ParseExpr(c.src)
		require.NoError(t, err, c.src)
		require.Equal(t, c.want, unparse.Format(e), c.src)
	}
}

// requireScriptForms parses each src as a script and compares its
// canonical form with want.
func requireScriptForms(t *testing.T, cases []formatCase) {
	t.Helper()
	for _, c := range cases {
		s, err := Parse(c.src)
		require.NoError(t, err, c.src)
		require.Equal(t, c.want, unparse.FormatScript(s), c.src)
	}
}

func TestPrecedence(t *testing.T) {
	cases := []formatCase{
		// arithmetic
		{"1 + 2 * 3", "(1 + (2 * 3))"},
		{"1 * 2 + 3", "((1 * 2) + 3)"},
		{"1 - 2 - 3", "((1 - 2) - 3)"},
		{"a / b % c \\ d", "(((a / b) % c) \\ d)"},
		{"a ** b + c", "((a ** b) + c)"},
		// seq and pair bind tighter than arithmetic (docs: 3*a..10 is 3*(a..10))
		{"3*a..10", "(3 * (a .. 10))"},
		{"00:00:00 + 1..n", "(00:00:00 + (1 .. n))"},
		{"1..(n*3)", "(1 .. (n * 3))"},
		{"1..8$4:2", "((1 .. 8) $ (4 : 2))"},
		{"x$INT + 1", "((x $ INT) + 1)"},
		{"a:b..c", "((a : b) .. c)"},
		{"1:0", "(1 : 0)"},
		// unary minus/not bind tighter than everything binary
		{"-n..n", "((-n) .. n)"},
		{"!x-1", "((!x) - 1)"},
		{"-a*b", "((-a) * b)"},
		{"- -a", "(-(-a))"},
		{"~a & b", "((~a) & b)"},
		// bitwise chain: | < ^ < & < shifts < +
		{"a | b ^ c & d << e + f", "(a | (b ^ (c & (d << (e + f)))))"},
		{"a << 1 + 2", "(a << (1 + 2))"},
		// comparisons below bitwise, above && and ||
		{"a == b | c", "(a == (b | c))"},
		{"a < b && c > d || e", "(((a < b) && (c > d)) || e)"},
		{"a || b && c", "(a || (b && c))"},
		{"a or b and c", "(a or (b && c))"},
		{"a AND b OR c", "((a && b) or c)"},
		{"a <> b", "(a != b)"},
		{"a = b", "(a == b)"},
		{"a != b", "(a != b)"},
		{"a<=b", "(a <= b)"},
		{"x in 1 2 3", "(x in (1 2 3))"},
		{"x + 1 in y", "((x + 1) in y)"},
		{"x not in y && z", "((!(x in y)) && z)"},
		{"s like \"A%\"", "(s like \"A%\")"},
		{"x between 1 and 10 and y", "((x between (1 : 10)) && y)"},
		{"x between 1:10", "(x between (1 : 10))"},
		{"not x in y", "(!(x in y))"},
		{"not a and b", "((!a) && b)"},
		{"not a == b", "(!(a == b))"},
		{"not(a)", "not(a)"},
		// ternary is loosest
		{"a > 1 ? b + 1 : c", "((a > 1) ? (b + 1) : c)"},
		{"c ? 1:2 : 3", "(c ? 1 : (2 : 3))"},
		// postfix binds tightest
		{"-x[0]", "(-x[0])"},
		{"a.b.c(1)", "a.b.c(1)"},
		{"f(x)(y)", "f(x)(y)"},
		{"t.f(x) + 1", "(t.f(x) + 1)"},
		{"x[1:3]", "x[(1 : 3)]"},
		{"m[0, 1]", "m[0, 1]"},
		{"x[0 2]", "x[(0 2)]"},
		// space-separated literal vectors are single operands
		{"2 < 4 5", "(2 < (4 5))"},
		{"1 NULL 3", "(1 NULL 3)"},
		{"-1 2", "(-1 2)"},
		{"1 -2 3", "(1 -2 3)"},
		{"5 - 1", "(5 - 1)"},
		{"5-1", "(5 - 1)"},
		{"a -1", "(a - 1)"},
		{"2022.03.20 2022.03.21", "(2022.03.20 2022.03.21)"},
		{"\"a\" \"b\"", "(\"a\" \"b\")"},
		{"true false", "(true false)"},
		// infix function calls have multiplication precedence
		{"x pow 2 + 3*x", "(pow(x, 2) + (3 * x))"},
		{"x at x>3 && x<7", "at(x, ((x > 3) && (x < 7)))"},
		{"price at price>price avg :X sym", "at(price, (price > avg:X(price, sym)))"},
		{"2 add 3 sub 5", "sub(add(2, 3), 5)"},
		{"a <- b + c", "((a <- b) + c)"},
		// cast
		{"3.14$DECIMAL32(2)", "(3.14 $ DECIMAL32(2))"},
	}
	requireExprForms(t, cases)
}

func TestStatements(t *testing.T) {
	cases := []formatCase{
		{"x = 1", "x = 1"},
		{"x = y = 1", "x = (y == 1)"},
		{"a, b = f()", "a, b = f()"},
		{"x += 2; y -= 1; z *= 3; w /= 4", "x += 2\ny -= 1\nz *= 3\nw /= 4"},
		{"i++\nj--", "i += 1\nj -= 1"},
		{"x[0] = 5", "x[0] = 5"},
		{"t.col = 1", "t.col = 1"},
		{"t[`a] = 1 2", "t[`a] = (1 2)"},
		{"if(x) y=1 else y=2", "if(x) {y = 1} else {y = 2}"},
		{"if(x = 1) y=1", "if((x == 1)) {y = 1}"},
		{"if (a>10)\n  return a\n else if (a<=10 && a>1)\n  {return a}\nelse {\n b=1\n return b\n}",
			"if((a > 10)) {return a} else {if(((a <= 10) && (a > 1))) {return a} else {b = 1; return b}}"},
		{"if(x) a = 1;\nelse a = 2", "if(x) {a = 1} else {a = 2}"},
		{"if(exists(dbName)){\n    dropDatabase(dbName);\n}", "if(exists(dbName)) {dropDatabase(dbName)}"},
		{"for (x in 1..3) { s = s + x }", "for(x in (1 .. 3)) {s = (s + x)}"},
		{"for(i=0; i<n; i++) s += i", "for(i = 0; (i < n); i += 1) {s += i}"},
		{"for(;;) break", "for(; ; ) {break}"},
		{"while(x<3) { x += 1; continue }", "while((x < 3)) {x += 1; continue}"},
		{"do {\n x -= 1\n}\nwhile(x > 0)", "do {x -= 1} while((x > 0))"},
		{"try { a } catch(ex) { b }", "try {a} catch(ex) {b}"},
		{"try {\n a\n}\ncatch(ex)\n{\n b\n}", "try {a} catch(ex) {b}"},
		{"def f(x, y=1) { return x+y }", "def f(x, y=1) {return (x + y)}"},
		{"def f(mutable t, const c) {}", "def f(mutable t, c) {}"},
		{"def f(x): x + 1", "def f(x) {return (x + 1)}"},
		{"defg g(x) { return sum(x) }", "defg g(x) {return sum(x)}"},
		{"def f() {\n return\n}", "def f() {return}"},
		{"share t as tglobal;", "share t as \"tglobal\""},
		{"share streamTable(1:0, `a, [INT]) as st", "share streamTable((1 : 0), `a, [INT]) as \"st\""},
		{"share(t, \"name\")", "share(t, \"name\")"},
		{"undef all", "undef all"},
		{"undef x, y", "undef x, y"},
		{"undef `x`y", "undef x, y"},
		{"undef(`x, SHARED)", "undef(`x, SHARED)"},
		{"timer f()", "timer {f()}"},
		{"timer(10) f()", "timer(10) {f()}"},
		{"timer { x = 1; y = 2 }", "timer {x = 1; y = 2}"},
		{"timer pt.tableInsert(t)", "timer {pt.tableInsert(t)}"},
		{"go", "go"},
		{"x = 1\ngo\ny = 2", "x = 1\ngo\ny = 2"},
		// chained calls across lines
		{"data\n.cumsum()\n.max()", "data.cumsum().max()"},
		// statements continue after a trailing operator or comma
		{"a = 1 +\n 2", "a = (1 + 2)"},
		{"a = f(1,\n 2)", "a = f(1, 2)"},
		{"a = [1,\n2,\n3]", "a = [1, 2, 3]"},
		{"a = 1\n+ 2", "a = 1\n(+2)"},
		// comments
		{"x = 1 // one\n/* two\n three */ y = 2", "x = 1\ny = 2"},
		{"t = table(1:0, `a, [INT]) // comment with \"quote", "t = table((1 : 0), `a, [INT])"},
	}
	requireScriptForms(t, cases)
}

func TestCallsAndFunctions(t *testing.T) {
	cases := []formatCase{
		{"f(a, b)", "f(a, b)"},
		{"f()", "f()"},
		{"database(directory=dbName, partitionType=HASH, partitionScheme=[INT, 10])",
			"database(directory=dbName, partitionType=HASH, partitionScheme=[INT, 10])"},
		{"database(\"dfs://test\", COMPO, [db1,db2],,\"TSDB\",\"TRANS\")",
			"database(\"dfs://test\", COMPO, [db1, db2], , \"TSDB\", \"TRANS\")"},
		{"db.createPartitionedTable(tmp,`pt,`date`sym,,`time,ALL)",
			"db.createPartitionedTable(tmp, `pt, `date`sym, , `time, ALL)"},
		{"f(a,)", "f(a, )"},
		{"t.tableInsert(x)", "t.tableInsert(x)"},
		{"loadTable(\"dfs://x\",\"pt\").tableInsert(t)", "loadTable(\"dfs://x\", \"pt\").tableInsert(t)"},
		{"t.id", "t.id"},
		{"d.2", "d.2"},
		{"count(*)", "count(*)"},
		{"table(1..10 as id, take(`A`B, 10) as sym)", "table((1 .. 10) as id, take(`A`B, 10) as sym)"},
		{"tableInsert{t}", "tableInsert{t}"},
		{"tableInsert{\"t\"}", "tableInsert{\"t\"}"},
		{"tableInsert{loadTable(\"db\",\"t\")}", "tableInsert{loadTable(\"db\", \"t\")}"},
		{"upsert!{t,,true,`id}", "upsert!{t, , true, `id}"},
		{"upsert!{loadTable(\"dfs://testMTW\",\"pt\"),}", "upsert!{loadTable(\"dfs://testMTW\", \"pt\"), }"},
		{"upsert!{t,,false,`a`b}", "upsert!{t, , false, `a`b}"},
		{"upsert!{t,,[\"a\",\"b\"]}", "upsert!{t, , [\"a\", \"b\"]}"},
		{"upsert!{t,,ignoreNull=true}", "upsert!{t, , ignoreNull=true}"},
		{"tableInsert{loadOrcaStreamTable(\"x.orca_table.y\")}", "tableInsert{loadOrcaStreamTable(\"x.orca_table.y\")}"},
		{"append!(t, tmp)", "append!(t, tmp)"},
		{"t.append!(x)", "t.append!(x)"},
		{"a!=b", "(a != b)"},
		{"x -> x + 1", "def(x) {return (x + 1)}"},
		{"(x, y) -> x + y", "def(x, y) {return (x + y)}"},
		{"def(x){ return x }", "def(x) {return x}"},
		{"def(a,b):a+b", "def(a, b) {return (a + b)}"},
		{"def (x,y) -> log(x) + y", "def(x, y) {return (log(x) + y)}"},
		{"{x, y -> x + y}", "def(x, y) {return (x + y)}"},
		{"{x -> x*x}(2)", "def(x) {return (x * x)}(2)"},
		{"defg(x) {return sum(x)}", "defg(x) {return sum(x)}"},
		{"each(x -> x + 1, 1 3 5)", "each(def(x) {return (x + 1)}, (1 3 5))"},
		{"add:E(a, b)", "add:E(a, b)"},
		{"v.{x->x+1}()", "v.def(x) {return (x + 1)}()"},
		{"[INT,SYMBOL,DOUBLE]", "[INT, SYMBOL, DOUBLE]"},
		{"[]", "[]"},
		{"[[1,2],[3]]", "[[1, 2], [3]]"},
		{"(1, 2)", "(1, 2)"},
		{"(1,)", "(1,)"},
		{"()", "()"},
		{"(a)", "a"},
		{"{\"a\": 1, \"b\": 2}", "{\"a\": 1, \"b\": 2}"},
		{"{}", "{}"},
		{"`a`b`c", "`a`b`c"},
		{"`abc", "`abc"},
	}
	requireExprForms(t, cases)
}

func TestCallShapes(t *testing.T) {
	e, err := ParseExpr("t.tableInsert(x, y=1)")
	require.NoError(t, err)
	c := e.(*ast.CallExpr)
	require.True(t, c.Method)
	require.Equal(t, "tableInsert", c.Fn.(*ast.Ident).Name)
	require.Len(t, c.Args, 3)
	require.Equal(t, "t", c.Args[0].(*ast.Ident).Name)
	require.Equal(t, "y", c.Args[2].(*ast.NamedArg).Name)

	e, err = ParseExpr("f(a, , b)")
	require.NoError(t, err)
	c = e.(*ast.CallExpr)
	require.Len(t, c.Args, 3)
	require.Nil(t, c.Args[1])

	e, err = ParseExpr("upsert!{t,}")
	require.NoError(t, err)
	require.Len(t, e.(*ast.PartialExpr).Args, 2)
	require.Nil(t, e.(*ast.PartialExpr).Args[1])

	e, err = ParseExpr("upsert!{t,,true}")
	require.NoError(t, err)
	pe := e.(*ast.PartialExpr)
	require.Len(t, pe.Args, 3)
	require.Nil(t, pe.Args[1])

	e, err = ParseExpr("(a)")
	require.NoError(t, err)
	require.IsType(t, &ast.ParenExpr{}, e)
}

func TestSQL(t *testing.T) {
	cases := []formatCase{
		{"select count(*) from t", "select count(*) from t"},
		{"select * from pt", "select * from pt"},
		{"exec max(strlen(s)) from pt", "exec max(strlen(s)) from pt"},
		{"select id, sym from t", "select id, sym from t"},
		{"select count(*) from loadTable(\"dfs://valuedb\",\"pt\")", "select count(*) from loadTable(\"dfs://valuedb\", \"pt\")"},
		{"exec sym from t where id<=2", "exec sym from t where (id <= 2)"},
		{"SELECT ID FROM T WHERE ID = 1", "select ID from T where (ID == 1)"},
		{"select * from t where a = 1, b > 2 and c < 3", "select * from t where (a == 1), ((b > 2) && (c < 3))"},
		{"select sum(v) as s from t group by sym, date", "select sum(v) as s from t group by sym, date"},
		{"select f(y) as ``b`c from t group by id", "select f(y) as ``b`c from t group by id"},
		{"select v from t context by sym", "select v from t context by sym"},
		{"select v from t pivot by a, b", "select v from t pivot by a, b"},
		{"select sym, count(*) from t group by sym having count(*) > 1",
			"select sym, count(*) from t group by sym having (count(*) > 1)"},
		{"exec id from pt order by id", "exec id from pt order by id"},
		{"select * from t order by a desc, b ASC", "select * from t order by a desc, b"},
		{"select * from t limit 10", "select * from t limit 10"},
		{"select * from t limit 2, 5", "select * from t limit 2, 5"},
		{"select top 10 * from t", "select top 10 * from t"},
		{"select distinct sym from t", "select distinct sym from t"},
		{"select * from t as a", "select * from t as a"},
		{"select * from (select * from t where x > 1) where y = 2",
			"select * from select * from t where (x > 1) where (y == 2)"},
		{"select * from t1 join t2 on t1.id = t2.id", "select * from (t1 inner join t2 on (t1.id == t2.id))"},
		{"select * from t1 left outer join t2 on t1.id = t2.id", "select * from (t1 left join t2 on (t1.id == t2.id))"},
		{"select * from t1 cross join t2", "select * from (t1 cross join t2)"},
		// S02016.md: FROM's commas cross-join parts evaluated first
		{"select * from t1, t2", "select * from (t1, t2)"},
		{"select * from t1, t3 inner join t2 on t1.id = t2.id", "select * from (t1, (t3 inner join t2 on (t1.id == t2.id)))"},
		{"select * from t1 cross join t3 inner join t2 on t1.id = t2.id", "select * from ((t1 cross join t3) inner join t2 on (t1.id == t2.id))"},
		{"select * from employees a,\n  employees b where a.id <> b.id", "select * from (employees as a, employees as b) where (a.id != b.id)"},
		{"select * from (select * from t1, t2) where x = 1", "select * from select * from (t1, t2) where (x == 1)"},
		// manova.md: in an argument list the comma separates arguments
		{"manova(select a, b, c from t, t.g)", "manova(select a, b, c from t, t.g)"},
		{"f([select * from t, 1], {1: select * from t, 2: 3})", "f([select * from t, 1], {1: select * from t, 2: 3})"},
		{"select x from t where x in select y from s, z > 1", "select x from t where (x in select y from s), (z > 1)"},
		{"each(def(x) { return select * from t1, t2 }, 1)", "each(def(x) {return select * from (t1, t2)}, 1)"},
		// tb_joiner_intro.md: aliases without as
		{"select * from t1 a inner join (select * from t2 where id=3) b on a.id = b.id",
			"select * from (t1 as a inner join select * from t2 where (id == 3) as b on (a.id == b.id))"},
		{"select * from ej(t1, t2, `id)", "select * from ej(t1, t2, `id)"},
		{"select sym, qty\nfrom trades\nwhere date between 2024.01.01 and 2024.12.31\ncontext by sym",
			"select sym, qty from trades where (date between (2024.01.01 : 2024.12.31)) context by sym"},
		{"select * from t where x in (select id from s)", "select * from t where (x in select id from s)"},
		{"x = exec count(*) from pt\nc = 1", "x = exec count(*) from pt\nc = 1"},
		{"select x from t\nlimit = 5", "select x from t\nlimit = 5"},
		// hint.md: hints right after select/exec, printed as their flags
		{"select [HINT_KEEPORDER] cumsum(v) from t context by s", "select [128] cumsum(v) from t context by s"},
		{"exec [hint_hash, HINT_SEQ] count(*) from t group by s", "exec [544] count(*) from t group by s"},
		{"select [32768] * from t", "select [32768] * from t"},
		{"select [1, 2] as v from t", "select [1, 2] as v from t"},
		{"select [1] from t", "select [1] from t"},
		// sql_intro.md: a column alias without as
		{"select id, sym s, price*2 p2 from t", "select id, sym as s, (price * 2) as p2 from t"},
		// std_sql_ddb.md: line breaks do not change how SQL parses
		{"select a, b\n  , c from t", "select a, b, c from t"},
		{"select * from t where a > 1\n  and b < 2\n  or c", "select * from t where (((a > 1) && (b < 2)) or c)"},
		{"update t set v = 1 where a > 1\n and b < 2", "update t set v = 1 where ((a > 1) && (b < 2))"},
		{"delete from t where a > 1\n and b < 2", "delete from t where ((a > 1) && (b < 2))"},
		{"select * from t1 left join t2 on t1.id = t2.id\n and t2.v > 1", "select * from (t1 left join t2 on ((t1.id == t2.id) && (t2.v > 1)))"},
		{"select * from t1 left semi join t2 on t1.id = t2.id", "select * from (t1 left semijoin t2 on (t1.id == t2.id))"},
		{"with\n  a as (select x from t),\n  b as (select x from a)\nselect x from b", "with a as (select x from t), b as (select x from a) select x from b"},
		// outside SQL a line starting with and is a statement of its own
		{"x = 1\nand(x, 0)", "x = 1\nand(x, 0)"},
	}
	requireScriptForms(t, cases)

	s, err := Parse("select top 5 a as x, * from t where a = 1 order by a desc limit 1, 2")
	require.NoError(t, err)
	sel := s.Stmts[0].(*ast.ExprStmt).X.(*ast.SelectExpr)
	require.False(t, sel.Exec)
	require.Equal(t, "5", sel.Top.(*ast.Literal).Text)
	require.Equal(t, "x", sel.Cols[0].(*ast.AliasExpr).Name)
	require.IsType(t, &ast.StarExpr{}, sel.Cols[1])
	require.Equal(t, "==", sel.Where[0].(*ast.BinaryExpr).Op)
	require.True(t, sel.OrderBy[0].Desc)
	require.Equal(t, "1", sel.Offset.(*ast.Literal).Text)
	require.Equal(t, "2", sel.Limit.(*ast.Literal).Text)
}

func TestDML(t *testing.T) {
	cases := []formatCase{
		{"INSERT INTO t VALUES ([1,2],[\"A\",\"B\"],[2.3,3.6])", "insert into t values ([1, 2], [\"A\", \"B\"], [2.3, 3.6])"},
		{"INSERT INTO t (id,val) VALUES (3,7.6)", "insert into t (id, val) values (3, 7.6)"},
		{"insert into t(id,val) values(3,7.6)", "insert into t (id, val) values (3, 7.6)"},
		{"insert into t values (1,\"a\"),(2,\"b\")", "insert into t values (1, \"a\"), (2, \"b\")"},
		{"insert into t values (1,\"a\"),\n (2,\"b\")", "insert into t values (1, \"a\"), (2, \"b\")"},
		{"insert into t select * from s", "insert into t select * from s"},
		{"insert into t (a) select x from s", "insert into t (a) select x from s"},
		{"insert into loadTable(\"dfs://db\", `pt) values (1)", "insert into loadTable(\"dfs://db\", `pt) values (1)"},
		{"update t set v = v + 1 where id = 1", "update t set v = (v + 1) where (id == 1)"},
		{"UPDATE t SET a = 1, b = 2", "update t set a = 1, b = 2"},
		{"update t set v = 0 context by sym", "update t set v = 0 context by sym"},
		{"delete from t where id = 1", "delete from t where (id == 1)"},
		{"DELETE FROM t", "delete from t"},
		// alter.md: the column names are strings (std_sql_ddb.md writes them quoted)
		{"alter table t rename \"a\" to \"b\"", "rename!(t, \"a\", \"b\")"},
		{"alter table t rename column a to b", "rename!(t, \"a\", \"b\")"},
		{"alter table t drop column \"a\"", "dropColumns!(t, \"a\")"},
	}
	requireScriptForms(t, cases)
	s, err := Parse("INSERT INTO t (id,val) VALUES (3,7.6)")
	require.NoError(t, err)
	ins := s.Stmts[0].(*ast.InsertStmt)
	require.Equal(t, "t", ins.Table.(*ast.Ident).Name)
	require.Equal(t, []string{"id", "val"}, ins.Cols)
	require.Len(t, ins.Rows, 1)
	require.Len(t, ins.Rows[0], 2)
}

func TestLiterals(t *testing.T) {
	cases := []struct {
		src    string
		kind   ast.LitKind
		text   string
		suffix string
		typ    string
	}{
		{"21", ast.LitInt, "21", "", ""},
		{"2.1", ast.LitFloat, "2.1", "", ""},
		{".5", ast.LitFloat, ".5", "", ""},
		{"1e5", ast.LitFloat, "1e5", "", ""},
		{"1.5e-3", ast.LitFloat, "1.5e-3", "", ""},
		{"0x1F", ast.LitInt, "0x1F", "", ""},
		{"122h", ast.LitInt, "122", "h", "SHORT"},
		{"22l", ast.LitInt, "22", "l", "LONG"},
		{"97c", ast.LitInt, "97", "c", "CHAR"},
		{"2.1f", ast.LitFloat, "2.1", "f", "FLOAT"},
		{"1b", ast.LitInt, "1", "b", "BOOL"},
		{"0b", ast.LitInt, "0", "b", "BOOL"},
		{"3d", ast.LitInt, "3", "d", "DURATION"},
		{"10ms", ast.LitInt, "10", "ms", "DURATION"},
		{"00i", ast.LitNull, "00", "i", "INT"},
		{"00l", ast.LitNull, "00", "l", "LONG"},
		{"00f", ast.LitNull, "00", "f", "FLOAT"},
		{"00F", ast.LitNull, "00", "F", "DOUBLE"},
		{"00d", ast.LitNull, "00", "d", "DATE"},
		{"00M", ast.LitNull, "00", "M", "MONTH"},
		{"00t", ast.LitNull, "00", "t", "TIME"},
		{"00m", ast.LitNull, "00", "m", "MINUTE"},
		{"00s", ast.LitNull, "00", "s", "SECOND"},
		{"00D", ast.LitNull, "00", "D", "DATETIME"},
		{"00T", ast.LitNull, "00", "T", "TIMESTAMP"},
		{"00n", ast.LitNull, "00", "n", "NANOTIME"},
		{"00N", ast.LitNull, "00", "N", "NANOTIMESTAMP"},
		{"00h", ast.LitNull, "00", "h", "SHORT"},
		{"00c", ast.LitNull, "00", "c", "CHAR"},
		{"00b", ast.LitNull, "00", "b", "BOOL"},
		{"NULL", ast.LitNull, "NULL", "", ""},
		{"null", ast.LitNull, "null", "", ""},
		{"true", ast.LitBool, "true", "", ""},
		{"false", ast.LitBool, "false", "", ""},
		{"2013.06.13", ast.LitTemporal, "2013.06.13", "", "DATE"},
		{"2012.06M", ast.LitTemporal, "2012.06", "M", "MONTH"},
		{"13:30:10.008", ast.LitTemporal, "13:30:10.008", "", "TIME"},
		{"13:30m", ast.LitTemporal, "13:30", "m", "MINUTE"},
		{"13:30:10", ast.LitTemporal, "13:30:10", "", "SECOND"},
		{"00:00:00", ast.LitTemporal, "00:00:00", "", "SECOND"},
		{"2012.06.13T13:30:10", ast.LitTemporal, "2012.06.13T13:30:10", "", "DATETIME"},
		{"2012.06.13 13:30:10", ast.LitTemporal, "2012.06.13T13:30:10", "", "DATETIME"},
		{"2012.06.13 13:30:10.008", ast.LitTemporal, "2012.06.13T13:30:10.008", "", "TIMESTAMP"},
		{"2012.06.13T13:30:10.008", ast.LitTemporal, "2012.06.13T13:30:10.008", "", "TIMESTAMP"},
		{"13:30:10.008007006", ast.LitTemporal, "13:30:10.008007006", "", "NANOTIME"},
		{"2012.06.13T13:30:10.008007006", ast.LitTemporal, "2012.06.13T13:30:10.008007006", "", "NANOTIMESTAMP"},
		{"2012.06.13T13", ast.LitTemporal, "2012.06.13T13", "", "DATEHOUR"},
		{"13:30:10.008n", ast.LitTemporal, "13:30:10.008", "n", "NANOTIME"},
		{"2012.06.13T13:30:10.008N", ast.LitTemporal, "2012.06.13T13:30:10.008", "N", "NANOTIMESTAMP"},
		{`"Hello"`, ast.LitString, "Hello", "", ""},
		{`'Hello'`, ast.LitString, "Hello", "", ""},
		{`""`, ast.LitString, "", "", ""},
		{`"a\nb\t\\\"'"`, ast.LitString, "a\nb\t\\\"'", "", ""},
		{`'it\'s'`, ast.LitString, "it's", "", ""},
		{`'a'`, ast.LitChar, "a", "", ""},
		{`'\n'`, ast.LitChar, "\n", "", ""},
		{"`abc", ast.LitSymbol, "abc", "", ""},
		{"`1001", ast.LitSymbol, "1001", "", ""},
	}
	for _, c := range cases {
		e, err := ParseExpr(c.src)
		require.NoError(t, err, c.src)
		lit, ok := e.(*ast.Literal)
		require.True(t, ok, "%s: got %T", c.src, e)
		require.Equal(t, c.kind, lit.Kind, c.src)
		require.Equal(t, c.text, lit.Text, c.src)
		require.Equal(t, c.suffix, lit.Suffix, c.src)
		require.Equal(t, c.typ, lit.Type, c.src)
	}
}

func TestVectorsAndPairs(t *testing.T) {
	e, err := ParseExpr("2022.03.20 2022.03.21 2022.03.22")
	require.NoError(t, err)
	v := e.(*ast.VectorLit)
	require.Len(t, v.Elems, 3)
	require.Equal(t, "DATE", v.Elems[2].(*ast.Literal).Type)

	// a date followed by a time on the same line is one DATETIME
	e, err = ParseExpr("2012.06.13 13:30:10")
	require.NoError(t, err)
	require.Equal(t, "DATETIME", e.(*ast.Literal).Type)

	// 1:0 is a pair, 13:30:10 a time
	e, err = ParseExpr("1:0")
	require.NoError(t, err)
	require.Equal(t, ":", e.(*ast.BinaryExpr).Op)
	e, err = ParseExpr("13:30")
	require.NoError(t, err)
	require.Equal(t, ":", e.(*ast.BinaryExpr).Op)

	e, err = ParseExpr("`a`b`c")
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b", "c"}, e.(*ast.SymbolVector).Items)

	e, err = ParseExpr("2024.01.01..2024.01.03")
	require.NoError(t, err)
	b := e.(*ast.BinaryExpr)
	require.Equal(t, "..", b.Op)
	require.Equal(t, "2024.01.01", b.L.(*ast.Literal).Text)
	require.Equal(t, "2024.01.03", b.R.(*ast.Literal).Text)
}

func TestPositions(t *testing.T) {
	s, err := Parse("x = 1\n  y = f(a,\n b)")
	require.NoError(t, err)
	require.Equal(t, ast.Pos{Line: 1, Col: 1}, s.Stmts[0].Pos())
	as := s.Stmts[1].(*ast.AssignStmt)
	require.Equal(t, ast.Pos{Line: 2, Col: 3}, as.Pos())
	call := as.Value.(*ast.CallExpr)
	require.Equal(t, ast.Pos{Line: 2, Col: 7}, call.Pos())
	require.Equal(t, ast.Pos{Line: 3, Col: 2}, call.Args[1].Pos())
}

func TestErrors(t *testing.T) {
	cases := []struct {
		src  string
		pos  ast.Pos
		text string
	}{
		{"x = )", ast.Pos{Line: 1, Col: 5}, "Cannot recognize the token )"},
		{"x = 1\ny = a b", ast.Pos{Line: 2, Col: 7}, "Cannot recognize the token b"},
		{"select a 1 from t", ast.Pos{Line: 1, Col: 10}, "Cannot recognize the token 1"},
		{"f(1, 2", ast.Pos{Line: 1, Col: 7}, "Incomplete statement"},
		{"x = \"abc", ast.Pos{Line: 1, Col: 5}, "string literal is not terminated"},
		{"x = 12abc", ast.Pos{Line: 1, Col: 5}, "Cannot recognize the token 12abc"},
		{"/* open", ast.Pos{Line: 1, Col: 1}, "comment is not terminated"},
		{"x = 1 #", ast.Pos{Line: 1, Col: 7}, "Cannot recognize the token #"},
		{"}", ast.Pos{Line: 1, Col: 1}, "Cannot recognize the token }"},
		{"f(1))", ast.Pos{Line: 1, Col: 5}, "Cannot recognize the token )"},
		{"if x > 1 y = 2", ast.Pos{Line: 1, Col: 4}, "Cannot recognize the token x"},
		{"1 = 2", ast.Pos{Line: 1, Col: 1}, "rather than '=' as equal operator in non-sql expression. RefId: S06011"},
		{"x = [1, 2", ast.Pos{Line: 1, Col: 10}, "Incomplete statement"},
		{"def f(1) {}", ast.Pos{Line: 1, Col: 7}, "Cannot recognize the token 1"},
		{"insert into t values 1", ast.Pos{Line: 1, Col: 22}, "Cannot recognize the token 1"},
		{"a, b", ast.Pos{Line: 1, Col: 5}, "Incomplete statement"},
		{"x = 1 +", ast.Pos{Line: 1, Col: 8}, "Incomplete statement"},
		{"try { a }", ast.Pos{Line: 1, Col: 10}, "Incomplete statement"},
		{"update t set", ast.Pos{Line: 1, Col: 13}, "Incomplete statement"},
		{"if(x) else y", ast.Pos{Line: 1, Col: 7}, "Cannot recognize the token else"},
		{"select from t", ast.Pos{Line: 1, Col: 8}, "Cannot recognize the token from"},
		{"x = 1\n  catch(e) {}", ast.Pos{Line: 2, Col: 3}, "Cannot recognize the token catch"},
		{"x = \u00e9\u2603", ast.Pos{Line: 1, Col: 6}, "Cannot recognize the token \u2603"},
	}
	for _, c := range cases {
		_, err := Parse(c.src)
		require.Error(t, err, c.src)
		var pe *ast.Error
		require.True(t, errors.As(err, &pe), c.src)
		require.Equal(t, c.pos, pe.Pos, "%s: %v", c.src, err)
		require.Contains(t, pe.Msg, c.text, c.src)
		require.True(t, strings.HasPrefix(err.Error(), "Syntax Error: [line #"), err.Error())
	}
	_, err := Parse("x = 1\ny = a b")
	require.EqualError(t, err, "Syntax Error: [line #2] Cannot recognize the token b (column 7)")

	_, err = ParseExpr("a = 1; b")
	require.Error(t, err)
}

func TestDeepNesting(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("(", 100000),
		strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000),
		strings.Repeat("[", 5000) + "1" + strings.Repeat("]", 5000),
		strings.Repeat("-", 100000) + "x",
		strings.Repeat("not ", 20000) + "x",
		strings.Repeat("if(x) ", 20000) + "y",
		strings.Repeat("f{", 5000),
		strings.Repeat("x->", 5000) + "x",
		strings.Repeat("a ? b : ", 5000) + "c",
		strings.Repeat("{", 5000),
	} {
		_, err := Parse(src)
		require.Error(t, err)
		require.IsType(t, &ast.Error{}, err)
	}
	// moderate nesting is fine
	_, err := Parse(strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200))
	require.NoError(t, err)
}

// TestDeepShapes: every kind of nesting, far past the limit, is a syntax
// error, never a Go stack overflow (which would kill the process).
func TestDeepShapes(t *testing.T) {
	const n = 20000
	for _, src := range []string{
		strings.Repeat("abs(", n) + "1" + strings.Repeat(")", n),
		strings.Repeat("def(x) -> ", n) + "1",
		strings.Repeat("{x -> ", n) + "1" + strings.Repeat("}", n),
		strings.Repeat("def f() {", n) + "1" + strings.Repeat("}", n),
		strings.Repeat("if(x) y = 1 else ", n) + "y = 2",
		strings.Repeat("if(x) {", n) + "y = 1" + strings.Repeat("}", n),
		strings.Repeat("try {", n) + "x" + strings.Repeat("} catch(e) {}", n),
		strings.Repeat("do {", n) + "x" + strings.Repeat("} while(x)", n),
		strings.Repeat("for(i in x) ", n) + "y",
		strings.Repeat("- ", n) + "1",
		strings.Repeat("!", n) + "x",
		strings.Repeat("not ", n) + "x",
		strings.Repeat("(1,", n) + "1" + strings.Repeat(")", n),
		strings.Repeat("{a:", n) + "1" + strings.Repeat("}", n),
		strings.Repeat("f{", n) + "1" + strings.Repeat("}", n),
		strings.Repeat("<", n) + "1" + strings.Repeat(">", n),
		strings.Repeat("(true ? ", n) + "1" + strings.Repeat(" : 2)", n),
		"select " + strings.Repeat("case when a then ", n) + "1" + strings.Repeat(" end", n) + " from t",
	} {
		_, err := Parse(src)
		require.Error(t, err, src[:20])
		require.IsType(t, &ast.Error{}, err)
	}
}

// Select.md usage 4: column ranges expand in the parser, zero-padded
// numbers keep their width and ranges of unequal length fail; in a call's
// arguments a range is the tuple of its columns
// (tutorials/macro_var_based_metaprogramming.md), and an alias range
// names the columns of an item with no column range.
func TestColumnRanges(t *testing.T) {
	s, err := Parse("select c08...c10, f(a1...a2) as x, (a1...a2) * b2...b1 as y1...y2, rowSum(v1...v2 * w) as s, g(x) as z1...z2 from t")
	require.NoError(t, err)
	sel := s.Stmts[0].(*ast.ExprStmt).X.(*ast.SelectExpr)
	var names []string
	for _, c := range sel.Cols {
		names = append(names, unparse.Format(c))
	}
	require.Equal(t, []string{"c08", "c09", "c10", "f((a1, a2)) as x", "(a1 * b2) as y1", "(a2 * b1) as y2", "rowSum(((v1, v2) * w)) as s", "g(x) as `z1`z2"}, names)
	require.Equal(t, []string{"z1", "z2"}, sel.Cols[7].(*ast.AliasExpr).Names)
	_, err = Parse("select a1...a3 as b1...b2 from t")
	require.ErrorContains(t, err, "same length")
	_, err = Parse("select a1...b3 from t")
	require.ErrorContains(t, err, "one prefix")
}

// _"name" names a column that is no identifier; with a space between
// them `_` stays an identifier of its own.
func TestQuotedColumn(t *testing.T) {
	e, err := ParseExpr(`_"2 ab" + 1`)
	require.NoError(t, err)
	require.Equal(t, "2 ab", e.(*ast.BinaryExpr).L.(*ast.Ident).Name)
	s, err := Parse(`insert into t(_"a b", "c", d) values(1, 2, 3)`)
	require.NoError(t, err)
	require.Equal(t, []string{"a b", "c", "d"}, s.Stmts[0].(*ast.InsertStmt).Cols)
}
