package ewm

import (
	"errors"
	"fmt"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/funcs/window"
	"github.com/porpoisedb/porpoise/value"
)

// The exponentially weighted family (ewmMean, ewmVar, ewmStd, ewmCov,
// ewmCorr) follows the recurrences the pages describe: weights decay by
// 1-alpha per row, adjust divides by the decayed weight sum, ignoreNA
// skips NULL rows when decaying.

// ewmOptions are the decay parameters.
type ewmOptions struct {
	alpha float64
	// steps, when set (ewmMean with times), is each row's distance from
	// the previous one in half-lives; the decay per row is then
	// 0.5^steps[i].
	steps          []float64
	minPeriods     int
	adjust, ignore bool
	bias           bool
}

// ewmParse reads com/span/halfLife/alpha (exactly one), minPeriods,
// adjust, ignoreNA and, at biasAt (if >= 0), bias.
func ewmParse(fn string, args []value.Value, biasAt int) (ewmOptions, error) {
	o := ewmOptions{adjust: true}
	num := func(i int) (float64, bool, error) {
		a := funcs.Arg(args, i)
		if a == nil {
			return 0, false, nil
		}
		s, ok := funcs.ScalarArg(a)
		if !ok || !s.T.IsNumeric() || s.Null {
			if ok && s.T == value.Void {
				return 0, false, nil
			}
			return 0, false, ddberr.Errorf("The %s of %s must be a number.", []string{"", "com", "span", "halfLife", "alpha"}[i], fn)
		}
		return s.Float64(), true, nil
	}
	given := 0
	for i := 1; i <= 4; i++ {
		v, ok, err := num(i)
		if err != nil {
			return o, err
		}
		if !ok {
			continue
		}
		given++
		switch i {
		case 1:
			if v < 0 {
				return o, errors.New("com must be non-negative.")
			}
			o.alpha = 1 / (1 + v)
		case 2:
			if v < 1 {
				return o, errors.New("span must be at least 1.")
			}
			o.alpha = 2 / (v + 1)
		case 3:
			if v <= 0 {
				return o, errors.New("halfLife must be positive.")
			}
			o.alpha = 1 - math.Exp(-math.Ln2/v)
		case 4:
			if v <= 0 || v > 1 {
				return o, errors.New("alpha must be in (0, 1].")
			}
			o.alpha = v
		}
	}
	if given != 1 {
		return o, fmt.Errorf("%s needs exactly one of com, span, halfLife and alpha.", fn)
	}
	r := funcs.ReadArgs(fn, args)
	o.minPeriods = max(int(r.Int("minPeriods", r.Arg(5), 0)), 1)
	o.adjust = r.Bool("adjust", r.Arg(6), true)
	o.ignore = r.Bool("ignoreNA", r.Arg(7), false)
	if biasAt >= 0 {
		o.bias = r.Bool("bias", r.Arg(biasAt), false)
	}
	return o, r.Err()
}

// ewm applies a one-series recurrence to each numeric column of X.
func ewm(fn string, args []value.Value, f func(xs []float64, o ewmOptions) []float64) (value.Value, error) {
	biasAt := 8
	var steps []float64
	if fn == "ewmMean" {
		biasAt = -1
		if t := funcs.Arg(args, 8); t != nil {
			var err error
			if steps, err = halfLifeSteps(funcs.Arg(args, 3), t); err != nil {
				return nil, err
			}
			// The steps carry the decay; the parser only needs some
			// smoothing parameter.
			args = append([]value.Value(nil), args...)
			args[3] = value.NewDouble(1)
		}
	}
	o, err := ewmParse(fn, args, biasAt)
	if err != nil {
		return nil, err
	}
	o.steps = steps
	return window.MovingColumns(fn, args[0], funcs.WithDoubles(fn, func(v *value.Vector, xs []float64) (*value.Vector, error) {
		return value.NewDoubles(funcs.NullNaN(f(xs, o))), nil
	}))
}

// weights are the factor an older observation's weight decays by at each
// step and the weight of a new one (alpha without adjust).
func (o ewmOptions) weights() (decay, newWt float64) {
	if !o.adjust {
		return 1 - o.alpha, o.alpha
	}
	return 1 - o.alpha, 1
}

// ewmMeanOf is the exponentially weighted mean. Each observation moves
// the mean by the convex combination of the old mean and the new value
// (weights 1-r and r), not by (oldWt*mean + newWt*cur) / (oldWt+newWt):
// that numerator overflows for large finite values (oldWt grows to
// 1/alpha) where the page's normalized weighted sum does not. An
// infinity makes the mean inf for good, as the weighted sum over a frame
// holding it is; +Inf and -Inf make it NaN (NULL) for good: a NaN mean
// is not "no observation yet", which started says.
func ewmMeanOf(xs []float64, o ewmOptions) []float64 {
	out := make([]float64, len(xs))
	decay, newWt := o.weights()
	weighted := math.NaN()
	nobs := 0
	started := false
	oldWt := 1.0
	for i, cur := range xs {
		obs := !funcs.IsNullF(cur)
		if obs {
			nobs++
		}
		if started {
			if obs || !o.ignore {
				if o.steps != nil {
					oldWt *= math.Pow(0.5, o.steps[i])
				} else {
					oldWt *= decay
				}
				if obs {
					if weighted != cur {
						r := newWt / (oldWt + newWt)
						weighted = weighted*(1-r) + cur*r
					}
					if o.adjust {
						oldWt += newWt
					} else {
						oldWt = 1
					}
				}
			}
		} else if obs {
			weighted, started = cur, true
		}
		if nobs >= o.minPeriods {
			out[i] = weighted
		} else {
			out[i] = math.NaN()
		}
	}
	return out
}

// ewmCovOf is the exponentially weighted covariance of two series.
func ewmCovOf(xs, ys []float64, o ewmOptions) []float64 {
	out := make([]float64, len(xs))
	if len(xs) == 0 {
		return out
	}
	decay, newWt := o.weights()
	meanX, meanY := math.NaN(), math.NaN()
	nobs := 0
	// started, not meanX == meanX: an infinity's NaN mean (+Inf with
	// -Inf) stays, as the weighted sums over the rows give
	started := false
	if !funcs.IsNullF(xs[0]) && !funcs.IsNullF(ys[0]) {
		meanX, meanY, nobs, started = xs[0], ys[0], 1, true
	}
	cov, sumWt, sumWt2, oldWt := 0.0, 1.0, 1.0, 1.0
	emit := func(i int) {
		switch {
		case nobs < o.minPeriods:
			out[i] = math.NaN()
		case o.bias:
			out[i] = cov
		default:
			num := sumWt * sumWt
			den := num - sumWt2
			if den > 0 {
				out[i] = num / den * cov
			} else {
				out[i] = math.NaN()
			}
		}
	}
	emit(0)
	for i := 1; i < len(xs); i++ {
		cx, cy := xs[i], ys[i]
		obs := !funcs.IsNullF(cx) && !funcs.IsNullF(cy)
		if obs {
			nobs++
		}
		if started {
			if obs || !o.ignore {
				sumWt *= decay
				sumWt2 *= decay * decay
				oldWt *= decay
				if obs {
					// convex combinations, which do not overflow where
					// the normalized weighted sums do not (see ewmMeanOf)
					omx, omy := meanX, meanY
					r := newWt / (oldWt + newWt)
					if meanX != cx {
						meanX = omx*(1-r) + cx*r
					}
					if meanY != cy {
						meanY = omy*(1-r) + cy*r
					}
					cov = (cov+(omx-meanX)*(omy-meanY))*(1-r) + (cx-meanX)*(cy-meanY)*r
					sumWt += newWt
					sumWt2 += newWt * newWt
					oldWt += newWt
					if !o.adjust {
						sumWt /= oldWt
						sumWt2 /= oldWt * oldWt
						oldWt = 1
					}
				}
			}
		} else if obs {
			meanX, meanY, started = cx, cy, true
		}
		emit(i)
	}
	return out
}

// ewmVarOf is the variance (or, with sqrt, the standard deviation).
func ewmVarOf(sqrt bool) func(xs []float64, o ewmOptions) []float64 {
	return func(xs []float64, o ewmOptions) []float64 {
		out := ewmCovOf(xs, xs, o)
		if sqrt {
			for i, r := range out {
				out[i] = math.Sqrt(r)
			}
		}
		return out
	}
}

// ewm2 is ewmCov or ewmCorr of X with other.
func ewm2(fn string, args []value.Value, corr bool) (value.Value, error) {
	o, err := ewmParse(fn, args, 9)
	if err != nil {
		return nil, err
	}
	other := funcs.Arg(args, 8)
	if other == nil {
		return nil, fmt.Errorf("%s needs other.", fn)
	}
	return stats.PairColumnsKeepInf(fn, args[0], other, func(xs, ys, out []float64) {
		var r []float64
		if corr {
			// The variances use the rows where both series are present.
			xs = append([]float64(nil), xs...)
			ys = append([]float64(nil), ys...)
			for i := range xs {
				if funcs.IsNullF(xs[i]) || funcs.IsNullF(ys[i]) {
					xs[i], ys[i] = value.NullFloat64, value.NullFloat64
				}
			}
			ob := o
			ob.bias = true
			c := ewmCovOf(xs, ys, ob)
			vx := ewmCovOf(xs, xs, ob)
			vy := ewmCovOf(ys, ys, ob)
			r = make([]float64, len(xs))
			for i := range r {
				// NaN (NULL) where it is not finite: an infinite
				// correlation is a division by an underflowed zero
				if r[i] = c[i] / math.Sqrt(vx[i]*vy[i]); r[i]-r[i] != 0 {
					r[i] = math.NaN()
				}
			}
		} else {
			r = ewmCovOf(xs, ys, o)
		}
		copy(out, r)
	})
}

// halfLifeSteps reads a DURATION halfLife and its times vector and
// returns, per row, the time since the previous row in half-lives.
func halfLifeSteps(hl, times value.Value) ([]float64, error) {
	d, ok := funcs.ScalarArg(hl)
	if !ok || d.T != value.Duration || d.Null {
		return nil, errors.New("halfLife must be a DURATION when times is given.")
	}
	tv, ts, err := higherorder.TemporalIndex("ewmMean", times)
	if err != nil {
		return nil, err
	}
	if value.DurationUnit(d) == "B" && tv.T == value.Date {
		// half-lives of business days: the steps count weekdays
		// (funcs/e/ewmMean.md's halfLife = 4B)
		if d.I <= 0 {
			return nil, errors.New("halfLife must be positive.")
		}
		steps := make([]float64, len(ts))
		for i := 1; i < len(ts); i++ {
			if ts[i] <= ts[i-1] {
				return nil, errors.New("times must be strictly increasing.")
			}
			steps[i] = float64(weekdaysBefore(ts[i]+1)-weekdaysBefore(ts[i-1]+1)) / float64(d.I)
		}
		return steps, nil
	}
	h, err := window.DurationInTicks("ewmMean", d, tv.T)
	if err != nil {
		return nil, err
	}
	if h <= 0 {
		return nil, errors.New("halfLife must be positive.")
	}
	steps := make([]float64, len(ts))
	for i := 1; i < len(ts); i++ {
		if ts[i] <= ts[i-1] {
			return nil, errors.New("times must be strictly increasing.")
		}
		steps[i] = float64(ts[i]-ts[i-1]) / float64(h)
	}
	return steps, nil
}

// weekdaysBefore is how many Mondays to Fridays come before day x (days
// since 1970.01.01, a Thursday), counted from a Monday far enough back
// that only differences matter.
func weekdaysBefore(x int64) int64 {
	e := x + 3 // day 0 is a Thursday: e%7 == 0 on Mondays
	w, r := e/7, e%7
	if r < 0 {
		w, r = w-1, r+7
	}
	return 5*w + min(r, 5)
}
