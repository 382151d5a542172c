package freshstat

import (
	"math"
	"math/rand"

	"github.com/porpoisedb/porpoise/value"
)

// Ewm are the decay options of the exponentially weighted statistics
// (ewmMean, ewmVar, ewmCov ...): each row decays the weights before it
// by Decay (rows without an observation too, unless IgnoreNA) and an
// observation enters with weight NewWt; without Adjust the weights are
// rescaled to sum to 1 after each observation (the recurrences the
// pages define, weight by weight).
type Ewm struct {
	Decay, NewWt     float64
	Adjust, IgnoreNA bool
}

// Weights are the weights of rows 0..t at row t, for every t (0 for rows
// without an observation and rows after t).
func (e Ewm) Weights(obs []bool) [][]float64 {
	ws := make([][]float64, len(obs))
	cur := make([]float64, len(obs))
	started := false
	for t, o := range obs {
		if started && (o || !e.IgnoreNA) {
			for j := range cur[:t] {
				cur[j] *= e.Decay
			}
		}
		if o {
			if started {
				cur[t] = e.NewWt
			} else {
				cur[t], started = 1, true
			}
			if !e.Adjust {
				s := 0.0
				for _, w := range cur[:t+1] {
					s += w
				}
				for j := range cur[:t+1] {
					cur[j] /= s
				}
			}
		}
		ws[t] = append([]float64(nil), cur...)
	}
	return ws
}

// EwmMean is the weighted mean of xs's observed rows (obs) by the
// weights w, normalized first, summed afresh.
func EwmMean(w, xs []float64, obs []bool) float64 {
	s := 0.0
	for j, o := range obs {
		if o {
			s += w[j]
		}
	}
	m := 0.0
	for j, o := range obs {
		if o {
			m += w[j] / s * xs[j]
		}
	}
	return m
}

// EwmCov is the weighted covariance of the observed pairs (xs[j],
// ys[j]) by the weights w, from the weighted means and the deviations
// from them; unbiased scales it by S^2 / (S^2 - S2) of the weights' sum
// S and sum of squares S2 (NaN where that is not positive).
func EwmCov(w, xs, ys []float64, obs []bool, unbiased bool) float64 {
	mx, my := EwmMean(w, xs, obs), EwmMean(w, ys, obs)
	var s, s2, c float64
	for j, o := range obs {
		if o {
			s, s2 = s+w[j], s2+w[j]*w[j]
		}
	}
	for j, o := range obs {
		if o {
			c += w[j] / s * (xs[j] - mx) * (ys[j] - my)
		}
	}
	if !unbiased {
		return c
	}
	if den := s*s - s2; den > 0 {
		return s * s / den * c
	}
	return math.NaN()
}

// WithHuge replaces about one in every of xs's finite values with 1e308
// or -1e308, whose sums overflow.
func WithHuge(rng *rand.Rand, xs []float64, every int) []float64 {
	for i, x := range xs {
		if x-x == 0 && x != value.NullFloat64 && rng.Intn(every) == 0 {
			xs[i] = float64(1-2*rng.Intn(2)) * 1e308
		}
	}
	return xs
}
