package bench

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// funcRows is the length of the columns the function and query
// benchmarks run over.
const funcRows = 1_000_000

// funcTable is a funcRows-row (sym SYMBOL of 100 names, qty INT, price
// DOUBLE, r DOUBLE near 1, ts TIMESTAMP 1 ms apart) table with a NULL
// every 97th qty and price, so the kernels' NULL paths run too.
func funcTable() *value.Table {
	syms := make([]string, funcRows)
	qty := make([]int32, funcRows)
	price := make([]float64, funcRows)
	r := make([]float64, funcRows)
	ts := make([]int64, funcRows)
	var names [100]string
	for i := range names {
		names[i] = fmt.Sprintf("S%03d", i)
	}
	rng := rand.New(rand.NewPCG(14, 9))
	for i := range syms {
		syms[i] = names[rng.IntN(len(names))]
		qty[i] = rng.Int32N(1000)
		price[i] = 100 + float64(rng.IntN(10000))/100
		r[i] = 1 + float64(rng.IntN(21)-10)/1e6
		ts[i] = 1704067200000 + int64(i)
		if i%97 == 0 {
			qty[i], price[i] = value.NullInt32, value.NullFloat64
		}
	}
	return value.NewTable([]string{"sym", "qty", "price", "r", "ts"}, []*value.Vector{
		value.NewStrings(value.Symbol, syms), value.NewInts(qty), value.NewDoubles(price), value.NewDoubles(r), {T: value.Timestamp, I64: ts},
	})
}

// funcScripts are the vector functions measured, each over funcRows
// elements (moving and tmoving, which call a function per row, over a
// tenth of them).
var funcScripts = []struct{ name, script string }{
	{"cumsum-int", "cumsum(qty)"},
	{"cumsum-double", "cumsum(price)"},
	{"cumprod", "cumprod(r)"},
	{"cumsum2", "cumsum2(price)"},
	{"cummax", "cummax(price)"},
	{"cumavg", "cumavg(price)"},
	{"cumstd", "cumstd(price)"},
	{"cumcorr", "cumcorr(price, qty)"},
	{"msum", "msum(price, 20)"},
	{"mavg", "mavg(qty, 20)"},
	{"mstd", "mstd(price, 20)"},
	{"mmax", "mmax(price, 20)"},
	{"mcorr", "mcorr(price, qty, 20)"},
	{"mslr", "mslr(price, qty, 20)"},
	{"tmsum", "tmsum(ts, price, 20)"},
	{"tmavg", "tmavg(ts, qty, 20)"},
	{"tmmax", "tmmax(ts, price, 20)"},
	{"tmcorr", "tmcorr(ts, price, qty, 20)"},
	{"msumTopN", "msumTopN(price, qty, 20, 5)"},
	{"mcorrTopN", "mcorrTopN(price, price, qty, 20, 5)"},
	{"movingTopNIndex", "movingTopNIndex(price, 20, 5)"},
	{"cumavgTopN", "cumavgTopN(price, qty, 5)"},
	{"tmstdTopN", "tmstdTopN(ts, price, qty, 20, 5)"},
	{"movingWindowData", "movingWindowData(price, 20)"},
	{"moving-sum-100k", "moving(sum, price100k, 20)"},
	{"tmoving-avg-100k", "tmoving(avg, ts100k, price100k, 20)"},
	{"add-scalar", "price + 1"},
	{"compare-scalar", "qty > 500"},
	{"sum", "sum(price)"},
	{"sort", "sort(price)"},
	{"isort", "isort(price)"},
	{"rank", "rank(price)"},
	{"nunique", "nunique(price)"},
	{"each-builtin-100k", "each(add{1}, price100k)"},
	{"each-lambda-100k", "each(x -> x + 1, price100k)"},
}

// queryScripts are SQL queries over the funcRows-row table t.
var queryScripts = []struct{ name, script string }{
	{"group-by-sym", "select sum(price), avg(qty), count(*) from t group by sym"},
	{"group-by-two", "select max(price), min(qty) from t group by sym, qty % 10 as k"},
	{"context-by-cumsum", "select sym, cumsum(qty) as c from t context by sym"},
	{"context-by-mavg", "select sym, mavg(price, 20) as m from t context by sym"},
	{"where-filter", "select * from t where price > 150, qty < 500"},
	{"where-symbol", "select ts, price from t where sym = `S042"},
	{"exec-expression", "exec sum(price * qty) from t"},
	{"order-by", "select top 100 * from t order by price desc"},
	{"order-by-two", "select * from t order by sym, price desc"},
	{"context-by-csort", "select top 2 * from t context by sym csort price desc"},
	{"context-by-last", "select * from t context by sym limit -1"},
	{"context-by-csort-last", "select * from t context by sym csort ts limit -1"},
	{"context-by-deltas-many", "select deltas(price) from t context by sym, qty"},
	{"context-by-cumsum-many", "select cumsum(price) from t context by sym, qty"},
	{"context-by-rank-many", "select rank(price) from t context by sym, qty"},
	{"context-by-return-many", "select price / prev(price) - 1 from t context by sym, qty"},
	{"context-by-return", "select price / prev(price) - 1 from t context by sym"},
	{"ej-many-to-many", `ej(t, (select sym, price as p2 from t where qty == 7), "sym")`},
	{"cj", "cj(select top 1000 sym from t, select top 1000 qty from t)"},
}

// benchScripts runs each script as a sub-benchmark in a session holding
// funcTable as t and its columns as variables, and reports the process's
// CPU milliseconds per run (user+system, all threads): on a loaded machine
// a steadier figure than ns/op. Each run starts from a collected heap, so
// the figure leaves out collecting the garbage of earlier runs (run with
// GOGC=off to keep collections out of the runs too).
func benchScripts(b *testing.B, scripts []struct{ name, script string }) {
	s := testkit.InMemory(b).NewSession()
	t := funcTable()
	s.Set("t", t)
	for i, name := range t.Names {
		s.Set(name, t.Cols[i])
	}
	_, err := s.Run("price100k = price[:100000]; ts100k = ts[:100000]")
	require.NoError(b, err)
	for _, sc := range scripts {
		b.Run(sc.name, func(b *testing.B) {
			_, err := s.Run(sc.script)
			require.NoError(b, err, sc.script)
			var cpu time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				cpu += runCPU(b, s, sc.script)
			}
			b.ReportMetric(msPerOp(cpu, b.N), "cpu-ms/op")
		})
	}
}

// runCPU runs script from a heap collected with the timer stopped and
// returns the CPU time the run took.
func runCPU(b *testing.B, s *engine.Session, script string) time.Duration {
	b.StopTimer()
	runtime.GC()
	b.StartTimer()
	cpu0 := cpuTime()
	_, err := s.Run(script)
	d := cpuTime() - cpu0
	require.NoError(b, err, script)
	return d
}

// msPerOp is d over n runs, in milliseconds.
func msPerOp(d time.Duration, n int) float64 { return float64(d.Microseconds()) / 1000 / float64(n) }

// BenchmarkVectorFunctions measures cumulative, moving and time-moving
// functions and scalar kernels over 1M-element columns.
func BenchmarkVectorFunctions(b *testing.B) { benchScripts(b, funcScripts) }

// BenchmarkQueries measures group-by, context-by, filtering and ordering
// queries over a 1M-row in-memory table.
func BenchmarkQueries(b *testing.B) { benchScripts(b, queryScripts) }
