package stats

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/freshstat"
	"github.com/porpoisedb/porpoise/value"
)

// TestCumulativeMomentsAroundInfinities: each row of cumavg, cumvar,
// cumvarp, cumstd and cumstdp is what IEEE arithmetic gives afresh over
// the values so far: an infinity first made the offsets NaN (cumavg of
// inf, 1, 2 was NULL, not inf).
func TestCumulativeMomentsAroundInfinities(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, infEvery := range []int{10, 200} {
		for trial := range 20 {
			xs := freshstat.Series(rng, 60, infEvery)
			for name, c := range CumMoments {
				got := make([]float64, len(xs))
				runningMoments(name)(xs, got)
				var vals []float64
				for i, x := range xs {
					if !funcs.IsNullF(x) {
						vals = append(vals, x)
					}
					want := value.NullFloat64
					if float64(len(vals)) >= c.MinN {
						want = freshstat.Moment(strings.TrimPrefix(name, "cum"), vals)
					}
					freshstat.Agrees(t, want, got[i], fmt.Sprintf("%s trial %d row %d %v", name, trial, i, vals))
				}
			}
		}
	}
}

// TestCumulativePairsAroundInfinities: each row of cumwsum, cumwavg,
// cumcovar, cumcorr and cumbeta is what IEEE arithmetic gives afresh over
// the pairs so far; the sums of offsets from the first pair turned
// 1 * inf into 0 * inf, NaN.
func TestCumulativePairsAroundInfinities(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	// the loops as the registered functions run them
	loop := func(stat func(p *PairSums) float64, inf func(p *PairSums, q *InfPairs) float64) func(xs, ys, out []float64) {
		return func(xs, ys, out []float64) {
			if cumulatePairs(xs, ys, out)(stat) {
				cumulatePairInfinities(xs, ys, out, stat, inf)
			}
		}
	}
	stats := map[string]func(xs, ys, out []float64){
		"wsum":  loop((*PairSums).SumXY, WsumOver),
		"wavg":  loop(func(p *PairSums) float64 { return p.SumXY() / p.SumY() }, WavgOver),
		"covar": loop((*PairSums).Covar, NaNOver),
		"corr":  loop((*PairSums).Corr, NaNOver),
		"beta":  loop((*PairSums).Beta, NaNOver),
	}
	for _, infEvery := range []int{10, 200} {
		for trial := range 20 {
			xs, ys := freshstat.Series(rng, 60, infEvery), freshstat.Series(rng, 60, infEvery)
			for name, loop := range stats {
				got := make([]float64, len(xs))
				loop(xs, ys, got)
				var fx, fy []float64
				for i := range xs {
					if !funcs.IsNullF(xs[i]) && !funcs.IsNullF(ys[i]) {
						fx, fy = append(fx, xs[i]), append(fy, ys[i])
					}
					want := value.NullFloat64
					if len(fx) > 0 {
						want = freshstat.Pair(name, fx, fy)
					}
					freshstat.Agrees(t, want, got[i], fmt.Sprintf("cum%s trial %d row %d %v %v", name, trial, i, fx, fy))
				}
			}
		}
	}
}

// TestCumsumKeepsInfinity: cumsum's rows from an infinity on are what
// IEEE running sums give (they were NULL), and so are they from an
// overflow of finite values on (1e308 + 1e308 is inf for good, as a
// fresh sum of the values so far is; it was NULL).
func TestCumsumKeepsInfinity(t *testing.T) {
	inf := math.Inf(1)
	null := value.NullFloat64
	cases := []struct{ xs, want []float64 }{
		{[]float64{1, 2, inf, 3}, []float64{1, 3, inf, inf}},
		{[]float64{null, -inf, 1, inf, 2}, []float64{null, -inf, -inf, null, null}},
		{[]float64{1e308, 1e308, -inf}, []float64{1e308, inf, null}}, // inf + -inf
		{[]float64{1, 1e308, 1e308, 3, 4, 5}, []float64{1, 1e308, inf, inf, inf, inf}},
	}
	for _, c := range cases {
		r, err := cumsum(value.NewDoubles(c.xs), nil)
		require.NoError(t, err)
		require.Equal(t, c.want, r.F64, "%v", c.xs)
	}
}

// TestCumSumsAroundHugeValues: every row of cumsum, cumsum2, cumsum3 and
// cumsum4 over series with huge finite values (±1e308), infinities and
// NULLs is the sum of the values (powers) so far in order, as a fresh
// IEEE computation gives, NaN as NULL: an overflow is inf for good.
func TestCumSumsAroundHugeValues(t *testing.T) {
	rng := rand.New(rand.NewSource(29))
	for trial := range 6 {
		xs := freshstat.WithHuge(rng, freshstat.Series(rng, 200, 20+trial*30), 5+trial*5)
		for k := 1; k <= 4; k++ {
			fn := "cumsum"
			if k > 1 {
				fn = fmt.Sprintf("cumsum%d", k)
			}
			r, err := cumDouble(fn, runningPower(k))(value.NewDoubles(xs), nil)
			require.NoError(t, err)
			want, any := 0.0, false
			for i, x := range xs {
				if !funcs.IsNullF(x) {
					want += math.Pow(x, float64(k))
					any = true
				}
				w := want
				if !any || w != w {
					w = value.NullFloat64
				}
				freshstat.Agrees(t, w, r.F64[i], fmt.Sprintf("%s trial %d row %d", fn, trial, i))
			}
		}
	}
}

// TestCumprodAroundHugeValues: every row of cumprod over series with
// huge finite values, infinities and NULLs is the product of the values
// so far in order, as prod of them gives in IEEE arithmetic, NaN (inf *
// 0) as NULL: an overflow is inf for good (it was NULL).
func TestCumprodAroundHugeValues(t *testing.T) {
	rng := rand.New(rand.NewSource(31))
	for trial := range 6 {
		xs := freshstat.WithHuge(rng, freshstat.Series(rng, 200, 20+trial*30), 5+trial*5)
		if trial%2 == 1 {
			xs[rng.Intn(len(xs))] = 0
		}
		r, err := cumprod(value.NewDoubles(xs), nil)
		require.NoError(t, err)
		want, any := 1.0, false
		for i, x := range xs {
			if !funcs.IsNullF(x) {
				want *= x
				any = true
			}
			w := want
			if !any || w != w {
				w = value.NullFloat64
			}
			freshstat.Agrees(t, w, r.F64[i], fmt.Sprintf("cumprod trial %d row %d", trial, i))
		}
	}
}
