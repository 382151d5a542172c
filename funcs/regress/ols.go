package regress

import (
	"context"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/value"
)

// errSingular is DolphinDB's error for a matrix to invert that is
// singular (funcs/o/ols.md with usePinv=false, error_codes/S05000.md).
func errSingular() error {
	return ddberr.Errorf("The input matrix is singular and cannot be inverted. RefId:S05000")
}

// fitResult is a linear fit: the coefficients and (X'WX)^-1, its inverse
// or pseudo-inverse, which gives the coefficients' standard errors.
type fitResult struct {
	beta []float64
	inv  *mat.Dense
}

// designDense is the n×k matrix of the columns, each row scaled by
// sqrt(w[i]) when w is given, and y scaled alike. It writes a band of
// rows at a time, column by column, and looks at ctx between bands: a
// 200,000×1,000 design took 9 s element by element.
func designDense(ctx context.Context, cols [][]float64, y, w []float64) (*mat.Dense, []float64, error) {
	n, k := len(y), len(cols)
	x := mat.NewDense(n, k, nil)
	data := x.RawMatrix().Data
	yw := make([]float64, n)
	s := make([]float64, n)
	for i := range s {
		s[i] = 1
		if w != nil {
			s[i] = math.Sqrt(w[i])
		}
		yw[i] = y[i] * s[i]
	}
	const band = 1024
	for i0 := 0; i0 < n; i0 += band {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		i1 := min(n, i0+band)
		for j, c := range cols {
			for i := i0; i < i1; i++ {
				data[i*k+j] = c[i] * s[i]
			}
		}
	}
	return x, yw, nil
}

// gram is x'x, multiplied a band of columns at a time so that a
// cancelled ctx stops it between bands: at 200,000 rows and 1,000
// columns (piecewiseLinFit's design) the one product took over a minute.
// Dgemm sums each element's products in row order however it blocks the
// work, so the bands give the single product's result bit for bit.
func gram(ctx context.Context, x *mat.Dense) (*mat.Dense, error) {
	_, k := x.Dims()
	out := mat.NewDense(k, k, nil)
	const band = 32
	for j0 := 0; j0 < k; j0 += band {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		j1 := min(k, j0+band)
		out.Slice(0, k, j0, j1).(*mat.Dense).Mul(x.T(), x.Slice(0, x.RawMatrix().Rows, j0, j1))
	}
	return out, nil
}

// thinSVD is x = U·S·V' (thin) and the cut at or below which a singular
// value counts as zero: DOUBLE's machine epsilon times the larger
// dimension times the largest singular value, numpy's rank rule.
func thinSVD(x *mat.Dense) (u, v *mat.Dense, s []float64, cut float64, ok bool) {
	var svd mat.SVD
	if !svd.Factorize(x, mat.SVDThin) {
		return nil, nil, nil, 0, false
	}
	u, v = new(mat.Dense), new(mat.Dense)
	svd.UTo(u)
	svd.VTo(v)
	s = svd.Values(nil)
	n, k := x.Dims()
	cut = 2.220446049250313e-16 * float64(max(n, k))
	if len(s) > 0 {
		cut *= s[0]
	}
	return u, v, s, cut, true
}

// leastSquares solves min ||sqrt(W)(y - X b)||. method "default" forms
// X'WX and inverts it (its pseudo-inverse with usePinv, which gives the
// minimum-norm answer for a singular one); "svd" decomposes sqrt(W)X
// itself, more accurate for an ill-conditioned X (funcs/o/ols.md).
func leastSquares(ctx context.Context, cols [][]float64, y, w []float64, method string, usePinv bool) (*fitResult, error) {
	x, yw, err := designDense(ctx, cols, y, w)
	if err != nil {
		return nil, err
	}
	n, k := x.Dims()
	ymat := mat.NewVecDense(n, yw)
	if method == "svd" {
		u, v, s, cut, ok := thinSVD(x)
		if !ok {
			return nil, errSingular()
		}
		var uty mat.VecDense
		uty.MulVec(u.T(), ymat)
		beta := make([]float64, k)
		inv := mat.NewDense(k, k, nil)
		for j, sv := range s {
			if sv <= cut {
				continue
			}
			c := uty.AtVec(j) / sv
			for i := 0; i < k; i++ {
				beta[i] += v.At(i, j) * c
				for l := 0; l < k; l++ {
					inv.Set(i, l, inv.At(i, l)+v.At(i, j)*v.At(l, j)/(sv*sv))
				}
			}
		}
		return &fitResult{beta: beta, inv: inv}, nil
	}
	xtx, err := gram(ctx, x)
	if err != nil {
		return nil, err
	}
	var inv *mat.Dense
	if usePinv {
		inv = mathfn.Pinv(xtx)
	} else {
		inv = mat.NewDense(k, k, nil)
		if err := inv.Inverse(xtx); err != nil {
			if _, ok := err.(mat.Condition); !ok || math.IsInf(float64(err.(mat.Condition)), 0) {
				return nil, errSingular()
			}
		}
	}
	var xty, b mat.VecDense
	xty.MulVec(x.T(), ymat)
	b.MulVec(inv, &xty)
	beta := make([]float64, k)
	for i := range beta {
		beta[i] = b.AtVec(i)
	}
	return &fitResult{beta: beta, inv: inv}, nil
}

// report is what mode 1 and 2 print of a fit: the Coefficient table, the
// residuals y - Xb, RegressionStat and ANOVA.
type report struct {
	coef, stat, anova *value.Table
	resid             []float64
}

// nullNaN is xs with NaN and infinities as NULL.
func nullNaN(xs ...float64) []float64 { return funcs.Finite(xs) }

// summarize computes the report of coefficients beta over the design
// columns (intercept first when intercept) with weights w (nil: all 1).
// The sums of squares are weighted; SST is about y's (weighted) mean with
// an intercept, about 0 without one, and SSR is the fitted values' sum of
// squares about the same centre, so a penalised fit's SSR and SSE need not
// add up to SST (funcs/l/lassoBasic.md's ANOVA).
func summarize(cols [][]float64, names []string, y, w, beta []float64, inv *mat.Dense, intercept bool) *report {
	n, k := len(y), len(cols)
	weight := func(i int) float64 {
		if w == nil {
			return 1
		}
		return w[i]
	}
	centre := 0.0
	if intercept {
		sw, sy := 0.0, 0.0
		for i, yi := range y {
			sw += weight(i)
			sy += weight(i) * yi
		}
		centre = sy / sw
	}
	resid := make([]float64, n)
	var sst, ssr, sse float64
	for i, yi := range y {
		fit := 0.0
		for j, c := range cols {
			fit += c[i] * beta[j]
		}
		resid[i] = yi - fit
		wi := weight(i)
		sst += wi * (yi - centre) * (yi - centre)
		ssr += wi * (fit - centre) * (fit - centre)
		sse += wi * resid[i] * resid[i]
	}
	p := k
	dfT := n
	if intercept {
		p, dfT = k-1, n-1
	}
	dfR := n - k
	msr, mse := ssr/float64(p), sse/float64(dfR)
	f := msr / mse
	sig := math.NaN()
	if p > 0 && dfR > 0 && !math.IsNaN(f) && !math.IsInf(f, 0) {
		sig = distuv.F{D1: float64(p), D2: float64(dfR)}.Survival(f)
	}
	r2 := ssr / sst
	adj := 1 - (1-r2)*float64(dfT)/float64(dfR)
	if dfR <= 0 {
		msr, mse, f, adj = math.NaN(), math.NaN(), math.NaN(), math.NaN()
	}
	anova := value.NewTable([]string{"Breakdown", "DF", "SS", "MS", "F", "Significance"}, []*value.Vector{
		value.NewStrings(value.String, []string{"Regression", "Residual", "Total"}),
		value.NewInts([]int32{int32(p), int32(dfR), int32(dfT)}),
		value.NewDoubles(nullNaN(ssr, sse, sst)),
		value.NewDoubles(nullNaN(msr, mse, math.NaN())),
		value.NewDoubles(nullNaN(f, math.NaN(), math.NaN())),
		value.NewDoubles(nullNaN(sig, math.NaN(), math.NaN())),
	})
	stat := value.NewTable([]string{"item", "statistics"}, []*value.Vector{
		value.NewStrings(value.String, []string{"R2", "AdjustedR2", "StdError", "Observations"}),
		value.NewDoubles(nullNaN(r2, adj, math.Sqrt(mse), float64(n))),
	})
	se, t, pv := make([]float64, k), make([]float64, k), make([]float64, k)
	for j := range beta {
		se[j] = math.Sqrt(mse * inv.At(j, j))
		t[j] = beta[j] / se[j]
		pv[j] = math.NaN()
		if dfR > 0 && !math.IsNaN(t[j]) {
			pv[j] = 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(dfR)}.Survival(math.Abs(t[j]))
		}
	}
	coef := value.NewTable([]string{"factor", "beta", "stdError", "tstat", "pvalue"}, []*value.Vector{
		value.NewStrings(value.String, append([]string(nil), names...)),
		value.NewDoubles(nullNaN(beta...)),
		value.NewDoubles(nullNaN(se...)),
		value.NewDoubles(nullNaN(t...)),
		value.NewDoubles(nullNaN(pv...)),
	})
	return &report{coef: coef, stat: stat, anova: anova, resid: resid}
}

// modeArg reads mode: 0, 1 or 2.
func modeArg(r *funcs.Args, x value.Value) int64 {
	return funcs.Read(r, func() (int64, error) {
		if funcs.NullOrAbsent(x) {
			return 0, nil
		}
		m, err := funcs.IntArg(r.Fn, "mode", x, 0)
		if err != nil || m < 0 || m > 2 {
			return 0, funcs.BadArg(r.Fn, "mode", "0, 1 or 2")
		}
		return m, nil
	})
}

// output is a fit's result in mode: the coefficients (0), the Coefficient
// table (1) or the dictionary of the report's parts (2), its keys in the
// order given (the order the function's page prints them).
func output(mode int64, cols [][]float64, names []string, y, w, beta []float64, inv *mat.Dense, intercept bool, keys []string) value.Value {
	if mode == 0 {
		return value.NewDoubles(nullNaN(beta...))
	}
	r := summarize(cols, names, y, w, beta, inv, intercept)
	if mode == 1 {
		return r.coef
	}
	vals := make([]value.Value, len(keys))
	for i, k := range keys {
		switch k {
		case "Coefficient":
			vals[i] = r.coef
		case "Residual":
			vals[i] = value.NewDoubles(nullNaN(r.resid...))
		case "RegressionStat":
			vals[i] = r.stat
		case "ANOVA":
			vals[i] = r.anova
		}
	}
	return funcs.StringDict(keys, vals)
}

// olsKeys is the order funcs/o/ols.md and funcs/w/wls.md print mode 2's
// dictionary in.
var olsKeys = []string{"Coefficient", "Residual", "RegressionStat", "ANOVA"}

// ols is the ordinary least-squares regression of Y on X, NULLs in either
// taken as 0 (funcs/o/ols.md).
func ols(env funcs.Env, args []value.Value) (value.Value, error) {
	r := funcs.ReadArgs("ols", args)
	d := designIn(r)
	intercept, mode := interceptMode(r, 2)
	method := "default"
	if x := r.Given(4); x != nil {
		if method, _ = funcs.StringArg(x); method != "default" && method != "svd" {
			r.Bad("method", "'default' or 'svd'")
		}
	}
	usePinv := r.Bool("usePinv", r.Given(5), true)
	if err := r.Err(); err != nil {
		return nil, err
	}
	return fitOLS(funcs.ContextOf(env), "ols", d, nil, intercept, mode, method, usePinv, olsKeys)
}

// interceptMode reads intercept (argument i, true by default) and mode
// (argument i+1) of ols, wls and olsEx.
func interceptMode(r *funcs.Args, i int) (bool, int64) {
	return r.Bool("intercept", r.Given(i), true), modeArg(r, r.Arg(i+1))
}

// fitOLS fits d (NULLs as 0) with weights w and gives mode's result.
func fitOLS(ctx context.Context, fn string, d *design, w []float64, intercept bool, mode int64, method string, usePinv bool, keys []string) (value.Value, error) {
	if len(d.y) == 0 {
		return nil, funcs.BadArg(fn, "Y", "a non-empty numeric vector")
	}
	y := zeroNulls(d.y)
	for i, c := range d.cols {
		d.cols[i] = zeroNulls(c)
	}
	cols, names := d.matrixCols(intercept)
	r, err := leastSquares(ctx, cols, y, w, method, usePinv)
	if err != nil {
		return nil, err
	}
	return output(mode, cols, names, y, w, r.beta, r.inv, intercept, keys), nil
}

// wls is the weighted least-squares regression of Y on X with the
// non-negative weights W (funcs/w/wls.md).
func wls(env funcs.Env, args []value.Value) (value.Value, error) {
	d, err := readDesign("wls", args[0], args[1])
	if err != nil {
		return nil, err
	}
	w, err := numericVector("wls", "W", args[2])
	if err != nil {
		return nil, err
	}
	if len(w) != len(d.y) {
		return nil, funcs.BadArg("wls", "W", "a vector of non-negative weights as long as Y")
	}
	w = zeroNulls(w)
	for _, x := range w {
		if x < 0 {
			return nil, funcs.BadArg("wls", "W", "a vector of non-negative weights as long as Y")
		}
	}
	r := funcs.ReadArgs("wls", args)
	intercept, mode := interceptMode(r, 3)
	if err := r.Err(); err != nil {
		return nil, err
	}
	return fitOLS(funcs.ContextOf(env), "wls", d, w, intercept, mode, "default", true, olsKeys)
}

// residual is Y - X*params, params holding the intercept first when
// intercept (funcs/r/residual.md).
func residual(_ funcs.Env, args []value.Value) (value.Value, error) {
	r := funcs.ReadArgs("residual", args)
	d := designIn(r)
	intercept := r.Bool("intercept", r.Given(3), true)
	if err := r.Err(); err != nil {
		return nil, err
	}
	cols, _ := d.matrixCols(intercept)
	params, err := numericVector("residual", "params", args[2])
	if err == nil && len(params) != len(cols) {
		err = funcs.BadArg("residual", "params", "a numeric vector with one coefficient per factor (and the intercept first)")
	}
	if err != nil {
		return nil, err
	}
	y := zeroNulls(d.y)
	out := make([]float64, len(y))
	for i, yi := range y {
		fit := 0.0
		for j, c := range cols {
			if !funcs.IsNullF(c[i]) {
				fit += c[i] * params[j]
			}
		}
		out[i] = yi - fit
	}
	return value.NewDoubles(nullNaN(out...)), nil
}
