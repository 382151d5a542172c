package learn

import (
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/value"
)

// Predict functions the models hold.
var (
	logisticPredictSpec = funcs.PredictSpec("logisticRegressionPredict", "machine-learning", logisticPredict)
	glmPredictSpec      = funcs.PredictSpec("glmPredict", "machine-learning", glmPredict)
)

// designRows is the n×k matrix of the columns with a last column of ones
// (the intercept, last as DolphinDB's models list it) when intercept.
func designRows(cols [][]float64, intercept bool) *mat.Dense {
	n, k := len(cols[0]), len(cols)
	if intercept {
		k++
	}
	x := mat.NewDense(n, k, nil)
	for i := 0; i < n; i++ {
		for j, c := range cols {
			x.Set(i, j, c[i])
		}
		if intercept {
			x.Set(i, k-1, 1)
		}
	}
	return x
}

// weightedSolve is (X'WX + ridge)^+ and its product with X'Wz, the
// pseudo-inverse from the singular value decomposition.
func weightedSolve(x *mat.Dense, w, z []float64, ridge []float64) ([]float64, *mat.Dense) {
	n, k := x.Dims()
	a := mat.NewDense(k, k, nil)
	b := make([]float64, k)
	for i := 0; i < n; i++ {
		for p := 0; p < k; p++ {
			xp := x.At(i, p) * w[i]
			b[p] += xp * z[i]
			for q := 0; q <= p; q++ {
				a.Set(p, q, a.At(p, q)+xp*x.At(i, q))
			}
		}
	}
	for p := 0; p < k; p++ {
		for q := 0; q < p; q++ {
			a.Set(q, p, a.At(p, q))
		}
		if ridge != nil {
			a.Set(p, p, a.At(p, p)+ridge[p])
		}
	}
	inv := mathfn.Pinv(a)
	out := make([]float64, k)
	for p := 0; p < k; p++ {
		for q := 0; q < k; q++ {
			out[p] += inv.At(p, q) * b[q]
		}
	}
	return out, inv
}

// linkFn is a GLM link: g, its inverse and g'.
type linkFn struct {
	g, inv, deriv func(float64) float64
}

var links = map[string]linkFn{
	"identity": {func(m float64) float64 { return m }, func(e float64) float64 { return e }, func(float64) float64 { return 1 }},
	"log":      {math.Log, math.Exp, func(m float64) float64 { return 1 / m }},
	"inverse":  {func(m float64) float64 { return 1 / m }, func(e float64) float64 { return 1 / e }, func(m float64) float64 { return -1 / (m * m) }},
	"sqrt":     {math.Sqrt, func(e float64) float64 { return e * e }, func(m float64) float64 { return 0.5 / math.Sqrt(m) }},
	"inverseOfSquare": {func(m float64) float64 { return 1 / (m * m) }, func(e float64) float64 { return 1 / math.Sqrt(e) },
		func(m float64) float64 { return -2 / (m * m * m) }},
	"logit": {func(m float64) float64 { return math.Log(m / (1 - m)) }, func(e float64) float64 { return 1 / (1 + math.Exp(-e)) },
		func(m float64) float64 { return 1 / (m * (1 - m)) }},
	"probit": {func(m float64) float64 { return distuv.UnitNormal.Quantile(m) }, distuv.UnitNormal.CDF,
		func(m float64) float64 { return 1 / distuv.UnitNormal.Prob(distuv.UnitNormal.Quantile(m)) }},
}

// family is a GLM family: its variance function, unit deviance, the
// links it takes (the first the default) and whether its dispersion is
// estimated.
type family struct {
	variance  func(float64) float64
	deviance  func(y, m float64) float64
	links     []string
	estimated bool
	valid     func(y float64) bool
}

// ylogy is y·log(y/m), 0 at y = 0.
func ylogy(y, m float64) float64 {
	if y == 0 {
		return 0
	}
	return y * math.Log(y/m)
}

var families = map[string]family{
	"gaussian": {func(float64) float64 { return 1 }, func(y, m float64) float64 { return (y - m) * (y - m) },
		[]string{"identity", "inverse", "log"}, true, func(float64) bool { return true }},
	"poisson": {func(m float64) float64 { return m }, func(y, m float64) float64 { return 2 * (ylogy(y, m) - (y - m)) },
		[]string{"log", "sqrt", "identity"}, false, func(y float64) bool { return y >= 0 && y == math.Trunc(y) }},
	"gamma": {func(m float64) float64 { return m * m }, func(y, m float64) float64 { return 2 * (-math.Log(y/m) + (y-m)/m) },
		[]string{"inverse", "identity", "log"}, true, func(y float64) bool { return y > 0 }},
	"inverseGaussian": {func(m float64) float64 { return m * m * m }, func(y, m float64) float64 { return (y - m) * (y - m) / (y * m * m) },
		[]string{"inverseOfSquare", "inverse", "identity", "log"}, true, func(y float64) bool { return y > 0 }},
	"binomial": {func(m float64) float64 { return m * (1 - m) }, func(y, m float64) float64 { return 2 * (ylogy(y, m) + ylogy(1-y, 1-m)) },
		[]string{"logit", "probit"}, false, func(y float64) bool { return y == 0 || y == 1 }},
}

// glm fits a generalised linear model with an intercept by iteratively
// reweighted least squares (funcs/g/glm.md), stopping when the deviance
// changes by less than tolerance. The coefficients table lists the
// factors and then the intercept; its t statistics take the Student t
// distribution for families with an estimated dispersion (gaussian, gamma,
// inverseGaussian: Pearson's chi-square over n-k) and the normal one for
// poisson and binomial, whose dispersion is 1.
func glm(env funcs.Env, args []value.Value) (value.Value, error) {
	y, cols, names, err := sourceColumns(env, "glm", args[0], args[1], args[2])
	if err != nil {
		return nil, err
	}
	famName := "gaussian"
	if v := funcs.GivenArg(args, 3); v != nil {
		famName, _ = funcs.StringArg(v)
	}
	fam, ok := families[famName]
	if !ok {
		return nil, funcs.BadArg("glm", "family", "gaussian, poisson, gamma, inverseGaussian or binomial")
	}
	linkName := fam.links[0]
	if v := funcs.GivenArg(args, 4); v != nil {
		linkName, _ = funcs.StringArg(v)
		ok = false
		for _, l := range fam.links {
			ok = ok || l == linkName
		}
		if !ok {
			return nil, funcs.BadArg("glm", "link", "a link the family takes")
		}
	}
	link := links[linkName]
	r := funcs.ReadArgs("glm", args)
	tol := nonNegNumber(r, "tolerance", 5, 1e-6)
	maxIter := r.PositiveInt("maxIter", r.Given(6), 100)
	if err := r.Err(); err != nil {
		return nil, err
	}
	for _, v := range y {
		if !fam.valid(v) {
			return nil, funcs.BadArg("glm", "yColName", "a column of values the family takes")
		}
	}
	x := designRows(cols, true)
	n, k := x.Dims()
	mu, eta := make([]float64, n), make([]float64, n)
	mean := 0.0
	for _, v := range y {
		mean += v
	}
	mean /= float64(n)
	for i, v := range y {
		mu[i] = (v + mean) / 2 // a start inside every family's range
		eta[i] = link.g(mu[i])
	}
	w, z := make([]float64, n), make([]float64, n)
	var beta []float64
	var inv *mat.Dense
	dev, iters := math.Inf(1), 0
	for iters < int(min(maxIter, 1<<20)) {
		iters++
		for i := range y {
			d := link.deriv(mu[i])
			z[i] = eta[i] + (y[i]-mu[i])*d
			w[i] = 1 / (fam.variance(mu[i]) * d * d)
		}
		beta, inv = weightedSolve(x, w, z, nil)
		newDev := 0.0
		for i := range y {
			e := 0.0
			for j := 0; j < k; j++ {
				e += x.At(i, j) * beta[j]
			}
			eta[i], mu[i] = e, link.inv(e)
			newDev += fam.deviance(y[i], mu[i])
		}
		done := math.Abs(newDev-dev) < tol
		dev = newDev
		if done {
			break
		}
	}
	dispersion := 1.0
	df := float64(n - k)
	if fam.estimated {
		chi := 0.0
		for i := range y {
			chi += (y[i] - mu[i]) * (y[i] - mu[i]) / fam.variance(mu[i])
		}
		dispersion = chi / df
	}
	// The covariance at the fitted means: refresh the weights once more.
	for i := range y {
		d := link.deriv(mu[i])
		w[i] = 1 / (fam.variance(mu[i]) * d * d)
	}
	_, inv = weightedSolve(x, w, z, nil)
	se, t, p := make([]float64, k), make([]float64, k), make([]float64, k)
	for j := range beta {
		se[j] = math.Sqrt(dispersion * inv.At(j, j))
		t[j] = beta[j] / se[j]
		if fam.estimated {
			p[j] = math.NaN()
			if df > 0 {
				p[j] = 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Survival(math.Abs(t[j]))
			}
		} else {
			p[j] = 2 * distuv.UnitNormal.Survival(math.Abs(t[j]))
		}
	}
	coef := value.NewTable([]string{"beta", "stdError", "tstat", "pvalue"}, []*value.Vector{
		value.NewDoubles(funcs.Finite(append([]float64(nil), beta...))), value.NewDoubles(funcs.Finite(se)),
		value.NewDoubles(funcs.Finite(t)), value.NewDoubles(funcs.Finite(p)),
	})
	return funcs.StringDict([]string{"coefficients", "link", "tolerance", "family", "xColNames", "modelName", "residualDeviance", "iterations", "dispersion", "predict"},
		[]value.Value{coef, value.NewString(linkName), value.NewDouble(tol), value.NewString(famName), value.NewStrings(value.String, names),
			value.NewString("Generalized Linear Model"), value.NewDouble(funcs.Finite([]float64{dev})[0]), value.NewInt(int32(iters)),
			value.NewDouble(funcs.Finite([]float64{dispersion})[0]), glmPredictSpec}), nil
}

// glmPredict is the model's mean response g⁻¹(Xb) for the rows of X.
func glmPredict(_ funcs.Env, args []value.Value) (value.Value, error) {
	bad := funcs.BadArg("predict", "model", "a glm model")
	coef, ok := funcs.ModelField(args[0], "coefficients").(*value.Table)
	names, ok2 := funcs.NamesArg(funcs.ModelField(args[0], "xColNames"))
	linkName, _ := funcs.StringArg(funcs.ModelField(args[0], "link"))
	link, ok3 := links[linkName]
	if !ok || !ok2 || !ok3 || coef.Column("beta") == nil {
		return nil, bad
	}
	beta, ok := floats(coef.Column("beta"))
	if !ok || len(beta) != len(names)+1 {
		return nil, bad
	}
	cols, err := columnsByName("predict", args[1], names)
	if err != nil {
		return nil, err
	}
	out := linear(cols, beta, true)
	for i, e := range out {
		out[i] = link.inv(e)
	}
	return value.NewDoubles(funcs.Finite(out)), nil
}

// linear is X·b per row, the intercept b's last element when intercept;
// NaN for a row with a NULL.
func linear(cols [][]float64, b []float64, intercept bool) []float64 {
	out := make([]float64, len(cols[0]))
	for i := range out {
		if intercept {
			out[i] = b[len(b)-1]
		}
		for j, c := range cols {
			if funcs.IsNullF(c[i]) {
				out[i] = math.NaN()
				break
			}
			out[i] += b[j] * c[i]
		}
	}
	return out
}

// logisticRegression fits P(y=1) = 1/(1+exp(-Xθ)) by Newton's method on
// the log-likelihood less regularizationCoeff/2 times the squared norm of
// the factors' coefficients (funcs/l/logisticRegression.md). It stops
// when the largest gradient component changes by less than tolerance
// between passes. coefficients lists the factors and then the intercept,
// as the page's output does; logLikelihood is the unpenalised one.
func logisticRegression(env funcs.Env, args []value.Value) (value.Value, error) {
	y, cols, names, err := sourceColumns(env, "logisticRegression", args[0], args[1], args[2])
	if err != nil {
		return nil, err
	}
	for _, v := range y {
		if v != 0 && v != 1 {
			return nil, funcs.BadArg("logisticRegression", "yColName", "a column of 0 and 1")
		}
	}
	intercept, err := funcs.BoolArg("logisticRegression", "intercept", funcs.GivenArg(args, 3), true)
	if err != nil {
		return nil, err
	}
	x := designRows(cols, intercept)
	n, k := x.Dims()
	theta := make([]float64, k)
	if v := funcs.GivenArg(args, 4); v != nil {
		vec, _ := v.(*value.Vector)
		init, ok := floats(vec)
		if vec == nil || !ok || len(init) != k {
			return nil, funcs.BadArg("logisticRegression", "initTheta", "a numeric vector with one value per factor and the intercept")
		}
		copy(theta, init)
	}
	r := funcs.ReadArgs("logisticRegression", args)
	tol := nonNegNumber(r, "tolerance", 5, 1e-3)
	maxIter := r.PositiveInt("maxIter", r.Given(6), 500)
	lambda := nonNegNumber(r, "regularizationCoeff", 7, 1)
	if err := r.Err(); err != nil {
		return nil, err
	}
	ridge := make([]float64, k)
	for j := range cols {
		ridge[j] = lambda
	}
	p, w, z := make([]float64, n), make([]float64, n), make([]float64, n)
	eta := func() {
		for i := 0; i < n; i++ {
			e := 0.0
			for j := 0; j < k; j++ {
				e += x.At(i, j) * theta[j]
			}
			p[i] = 1 / (1 + math.Exp(-e))
		}
	}
	gradMax := func() float64 {
		g := 0.0
		for j := 0; j < k; j++ {
			s := -ridge[j] * theta[j]
			for i := 0; i < n; i++ {
				s += x.At(i, j) * (y[i] - p[i])
			}
			g = math.Max(g, math.Abs(s))
		}
		return g
	}
	eta()
	prev := gradMax()
	iters := 0
	for iters < int(min(maxIter, 1<<20)) {
		iters++
		// Newton's step as a weighted least-squares solve: the working
		// response z = Xθ + (y-p)/(p(1-p)) with weights p(1-p).
		for i := 0; i < n; i++ {
			w[i] = math.Max(p[i]*(1-p[i]), 1e-12)
			e := 0.0
			for j := 0; j < k; j++ {
				e += x.At(i, j) * theta[j]
			}
			z[i] = e + (y[i]-p[i])/w[i]
		}
		theta, _ = weightedSolve(x, w, z, ridge)
		eta()
		g := gradMax()
		done := math.Abs(g-prev) < tol
		prev = g
		if done {
			break
		}
	}
	ll := 0.0
	for i := range y {
		ll += y[i]*math.Log(math.Max(p[i], 1e-300)) + (1-y[i])*math.Log(math.Max(1-p[i], 1e-300))
	}
	return funcs.StringDict([]string{"modelName", "logLikelihood", "intercept", "coefficients", "xColNames", "iterations", "tolerance", "predict"},
		[]value.Value{value.NewString("Logistic Regression"), value.NewDouble(funcs.Finite([]float64{ll})[0]), value.NewBool(intercept),
			value.NewDoubles(funcs.Finite(theta)), value.NewStrings(value.String, names), value.NewInt(int32(iters)), value.NewDouble(tol), logisticPredictSpec}), nil
}

// logisticPredict is the class, 1 where the model's probability is at
// least 0.5 and 0 elsewhere, of each row of X.
func logisticPredict(_ funcs.Env, args []value.Value) (value.Value, error) {
	bad := funcs.BadArg("predict", "model", "a logisticRegression model")
	theta, ok := floats(funcs.ModelField(args[0], "coefficients"))
	names, ok2 := funcs.NamesArg(funcs.ModelField(args[0], "xColNames"))
	icpt, _ := funcs.ModelField(args[0], "intercept").(*value.Scalar)
	if !ok || !ok2 || icpt == nil {
		return nil, bad
	}
	intercept := icpt.I != 0
	if want := len(names) + map[bool]int{true: 1, false: 0}[intercept]; len(theta) != want {
		return nil, bad
	}
	cols, err := columnsByName("predict", args[1], names)
	if err != nil {
		return nil, err
	}
	e := linear(cols, theta, intercept)
	out := make([]int32, len(e))
	for i, v := range e {
		switch {
		case math.IsNaN(v):
			out[i] = value.NullInt32
		case v >= 0:
			out[i] = 1
		}
	}
	return value.NewInts(out), nil
}
