package bench

import (
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// orderScripts are the moving order statistics (windows of 20 and 1000
// rows or ms, over x, half-NULL xn and INT xi), the moments and the pair
// statistics over INT columns, over windowRows rows.
var orderScripts = []struct {
	name, script string
	// w is the window whose sort-per-window loop the script is also
	// measured against (0: none)
	w int
}{
	{"mmed-20", "mmed(x, 20)", 20},
	{"mmed-1000", "mmed(x, 1000)", 1000},
	{"mmed-nulls-20", "mmed(xn, 20)", 20},
	{"mmed-nulls-1000", "mmed(xn, 1000)", 1000},
	{"mmed-int-20", "mmed(xi, 20)", 20},
	{"mpercentile-20", "mpercentile(x, 25, 20)", 20},
	{"mpercentile-1000", "mpercentile(x, 25, 1000)", 1000},
	{"tmmed-20", "tmmed(ts, x, 20)", 20},
	{"tmmed-1000", "tmmed(ts, x, 1000)", 1000},
	{"tmpercentile-1000", "tmpercentile(ts, x, 25, 1000)", 1000},
	{"mmad-median-20", "mmad(x, 20, true)", 20},
	{"mmad-median-1000", "mmad(x, 1000, true)", 1000},
	{"mskew-20", "mskew(x, 20)", 0},
	{"mskew-nulls-20", "mskew(xn, 20)", 0},
	{"mkurtosis-20", "mkurtosis(x, 20)", 0},
	{"mskew-1000", "mskew(x, 1000)", 0},
	{"mcorr-20", "mcorr(x, y, 20)", 0},
	{"mcorr-int-20", "mcorr(xi, yi, 20)", 0},
	{"mcovar-int-20", "mcovar(xi, yi, 20)", 0},
	{"mwsum-20", "mwsum(x, y, 20)", 0},
	{"mwsum-int-20", "mwsum(xi, yi, 20)", 0},
	{"mbeta-int-20", "mbeta(xi, yi, 20)", 0},
	{"mcorr-int-1000", "mcorr(xi, yi, 1000)", 0},
}

// goSortMedian is the plain loop the order statistics are measured
// against: each window of w values copied and sorted, its median read,
// over the first rows of xs (a sort of 1000 values a row over 10M rows
// is minutes; the figure is scaled to all of xs).
func goSortMedian(xs []float64, w, rows int, out []float64) {
	buf := make([]float64, 0, w)
	for i := range rows {
		buf = append(buf[:0], xs[max(0, i-w+1):i+1]...)
		slices.Sort(buf)
		m := len(buf) / 2
		if len(buf)%2 == 1 {
			out[i] = buf[m]
		} else {
			out[i] = (buf[m-1] + buf[m]) / 2
		}
	}
}

// BenchmarkWindowOrder runs orderScripts in one session and reports each
// one's CPU milliseconds per run, its ratio to goSlidingMean (window 20)
// over the same x and, for the order statistics, to goSortMedian with the
// script's window, all measured in the same run.
func BenchmarkWindowOrder(b *testing.B) {
	s := testkit.InMemory(b).NewSession()
	_, err := s.Run(windowSetup + "; yi = rand(1000, n)")
	require.NoError(b, err)
	xv, err := s.Run("x")
	require.NoError(b, err)
	xs := xv.(*value.Vector).F64
	require.Len(b, xs, windowRows)
	out := make([]float64, len(xs))
	timed := func(op func()) time.Duration {
		runtime.GC()
		cpu0 := cpuTime()
		op()
		return cpuTime() - cpu0
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	base := timed(func() { goSlidingMean(xs, 20, out) })
	sorted := map[int]time.Duration{}
	for _, w := range []int{20, 1000} {
		// 1M rows of windows of 20, 20,000 of 1000: about a second each
		rows := 20_000_000 / w
		sorted[w] = timed(func() { goSortMedian(xs, w, rows, out) }) * time.Duration(len(xs)/rows)
	}
	b.Run("go-baseline", func(b *testing.B) {
		b.ReportMetric(ms(base), "cpu-ms/op")
	})
	for _, w := range []int{20, 1000} {
		b.Run("go-sort-median-"+map[int]string{20: "20", 1000: "1000"}[w], func(b *testing.B) {
			b.ReportMetric(ms(sorted[w]), "cpu-ms/op")
		})
	}
	for _, sc := range orderScripts {
		b.Run(sc.name, func(b *testing.B) {
			var cpu time.Duration
			for range b.N {
				cpu += timed(func() {
					_, err := s.Run(sc.script)
					require.NoError(b, err, sc.script)
				})
			}
			got := ms(cpu) / float64(b.N)
			b.ReportMetric(got, "cpu-ms/op")
			b.ReportMetric(got/ms(base), "x-baseline")
			if sc.w > 0 {
				b.ReportMetric(got/ms(sorted[sc.w]), "x-sort")
			}
		})
	}
}
