package stats

import (
	"fmt"
	"math"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// withInfinities is n small integers with a NULL about every sixth row
// and +Inf or -Inf about every 1/infEvery rows.
func withInfinities(rng *rand.Rand, n, infEvery int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		switch r := rng.Intn(infEvery); {
		case r == 0:
			xs[i] = math.Inf(1)
		case r == 1:
			xs[i] = math.Inf(-1)
		case r < 2+infEvery/6:
			xs[i] = value.NullFloat64
		default:
			xs[i] = float64(rng.Intn(21) - 10)
		}
	}
	return xs
}

// agrees says a running result is a fresh computation's: both NaN, the
// same infinity or NULL, or within rounding.
func agrees(t *testing.T, want, got float64, msg string) {
	t.Helper()
	switch {
	case want != want || got != got:
		require.True(t, want != want && got != got, "%s: want %v, got %v", msg, want, got)
	case math.IsInf(want, 0) || math.IsInf(got, 0) || funcs.IsNullF(want) || funcs.IsNullF(got):
		require.Equal(t, want, got, msg)
	default:
		require.InDelta(t, want, got, 1e-9*max(1, math.Abs(want)), msg)
	}
}

// TestCumulativeMomentsAroundInfinities: each row of cumavg, cumvar,
// cumvarp, cumstd and cumstdp is what IEEE arithmetic gives afresh over
// the values so far: an infinity first made the offsets NaN (cumavg of
// inf, 1, 2 was NULL, not inf).
func TestCumulativeMomentsAroundInfinities(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, infEvery := range []int{10, 200} {
		for trial := range 20 {
			xs := withInfinities(rng, 60, infEvery)
			for name, c := range CumMoments {
				got := make([]float64, len(xs))
				runningMoments(name)(xs, got)
				var vals []float64
				for i, x := range xs {
					if !funcs.IsNullF(x) {
						vals = append(vals, x)
					}
					want := value.NullFloat64
					if n := float64(len(vals)); n >= c.MinN {
						var s, ss float64
						for _, v := range vals {
							s += v
						}
						m := s / n
						for _, v := range vals {
							ss += (v - m) * (v - m)
						}
						switch name {
						case "cumavg":
							want = m
						case "cumvar":
							want = ss / (n - 1)
						case "cumvarp":
							want = ss / n
						case "cumstd":
							want = math.Sqrt(ss / (n - 1))
						case "cumstdp":
							want = math.Sqrt(ss / n)
						}
					}
					agrees(t, want, got[i], fmt.Sprintf("%s trial %d row %d %v", name, trial, i, vals))
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
			xs, ys := withInfinities(rng, 60, infEvery), withInfinities(rng, 60, infEvery)
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
						want = freshPairStat(name, fx, fy)
					}
					agrees(t, want, got[i], fmt.Sprintf("cum%s trial %d row %d %v %v", name, trial, i, fx, fy))
				}
			}
		}
	}
}

// freshPairStat computes a pair statistic afresh in IEEE arithmetic, from
// the means and the deviations from them.
func freshPairStat(name string, xs, ys []float64) float64 {
	n := float64(len(xs))
	var sx, sy, sxy float64
	for i := range xs {
		sx, sy, sxy = sx+xs[i], sy+ys[i], sxy+xs[i]*ys[i]
	}
	switch name {
	case "wsum":
		return sxy
	case "wavg":
		return sxy / sy
	}
	var cxy, cxx, cyy float64
	for i := range xs {
		dx, dy := xs[i]-sx/n, ys[i]-sy/n
		cxy, cxx, cyy = cxy+dx*dy, cxx+dx*dx, cyy+dy*dy
	}
	switch {
	case n < 2:
		return math.NaN()
	case name == "covar":
		return cxy / (n - 1)
	case name == "corr" && cxx != 0 && cyy != 0:
		return cxy / math.Sqrt(cxx*cyy)
	case name == "beta" && cyy != 0:
		return cxy / cyy
	}
	return math.NaN()
}

// TestCumsumKeepsInfinity: cumsum's rows from an infinity on are what
// IEEE running sums give (they were NULL); an overflow of finite values
// stays NULL.
func TestCumsumKeepsInfinity(t *testing.T) {
	inf := math.Inf(1)
	null := value.NullFloat64
	cases := []struct{ xs, want []float64 }{
		{[]float64{1, 2, inf, 3}, []float64{1, 3, inf, inf}},
		{[]float64{null, -inf, 1, inf, 2}, []float64{null, -inf, -inf, null, null}},
		{[]float64{1e308, 1e308, -inf}, []float64{1e308, null, null}}, // inf + -inf
	}
	for _, c := range cases {
		r, err := cumsum(value.NewDoubles(c.xs))
		require.NoError(t, err)
		require.Equal(t, c.want, r.F64, "%v", c.xs)
	}
}
