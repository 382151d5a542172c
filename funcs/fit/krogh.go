package fit

import (
	"context"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// kroghPredict is the predict function a kroghInterpolateFit model holds.
var kroghPredict = funcs.PredictSpec("kroghInterpolateFitPredict", "statistics", kroghPredictFn)

// kroghInterpolateFit is the polynomial through the points (X, Y), where
// an X repeated k times gives, in order, the value and the first k-1
// derivatives there (funcs/k/kroghinterpolatefit.md). Its coefficients
// are the Newton divided differences over the (repeated) X, one more
// than X's length, the last 0.
func kroghInterpolateFit(env funcs.Env, args []value.Value) (value.Value, error) {
	xs, ys, err := kroghPoints("kroghInterpolateFit", args)
	if err != nil {
		return nil, err
	}
	der, c, err := kroghModel(funcs.ContextOf(env), "kroghInterpolateFit", funcs.GivenArg(args, 2), xs, ys)
	if err != nil {
		return nil, err
	}
	return funcs.StringDict([]string{"modelName", "X", "der", "coeffs", "predict"},
		[]value.Value{value.NewString("kroghInterpolate"), args[0], value.NewInt(int32(der)), value.NewDoubles(c), kroghPredict}), nil
}

// nonDecreasing reports whether xs never decreases.
func nonDecreasing(xs []float64) bool {
	for i := 1; i < len(xs); i++ {
		if xs[i] < xs[i-1] {
			return false
		}
	}
	return true
}

// kroghPoints reads X (a value repeated for each derivative given
// there) and Y of kroghInterpolate and kroghInterpolateFit.
func kroghPoints(fn string, args []value.Value) (xs, ys []float64, err error) {
	xs, ok := numbers(args[0])
	if !ok || len(xs) == 0 || !nonDecreasing(xs) {
		return nil, nil, ddberr.Errorf("X of %s must be an increasing numeric vector without NULL values.", fn)
	}
	ys, err = numbersAlongX(fn, "Y", args[1], len(xs))
	return xs, ys, err
}

// kroghModel reads der of kroghInterpolate and kroghInterpolateFit and
// makes the coefficients of the polynomial through xs and ys.
func kroghModel(ctx context.Context, fn string, derArg value.Value, xs, ys []float64) (der int64, c []float64, err error) {
	der, err = funcs.IntArg(fn, "der", derArg, 0)
	if err != nil || der < 0 {
		return 0, nil, ddberr.Errorf("der of %s must be a non-negative integer.", fn)
	}
	c, ok, err := kroghCoeffs(ctx, xs, ys)
	if err != nil {
		return 0, nil, err
	}
	if !ok {
		return 0, nil, ddberr.Errorf("X of %s must be an increasing numeric vector without NULL values.", fn)
	}
	return der, c, nil
}

// kroghCoeffs are the divided differences of ys over xs, where a run of
// s+1 equal xs holds the value and s derivatives (the k-th divided by
// k!). ok is false when a point's derivatives exceed what its run holds.
// It is quadratic in len(xs) (minutes at 200K points), so it stops with
// ctx's error once ctx is cancelled, looking at it every 256 points.
func kroghCoeffs(ctx context.Context, xs, ys []float64) ([]float64, bool, error) {
	n := len(xs)
	c := make([]float64, n+1)
	c[0] = ys[0]
	v := make([]float64, n)
	for k := 1; k < n; k++ {
		if k&255 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, false, err
			}
		}
		s := 0
		for s <= k && xs[k-s] == xs[k] {
			s++
		}
		s--
		v[0] = ys[k] / factorial(s)
		for i := 0; i < k-s; i++ {
			if xs[i] == xs[k] {
				return nil, false, nil
			}
			if s == 0 {
				v[i+1] = (c[i] - v[i]) / (xs[i] - xs[k])
			} else {
				v[i+1] = (v[i+1] - v[i]) / (xs[i] - xs[k])
			}
		}
		c[k] = v[k-s]
	}
	return c, true, nil
}

func factorial(k int) float64 {
	f := 1.0
	for i := 2; i <= k; i++ {
		f *= float64(i)
	}
	return f
}

// kroghEval is the der-th derivative at x of the Newton form with
// coefficients c over the nodes xs: the value from the nested products,
// and the derivatives by differentiating those products term by term.
type kroghEval struct {
	xs, c     []float64
	der       int
	pi, w, cn []float64
}

func newKroghEval(xs, c []float64, der int) *kroghEval {
	n := len(xs)
	return &kroghEval{xs: xs, c: c, der: der, pi: make([]float64, n), w: make([]float64, n), cn: make([]float64, max(der+1, n+1))}
}

func (e *kroghEval) at(x float64) float64 {
	n := len(e.xs)
	pi, w, cn := e.pi, e.w, e.cn
	pi[0] = 1
	p := e.c[0]
	for k := 1; k < n; k++ {
		w[k-1] = x - e.xs[k-1]
		pi[k] = w[k-1] * pi[k-1]
		p += pi[k] * e.c[k]
	}
	if e.der == 0 {
		return p
	}
	clear(cn)
	copy(cn, e.c[:n+1])
	cn[0] = p
	for k := 1; k < n && k <= e.der; k++ {
		for i := 1; i < n-k+1; i++ {
			pi[i] = w[k+i-1]*pi[i-1] + pi[i]
			cn[k] += pi[i] * cn[k+i]
		}
		cn[k] *= factorial(k)
	}
	if e.der >= n {
		return 0
	}
	return cn[e.der]
}

// all evaluates at each of xs, NULL staying NULL. A point costs O(nodes)
// (times the derivatives asked for), so as many points as nodes is
// quadratic: it looks at ctx every few million operations and stops with
// its error once ctx is cancelled.
func (e *kroghEval) all(ctx context.Context, xs []float64) ([]float64, error) {
	out := make([]float64, len(xs))
	step := max(1, (1<<22)/(len(e.xs)*(min(e.der, len(e.xs))+1)))
	for i, v := range xs {
		if i%step == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if funcs.IsNullF(v) {
			out[i] = value.NullFloat64
			continue
		}
		out[i] = e.at(v)
	}
	return out, nil
}

// kroghPredictFn evaluates a kroghInterpolateFit model (or its der-th
// derivative) at X.
func kroghPredictFn(env funcs.Env, args []value.Value) (value.Value, error) {
	xs, ok1 := numbers(funcs.ModelField(args[0], "X"))
	cv, ok2 := funcs.ModelField(args[0], "coeffs").(*value.Vector)
	ds, ok3 := funcs.ScalarArg(funcs.ModelField(args[0], "der"))
	if !ok1 || !ok2 || !ok3 || cv.T != value.Double || cv.Len() != len(xs)+1 {
		return nil, errBadModel()
	}
	der, ok := ds.Int64()
	if !ok || der < 0 {
		return nil, errBadModel()
	}
	x, wrap, err := funcs.Floats("predict", args[1])
	if err != nil {
		return nil, err
	}
	out, err := newKroghEval(xs, cv.F64, int(der)).all(funcs.ContextOf(env), x)
	if err != nil {
		return nil, err
	}
	return wrap(value.NewDoubles(funcs.Finite(out))), nil
}
