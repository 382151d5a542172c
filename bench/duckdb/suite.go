package main

import (
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"strings"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
)

// The query suite beyond group-by/filter/ordering: multi-key grouping,
// joins, as-of join, context by windows, pivot by, string predicates,
// having and distinct, on a trades table tr(time, sym, qty, val, date)
// with many more symbols than the seed's six, so joins and per-symbol
// work have real key sets.
const (
	suiteSyms  = 2000 // symbols; with suiteDays dates, the 10k-row ref table
	suiteDays  = 5
	quoteRatio = 3 // qt has one row for every quoteRatio rows of tr
)

// suiteQuery is one query on both sides. Porpoise's result is a value it
// returns or assigns; DuckDB's is read to the end or, for big results,
// materialised as a temporary table (so neither side ships rows to Go).
type suiteQuery struct {
	name, porpoise, duck string
	// prep and duckPrep run untimed before each timed run (a fresh copy
	// for update and delete); once runs in Porpoise before the first.
	prep, duckPrep, once string
	// vsPrev also reports Porpoise's cost against the previous query's
	// (the same query on the in-memory table).
	vsPrev bool
}

// suiteIn is 20 of the suite's symbols as a DolphinDB and an SQL list.
func suiteIn() (ddb, sql string) {
	in := make([]string, 20)
	for i := range in {
		in[i] = suiteSym(i * 97 % suiteSyms)
	}
	return "[\"" + strings.Join(in, "\",\"") + "\"]", "('" + strings.Join(in, "','") + "')"
}

func suiteQueries(rows int) []suiteQuery {
	ddbIn, sqlIn := suiteIn()
	// About half the symbols have more than the mean sum of qty.
	having := fmt.Sprint(rows / suiteSyms * 500)
	return append([]suiteQuery{
		{name: "group by sym, date(time)",
			porpoise: "select count(*), sum(qty), avg(val) from tr group by sym, date(time) as d",
			duck:     "select sym, cast(time as date) as d, count(*), sum(qty), avg(val) from tr group by sym, d"},
		{name: "ej on sym, date (10k-row ref)",
			porpoise: "o = ej(tr, ref, `sym`date)",
			duck:     "create or replace temp table o as select tr.*, ref.w from tr join ref on tr.sym = ref.sym and tr.date = ref.date"},
		{name: "inner join on sym, date (10k-row ref)",
			porpoise: "o = select * from tr inner join ref on tr.sym = ref.sym and tr.date = ref.date",
			duck:     "create or replace temp table o as select tr.*, ref.w from tr inner join ref on tr.sym = ref.sym and tr.date = ref.date"},
		{name: "lj on sym (2k-row info)",
			porpoise: "o = lj(tr, info, `sym)",
			duck:     "create or replace temp table o as select tr.*, info.sector from tr left join info on tr.sym = info.sym"},
		{name: "aj(tr, qt, `sym`time) (1M-row qt)",
			porpoise: "o = aj(tr, qt, `sym`time)",
			duck:     "create or replace temp table o as select tr.*, qt.time as qt_time, qt.bid from tr asof left join qt on tr.sym = qt.sym and tr.time >= qt.time"},
		{name: "context by sym: mavg(val, 20), cumsum(qty)",
			porpoise: "o = select sym, time, mavg(val, 20), cumsum(qty) from tr context by sym",
			duck:     "create or replace temp table o as select sym, time, avg(val) over (partition by sym order by time rows between 19 preceding and current row), sum(qty) over (partition by sym order by time rows between unbounded preceding and current row) from tr"},
		{name: "pivot by date(time), sym: avg(val)",
			porpoise: "select avg(val) from tr pivot by date(time), sym",
			duck:     "pivot (select cast(time as date) as d, sym, val from tr) on sym using avg(val) group by d"},
		{name: "count where sym like \"A%\"",
			porpoise: "select count(*) from tr where sym like \"A%\"",
			duck:     "select count(*) from tr where sym like 'A%'"},
		{name: "count where sym in [20 symbols]",
			porpoise: "select count(*) from tr where sym in " + ddbIn,
			duck:     "select count(*) from tr where sym in " + sqlIn},
		{name: "group by sym having sum(qty) > mean",
			porpoise: "select count(*), sum(qty) from tr group by sym having sum(qty) > " + having,
			duck:     "select sym, count(*), sum(qty) from tr group by sym having sum(qty) > " + having},
		{name: "select distinct sym",
			porpoise: "select distinct sym from tr",
			duck:     "select distinct sym from tr"},
		{name: "select distinct sym, date",
			porpoise: "select distinct sym, date from tr",
			duck:     "select distinct sym, date from tr"},
		{name: "count distinct qty per sym",
			porpoise: "select nunique(qty) from tr group by sym",
			duck:     "select sym, count(distinct qty) from tr group by sym"},
		// DuckDB has no window join; its range join on sym and an hour of
		// time pairs every trade with every quote of its symbol first,
		// which runs minutes, so this line has Porpoise alone
		{name: "wj(tr, qt, -1h:0, <[avg(bid), count(bid)]>, `sym`time)",
			porpoise: "o = wj(tr, qt, -3600s:0s, <[avg(bid), count(bid)]>, `sym`time)"},
	}, shapeQueries()...)
}

// suiteSym is the i-th symbol: a letter cycling through A..Z then the
// number, so `like "A%"` selects one symbol in 26.
func suiteSym(i int) string { return fmt.Sprintf("%c%04d", 'A'+i%26, i) }

// suiteTables builds tr (rows rows, time ascending over suiteDays days,
// each row a random symbol), ref (every symbol on every date, 10k rows),
// info (one row a symbol) and qt (quotes, time ascending), all from one
// fixed seed, and sets them in the session.
func suiteTables(s *engine.Session, rows int) map[string]*value.Table {
	rng := rand.New(rand.NewPCG(1, 2))
	names := make([]string, suiteSyms)
	for i := range names {
		names[i] = suiteSym(i)
	}
	const day = int64(86_400_000)
	start := int64(19723) * day // 2024.01.01
	step := suiteDays * day / int64(rows)
	times := func(n int, step int64) *value.Vector {
		v := value.NewVector(value.Timestamp, n, n)
		for i := range v.I64 {
			v.I64[i] = start + int64(i)*step
		}
		return v
	}
	symbols := func(n int) *value.Vector {
		strs := make([]string, n)
		for i := range strs {
			strs[i] = names[rng.IntN(suiteSyms)]
		}
		return value.NewSymbols(strs)
	}
	doubles := func(n int, max float64) *value.Vector {
		v := value.NewVector(value.Double, n, n)
		for i := range v.F64 {
			v.F64[i] = rng.Float64() * max
		}
		return v
	}

	trTime := times(rows, step)
	qty := value.NewVector(value.Int, rows, rows)
	for i := range qty.I32 {
		qty.I32[i] = 1 + rng.Int32N(1000)
	}
	date := value.NewVector(value.Date, rows, rows)
	for i, t := range trTime.I64 {
		date.I32[i] = int32(t / day)
	}
	tr := value.NewTable([]string{"time", "sym", "qty", "val", "date"},
		[]*value.Vector{trTime, symbols(rows), qty, doubles(rows, 100), date})

	refSym := make([]string, 0, suiteSyms*suiteDays)
	refDate := value.NewVector(value.Date, 0, suiteSyms*suiteDays)
	for d := 0; d < suiteDays; d++ {
		for _, n := range names {
			refSym = append(refSym, n)
			refDate.I32 = append(refDate.I32, int32(19723+d))
		}
	}
	ref := value.NewTable([]string{"sym", "date", "w"},
		[]*value.Vector{value.NewSymbols(refSym), refDate, doubles(len(refSym), 1)})

	sector := value.NewVector(value.Int, suiteSyms, suiteSyms)
	for i := range sector.I32 {
		sector.I32[i] = int32(i % 50)
	}
	info := value.NewTable([]string{"sym", "sector"}, []*value.Vector{value.NewSymbols(names), sector})

	nq := rows / quoteRatio
	qt := value.NewTable([]string{"time", "sym", "bid"},
		[]*value.Vector{times(nq, step*quoteRatio), symbols(nq), doubles(nq, 100)})

	tables := map[string]*value.Table{"tr": tr, "ref": ref, "info": info, "qt": qt}
	for name, t := range tables {
		s.Set(name, t)
	}
	return tables
}

// runSuite runs the suite on both sides and reports each query; with
// profDir set it writes one CPU profile of Porpoise's runs per query.
func (b *bench) runSuite(rows int, profDir string, match *regexp.Regexp) {
	tables := suiteTables(b.s, rows)
	if b.db != nil {
		for _, name := range []string{"tr", "ref", "info", "qt"} {
			if err := loadDuckTable(b.db, name, tables[name]); err != nil {
				log.Fatal(err)
			}
		}
	}
	fmt.Printf("\nsuite: tr %d rows, %d symbols over %d days; ref %d rows, info %d, qt %d\n",
		rows, suiteSyms, suiteDays, tables["ref"].Rows(), tables["info"].Rows(), tables["qt"].Rows())
	var prev cost
	for i, q := range suiteQueries(rows) {
		line := fmt.Sprintf("q%02d %s", i+1, q.name)
		if !match.MatchString(line) {
			prev = cost{}
			continue
		}
		if q.once != "" {
			b.run(q.once)
		}
		var prof *os.File
		if profDir != "" {
			f, err := os.Create(filepath.Join(profDir, fmt.Sprintf("q%02d.pprof", i+1)))
			if err != nil {
				log.Fatal(err)
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				log.Fatal(err)
			}
			prof = f
		}
		var res value.Value
		p := bestPrep(3, func() { b.prep(q.prep) }, func() { res = b.run(q.porpoise) })
		if prof != nil {
			pprof.StopCPUProfile()
			prof.Close()
		}
		b.report(line, p, b.duckPrep(q.duck, q.duckPrep), "DuckDB")
		if q.vsPrev && prev.cpu > 0 {
			b.report("    the same against the previous line", p, prev, "previous line")
		}
		b.checkRows(q, res)
		prev = p
	}
}

// checkRows compares the row counts of the two sides' results, a cheap
// guard that both ran the same query.
func (b *bench) checkRows(q suiteQuery, res value.Value) {
	if b.db == nil || !strings.HasPrefix(q.duck, "select") && !strings.HasPrefix(q.duck, "create") {
		return
	}
	t, ok := res.(*value.Table)
	if !ok && strings.HasPrefix(q.porpoise, "o = ") {
		v, _ := b.s.Get("o")
		t, ok = v.(*value.Table)
	}
	if !ok {
		return
	}
	count := "select count(*) from (" + q.duck + ")"
	if strings.HasPrefix(q.duck, "create") {
		count = "select count(*) from o"
	}
	var n int
	if err := b.db.QueryRow(count).Scan(&n); err != nil {
		log.Fatalf("%s: %v", count, err)
	}
	if n != t.Rows() {
		fmt.Printf("    rows differ: Porpoise %d, DuckDB %d\n", t.Rows(), n)
	}
}
