package window

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/window/orderstat"
	"github.com/porpoisedb/porpoise/internal/freshstat"
	"github.com/porpoisedb/porpoise/value"
)

// TestTopNAroundInfinities: every row of the m*TopN statistics is the
// statistic computed afresh over the values of the rows it keeps, in
// IEEE arithmetic: inf where they sum to inf (it was NULL), NaN (NULL)
// for +Inf with -Inf and for the deviations from an infinite mean, and
// the pair statistics likewise (their offsets turned a kept inf into
// NaN).
func TestTopNAroundInfinities(t *testing.T) {
	rng := rand.New(rand.NewSource(33))
	const n, w, top = 300, 7, 3
	o := topNOpts{top: top, asc: true, ties: orderstat.TiesOldest}
	for _, infEvery := range []int{10, 50} {
		xs := freshstat.WithHuge(rng, freshstat.Series(rng, n, infEvery), 25)
		ys := freshstat.Series(rng, n, infEvery)
		s := make([]float64, n)
		for i := range s {
			if s[i] = float64(rng.Intn(8)); rng.Intn(9) == 0 {
				s[i] = value.NullFloat64
			}
		}
		kept := func(i int) []int { return naiveTopN(s, max(0, i-w+1), i, o) }
		sv, win, tp := value.NewDoubles(s), value.NewInt(w), value.NewInt(top)
		for _, name := range []string{"sum", "avg", "var", "varp", "std", "stdp", "skew", "kurtosis"} {
			args := []value.Value{value.NewDoubles(xs), sv, win, tp}
			if name == "skew" || name == "kurtosis" {
				args = append(args, value.NewBool(true))
			}
			got := callTopN(t, "m"+name+"TopN", append(args, value.NewBool(true), value.NewString("oldest")))
			for i := range xs {
				var vals []float64
				for _, j := range kept(i) {
					if !funcs.IsNullF(xs[j]) {
						vals = append(vals, xs[j])
					}
				}
				want := value.NullFloat64
				if len(vals) > 0 {
					want = nullNaN(freshstat.Moment(name, vals))
				}
				freshstat.Agrees(t, want, got[i], fmt.Sprintf("m%sTopN inf every %d row %d %v", name, infEvery, i, vals))
			}
		}
		// the pairs take the series without huge values: offsets and a
		// fresh sum of 1e308 * y overflow differently
		xf := freshstat.Series(rng, n, infEvery)
		for _, name := range []string{"wsum", "covar", "corr", "beta"} {
			got := callTopN(t, "m"+name+"TopN", []value.Value{value.NewDoubles(xf), value.NewDoubles(ys), sv, win, tp, value.NewBool(true), value.NewString("oldest")})
			for i := range xf {
				var fx, fy []float64
				for _, j := range kept(i) {
					if !funcs.IsNullF(xf[j]) && !funcs.IsNullF(ys[j]) {
						fx, fy = append(fx, xf[j]), append(fy, ys[j])
					}
				}
				want := value.NullFloat64
				if len(fx) > 0 {
					want = nullNaN(freshstat.Pair(name, fx, fy))
				}
				freshstat.Agrees(t, want, got[i], fmt.Sprintf("m%sTopN inf every %d row %d %v %v", name, infEvery, i, fx, fy))
			}
		}
	}
}

// callTopN is fn's DOUBLE result over args.
func callTopN(t *testing.T, fn string, args []value.Value) []float64 {
	t.Helper()
	spec, ok := funcs.Lookup(fn)
	require.True(t, ok, fn)
	r, err := spec.Fn(nil, args)
	require.NoError(t, err, fn)
	return r.(*value.Vector).F64
}

// nullNaN is x with NaN as NULL, as the functions return it.
func nullNaN(x float64) float64 {
	if x != x {
		return value.NullFloat64
	}
	return x
}
