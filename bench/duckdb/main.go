// Command duckdb compares Porpoise's embedded engine with DuckDB (and plain
// Go loops) on the same generated data in one run and prints the ratios
// (issue 9's table). It is a benchmark to run by hand, not a timed test:
//
//	cd bench/duckdb && go run . [-rows 30000000] [-keyed 2000000]
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
	"runtime"
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
	flag.Parse()

	eng, err := engine.Open(engine.Options{InMemory: true})
	if err != nil {
		log.Fatal(err)
	}
	defer eng.Close()
	s := eng.NewSession()
	run := func(script string) value.Value {
		v, err := s.Run(script)
		if err != nil {
			log.Fatalf("%s: %v", script, err)
		}
		return v
	}

	// The seed's own table script (seed 002), n*3 = rows.
	seed := fmt.Sprintf("n = %d\nm = table(take(2024.01.01..2024.01.03,n) as date, 00:00:00 + 1..n as time, rand(`A`B`C`D`E`F,n) as sym, rand(100,n) as val)", *rows)
	tSeed := timeOnce(func() { run(seed) })
	mv, _ := s.Get("m")
	m := mv.(*value.Table)
	fmt.Printf("generated %d rows with the seed's table script in %v\n\n", m.Rows(), tSeed)

	var db *sql.DB
	if !*skipDuck {
		db, err = loadDuckDB(m)
		if err != nil {
			log.Fatal(err)
		}
		defer db.Close()
	}
	duck := func(q string) time.Duration {
		if db == nil {
			return 0
		}
		return best(3, func() {
			r, err := db.Query(q)
			if err != nil {
				log.Fatal(err)
			}
			for r.Next() {
			}
			r.Close()
		})
	}

	fmt.Printf("%-58s %12s %12s %8s\n", "work", "Porpoise", "baseline", "ratio")
	report := func(name string, p, base time.Duration, baseName string) {
		ratio := "-"
		if base > 0 {
			ratio = fmt.Sprintf("%.2fx", float64(p)/float64(base))
		}
		fmt.Printf("%-58s %12v %12v %8s  (%s)\n", name, p.Round(time.Microsecond), base.Round(time.Microsecond), ratio, baseName)
	}

	q1 := "select count(*), avg(val) from m group by sym"
	report(q1, best(3, func() { run(q1) }), duck("select sym, count(*), avg(val) from m group by sym"), "DuckDB")
	q2 := "exec count(*) from m where val > 50 and sym = `A"
	report(q2, best(3, func() { run(q2) }), duck("select count(*) from m where val > 50 and sym = 'A'"), "DuckDB")

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
	report("seed table script ("+fmt.Sprint(*rows)+" rows)", tSeed, 0, "target < 1.5 s")
	run("undef(`x)")

	// Key lookups in 2M-row keyed and indexed tables.
	run(fmt.Sprintf("k = %d\nkt = keyedTable(`id, 1..k as id, rand(100.0, k) as v)\nit = indexedTable(`id, 1..k as id, rand(100.0, k) as v)", *keyed))
	for _, name := range []string{"kt", "it"} {
		q := fmt.Sprintf("select * from %s where id = ", name)
		d := timeOnce(func() {
			for i := 0; i < *lookups; i++ {
				run(q + fmt.Sprint(1+(i*7919)%*keyed))
			}
		}) / time.Duration(*lookups)
		report(fmt.Sprintf("point lookup in %d-row %s (select where id = k)", *keyed, name), d, 0, "target < 50µs")
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("\nGo heap in use at the end: %d MiB\n", ms.HeapInuse>>20)
}

var (
	sink  int
	sinkF float64
)

func timeOnce(f func()) time.Duration {
	runtime.GC()
	t := time.Now()
	f()
	return time.Since(t)
}

// best is the fastest of n runs (each after a collection).
func best(n int, f func()) time.Duration {
	var b time.Duration
	for i := 0; i < n; i++ {
		if d := timeOnce(f); i == 0 || d < b {
			b = d
		}
	}
	return b
}

// loadDuckDB copies m into an in-memory DuckDB table m(date, time, sym,
// val) through the appender.
func loadDuckDB(m *value.Table) (*sql.DB, error) {
	connector, err := duckdb.NewConnector("", nil)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(connector)
	if _, err := db.Exec("create table m(date DATE, time INTEGER, sym VARCHAR, val INTEGER)"); err != nil {
		return nil, err
	}
	conn, err := connector.Connect(context.Background())
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	app, err := duckdb.NewAppenderFromConn(conn, "", "m")
	if err != nil {
		return nil, err
	}
	start := time.Now()
	dates, times, syms, vals := m.Column("date").I32, m.Column("time").I32, m.Column("sym"), m.Column("val").I32
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	row := make([]driver.Value, 4)
	for i := range dates {
		row[0] = epoch.AddDate(0, 0, int(dates[i]))
		row[1] = times[i]
		row[2] = syms.FormatElem(i)
		row[3] = vals[i]
		if err := app.AppendRow(row...); err != nil {
			return nil, err
		}
	}
	if err := app.Close(); err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "loaded %d rows into DuckDB in %v\n", len(dates), time.Since(start))
	return db, nil
}
