package bond

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

var nsFitParams = []string{"maturity", "yield", "method", "maxIter", "bounds", "initialGuess", "seed"}

// nsOptimizers are the optimisers ns and nss fit with, by method, and the
// positions of maxIter, bounds and seed among each one's parameters (-1:
// it has none).
var nsOptimizers = map[string]struct {
	fn                    string
	maxIter, bounds, seed int
}{
	"nm":    {"fmin", 4, -1, -1},
	"bfgs":  {"fminBFGS", 6, -1, -1},
	"lbfgs": {"fminLBFGSB", 8, 3, -1},
	"slsqp": {"fminSLSQP", 7, 4, -1},
	"de":    {"differentialEvolution", 3, 1, 10},
}

// nsFit is ns (svensson false) or nss: the Nelson-Siegel(-Svensson)
// parameters that minimise the sum of squared differences between the
// model's yields and the given ones, found by method's optimiser from
// initialGuess (funcs/n/nss.md). Pairs with a NULL are left out.
func nsFit(name string, svensson bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		ts, ys, err := nsPoints(name, args[0], args[1])
		if err != nil {
			return nil, err
		}
		method := "nm"
		if x := funcs.Arg(args, 2); !funcs.EmptyArg(x) {
			if method, err = funcs.StrScalarArg(name, "method", x); err != nil {
				return nil, err
			}
		}
		opt, ok := nsOptimizers[method]
		if !ok {
			return nil, ddberr.Errorf("The argument [method] of %s must be 'nm', 'bfgs', 'lbfgs', 'slsqp' or 'de'.", name)
		}
		guess := []float64{0.01, 0.01, 0.01, 1}
		if svensson {
			guess = []float64{0.01, 0.01, 0.01, 0.01, 1, 1}
		}
		if x := funcs.Arg(args, 5); !funcs.EmptyArg(x) {
			v, ok := x.(*value.Vector)
			if !ok || !funcs.IsNumericVec(v) || v.Len() != len(guess) || v.HasNull() {
				return nil, ddberr.Errorf("The argument [initialGuess] of %s must be a numeric vector of length %d.", name, len(guess))
			}
			if guess, err = funcs.DoublesOf(name, v); err != nil {
				return nil, err
			}
		}
		objective := &funcs.Spec{Name: name + "Objective", Params: []string{"params"}, Min: 1, Max: 1, Props: funcs.Pure,
			Fn: func(_ funcs.Env, a []value.Value) (value.Value, error) {
				v, ok := a[0].(*value.Vector)
				if !ok || v.Len() != len(guess) {
					return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric scalar or vector.", "params", name+"Objective")
				}
				p, err := funcs.DoublesOf(name, v)
				if err != nil {
					return nil, err
				}
				return value.NewDouble(nsSquaredError(p, ts, ys)), nil
			}}
		call := []value.Value{objective, value.NewDoubles(guess)}
		if method == "de" {
			call = []value.Value{objective, nil, value.NewDoubles(guess)}
		}
		set := func(pos int, x value.Value) {
			if pos < 0 || funcs.EmptyArg(x) {
				return
			}
			for len(call) <= pos {
				call = append(call, value.NewNothing())
			}
			call[pos] = x
		}
		set(opt.maxIter, funcs.Arg(args, 3))
		set(opt.bounds, funcs.Arg(args, 4))
		set(opt.seed, funcs.Arg(args, 6))
		if call[1] == nil {
			return nil, ddberr.Errorf("The argument [bounds] of %s must be given when method is 'de'.", name)
		}
		optimiser, ok := funcs.Lookup(opt.fn)
		if !ok {
			return nil, funcs.UnknownFunction(opt.fn)
		}
		res, err := env.Call(optimiser, call...)
		if err != nil {
			return nil, err
		}
		predict, ok := funcs.Lookup("nssPredict")
		if !ok {
			return nil, funcs.UnknownFunction("nssPredict")
		}
		return funcs.StringDict([]string{"modelName", "params", "fminResult", "predict"},
			[]value.Value{value.NewString(name), funcs.ModelField(res, "xopt"), res, predict}), nil
	}
}

// nsPoints reads maturity and yield, dropping the pairs with a NULL.
func nsPoints(name string, m, y value.Value) (ts, ys []float64, err error) {
	mv, ok := m.(*value.Vector)
	if !ok || !funcs.IsNumericVec(mv) {
		return nil, nil, ddberr.Errorf("The argument [maturity] of %s must be a numeric vector.", name)
	}
	yv, ok := y.(*value.Vector)
	if !ok || !funcs.IsNumericVec(yv) || yv.Len() != mv.Len() {
		return nil, nil, ddberr.Errorf("The argument [yield] of %s must be a numeric vector of the same length as maturity.", name)
	}
	mf, err := funcs.DoublesOf(name, mv)
	if err != nil {
		return nil, nil, err
	}
	yf, err := funcs.DoublesOf(name, yv)
	if err != nil {
		return nil, nil, err
	}
	for i := range mf {
		if funcs.IsNullF(mf[i]) || funcs.IsNullF(yf[i]) {
			continue
		}
		if mf[i] < 0 {
			return nil, nil, ddberr.Errorf("The argument [maturity] of %s must be a numeric vector.", name)
		}
		ts, ys = append(ts, mf[i]), append(ys, yf[i])
	}
	return ts, ys, nil
}

// nsSquaredError is the sum over the points of (model yield - yield)^2
// for params p, 4 (ns) or 6 (nss) of them.
func nsSquaredError(p, ts, ys []float64) float64 {
	b0, b1, b2, b3, l0, l1 := p[0], p[1], p[2], 0.0, p[3], 1.0
	if len(p) == 6 {
		b3, l0, l1 = p[3], p[4], p[5]
	}
	sum := 0.0
	for i, t := range ts {
		f0, g0 := nsLoadings(t / l0)
		y := b0 + b1*f0 + b2*g0
		if len(p) == 6 {
			_, g1 := nsLoadings(t / l1)
			y += b3 * g1
		}
		d := ys[i] - y
		sum += d * d
	}
	return sum
}

// nsLoadings are the slope and curvature loadings (1-e^-x)/x and
// (1-e^-x)/x - e^-x, whose limits at x = 0 are 1 and 0.
func nsLoadings(x float64) (float64, float64) {
	if x == 0 {
		return 1, 0
	}
	e := math.Exp(-x)
	h := (1 - e) / x
	return h, h - e
}
