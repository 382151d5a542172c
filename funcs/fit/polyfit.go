package fit

import (
	"context"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// polyPredictSpec is polyPredict, the predict function a polyFit model
// holds; it also takes the coefficients themselves.
var polyPredictSpec = funcs.PredictSpec("polyPredict", "statistics", polyPredict)

// polyFit is the least-squares polynomial of degree n through (X, Y), its
// coefficients in ascending powers, or with mode a model dictionary
// holding them as z (funcs/p/polyfit.md).
func polyFit(env funcs.Env, args []value.Value) (value.Value, error) {
	xs, ok := numbers(args[0])
	if !ok {
		return nil, ddberr.Errorf("X of polyFit must be a numeric vector without NULL values.")
	}
	ys, err := numbersAlongX("polyFit", "Y", args[1], len(xs))
	if err != nil {
		return nil, err
	}
	n, err := funcs.IntArg("polyFit", "n", args[2], 0)
	if err != nil || n < 0 {
		return nil, ddberr.Errorf("n of polyFit must be a non-negative integer.")
	}
	if int64(len(xs)) <= n {
		return nil, ddberr.Errorf("polyFit needs more data points than the degree n.")
	}
	mode, err := funcs.BoolArg("polyFit", "mode", funcs.Arg(args, 3), false)
	if err != nil {
		return nil, err
	}
	// Vandermonde columns (1, x, ..., x^n), each scaled to unit norm for
	// conditioning as numpy.polyfit does; stored by column so the QR's
	// passes down a column read contiguous memory.
	k := int(n) + 1
	if err := env.Reserve(len(xs) * k); err != nil {
		return nil, err
	}
	a := make([][]float64, k)
	for j := range a {
		a[j] = make([]float64, len(xs))
	}
	for i, x := range xs {
		p := 1.0
		for j := range a {
			a[j][i] = p
			p *= x
		}
	}
	scale := make([]float64, k)
	for j, col := range a {
		s := 0.0
		for _, v := range col {
			s += v * v
		}
		scale[j] = math.Sqrt(s)
		if scale[j] == 0 {
			scale[j] = 1
		}
		for i := range col {
			col[i] /= scale[j]
		}
	}
	coef, err := leastSquares(funcs.ContextOf(env), a, append([]float64(nil), ys...))
	if err != nil {
		return nil, err
	}
	for j := range coef {
		coef[j] /= scale[j]
	}
	z := value.NewDoubles(coef)
	if !mode {
		return z, nil
	}
	return funcs.StringDict([]string{"modelName", "z", "predict"},
		[]value.Value{value.NewString("polyFit"), z, polyPredictSpec}), nil
}

// leastSquares solves min |a*c - b| for a of full column rank by
// Householder QR, a given by columns; it overwrites a and b. It is
// O(rows * columns^2) (a degree-300 fit of 200K points is 2e10
// multiply-adds), so it stops with ctx's error once ctx is cancelled,
// looking at it once per column.
func leastSquares(ctx context.Context, a [][]float64, b []float64) ([]float64, error) {
	k, m := len(a), len(a[0])
	for j := 0; j < k; j++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		v := a[j][j:]
		norm := 0.0
		for _, x := range v {
			norm += x * x
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue
		}
		if v[0] > 0 {
			norm = -norm
		}
		// v = a[j:, j] - norm*e1; reflect the remaining columns and b.
		v[0] -= norm
		vv := 0.0
		for _, x := range v {
			vv += x * x
		}
		for _, col := range append(a[j+1:k:k], b) {
			w := col[j:m]
			dot := 0.0
			for i, x := range v {
				dot += x * w[i]
			}
			f := 2 * dot / vv
			for i, x := range v {
				w[i] -= f * x
			}
		}
		v[0] = norm
	}
	c := make([]float64, k)
	for j := k - 1; j >= 0; j-- {
		s := b[j]
		for t := j + 1; t < k; t++ {
			s -= a[t][j] * c[t]
		}
		if a[j][j] != 0 {
			c[j] = s / a[j][j]
		}
	}
	return c, nil
}

// polyPredict evaluates the polynomial with ascending coefficients model
// (or a polyFit model's z) at X (funcs/p/polyPredict.md).
func polyPredict(env funcs.Env, args []value.Value) (value.Value, error) {
	model := args[0]
	if z := funcs.ModelField(model, "z"); z != nil {
		model = z
	}
	coef, ok := numbers(model)
	if !ok || len(coef) == 0 {
		return nil, ddberr.Errorf("model of polyPredict must be a numeric vector without NULL values or a polyFit model.")
	}
	x, ok := funcs.VectorArg(args[1])
	if !ok || !funcs.IsNumericVec(x) || x.HasNull() || args[1].Form() == value.FormPair {
		return nil, ddberr.Errorf("X of polyPredict must be a numeric scalar or vector without NULL values.")
	}
	return funcs.MapForms("polyPredict", args[1], func(v *value.Vector) (*value.Vector, error) {
		xs, err := funcs.DoublesOf("polyPredict", v)
		if err != nil {
			return nil, err
		}
		y, err := funcs.Horner(funcs.ContextOf(env), coef, xs)
		if err != nil {
			return nil, err
		}
		return value.NewDoubles(funcs.NullNaN(y)), nil
	})
}
