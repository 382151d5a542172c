package freshstat

import (
	"math"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// Series is n small integers with a NULL about every sixth row and an
// infinity, +Inf or -Inf, about every 1/infEvery rows.
func Series(rng *rand.Rand, n, infEvery int) []float64 {
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

// Agrees fails t unless a running result got is the fresh computation's
// want: both NaN, the same infinity or NULL, or equal within rounding.
func Agrees(t *testing.T, want, got float64, msg string) {
	t.Helper()
	switch {
	case want != want || got != got:
		require.True(t, want != want && got != got, "%s: want %v, got %v", msg, want, got)
	case math.IsInf(want, 0) || math.IsInf(got, 0) || want == value.NullFloat64 || got == value.NullFloat64:
		require.Equal(t, want, got, msg)
	default:
		require.InDelta(t, want, got, 1e-9*max(1, math.Abs(want)), msg)
	}
}

// Moment is the statistic name (sum, sum2, avg, var, varp, std, stdp,
// skew, kurtosis) of v, computed from its mean and the deviations from
// it: values holding an infinity have an infinite (or NaN) mean and
// deviations inf - inf.
func Moment(name string, v []float64) float64 {
	n := float64(len(v))
	s := 0.0
	for _, x := range v {
		s += x
	}
	m := s / n
	var m2, m3, m4, sq float64
	for _, x := range v {
		d := x - m
		m2, m3, m4, sq = m2+d*d, m3+d*d*d, m4+d*d*d*d, sq+x*x
	}
	ddof, root := 0.0, false
	switch name {
	case "sum":
		return s
	case "sum2":
		return sq
	case "avg":
		return m
	case "var":
		ddof = 1
	case "std":
		ddof, root = 1, true
	case "stdp":
		root = true
	case "skew":
		if m2 == 0 {
			return math.NaN()
		}
		return (m3 / n) / math.Pow(m2/n, 1.5)
	case "kurtosis":
		if n < 3 || m2 == 0 {
			return math.NaN()
		}
		return (m4 / n) / (m2 / n * m2 / n)
	}
	if n <= ddof {
		return math.NaN()
	}
	if root {
		return math.Sqrt(m2 / (n - ddof))
	}
	return m2 / (n - ddof)
}

// Pair is the two-series statistic name (wsum, wavg, covar, corr, beta,
// or slope: y's least-squares slope on x, NULL where x does not vary) of
// the pairs (xs[i], ys[i]), from the means and the deviations from them.
func Pair(name string, xs, ys []float64) float64 {
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
	mx, my := sx/n, sy/n
	var cxy, cxx, cyy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		cxy, cxx, cyy = cxy+dx*dy, cxx+dx*dx, cyy+dy*dy
	}
	switch name {
	case "covar":
		if n < 2 {
			return math.NaN()
		}
		return cxy / (n - 1)
	case "corr":
		if n < 2 || cxx == 0 || cyy == 0 {
			return math.NaN()
		}
		return cxy / math.Sqrt(cxx*cyy)
	case "beta":
		if n < 2 || cyy == 0 {
			return math.NaN()
		}
		return cxy / cyy
	case "slope":
		if n < 2 || cxx == 0 {
			return value.NullFloat64
		}
		return cxy / cxx
	}
	panic("freshstat: no pair statistic " + name)
}
