// Command duckdb compares Porpoise's embedded engine with DuckDB (and plain
// Go loops) on the same generated data in one run and prints the ratios
// (issue 9's table). It is a benchmark to run by hand, not a timed test:
//
//	cd bench/duckdb && go run . [-rows 30000000] [-keyed 2000000] [-no-duckdb] [-dfs=false]
//	    [-seed=false] [-suite=false] [-suiterows 3000000] [-profdir DIR]
//	    [-match REGEXP] [-verify]
//
// Two sections: the seed table's queries (group by, filter, ordering,
// vector arithmetic, the seed's DFS table, key lookups) and the query
// suite of suite.go (two-key grouping, joins, as-of join, context by
// windows, pivot by, string predicates, having, distinct) on a trades
// table of its own.
//
// Each line gives wall and CPU time (CPU: user+system of all threads, the
// steadier figure on a shared machine) and both ratios.
//
// It lives in its own module so DuckDB's cgo binding stays out of the main
// module.
package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"flag"
	"fmt"
	"log"
	"os"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
)

func main() {
	rows := flag.Int("rows", 30_000_000, "rows of the generated table m(date, time, sym, val)")
	keyed := flag.Int("keyed", 2_000_000, "rows of the keyed/indexed tables for the key lookup")
	lookups := flag.Int("lookups", 2000, "point lookups to average")
	skipDuck := flag.Bool("no-duckdb", false, "skip DuckDB (Porpoise and Go loops only)")
	dfs := flag.Bool("dfs", true, "also load the rows into the seed's DFS table and group by there")
	dataDir := flag.String("datadir", "", "directory for the DFS table's Pebble store (default: a temporary directory, removed at the end)")
	dfsProfile := flag.String("dfsprofile", "", "write a CPU profile of the DFS queries to this file")
	seedQueries := flag.Bool("seed", true, "run the seed table's queries, the DFS table and the key lookups")
	suite := flag.Bool("suite", true, "run the query suite (joins, windows, pivot, predicates) on its trades table")
	suiteRows := flag.Int("suiterows", 3_000_000, "rows of the suite's trades table")
	profDir := flag.String("profdir", "", "write a CPU profile of each suite query's Porpoise runs into this directory")
	match := flag.String("match", "", "run only the suite queries whose line (q01 name ...) this regular expression matches")
	verify := flag.Bool("verify", false, "after the suite, compare figures that sum up its answers with DuckDB's")
	flag.Parse()

	if *dataDir == "" {
		dir, err := os.MkdirTemp("", "porpoise-bench-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		*dataDir = dir
	}
	eng, err := engine.Open(engine.Options{DataDir: *dataDir})
	if err != nil {
		log.Fatal(err)
	}
	defer eng.Close()
	b := &bench{s: eng.NewSession()}
	if !*skipDuck {
		b.db, err = openDuckDB()
		if err != nil {
			log.Fatal(err)
		}
		defer b.db.Close()
	}
	fmt.Printf("%-58s %12s %12s %12s %12s %8s %8s\n", "work", "Porpoise", "(CPU)", "baseline", "(CPU)", "ratio", "CPU ratio")
	if *seedQueries {
		b.seedSection(*rows, *keyed, *lookups, *dfs, *dfsProfile)
	}
	if *suite {
		b.runSuite(*suiteRows, *profDir, regexp.MustCompile(*match))
		if *verify {
			b.verifySuite()
		}
		b.run("undef(`o); undef(`x); undef(`up); undef(`dl)")
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("\nGo heap in use at the end: %d MiB\n", ms.HeapInuse>>20)
}

// seedSection runs the seed table's queries against DuckDB and Go loops,
// the seed's DFS table and the key lookups.
func (b *bench) seedSection(rows, keyed, lookups int, dfs bool, dfsProfile string) {
	s, run, report := b.s, b.run, b.report
	// The seed's own table script (seed 002), n*3 = rows.
	seed := fmt.Sprintf("n = %d\nm = table(take(2024.01.01..2024.01.03,n) as date, 00:00:00 + 1..n as time, rand(`A`B`C`D`E`F,n) as sym, rand(100,n) as val)", rows)
	tSeed := timeOnce(func() { run(seed) })
	mv, _ := s.Get("m")
	m := mv.(*value.Table)
	fmt.Printf("generated %d rows with the seed's table script in %v (%v CPU)\n\n", m.Rows(), tSeed.wall, tSeed.cpu)

	if b.db != nil {
		if err := loadDuckTable(b.db, "m", m); err != nil {
			log.Fatal(err)
		}
	}
	q1 := "select count(*), avg(val) from m group by sym"
	memGroupBy := best(3, func() { run(q1) })
	report(q1, memGroupBy, b.duck("select sym, count(*), avg(val) from m group by sym"), "DuckDB")
	q2 := "exec count(*) from m where val > 50 and sym = `A"
	memFilter := best(3, func() { run(q2) })
	report(q2, memFilter, b.duck("select count(*) from m where val > 50 and sym = 'A'"), "DuckDB")

	// Ordering: the first rows of an order (top-k selection) and a full
	// two-key sort materialised as a table on both sides.
	q3 := "select top 100 * from m order by val desc, time"
	report(q3, best(3, func() { run(q3) }), b.duck("select * from m order by val desc, time limit 100"), "DuckDB")
	q4 := "o = select * from m order by sym, val desc"
	report(q4, best(3, func() { run(q4) }), b.duck("create or replace temp table o as select * from m order by sym, val desc"), "DuckDB")
	run("undef(`o)")

	vals := m.Column("val").I32
	report("x = m.val + 1", best(3, func() { run("x = m.val + 1") }), best(3, func() {
		out := make([]int32, len(vals))
		for i, v := range vals {
			if v == value.NullInt32 {
				out[i] = v
			} else {
				out[i] = v + 1
			}
		}
		sink = len(out)
	}), "Go loop")
	report("sum(m.val)", best(3, func() { run("sum(m.val)") }), best(3, func() {
		var t int64
		for _, v := range vals {
			if v != value.NullInt32 {
				t += int64(v)
			}
		}
		sink = int(t)
	}), "Go loop")
	report("avg(m.val)", best(3, func() { run("avg(m.val)") }), best(3, func() {
		var t int64
		n := 0
		for _, v := range vals {
			if v != value.NullInt32 {
				t += int64(v)
				n++
			}
		}
		sinkF = float64(t) / float64(n)
	}), "Go loop")
	report("seed table script ("+fmt.Sprint(rows)+" rows)", tSeed, cost{}, "target < 1.5 s")
	run("undef(`x)")

	if dfs {
		// The seed's DFS table (COMPO: VALUE on date, HASH on sym, TSDB)
		// holding the same rows; the target is at most 2x the in-memory
		// group-by.
		run(dfsSetup)
		ins := timeOnce(func() { run("pt.tableInsert(m)") })
		report("pt.tableInsert(m) into the seed's DFS table", ins, cost{}, "append")
		if dfsProfile != "" {
			f, err := os.Create(dfsProfile)
			if err != nil {
				log.Fatal(err)
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				log.Fatal(err)
			}
		}
		q := "select count(*), avg(val) from pt group by sym"
		report(q, best(3, func() { run(q) }), memGroupBy, "in-memory group-by")
		qf := "exec count(*) from pt where val > 50 and sym = `A"
		report(qf, best(3, func() { run(qf) }), memFilter, "in-memory filter-count")
		if dfsProfile != "" {
			pprof.StopCPUProfile()
		}
	}

	// Key lookups in 2M-row keyed and indexed tables.
	run(fmt.Sprintf("k = %d\nkt = keyedTable(`id, 1..k as id, rand(100.0, k) as v)\nit = indexedTable(`id, 1..k as id, rand(100.0, k) as v)", keyed))
	for _, name := range []string{"kt", "it"} {
		q := fmt.Sprintf("select * from %s where id = ", name)
		d := timeOnce(func() {
			for i := 0; i < lookups; i++ {
				run(q + fmt.Sprint(1+(i*7919)%keyed))
			}
		})
		d.wall /= time.Duration(lookups)
		d.cpu /= time.Duration(lookups)
		report(fmt.Sprintf("point lookup in %d-row %s (select where id = k)", keyed, name), d, cost{}, "target < 50µs")
	}
}

// prep runs script untimed unless it is empty.
func (b *bench) prep(script string) {
	if script != "" {
		b.run(script)
	}
}

// bench runs scripts in one Porpoise session and queries in DuckDB (db
// nil: Porpoise only) and prints the comparisons.
type bench struct {
	s  *engine.Session
	db *sql.DB
}

func (b *bench) run(script string) value.Value {
	v, err := b.s.Run(script)
	if err != nil {
		log.Fatalf("%s: %v", script, err)
	}
	return v
}

// duck is the best of three runs of q in DuckDB, its rows read to the
// end; nothing without DuckDB or a query.
func (b *bench) duck(q string) cost { return b.duckPrep(q, "") }

// duckPrep is duck with prep, when not empty, executed untimed before
// each run.
func (b *bench) duckPrep(q, prep string) cost {
	if b.db == nil || q == "" {
		return cost{}
	}
	return bestPrep(3, func() {
		if prep == "" {
			return
		}
		if _, err := b.db.Exec(prep); err != nil {
			log.Fatalf("%s: %v", prep, err)
		}
	}, func() {
		r, err := b.db.Query(q)
		if err != nil {
			log.Fatalf("%s: %v", q, err)
		}
		for r.Next() {
		}
		if err := r.Err(); err != nil {
			log.Fatalf("%s: %v", q, err)
		}
		r.Close()
	})
}

// report prints one line: Porpoise's cost, the baseline's and the ratios.
func (b *bench) report(name string, p, base cost, baseName string) {
	ratio, cpuRatio := "-", "-"
	if base.wall > 0 {
		ratio = fmt.Sprintf("%.2fx", float64(p.wall)/float64(base.wall))
	}
	if base.cpu > 0 {
		cpuRatio = fmt.Sprintf("%.2fx", float64(p.cpu)/float64(base.cpu))
	}
	us := func(d time.Duration) time.Duration { return d.Round(time.Microsecond) }
	fmt.Printf("%-58s %12v %12v %12v %12v %8s %8s  (%s)\n", name, us(p.wall), us(p.cpu), us(base.wall), us(base.cpu), ratio, cpuRatio, baseName)
}

// dfsSetup is seed 002's database and table ("Appending a Large Amount
// of Data").
const dfsSetup = `if(existsDatabase("dfs://bench")) dropDatabase("dfs://bench")
db1 = database("",VALUE,2024.01.01..2024.01.03)
db2 = database("",HASH,[SYMBOL,4])
db = database("dfs://bench", COMPO, [db1,db2],,"TSDB")
tmp = table(1:0, ` + "`date`time`sym`val" + `, [DATE,SECOND,SYMBOL,INT])
pt = db.createPartitionedTable(tmp,` + "`pt,`date`sym" + `,,` + "`time" + `,ALL)`

var (
	sink  int
	sinkF float64
)

// cost is one measurement: wall-clock time and the process's CPU time
// (user+system, all threads). On a machine shared with other work the
// CPU time is the steadier figure; the wall time is what a user waits.
type cost struct{ wall, cpu time.Duration }

func timeOnce(f func()) cost {
	runtime.GC()
	t, c := time.Now(), cpuTime()
	f()
	return cost{time.Since(t), cpuTime() - c}
}

// best is the fastest of n runs (each after a collection), wall and CPU
// minimised separately.
func best(n int, f func()) cost { return bestPrep(n, func() {}, f) }

// bestPrep is best with prep run untimed before each run of f.
func bestPrep(n int, prep, f func()) cost {
	var b cost
	for i := 0; i < n; i++ {
		prep()
		d := timeOnce(f)
		if i == 0 || d.wall < b.wall {
			b.wall = d.wall
		}
		if i == 0 || d.cpu < b.cpu {
			b.cpu = d.cpu
		}
	}
	return b
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// openDuckDB opens an in-memory DuckDB.
func openDuckDB() (*sql.DB, error) {
	connector, err := duckdb.NewConnector("", nil)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(connector), nil
}

// loadDuckTable creates table name in DuckDB with t's columns and copies
// t's rows through the appender. SECOND columns go over as their INTEGER
// counts (as the seed's m always did), DATE and TIMESTAMP as DuckDB's.
func loadDuckTable(db *sql.DB, name string, t *value.Table) error {
	cols := make([]string, len(t.Names))
	for i, n := range t.Names {
		var typ string
		switch t.Cols[i].T {
		case value.Date:
			typ = "DATE"
		case value.Timestamp:
			typ = "TIMESTAMP"
		case value.Int, value.Second:
			typ = "INTEGER"
		case value.Double:
			typ = "DOUBLE"
		case value.Symbol, value.String:
			typ = "VARCHAR"
		default:
			return fmt.Errorf("column %s: no DuckDB type for %v", n, t.Cols[i].T)
		}
		cols[i] = n + " " + typ
	}
	if _, err := db.Exec("create or replace table " + name + "(" + strings.Join(cols, ", ") + ")"); err != nil {
		return err
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		return err
	}
	defer conn.Close()
	start := time.Now()
	err = conn.Raw(func(dc any) error {
		app, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", name)
		if err != nil {
			return err
		}
		epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
		row := make([]driver.Value, len(t.Cols))
		for r := 0; r < t.Rows(); r++ {
			for c, col := range t.Cols {
				switch col.T {
				case value.Date:
					row[c] = epoch.AddDate(0, 0, int(col.I32[r]))
				case value.Timestamp:
					row[c] = time.UnixMilli(col.I64[r]).UTC()
				case value.Int, value.Second:
					row[c] = col.I32[r]
				case value.Double:
					row[c] = col.F64[r]
				default:
					row[c] = col.StrAt(r)
				}
			}
			if err := app.AppendRow(row...); err != nil {
				return err
			}
		}
		return app.Close()
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "loaded %d rows into DuckDB table %s in %v\n", t.Rows(), name, time.Since(start))
	return nil
}
