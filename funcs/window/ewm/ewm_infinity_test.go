package ewm

import (
	"fmt"
	"math"
	"math/rand"
	"testing"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/freshstat"
)

// TestEwmAroundInfinities: every row of ewmMean, ewmVar and ewmCov is
// what the page's weighted sums computed afresh over the rows so far
// give in IEEE arithmetic: inf from an infinity on (the weights never
// reach 0), NaN for +Inf with -Inf and for the deviations from an
// infinite mean, and the same for huge finite values (1e308) whose
// weighted mean does not overflow (the recurrence's numerator
// oldWt*mean + newWt*x did, and its NaN mean counted as "no observation
// yet").
func TestEwmAroundInfinities(t *testing.T) {
	rng := rand.New(rand.NewSource(21))
	for _, infEvery := range []int{15, 90} {
		xs := freshstat.WithHuge(rng, freshstat.Series(rng, 150, infEvery), 20)
		ys := freshstat.Series(rng, 150, infEvery)
		for _, alpha := range []float64{2.0 / 3, 0.1} {
			for _, adjust := range []bool{true, false} {
				for _, ignore := range []bool{true, false} {
					o := ewmOptions{alpha: alpha, adjust: adjust, ignore: ignore, minPeriods: 2}
					decay, newWt := o.weights()
					e := freshstat.Ewm{Decay: decay, NewWt: newWt, Adjust: adjust, IgnoreNA: ignore}
					name := fmt.Sprintf("alpha %g adjust %v ignoreNA %v inf every %d", alpha, adjust, ignore, infEvery)
					checkEwm(t, "ewmMean "+name, e, xs, nil, ewmMeanOf(xs, o), func(w, xs, _ []float64, obs []bool) float64 {
						return freshstat.EwmMean(w, xs, obs)
					})
					checkEwm(t, "ewmVar "+name, e, xs, xs, ewmCovOf(xs, xs, o), func(w, xs, ys []float64, obs []bool) float64 {
						return freshstat.EwmCov(w, xs, ys, obs, true)
					})
					// the pairs' products of 1e308 and small values
					// overflow by rounding one way or the other: the
					// covariance takes the series without huge values
					ob := o
					ob.bias = true
					xf := freshstat.Series(rand.New(rand.NewSource(int64(infEvery))), 150, infEvery)
					checkEwm(t, "ewmCov biased "+name, e, xf, ys, ewmCovOf(xf, ys, ob), func(w, xs, ys []float64, obs []bool) float64 {
						return freshstat.EwmCov(w, xs, ys, obs, false)
					})
				}
			}
		}
	}
}

// checkEwm compares got, a running ewm statistic of xs (and ys), with
// fresh of each row's weights, NaN below two observations.
func checkEwm(t *testing.T, name string, e freshstat.Ewm, xs, ys, got []float64, fresh func(w, xs, ys []float64, obs []bool) float64) {
	t.Helper()
	obs := make([]bool, len(xs))
	n := 0
	for i := range xs {
		obs[i] = !funcs.IsNullF(xs[i]) && (ys == nil || !funcs.IsNullF(ys[i]))
	}
	ws := e.Weights(obs)
	for i := range xs {
		if obs[i] {
			n++
		}
		want := math.NaN()
		if n >= 2 {
			want = fresh(ws[i], xs, ys, obs[:i+1])
		}
		freshstat.Agrees(t, want, got[i], fmt.Sprintf("%s row %d", name, i))
	}
}
