package engine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
)

// Scripts over a coded SYMBOL vector (symbol(...): codes into a symbol
// base) print what they print over the same texts held as strings (a
// SYMBOL vector appended to an empty plain one), in place mutations
// included.
func TestCodedSymbolsMatchPlain(t *testing.T) {
	const texts = "`A``B``C"
	preludes := map[bool]string{
		true:  "s = symbol(" + texts + ")",
		false: "s = array(SYMBOL, 0); s.append!(" + texts + ")",
	}
	scripts := []string{
		"nullFill!(s, `X); s", "nullFill(s, `X)", "ffill!(s); s", "bfill!(s); s", "ffill(s)", "bfill(s)",
		"sort!(s); s", "sort(s)", "isort(s)", "rank(s)", "s.reverse()",
		"s[s==`A] = `Z; s", "s[1] = `K; s", "s.replace!(`A, `Y); s", "s.append!(`Q); s", "fill!(s, [1, 3], `F); s",
		"nunique(s)", "distinct(s).sort()", "s == `A", "s != `A", "s < `B", "s like \"A%\"", "s in `A`C", "s in set(`B`Q)",
		"concat(s)", "string(s)", "s + \"x\"", "take(s, 7)", "s[[0, 2]]", "move(s, 1)", "prev(s)", "next(s)", "iif(s == `A, s, `Z)",
		"t = table(s as sym, 1..5 as v); update t set sym = `Q where v = 2; t",
		"t = table(s as sym, 1..5 as v); t.nullFill!(`W); t",
		"t = table(s as sym, 1..5 as v); t.sortBy!(`sym); t",
		"t = table(s as sym, 1..5 as v); select count(*), sum(v) from t group by sym",
		"t = table(s as sym, 1..5 as v); select * from t where sym in `A`C",
		"t = table(s as sym, 1..5 as v); select * from t where sym = `B or sym = NULL",
		"t = table(s as sym, 1..5 as v); select * from t order by sym desc",
		"t = table(s as sym, 1..5 as v); t2 = table(1:0, `sym`v, [SYMBOL, INT]); t2.append!(t); t2.append!(t); t2",
		"t = table(s as sym, 1..5 as v); u = table(symbol(`A`C) as sym, 10 20 as w); select * from lj(t, u, `sym)",
		"t = table(s as sym, 1..5 as v); u = table(symbol(`C`A`B) as sym, 10 20 30 as w); select * from ej(t, u, `sym)",
		"t = table(s as sym, 1..5 as v); select sym, v from t where v > 1 context by sym",
		"dict(distinct(s).sort(), 1..4)",
		"t = table(s as sym, 1..5 as v); u = table(symbol(`C`A`Q`A) as sym, 10 20 30 40 as w); select * from fj(t, u, `sym)",
		"t = table(s as sym, 1..5 as v); u = table(symbol(`C`A`Q`A) as sym, 10 20 30 40 as w); select * from lsj(t, u, `sym)",
		"t = table(s as sym, 1..5 as v); u = table(symbol(`C`A`Q`A) as sym, 10 20 30 40 as w); select * from t right join u on t.sym = u.sym",
		"t = table(s as sym, 1..5 as v); u = select sym, v * 10 as w from t where v > 1; ej(t, u, `sym)",
		"t = table(s as sym, 1..5 as v); u = select sym, v * 10 as w from t; select * from t inner join u on t.sym = u.sym",
		"t = table(s as sym, 1..5 as v); u = table(`A`B`A as sym, 1 2 3 as w); lj(t, u, `sym)",
		"t = table(s as sym, 1..5 as v); u = table(1:0, `sym`w, [SYMBOL, INT]); u.tableInsert(`B``C, 7 8 9); fj(t, u, `sym)",
		"t = table(s as sym, 1..5 as v); u = table(1:0, `sym`w, [SYMBOL, INT]); u.tableInsert(`B``C, 7 8 9); select * from ej(t, u, `sym, `sym, t.v > 1, u.w < 9)",
		"db = database(\"dfs://symc\", VALUE, 1..3); pt = db.createPartitionedTable(table(1:0, `p`sym, [INT, SYMBOL]), `pt, `p); pt.append!(table(1 2 3 1 2 as p, s as sym)); pt.append!(table(3 3 1 2 1 as p, reverse(s) as sym)); select * from pt order by p, sym",
		"db = database(\"dfs://symc2\", HASH, [SYMBOL, 2]); pt = db.createPartitionedTable(table(1:0, `sym`v, [SYMBOL, INT]), `pt, `sym); pt.append!(table(s as sym, 1..5 as v)); select * from pt order by sym, v",
		"distinct(s)", "s > `A", "s >= `B", "s <= `B", "`B < s", "\"B\" >= s", "s > \"\"", "s ilike \"a%\"", "s like \"%\"", "\"A\" like s",
		"sort(s, false)", "isort(s, false)", "isort(s join `B`A`A, false)", "isort([s, 5 4 3 2 1], [true, false])", "rank(s, false)", "denseRank(s)",
		"t = table(s as sym, 1..5 as v); select * from t order by sym",
		"t = table(s as sym, 5 1 1 2 2 as v); select * from t order by sym desc, v",
		"t = table(s as sym, 5 1 1 2 2 as v); select * from t order by v, sym desc",
		"t = table(s as sym, 1..5 as v); select * from t order by sym nulls last",
		"t = table(s as sym, 1 1 2 2 2 as v); select v, sym from t context by v csort sym desc",
		"t = table(s as sym, 1..5 as v); select * from t where sym > `A",
		"t = table(s as sym, 1..5 as v); select * from t where sym like \"%B%\"",
	}
	runCodedAndPlain(t, preludes, scripts, func(t *testing.T, s *engine.Session, coded bool) {
		v, ok := s.Get("s")
		require.True(t, ok)
		require.Equal(t, coded, v.(*value.Vector).Syms != nil, "prelude representation")
	}, nil)
}

// runCodedAndPlain runs each script after the coded and after the plain
// prelude in a fresh engine and requires the same output; before and
// after (either may be nil) check the session's state around the script.
func runCodedAndPlain(t *testing.T, preludes map[bool]string, scripts []string, before, after func(*testing.T, *engine.Session, bool)) {
	for _, script := range scripts {
		t.Run(script, func(t *testing.T) {
			var out [2]string
			for k, coded := range []bool{true, false} {
				_, s := testkit.Started(t, preludes[coded])
				if before != nil {
					before(t, s, coded)
				}
				r, err := s.Run(script)
				if err != nil {
					out[k] = "error: " + err.Error()
				} else {
					out[k] = r.String()
				}
				if after != nil {
					after(t, s, coded)
				}
			}
			require.Equal(t, out[1], out[0])
		})
	}
}

// A typed table created empty keeps its SYMBOL columns coded, one base
// per column, through every way rows reach it, and prints what the same
// rows print in a table whose SYMBOL columns hold strings.
func TestTypedTableSymbolColumnsCoded(t *testing.T) {
	preludes := map[bool]string{
		true:  "t = table(1:0, `sym`v`s2, [SYMBOL, INT, SYMBOL])",
		false: "t = table(array(SYMBOL, 0) as sym, array(INT, 0) as v, array(SYMBOL, 0) as s2)",
	}
	const rows = "tableInsert(t, `A`B``C`A, 1..5, `x`y`x`z`); "
	scripts := []string{
		rows + "t",
		rows + "t.append!(table(`D`A as sym, 6 7 as v, `q`x as s2)); t",
		rows + "t.append!(table(symbol(`E`B) as sym, 6 7 as v, symbol(`x`w) as s2)); t",
		rows + "t.append!(table(string(`F`G) as sym, 6 7 as v, string(`x`w) as s2)); t",
		rows + "insert into t values(`H, 9, `k); t",
		rows + "insert into t values(`H`I, 9 10, `k`l); t",
		rows + "t.tableInsert(`Z, 8, `q); select * from t where sym = `Z or s2 = `x",
		rows + "update t set sym = `W where v > 3; t",
		rows + "update t set s2 = sym; t",
		rows + "delete from t where sym = `A; t.append!(table(`A as sym, 1 as v, `y as s2)); t",
		rows + "k = keyedTable(`sym, t); k.upsert!(table(`A`K as sym, 10 11 as v, `u`v as s2)); k",
		rows + "select count(*) from t group by s2",
		rows + "select * from t order by sym, v desc",
		rows + "schema(t).colDefs",
		rows + "t[`sym]",
		rows + "typestr(t.sym)",
	}
	runCodedAndPlain(t, preludes, scripts, nil, func(t *testing.T, s *engine.Session, coded bool) {
		tv, ok := s.Get("t")
		require.True(t, ok)
		tab := tv.(*value.Table)
		for _, c := range []int{0, 2} {
			require.Equal(t, coded, tab.Cols[c].Syms != nil, "column %s representation", tab.Names[c])
		}
		require.True(t, !coded || tab.Cols[0].Syms != tab.Cols[2].Syms, "one base per column")
	})
}
