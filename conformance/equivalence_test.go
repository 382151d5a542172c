package conformance

import (
	"flag"
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
)

var (
	equivalenceQueries = flag.Int("equivalence-queries", 400, "how many generated queries TestQueryEquivalence runs")
	equivalenceSeed    = flag.Int64("equivalence-seed", 1, "the seed of TestQueryEquivalence's query generator")
)

// equivalentTables hold the same rows in every kind of table a query can
// name: a plain in-memory table (the reference), DFS tables partitioned
// each way, an MVCC table and an in-memory partitioned table. A query must answer the
// same over each, whatever pruning and per-partition work it goes
// through.
var equivalentTables = []struct{ name, make string }{
	{"mem", "mem = select * from src"},
	{"dfsValue", `db = database("dfs://eqV", VALUE, 2024.01.01..2024.01.08)
		dfsValue = db.createPartitionedTable(src, "t", "date").append!(src)`},
	{"dfsRange", `db = database("dfs://eqR", RANGE, 0 300 700 1200 5000)
		dfsRange = db.createPartitionedTable(src, "t", "id").append!(src)`},
	{"dfsHash", `db = database("dfs://eqH", HASH, [SYMBOL, 3])
		dfsHash = db.createPartitionedTable(src, "t", "sym").append!(src)`},
	{"dfsCompo", `db1 = database("", VALUE, 2024.01.01..2024.01.08)
		db2 = database("", HASH, [SYMBOL, 2])
		db = database("dfs://eqC", COMPO, [db1, db2])
		dfsCompo = db.createPartitionedTable(src, "t", "date" "sym").append!(src)`},
	{"dfsTSDB", `db = database("dfs://eqT", VALUE, 2024.01.01..2024.01.08, engine="TSDB")
		dfsTSDB = db.createPartitionedTable(src, "t", "date", sortColumns="sym" "id").append!(src)`},
	{"mvcc", `mvcc = mvccTable(1:0, src.columnNames(), schema(src).colDefs.typeString)
		mvcc.append!(src)`},
	{"memPart", `db = database("", VALUE, 2024.01.01..2024.01.08)
		memPart = db.createPartitionedTable(src, "t", "date").append!(src)`},
}

// srcScript makes the rows: ids unique but not in order, nulls in the
// numeric columns, every row inside every table's partitions.
const srcScript = `
def makeSrc(n) {
	id = shuffle(0..(n-1))
	price = (id % 97) * 1.25 - 20
	price[id % 13 == 0] = NULL
	qty = int(id % 11 - 3)
	qty[id % 17 == 0] = NULL
	return table(id, take("A" "B" "C" "D" "E" "F" "G", n) as sym, 2024.01.01 + id % 8 as date, price, qty,
		id % 3 == 0 as flag, take("x" "y" "" "zz", n) as name, 2024.01.01T09:00:00 + id * 7 as ts)
}
src = makeSrc(1200)
dim = table("A" "B" "C" "Z" as sym, 1.5 2.5 NULL 4.0 as weight)
quotes = table(take("A" "B" "C" "E", 400) as sym, 2024.01.01T09:00:00 + (0..399) * 20 as ts, (0..399) * 0.5 as bid)
`

// TestQueryEquivalence runs generated queries over every table of
// equivalentTables and requires each to answer as the plain table does
// (rows compared as a multiset unless the query orders them, doubles to
// 9 significant digits). It also applies generated updates and deletes
// to every table and compares their contents after each.
func TestQueryEquivalence(t *testing.T) {
	e, err := engine.Open(engine.Options{InMemory: true, Seed: 7})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	_, err = s.Run(srcScript)
	require.NoError(t, err)
	for _, tb := range equivalentTables {
		_, err := s.Run(tb.make)
		require.NoError(t, err, tb.name)
	}
	g := &queryGen{r: rand.New(rand.NewSource(*equivalenceSeed))}
	refused := 0
	for i := range *equivalenceQueries {
		if i%25 == 24 {
			tmpl := g.mutation()
			for _, tb := range equivalentTables {
				_, err := s.Run(strings.ReplaceAll(tmpl, "TBL", tb.name))
				require.NoError(t, err, "%s: %s", tb.name, tmpl)
			}
			if compareAll(t, s, "select * from TBL", false) == nil && t.Failed() {
				t.Fatalf("the tables differ after %s", tmpl)
			}
			continue
		}
		q, ordered := g.query()
		if err := compareAll(t, s, q, ordered); err != nil {
			t.Logf("refused: %s: %v", q, err)
			refused++
		}
	}
	// Queries every table refuses compare nothing: the grammar must
	// write mostly queries that run.
	require.Less(t, refused, *equivalenceQueries/20, "queries refused")
}

// compareAll runs tmpl (TBL standing for the table) over every table and
// requires the same answer or the same error as the plain table's.
func compareAll(t *testing.T, s *engine.Session, tmpl string, ordered bool) (refused error) {
	t.Helper()
	want, wantErr := runCanonical(s, strings.ReplaceAll(tmpl, "TBL", "mem"), ordered)
	defer func() { refused = wantErr }()
	for _, tb := range equivalentTables[1:] {
		q := strings.ReplaceAll(tmpl, "TBL", tb.name)
		got, err := runCanonical(s, q, ordered)
		if wantErr != nil || err != nil {
			if wantErr == nil || err == nil {
				t.Errorf("%s\n  mem error: %v\n  %s error: %v", q, wantErr, tb.name, err)
			}
			continue
		}
		if !sameAnswer(want, got) {
			t.Errorf("%s\n  mem:\n%s\n  %s:\n%s", q, want, tb.name, got)
		}
	}
	return
}

// runCanonical runs q and prints its answer so that equal answers print
// alike: a table's rows sorted unless ordered, doubles rounded.
func runCanonical(s *engine.Session, q string, ordered bool) (string, error) {
	v, err := s.Run(q)
	if err != nil {
		return "", err
	}
	tb, ok := v.(*value.Table)
	if !ok {
		return v.String(), nil
	}
	rows := make([]string, tb.Rows())
	for i := range rows {
		var b strings.Builder
		for _, c := range tb.Cols {
			b.WriteString(canonicalCell(c, i))
			b.WriteByte('|')
		}
		rows[i] = b.String()
	}
	if !ordered {
		slices.Sort(rows)
	}
	head := make([]string, len(tb.Cols))
	for k, c := range tb.Cols {
		head[k] = tb.Names[k] + ":" + c.T.String()
	}
	return strings.Join(head, " ") + "\n" + strings.Join(rows, "\n"), nil
}

// sameAnswer compares two answers of runCanonical cell by cell, doubles
// within a relative 1e-8: summing partitions' parts in another order
// moves the last digits, so a rounded double may round the other way.
func sameAnswer(want, got string) bool {
	if want == got {
		return true
	}
	w, g := strings.FieldsFunc(want, isCellSep), strings.FieldsFunc(got, isCellSep)
	if len(w) != len(g) {
		return false
	}
	for i := range w {
		if w[i] == g[i] {
			continue
		}
		a, errA := strconv.ParseFloat(w[i], 64)
		b, errB := strconv.ParseFloat(g[i], 64)
		if errA != nil || errB != nil || math.Abs(a-b) > 1e-8*math.Max(math.Abs(a), math.Abs(b)) {
			return false
		}
	}
	return true
}

func isCellSep(r rune) bool { return r == '|' || r == '\n' }

func canonicalCell(c *value.Vector, i int) string {
	if !c.T.IsArray() && c.T.Storage() == value.StFloat64 && !c.IsNull(i) {
		return strconv.FormatFloat(c.F64[i], 'g', 9, 64)
	}
	return c.Elem(i).String()
}

// queryGen writes random queries over TBL from a small grammar.
type queryGen struct{ r *rand.Rand }

func (g *queryGen) pick(xs ...string) string { return xs[g.r.Intn(len(xs))] }

// some joins one to n distinct entries of xs.
func (g *queryGen) some(xs []string, n int) string {
	p := g.r.Perm(len(xs))[:1+g.r.Intn(n)]
	out := make([]string, len(p))
	for i, k := range p {
		out[i] = xs[k]
	}
	return strings.Join(out, ", ")
}

// predicate is a where condition, at times compound.
func (g *queryGen) predicate() string {
	atom := func() string {
		switch g.r.Intn(16) {
		case 12:
			return g.pick("month(date) = 2024.01M", "year(date) = 2024", "weekday(date) = 3",
				"date.dayOfMonth() >= 5", "date > temporalAdd(2024.01.01, 3, \"d\")", "date + 1 = 2024.01.04")
		case 13:
			return fmt.Sprintf("date %s 2024.01.0%d", g.pick("!=", "<", ">=", "<>"), 1+g.r.Intn(9))
		case 14:
			return fmt.Sprintf("not (%s)", g.pick("date in 2024.01.02 2024.01.05", `sym in ["A","B"]`, "id < 500", "isNull(price)"))
		case 15:
			return fmt.Sprintf("(date = 2024.01.0%d or sym = %q)", 1+g.r.Intn(8), g.pick("A", "B", "E"))
		case 0:
			return fmt.Sprintf("date = 2024.01.0%d", 1+g.r.Intn(9))
		case 1:
			return fmt.Sprintf("(date between 2024.01.0%d : 2024.01.0%d)", 1+g.r.Intn(4), 4+g.r.Intn(5))
		case 2:
			return fmt.Sprintf("sym in [%s]", g.pick(`"A"`, `"B","C"`, `"G","Z"`, `"D","E","F"`))
		case 3:
			return fmt.Sprintf("sym %s %q", g.pick("=", "!=", "<", ">="), g.pick("A", "C", "F", "Q"))
		case 4:
			return fmt.Sprintf("id %s %d", g.pick("<", ">", "<=", ">=", "="), g.r.Intn(1300))
		case 5:
			return fmt.Sprintf("price %s %g", g.pick("<", ">", "="), float64(g.r.Intn(120))-20)
		case 6:
			return g.pick("isNull(price)", "not isNull(qty)", "isValid(price)", "qty == NULL")
		case 7:
			return g.pick("flag", "not flag", "flag == true")
		case 8:
			return fmt.Sprintf("qty %s %d", g.pick("<", ">", "!=", "in"), g.r.Intn(9)-3)
		case 9:
			return fmt.Sprintf("date in [2024.01.0%d, 2024.01.0%d]", 1+g.r.Intn(9), 1+g.r.Intn(9))
		case 10:
			return g.pick(`name = ""`, `name like "z%"`, `strlen(name) > 0`)
		default:
			return fmt.Sprintf("id %% %d = %d", 2+g.r.Intn(5), g.r.Intn(2))
		}
	}
	switch g.r.Intn(5) {
	case 0:
		return atom() + " and " + atom()
	case 1:
		return atom() + " or " + atom()
	case 2:
		return atom() + ", " + atom()
	default:
		return atom()
	}
}

var (
	aggregates = []string{
		"sum(price)", "avg(price)", "count(*)", "count(price)", "min(qty)", "max(qty)", "max(date)",
		"min(sym)", "sum(qty)", "std(price)", "var(price)", "nunique(sym)", "med(price)", "count(name)",
		"wavg(price, qty)", "sum2(qty)", "countNanInf(price)", "avg(qty)", "max(price) - min(price)",
		"sum(price * qty)", "count(qty)", "skew(price)", "percentile(price, 50)",
	}
	groupKeys = []string{"sym", "date", "sym, date", "flag", "qty", "name", "bar(id, 250)", "month(date)", "date, flag"}
	plainCols = []string{"sym", "date", "price", "qty", "flag", "name", "price * qty", "id + 1",
		"iif(flag, price, qty)", "date + 1", "sym + name", "abs(qty)", "qty / 2"}
)

// query returns a query and whether its answer's row order is defined.
func (g *queryGen) query() (string, bool) {
	where := ""
	if g.r.Intn(3) > 0 {
		where = " where " + g.predicate()
	}
	aggs := func() string { return g.some(aggregates, 3) }
	switch g.r.Intn(25) {
	case 20:
		return "select id, sym, ts, bid from aj(TBL, quotes, `sym`ts)" + where, false
	case 21:
		return "select id, sym, ts, avg_bid from wj(TBL, quotes, " + g.pick("-60s:0s", "-100s:100s", "0s:30s") + ", <avg(bid)>, `sym`ts)" + where, false
	case 22:
		return "select " + g.pick("count(*)", "sum(price)", "max(qty)") + " as v from TBL" + where + " group by interval(ts, " + g.pick("600s", "1H", "30m") + ", \"null\") as bucket", false
	case 23:
		return "select id, ts from TBL where (ts between 2024.01.01T09:30:00 : 2024.01.01T10:00:00)" + strings.Replace(where, " where ", ", ", 1), false
	case 24:
		return "select " + g.pick("count(*)", "avg(price)", "max(id)") + " as v from TBL" + where + " group by sym, hourOfDay(ts) as h, bar(ts, 15m) as b", false
	case 14:
		return "select id, sym, price from TBL" + where + " context by sym csort id limit " + g.pick("2", "-2"), false
	case 15:
		return "select top 2 id, qty from TBL" + where + " context by " + g.pick("date", "sym") + " csort id desc", false
	case 16:
		return "select " + g.pick("sum(price)", "count(*)", "avg(qty)") + " as v from TBL" + where + " cgroup by date order by date", true
	case 17:
		return "select id, avg(price) as a from TBL" + where + " context by sym having " + g.pick("count(*) > 150", "sum(qty) > 100", "max(price) > 90"), false
	case 18:
		return "select " + g.pick("sym, price", "qty, name") + " from TBL" + where + " order by " + g.pick("sym", "price desc", "qty asc nulls last", "price desc nulls first", "name, id") + ", id", true
	case 19:
		return "select id, sym, t2.price as p2 from ej(TBL as t1, TBL as t2, `id)" + where, false
	case 9:
		f := g.pick("cumsum(price)", "mavg(price, 3)", "prev(qty)", "deltas(price)", "rank(price)",
			"cumcount(price)", "move(id, 2)", "msum(qty, 4)", "ratios(qty)", "cummax(price)", "mcount(price, 5)",
			"first(price)", "last(qty)", "tmsum(date, price, 2d)", "rowNo(id)")
		return "select id, " + f + " as v from TBL" + where + " context by " + g.pick("sym", "date", "sym, date") + " csort id", false
	case 10:
		return "select * from TBL where id in (select id from TBL" + where + ") and " + g.predicate(), false
	case 11:
		j := g.pick("lj", "ej", "fj")
		return "select id, sym, price, weight from " + j + "(TBL, dim, `sym)" + where, false
	case 12:
		return "select count(*) as c, max(id) as m, " + aggs() + " from TBL" + where + " group by " + groupKeys[g.r.Intn(len(groupKeys))] + " order by c desc, m", true
	case 13:
		return "exec " + g.pick("sum(price)", "count(*)", "max(id)", "avg(qty)") + " from TBL" + where + " group by sym", false
	case 0:
		return "select * from TBL" + where, false
	case 1:
		return "select id, " + g.some(plainCols, 3) + " from TBL" + where, false
	case 2:
		return "select " + aggs() + " from TBL" + where, false
	case 3, 4:
		by := groupKeys[g.r.Intn(len(groupKeys))]
		having := ""
		if g.r.Intn(4) == 0 {
			having = g.pick(" having count(*) > 20", " having sum(price) > 100", " having max(qty) >= 5")
		}
		return "select " + aggs() + " from TBL" + where + " group by " + by + having, false
	case 5:
		by := g.pick("sym", "date", "flag")
		return "select id, " + g.pick("avg(price)", "count(*)", "max(qty)", "sum(price)") + " from TBL" + where + " context by " + by, false
	case 6:
		return "select distinct " + g.pick("sym", "date", "qty", "name", "sym, flag") + " from TBL" + where, false
	case 7:
		lim := g.pick(" limit 5", " limit 17", "", " limit 2, 5")
		dir := g.pick("", " desc", " asc")
		if g.r.Intn(3) == 0 {
			return "select top 7 id, price, sym from TBL" + where + " order by id" + dir, true
		}
		return "select id, price, date from TBL" + where + " order by id" + dir + lim, true
	default:
		return "select " + g.pick("sum(price)", "count(*)", "max(qty)") + " from TBL" + where + " pivot by date, sym", true
	}
}

// mutation returns an update or delete over TBL.
func (g *queryGen) mutation() string {
	where := " where " + g.predicate()
	switch g.r.Intn(8) {
	case 0:
		return "delete from TBL" + where
	case 4:
		// A DFS update runs partition by partition (update.md): its
		// groups must hold every partitioning column to mean the same.
		return "update TBL set price = avg(price) context by date, sym, id" + where
	case 5:
		return "TBL.append!(select * from src" + where + ")"
	case 6:
		return "update TBL set qty = qty + 1 from " + g.pick("lj", "ej") + "(TBL, dim, `sym)" + where
	case 7:
		return "delete TBL from ej(TBL, dim, `sym)" + where + g.pick("", " and weight > 2")
	case 1:
		return "update TBL set price = price + 1" + where
	case 2:
		return "update TBL set qty = " + g.pick("qty * 2", "NULL", "7", "iif(flag, 1, 2)") + where
	default:
		return "update TBL set name = " + g.pick(`"w"`, `name + "q"`, `""`) + where
	}
}

func TestSameAnswer(t *testing.T) {
	for _, c := range []struct {
		want, got string
		same      bool
	}{
		{"v:DOUBLE\n1241.04437|", "v:DOUBLE\n1241.04438|", true},
		{"v:DOUBLE\n1241.04437|", "v:DOUBLE\n1241.05437|", false},
		{"v:INT\n1|", "v:INT\n2|", false},
		{"v:INT\n1|\n2|", "v:INT\n1|", false},
		{"v:STRING\na|", "v:STRING\na|", true},
	} {
		require.Equal(t, c.same, sameAnswer(c.want, c.got), "%q vs %q", c.want, c.got)
	}
}
