package risk

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the two measures.
func init() {
	params := []string{"returns", "method", "confidenceLevel"}
	funcs.Register(
		funcs.Spec{Name: "valueAtRisk", Params: params, Min: 2, Max: 3, Category: "finance",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return atRisk("valueAtRisk", args, false) }},
		funcs.Spec{Name: "condValueAtRisk", Params: params, Min: 2, Max: 3, Category: "finance",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return atRisk("condValueAtRisk", args, true)
			}},
	)
}

// monteCarloDraws is how many normal returns the monteCarlo method draws.
const monteCarloDraws = 100000

// atRisk is the value at risk (funcs/v/var_0.md) or, when conditional,
// the mean return beyond it (funcs/c/cvar.md) at the confidence level, as
// an absolute value.
func atRisk(fn string, args []value.Value, conditional bool) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok || !funcs.IsNumericVec(v) || v.T == value.Void || v.HasNull() {
		return nil, ddberr.Errorf("The argument [returns] of %s must be a numeric vector without NULL values.", fn)
	}
	rs, err := funcs.DoublesOf(fn, v)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		if !(r > -1) {
			return nil, ddberr.Errorf("Every element of the argument [returns] of %s must be greater than -1.", fn)
		}
	}
	method, ok := funcs.ChoiceArg(args[1], "normal", "logNormal", "historical", "monteCarlo")
	if !ok || args[1] == nil {
		return nil, ddberr.Errorf("The argument [method] of %s must be 'normal', 'logNormal', 'historical' or 'monteCarlo'.", fn)
	}
	level := 0.95
	if x := funcs.Arg(args, 2); x != nil {
		s, ok := funcs.ScalarArg(x)
		if !ok || s.Null || !s.T.IsNumeric() || !(s.Float64() > 0 && s.Float64() < 1) {
			return nil, ddberr.Errorf("The argument [confidenceLevel] of %s must be a number in (0, 1).", fn)
		}
		level = s.Float64()
	}
	if len(rs) == 0 {
		return value.NewDouble(value.NullFloat64), nil
	}
	tail := 1 - level
	var r float64
	switch method {
	case "normal":
		mu, sd := meanStd(rs)
		z := normalQuantile(tail)
		r = mu + sd*z
		if conditional {
			r = mu - sd*normalDensity(z)/tail
		}
	case "logNormal":
		ls := make([]float64, len(rs))
		for i, x := range rs {
			ls[i] = math.Log1p(x)
		}
		mu, sd := meanStd(ls)
		z := normalQuantile(tail)
		r = math.Expm1(mu + sd*z)
		if conditional {
			r = math.Exp(mu+sd*sd/2)*normalCDF(z-sd)/tail - 1
		}
	case "historical":
		r = historical(slices.Clone(rs), tail, conditional)
	default:
		mu, sd := meanStd(rs)
		sim := make([]float64, monteCarloDraws)
		for i := range sim {
			sim[i] = mu + sd*rand.NormFloat64()
		}
		r = historical(sim, tail, conditional)
	}
	return value.NewDouble(math.Abs(r)), nil
}

// historical is the tail quantile of the returns (linear interpolation)
// or, when conditional, the mean of the returns at or below it (the
// quantile itself when none is). It sorts rs.
func historical(rs []float64, tail float64, conditional bool) float64 {
	slices.Sort(rs)
	pos := tail * float64(len(rs)-1)
	lo := int(pos)
	q := rs[lo]
	if lo+1 < len(rs) {
		q += (pos - float64(lo)) * (rs[lo+1] - rs[lo])
	}
	if !conditional {
		return q
	}
	sum, n := 0.0, 0
	for _, r := range rs {
		if r > q {
			break
		}
		sum += r
		n++
	}
	if n == 0 {
		return q
	}
	return sum / float64(n)
}

// meanStd is the mean and the sample standard deviation.
func meanStd(xs []float64) (float64, float64) {
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	mu := sum / float64(len(xs))
	if len(xs) < 2 {
		return mu, 0
	}
	ss := 0.0
	for _, x := range xs {
		ss += (x - mu) * (x - mu)
	}
	return mu, math.Sqrt(ss / float64(len(xs)-1))
}

func normalDensity(z float64) float64 { return math.Exp(-z*z/2) / math.Sqrt(2*math.Pi) }

func normalCDF(z float64) float64 { return math.Erfc(-z/math.Sqrt2) / 2 }

// normalQuantile is the standard normal's inverse CDF at p in (0, 1).
func normalQuantile(p float64) float64 {
	return -math.Sqrt2 * math.Erfcinv(2*p)
}
