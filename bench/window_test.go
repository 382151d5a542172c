package bench

import (
	"runtime"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// windowRows is the length of the columns the moving-window benchmark
// runs over: the size DolphinDB's own figures for these functions use.
const windowRows = 10_000_000

// windowSetup makes windowRows-row columns x (DOUBLE in [0, 1)), y, xn (x
// with about half of it NULL), xi (INT in [0, 1000)), ts (TIMESTAMP 1 ms
// apart), ts10 (10 ms apart) and sy (SYMBOL of 1000 names), and the table
// t of x, y, sy and ts.
const windowSetup = `n = 10000000; x = rand(1.0, n); y = rand(1.0, n); xn = iif(x > 0.5, x, NULL); xi = rand(1000, n)
ts = 2024.01.01T00:00:00.000 + 0..(n - 1); ts10 = 2024.01.01T00:00:00.000 + 0..(n - 1) * 10; sy = symbol(rand(string(1..1000), n)); t = table(x, y, sy, ts)`

// windowScripts are the moving, fill and context-by scripts measured over
// windowRows rows.
var windowScripts = []struct{ name, script string }{
	{"mavg", "mavg(x, 20)"},
	{"msum", "msum(x, 20)"},
	{"mcount", "mcount(xn, 20)"},
	{"mstd", "mstd(x, 20)"},
	{"mcorr", "mcorr(x, y, 20)"},
	{"mvar", "mvar(x, 20)"},
	{"mskew", "mskew(x, 20)"},
	{"mkurtosis", "mkurtosis(x, 20)"},
	{"mcovar", "mcovar(x, y, 20)"},
	{"mbeta", "mbeta(x, y, 20)"},
	{"mwsum", "mwsum(x, y, 20)"},
	{"mwavg", "mwavg(x, y, 20)"},
	{"mprod", "mprod(x, 20)"},
	{"msum-nulls", "msum(xn, 20)"},
	{"msum-int", "msum(xi, 20)"},
	{"mavg-int", "mavg(xi, 20)"},
	{"mstd-int", "mstd(xi, 20)"},
	{"mmax", "mmax(x, 20)"},
	{"mmin", "mmin(x, 20)"},
	{"mimax", "mimax(x, 20)"},
	{"mmax-nulls", "mmax(xn, 20)"},
	{"mrank", "mrank(x, true, 20)"},
	{"tmavg", "tmavg(ts, x, 20)"},
	{"tmsum", "tmsum(ts, x, 20)"},
	{"tmsum-1m", "tmsum(ts10, x, 1m)"},
	{"tmavg-1m", "tmavg(ts10, x, 1m)"},
	{"tmstd", "tmstd(ts, x, 20)"},
	{"tmcorr", "tmcorr(ts, x, y, 20)"},
	{"tmmax", "tmmax(ts, x, 20)"},
	{"iif", "iif(x > 0.5, x, NULL)"},
	{"ffill", "ffill(xn)"},
	{"bfill", "bfill(xn)"},
	{"lfill", "lfill(xn)"},
	{"ffill-iif", "ffill(iif(x > 0.5, x, NULL))"},
	{"group-by-sum", "select sum(x) from t group by sy"},
	{"context-by-mavg", "select mavg(x, 5) from t context by sy"},
	{"context-by-mmax", "select mmax(x, 5) from t context by sy"},
	{"context-by-cumsum", "select cumsum(x) from t context by sy"},
	{"context-by-ratios", "select ratios(x) from t context by sy"},
	{"context-by-deltas", "select deltas(x) from t context by sy"},
	{"context-by-move", "select move(x, 1) from t context by sy"},
	{"context-by-tmavg", "select tmavg(ts, x, 20) from t context by sy"},
	{"context-by-mstd", "select mstd(x, 5) from t context by sy"},
	{"context-by-mcorr", "select mcorr(x, y, 5) from t context by sy"},
}

// goSlidingMean is the baseline: a plain Go loop of the mean of the last
// w values, no NULLs, the least a moving function over x must do.
func goSlidingMean(xs []float64, w int, out []float64) {
	s := 0.0
	for i, x := range xs {
		s += x
		if i >= w {
			s -= xs[i-w]
		}
		out[i] = s / float64(min(i+1, w))
	}
}

// BenchmarkWindowFunctions runs windowScripts in one session and reports
// each one's CPU milliseconds per run and its ratio to goSlidingMean over
// the same x, measured in the same run (the "go-baseline" sub-benchmark
// reports the baseline itself).
func BenchmarkWindowFunctions(b *testing.B) {
	s := testkit.InMemory(b).NewSession()
	_, err := s.Run(windowSetup)
	require.NoError(b, err)
	xv, err := s.Run("x")
	require.NoError(b, err)
	xs := xv.(*value.Vector).F64
	require.Len(b, xs, windowRows)
	out := make([]float64, len(xs))
	baseline := func() time.Duration {
		const rounds = 5
		runtime.GC()
		cpu0 := cpuTime()
		for range rounds {
			goSlidingMean(xs, 20, out)
		}
		return (cpuTime() - cpu0) / rounds
	}
	base := baseline()
	b.Run("go-baseline", func(b *testing.B) {
		var cpu time.Duration
		for range b.N {
			cpu += baseline()
		}
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	})
	for _, sc := range windowScripts {
		b.Run(sc.name, func(b *testing.B) {
			var cpu time.Duration
			for range b.N {
				runtime.GC()
				cpu0 := cpuTime()
				_, err := s.Run(sc.script)
				cpu += cpuTime() - cpu0
				require.NoError(b, err, sc.script)
			}
			ms := float64(cpu.Microseconds()) / 1000 / float64(b.N)
			b.ReportMetric(ms, "cpu-ms/op")
			b.ReportMetric(ms/(float64(base.Microseconds())/1000), "x-baseline")
		})
	}
}
