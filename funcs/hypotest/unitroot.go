package hypotest

import (
	"context"
	"math"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// adfResult is one augmented Dickey-Fuller test.
type adfResult struct {
	stat, p, icBest float64
	usedLag, nobs   int
	crit            [3]float64
	hasIC           bool
}

// adfDesign is the regression of the differences on the lagged level and
// lag lagged differences, over the sample left after trimming trim
// leading differences: endog, the lagged level and the lagged differences.
type adfDesign struct {
	endog, level []float64
	dlags        [][]float64
}

func newADFDesign(x, dx []float64, trim, lags int) adfDesign {
	nobs := len(dx) - trim
	d := adfDesign{endog: dx[trim:], level: x[trim : trim+nobs]}
	for j := 1; j <= lags; j++ {
		d.dlags = append(d.dlags, dx[trim-j:trim-j+nobs])
	}
	return d
}

// trendCols is the deterministic terms of reg over nobs rows: a constant
// (left out when a column of data is already a nonzero constant), a
// linear and a quadratic trend 1..nobs.
func trendCols(reg string, nobs int, data [][]float64) [][]float64 {
	var out [][]float64
	if reg == "n" {
		return nil
	}
	if !hasConstCol(data) {
		one := make([]float64, nobs)
		for i := range one {
			one[i] = 1
		}
		out = append(out, one)
	}
	for p := 1; p < len(reg); p++ {
		t := make([]float64, nobs)
		for i := range t {
			t[i] = math.Pow(float64(i+1), float64(p))
		}
		out = append(out, t)
	}
	return out
}

// hasConstCol reports whether a column holds one nonzero value throughout.
func hasConstCol(cols [][]float64) bool {
	for _, c := range cols {
		if len(c) == 0 || c[0] == 0 {
			continue
		}
		same := true
		for _, v := range c[1:] {
			if v != c[0] {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// maxADFLag bounds maxLag: each regression's triangular factor is
// (maxLag+ntrend+2) columns square and a lag search runs maxLag+1 of them.
const maxADFLag = 1000

// adfuller runs the augmented Dickey-Fuller test on x (no NULLs, not
// constant): the lag is maxLag (a negative maxLag asks for the default
// 12*(n/100)^(1/4), capped at n/2-ntrend-1) or, unless autoLag is "max",
// the lag in 0..maxLag that minimises the AIC or BIC of the regressions
// over a common sample, or the longest whose last lag's |t| reaches the
// 5% one-sided normal quantile ("tstat").
func adfuller(ctx context.Context, fn string, x []float64, maxLag int, reg, autoLag string) (adfResult, error) {
	var r adfResult
	n := len(x)
	ntrend := len(reg)
	if reg == "n" {
		ntrend = 0
	}
	limit := n/2 - ntrend - 1
	if maxLag < 0 {
		maxLag = int(math.Ceil(12 * math.Pow(float64(n)/100, 0.25)))
		maxLag = min(limit, maxLag)
		if maxLag < 0 {
			return r, ddberr.Errorf("The argument [%s] of %s must hold at least %d non-NULL values.", "X", fn, 2*(ntrend+1))
		}
	} else if maxLag > limit || maxLag > maxADFLag {
		if limit < 0 {
			return r, ddberr.Errorf("The argument [%s] of %s must hold at least %d non-NULL values.", "X", fn, 2*(ntrend+1))
		}
		return r, ddberr.Errorf("The argument [%s] of %s must be between %d and %d.", "maxLag", fn, 0, min(limit, maxADFLag))
	}
	dx := make([]float64, n-1)
	for i := range dx {
		dx[i] = x[i+1] - x[i]
	}
	lag := maxLag
	if autoLag != "max" {
		// The regressions over the common sample are nested (trend terms,
		// the level, then one more lagged difference each): one reduction
		// of the widest design gives all of them.
		d := newADFDesign(x, dx, maxLag, maxLag)
		data := append([][]float64{d.level}, d.dlags...)
		tr := trendCols(reg, len(d.endog), data)
		tri, err := triangular(ctx, d.endog, append(append([][]float64{}, tr...), data...))
		if err != nil {
			return adfResult{}, err
		}
		fits := make([]olsFit, maxLag+1)
		for l := 0; l <= maxLag; l++ {
			fits[l] = solveTriangular(tri, len(tr)+l+1, len(d.endog))
			fits[l].setT()
		}
		switch autoLag {
		case "aic", "bic":
			best := math.Inf(1)
			lag = 0
			for l, f := range fits {
				ic := f.aic()
				if autoLag == "bic" {
					ic = f.bic()
				}
				if ic < best || l == 0 {
					best, lag = ic, l
				}
			}
			r.icBest = best
		case "tstat":
			const stop = 1.6448536269514722
			for l := maxLag; l >= 0; l-- {
				r.icBest, lag = math.Abs(fits[l].t[len(fits[l].t)-1]), l
				if r.icBest >= stop {
					break
				}
			}
		}
		r.hasIC = true
	}
	d := newADFDesign(x, dx, lag, lag)
	data := append([][]float64{d.level}, d.dlags...)
	f, err := ols(ctx, d.endog, append(data, trendCols(reg, len(d.endog), data)...))
	if err != nil {
		return adfResult{}, err
	}
	r.stat, r.usedLag, r.nobs = f.t[0], lag, len(d.endog)
	r.p = mackinnonP(r.stat, reg, 1)
	r.crit, _ = mackinnonCrit(reg, 1, float64(r.nobs))
	return r, nil
}

// series reads a numeric vector without NULLs.
func series(fn, name string, x value.Value) ([]float64, error) {
	xs, err := numericVector(fn, name, x)
	if err != nil {
		return nil, err
	}
	for _, f := range xs {
		if funcs.IsNullF(f) || math.IsInf(f, 0) {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector without NULL values.", name, fn)
		}
	}
	return xs, nil
}

// maxLagArg reads the optional maxLag: -1 when absent or NULL.
func maxLagArg(r *funcs.Args, x value.Value) int {
	if funcs.NullOrAbsent(x) {
		return -1
	}
	return int(min(r.NonNegInt("maxLag", x, 0), 1<<30))
}

// choice reads an optional string argument that must be one of choices,
// the first its default.
func choice(r *funcs.Args, name string, x value.Value, choices ...string) string {
	if funcs.NullOrAbsent(x) {
		return choices[0]
	}
	s, ok := funcs.ChoiceArg(x, choices...)
	if !ok {
		r.Bad(name, "one of '"+strings.Join(choices, "', '")+"'")
	}
	return s
}

// adfullerFn is adfuller(X, [maxLag], [regression="c"], [autoLag="aic"],
// [store=false], [regResults=false]) (funcs/a/adfuller.md).
func adfullerFn(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "adfuller"
	x, err := series(fn, "X", args[0])
	if err != nil {
		return nil, err
	}
	r := funcs.ReadArgs(fn, args)
	maxLag := maxLagArg(r, r.Arg(1))
	reg := choice(r, "regression", r.Arg(2), "c", "ct", "ctt", "n")
	autoLag := choice(r, "autoLag", r.Arg(3), "aic", "bic", "tstat", "max")
	for i, name := range []string{"store", "regResults"} {
		if r.Bool(name, r.Arg(4+i), false) {
			r.Bad(name, "false: the regression results are not kept")
		}
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	if len(x) == 0 || constant(x) {
		return nil, funcs.BadArg(fn, "X", "a vector whose elements are not all the same")
	}
	res, err := adfuller(funcs.ContextOf(env), fn, x, maxLag, reg, autoLag)
	if err != nil {
		return nil, err
	}
	es := []entry{
		{"adfStat", dbl(res.stat)},
		{"pValue", dbl(res.p)},
		{"usedLag", value.NewInt(int32(res.usedLag))},
		{"nobs", value.NewInt(int32(res.nobs))},
		{"criticalValues", value.NewDoubles(funcs.NullNaN(res.crit[:]))},
	}
	if res.hasIC {
		es = append(es, entry{"icBest", dbl(res.icBest)})
	}
	return result(es...), nil
}

// constant reports whether all of xs are equal.
func constant(xs []float64) bool {
	for _, v := range xs[1:] {
		if v != xs[0] {
			return false
		}
	}
	return true
}

// coint is coint(Y0, Y1, [trend="c"], [method="aeg"], [maxLag],
// [autoLag="aic"]) (funcs/c/coint.md): the augmented Engle-Granger test.
// Y0 is regressed on Y1's columns and the trend terms; the residuals'
// Dickey-Fuller statistic (no deterministic terms) is judged against
// MacKinnon's surfaces for 1+columns(Y1) series, the critical values at
// nobs-1 observations.
func coint(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "coint"
	y0, err := series(fn, "Y0", args[0])
	if err != nil {
		return nil, err
	}
	var y1 [][]float64
	if cols, ok := columns(fn, args[1]); ok {
		if _, isTable := args[1].(*value.Table); !isTable {
			y1 = cols
		}
	} else if v, err := series(fn, "Y1", args[1]); err == nil {
		y1 = [][]float64{v}
	}
	bad := y1 == nil
	for _, c := range y1 {
		if len(c) != len(y0) {
			bad = true
		}
		for _, f := range c {
			if funcs.IsNullF(f) || math.IsInf(f, 0) {
				bad = true
			}
		}
	}
	if bad {
		return nil, funcs.BadArg(fn, "Y1", "a numeric vector or matrix without NULL values and with as many rows as Y0 has elements")
	}
	r := funcs.ReadArgs(fn, args)
	trend := choice(r, "trend", r.Arg(2), "c", "ct", "ctt", "n")
	choice(r, "method", r.Arg(3), "aeg")
	maxLag := maxLagArg(r, r.Arg(4))
	autoLag := choice(r, "autoLag", r.Arg(5), "aic", "bic", "tstat", "max")
	if err := r.Err(); err != nil {
		return nil, err
	}
	k := len(y1) + 1
	if k > 6 {
		return nil, funcs.BadArg(fn, "Y1", "a vector or a matrix of at most 5 columns")
	}
	if len(y0) == 0 {
		return nil, ddberr.Errorf("The argument [%s] of %s must hold at least %d non-NULL values.", "Y0", fn, 2)
	}
	cols := append(append([][]float64{}, y1...), trendCols(trend, len(y0), y1)...)
	ctx := funcs.ContextOf(env)
	f, err := ols(ctx, y0, cols)
	if err != nil {
		return nil, err
	}
	var stat float64
	if rsquared(y0, f, hasConstCol(cols)) < 1-100*math.Sqrt(2.220446049250313e-16) {
		if constant(f.resid) {
			stat = math.Inf(-1)
		} else {
			r, err := adfuller(ctx, fn, f.resid, maxLag, "n", autoLag)
			if err != nil {
				return nil, err
			}
			stat = r.stat
		}
	} else {
		// Y0 and Y1 are (almost) perfectly collinear.
		stat = math.Inf(-1)
	}
	crit := [3]float64{math.NaN(), math.NaN(), math.NaN()}
	if trend != "n" {
		crit, _ = mackinnonCrit(trend, k, float64(len(y0)-1))
	}
	return result(
		entry{"tValue", dbl(stat)},
		entry{"pValue", dbl(mackinnonP(stat, trend, k))},
		entry{"criticalValues", value.NewDoubles(funcs.NullNaN(crit[:]))},
	), nil
}

// rsquared is the fit's coefficient of determination, centred when the
// design has a constant.
func rsquared(y []float64, f olsFit, centred bool) float64 {
	m := 0.0
	if centred {
		for _, v := range y {
			m += v
		}
		m /= float64(len(y))
	}
	tss := 0.0
	for _, v := range y {
		tss += (v - m) * (v - m)
	}
	return 1 - f.ssr/tss
}
