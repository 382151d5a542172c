package learn

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/value"
)

// kernelRidgePredictSpec is the predict function a kernelRidge model holds.
var kernelRidgePredictSpec = funcs.PredictSpec("kernelRidgePredict", "machine-learning", kernelRidgePredict)

// kernelParams are a kernel's name and settings, as the model keeps them.
type kernelParams struct {
	name                 string
	gamma, degree, coef0 float64
}

// kernelNames are the kernels funcs/k/kernelRidge.md lists.
var kernelNames = []string{"linear", "rbf", "poly", "polynomial", "sigmoid", "laplacian", "cosine", "additive_chi2", "chi2"}

// eval is the kernel of rows a and b.
func (k kernelParams) eval(a, b []float64) float64 {
	dot := func() float64 {
		s := 0.0
		for i := range a {
			s += a[i] * b[i]
		}
		return s
	}
	chi := func() float64 {
		s := 0.0
		for i := range a {
			if d := a[i] + b[i]; d != 0 {
				s += (a[i] - b[i]) * (a[i] - b[i]) / d
			}
		}
		return s
	}
	switch k.name {
	case "rbf":
		s := 0.0
		for i := range a {
			s += (a[i] - b[i]) * (a[i] - b[i])
		}
		return math.Exp(-k.gamma * s)
	case "poly", "polynomial":
		return math.Pow(k.gamma*dot()+k.coef0, k.degree)
	case "sigmoid":
		return math.Tanh(k.gamma*dot() + k.coef0)
	case "laplacian":
		s := 0.0
		for i := range a {
			s += math.Abs(a[i] - b[i])
		}
		return math.Exp(-k.gamma * s)
	case "cosine":
		na, nb := 0.0, 0.0
		for i := range a {
			na += a[i] * a[i]
			nb += b[i] * b[i]
		}
		if na == 0 || nb == 0 {
			return 0
		}
		return dot() / math.Sqrt(na*nb)
	case "additive_chi2":
		return -chi()
	case "chi2":
		return math.Exp(-k.gamma * chi())
	}
	return dot()
}

// kernelRidge fits kernel ridge regression (funcs/k/kernelRidge.md): the
// dual coefficients c of (K + alpha·I) c = y over the kernel matrix K of
// the training rows, each row's kernel entries and target scaled by the
// square root of its sample weight (and c by it again), so predict is
// K(X, xFit)·c. gamma 0 takes one over the number of features.
func kernelRidge(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "kernelRidge"
	r := funcs.ReadArgs(fn, args)
	alpha := r.Number("alpha", r.Given(3), 1, func(f float64) bool { return f > 0 }, "a positive number")
	k := kernelParams{name: "linear"}
	if v := r.Given(4); v != nil {
		s, ok := funcs.StringArg(v)
		if !ok || !contains(kernelNames, s) {
			r.Bad("kernel", "one of 'linear', 'rbf', 'poly', 'polynomial', 'sigmoid', 'laplacian', 'cosine', 'additive_chi2' and 'chi2'")
		}
		k.name = s
	}
	any := func(float64) bool { return true }
	k.gamma = r.Number("gamma", r.Given(5), 0, any, "a number")
	k.degree = r.Number("degree", r.Given(6), 3, any, "a number")
	k.coef0 = r.Number("coef0", r.Given(7), 1, any, "a number")
	var swName string
	if v := r.Given(8); v != nil {
		s, ok := funcs.StringArg(v)
		if !ok || s == "" {
			r.Bad("swColName", "a string scalar")
		}
		swName = s
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	xNames, ok := funcs.NamesArg(args[2])
	if !ok || len(xNames) == 0 {
		return nil, funcs.BadArg(fn, "xColNames", "a string scalar or vector")
	}
	read := xNames
	if swName != "" {
		read = append(append([]string(nil), xNames...), swName)
	}
	y, cols, _, err := sourceColumns(env, fn, args[0], args[1], value.NewStrings(value.String, read))
	if err != nil {
		return nil, err
	}
	n, p := len(y), len(xNames)
	sw := make([]float64, n)
	for i := range sw {
		sw[i] = 1
	}
	if swName != "" {
		sw, cols = cols[p], cols[:p]
		for _, w := range sw {
			if w < 0 {
				return nil, funcs.BadArg(fn, "swColName", "a column of non-negative sample weights")
			}
		}
	}
	if k.gamma == 0 {
		k.gamma = 1 / float64(p)
	}
	if err := env.Reserve(n * n); err != nil {
		return nil, err
	}
	rows := transpose(cols, n)
	a := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		if i%256 == 0 {
			if err := env.Context().Err(); err != nil {
				return nil, err
			}
		}
		si := math.Sqrt(sw[i])
		for j := i; j < n; j++ {
			v := k.eval(rows[i], rows[j]) * si * math.Sqrt(sw[j])
			if i == j {
				v += alpha
			}
			a.SetSym(i, j, v)
		}
	}
	b := make([]float64, n)
	for i := range b {
		b[i] = y[i] * math.Sqrt(sw[i])
	}
	c := solveKernel(a, b)
	for i := range c {
		c[i] *= math.Sqrt(sw[i])
	}
	keys := []string{"modelName", "coefficients", "xColNames", "xFit", "alpha", "kernel", "gamma", "degree", "coef0", "predict"}
	vals := []value.Value{value.NewString("kernelRidge"), &value.Matrix{V: value.NewDoubles(funcs.Finite(c)), Rows: n, Cols: 1},
		value.NewStrings(value.String, xNames), matrixOf(rows, p), value.NewDouble(alpha), value.NewString(k.name),
		value.NewDouble(k.gamma), value.NewDouble(k.degree), value.NewDouble(k.coef0), kernelRidgePredictSpec}
	return funcs.StringDict(keys, vals), nil
}

// solveKernel solves a c = b by Cholesky, as a positive definite kernel
// gives, and in the least-squares sense (the pseudo-inverse) where it is
// not (sigmoid, additive_chi2).
func solveKernel(a *mat.SymDense, b []float64) []float64 {
	n := len(b)
	bv := mat.NewVecDense(n, b)
	var c mat.VecDense
	var ch mat.Cholesky
	if ch.Factorize(a) {
		if err := ch.SolveVecTo(&c, bv); err == nil {
			return c.RawVector().Data
		}
	}
	c.MulVec(mathfn.Pinv(a), bv)
	return c.RawVector().Data
}

// transpose turns feature columns into rows.
func transpose(cols [][]float64, n int) [][]float64 {
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = make([]float64, len(cols))
		for j, c := range cols {
			rows[i][j] = c[i]
		}
	}
	return rows
}

// kernelRidgePredict is K(X, xFit)·coefficients, a one-column matrix as
// the page shows.
func kernelRidgePredict(env funcs.Env, args []value.Value) (value.Value, error) {
	bad := funcs.BadArg("predict", "model", "a kernelRidge model")
	names, ok := funcs.NamesArg(funcs.ModelField(args[0], "xColNames"))
	fit, p, ok2 := matrixRows(funcs.ModelField(args[0], "xFit"))
	c, ok3 := floats(funcs.ModelField(args[0], "coefficients"))
	k := kernelParams{}
	k.name, _ = funcs.StringArg(funcs.ModelField(args[0], "kernel"))
	var okNums [3]bool
	for i, key := range []string{"gamma", "degree", "coef0"} {
		sc, isScalar := funcs.ModelField(args[0], key).(*value.Scalar)
		if !isScalar {
			continue
		}
		v, ok := floats(funcs.ScalarVector(sc))
		if okNums[i] = ok && len(v) == 1 && !sc.Null; okNums[i] {
			*[]*float64{&k.gamma, &k.degree, &k.coef0}[i] = v[0]
		}
	}
	if !ok || !ok2 || !ok3 || p != len(names) || len(c) != len(fit) || !contains(kernelNames, k.name) || okNums != [3]bool{true, true, true} {
		return nil, bad
	}
	cols, err := columnsByName("predict", args[1], names)
	if err != nil {
		return nil, err
	}
	m := 0
	if len(cols) > 0 {
		m = len(cols[0])
	}
	rows := transpose(cols, m)
	out := make([]float64, m)
	for i, row := range rows {
		if i%256 == 0 {
			if err := env.Context().Err(); err != nil {
				return nil, err
			}
		}
		s := 0.0
		for j, f := range fit {
			s += k.eval(row, f) * c[j]
		}
		out[i] = s
	}
	return &value.Matrix{V: value.NewDoubles(funcs.Finite(out)), Rows: m, Cols: 1}, nil
}
