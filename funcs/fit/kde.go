package fit

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// kdePredict is gaussianKdePredict, the predict function a gaussianKde
// model holds.
var kdePredict = funcs.PredictSpec("gaussianKdePredict", "statistics", gaussianKdePredict)

// points is a data set of n points in d dimensions, by dimension.
type points struct {
	cols [][]float64
	n    int
}

// pointsOf reads X of gaussianKde or gaussianKdePredict: a vector (one
// dimension), a matrix (a point per row), a tuple of columns or a table.
func pointsOf(x value.Value) (points, bool) {
	var cols []*value.Vector
	switch v := x.(type) {
	case *value.Vector:
		if v.T != value.Any {
			cols = []*value.Vector{v}
		} else {
			for _, e := range v.Any {
				c, ok := e.(*value.Vector)
				if !ok {
					return points{}, false
				}
				cols = append(cols, c)
			}
		}
	case *value.Matrix:
		for j := 0; j < v.Cols; j++ {
			cols = append(cols, funcs.MatrixColumn(v, j))
		}
	case *value.Table:
		cols = v.Cols
	}
	if len(cols) == 0 {
		return points{}, false
	}
	p := points{cols: make([][]float64, len(cols)), n: cols[0].Len()}
	for j, c := range cols {
		xs, ok := numbers(c)
		if !ok || len(xs) != p.n {
			return points{}, false
		}
		p.cols[j] = xs
	}
	return p, true
}

// gaussianKde estimates a density as the weighted sum of Gaussian kernels
// at the points of X, whose covariance is the data's weighted covariance
// scaled by the squared bandwidth factor (funcs/g/gaussiankde.md). The
// model keeps that covariance's Cholesky factor as cov.
func gaussianKde(env funcs.Env, args []value.Value) (value.Value, error) {
	p, ok := pointsOf(args[0])
	d := len(p.cols)
	if !ok || p.n <= d {
		return nil, ddberr.Errorf("X of gaussianKde must be a numeric vector, matrix, tuple or table without NULL values and with more rows than columns.")
	}
	w, err := kdeWeights(funcs.Arg(args, 1), p.n)
	if err != nil {
		return nil, err
	}
	neff := 0.0
	for _, x := range w {
		neff += x * x
	}
	neff = 1 / neff
	factor, err := bandwidth(env, funcs.GivenArg(args, 2), args[0], neff, d)
	if err != nil {
		return nil, err
	}
	cov := weightedCov(p, w)
	for i := range cov {
		cov[i] *= factor * factor
	}
	l, ok := cholesky(cov, d)
	if !ok {
		return nil, ddberr.Errorf("The covariance matrix of the data of gaussianKde is not positive definite.")
	}
	var xv value.Value
	if d == 1 {
		xv = value.NewDoubles(p.cols[0])
	} else {
		flat := make([]float64, 0, p.n*d)
		for _, c := range p.cols {
			flat = append(flat, c...)
		}
		xv = &value.Matrix{V: value.NewDoubles(flat), Rows: p.n, Cols: d}
	}
	return funcs.StringDict([]string{"X", "cov", "weights", "predict", "bandwidth"},
		[]value.Value{xv, &value.Matrix{V: value.NewDoubles(colMajor(l, d)), Rows: d, Cols: d}, value.NewDoubles(w), kdePredict, value.NewDouble(factor)}), nil
}

// kdeWeights are the weights normalised to sum 1 (equal when absent).
func kdeWeights(x value.Value, n int) ([]float64, error) {
	w := make([]float64, n)
	if funcs.NullOrAbsent(x) {
		for i := range w {
			w[i] = 1 / float64(n)
		}
		return w, nil
	}
	ws, ok := numbers(x)
	sum := 0.0
	for _, v := range ws {
		if v < 0 {
			ok = false
		}
		sum += v
	}
	if !ok || len(ws) != n || sum <= 0 {
		return nil, ddberr.Errorf("weights of gaussianKde must be a numeric vector of non-negative values, not all 0, as long as X has rows.")
	}
	for i, v := range ws {
		w[i] = v / sum
	}
	return w, nil
}

// bandwidth is the factor scaling the data's covariance: Scott's rule
// neff^(-1/(d+4)) by default, Silverman's, a number, or what a function
// of X returns.
func bandwidth(env funcs.Env, m, x value.Value, neff float64, d int) (float64, error) {
	bad := ddberr.Errorf("bwMethod of gaussianKde must be a positive number, 'scott', 'silverman' or a function of X returning one.")
	if m == nil {
		m = value.NewString("scott")
	}
	if funcs.IsFunction(m) {
		r, err := env.Call(m, x)
		if err != nil {
			return 0, err
		}
		m = r
	}
	if s, ok := funcs.StringArg(m); ok {
		switch s {
		case "scott":
			return math.Pow(neff, -1/float64(d+4)), nil
		case "silverman":
			return math.Pow(neff*float64(d+2)/4, -1/float64(d+4)), nil
		}
		return 0, bad
	}
	f, ok := funcs.PositiveArg(m)
	if !ok {
		return 0, bad
	}
	return f, nil
}

// weightedCov is the unbiased weighted covariance of the points (weights
// summing to 1), d×d row-major.
func weightedCov(p points, w []float64) []float64 {
	d := len(p.cols)
	mean := make([]float64, d)
	for j, c := range p.cols {
		for i, x := range c {
			mean[j] += w[i] * x
		}
	}
	v2 := 0.0
	for _, x := range w {
		v2 += x * x
	}
	cov := make([]float64, d*d)
	for a := 0; a < d; a++ {
		for b := 0; b <= a; b++ {
			s := 0.0
			for i := 0; i < p.n; i++ {
				s += w[i] * (p.cols[a][i] - mean[a]) * (p.cols[b][i] - mean[b])
			}
			s /= 1 - v2
			cov[a*d+b], cov[b*d+a] = s, s
		}
	}
	return cov
}

// cholesky is the lower-triangular L with L*L' = a (d×d, row-major);
// ok is false when a is not positive definite.
func cholesky(a []float64, d int) ([]float64, bool) {
	l := make([]float64, d*d)
	for i := 0; i < d; i++ {
		for j := 0; j <= i; j++ {
			s := a[i*d+j]
			for k := 0; k < j; k++ {
				s -= l[i*d+k] * l[j*d+k]
			}
			if i == j {
				if !(s > 0) {
					return nil, false
				}
				l[i*d+i] = math.Sqrt(s)
			} else {
				l[i*d+j] = s / l[j*d+j]
			}
		}
	}
	return l, true
}

// colMajor turns a d×d row-major matrix into the column-major order of a
// Matrix value.
func colMajor(a []float64, d int) []float64 {
	out := make([]float64, d*d)
	for i := 0; i < d; i++ {
		for j := 0; j < d; j++ {
			out[j*d+i] = a[i*d+j]
		}
	}
	return out
}

// gaussianKdePredict is a gaussianKde model's density at each point of X
// (funcs/g/gaussiankdepredict.md): the weighted Gaussian kernels, in the
// coordinates the covariance's Cholesky factor whitens.
func gaussianKdePredict(env funcs.Env, args []value.Value) (value.Value, error) {
	data, ok1 := pointsOf(funcs.ModelField(args[0], "X"))
	lm, ok2 := funcs.ModelField(args[0], "cov").(*value.Matrix)
	w, ok3 := numbers(funcs.ModelField(args[0], "weights"))
	d := len(data.cols)
	if !ok1 || !ok2 || !ok3 || lm.V.T != value.Double || lm.Rows != d || lm.Cols != d || len(w) != data.n {
		return nil, errBadModel()
	}
	q, ok := pointsOf(args[1])
	if !ok || len(q.cols) != d {
		return nil, ddberr.Errorf("X of gaussianKdePredict must be numeric data without NULL values of the model's dimension.")
	}
	l := colMajor(lm.V.F64, d) // back to row-major
	norm := math.Pow(2*math.Pi, float64(d)/2)
	for i := 0; i < d; i++ {
		norm *= l[i*d+i]
	}
	white := func(p points, i int, z []float64) {
		for a := 0; a < d; a++ {
			s := p.cols[a][i]
			for b := 0; b < a; b++ {
				s -= l[a*d+b] * z[b]
			}
			z[a] = s / l[a*d+a]
		}
	}
	wd := make([]float64, data.n*d)
	for i := 0; i < data.n; i++ {
		white(data, i, wd[i*d:(i+1)*d])
	}
	// Every query point sums over every data point: as many of each as
	// 200K is 4e10 exponentials, so ctx is looked at every few million.
	ctx := funcs.ContextOf(env)
	step := max(1, (1<<22)/max(1, data.n*d))
	z := make([]float64, d)
	out := make([]float64, q.n)
	for k := range out {
		if k%step == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		white(q, k, z)
		s := 0.0
		for i := 0; i < data.n; i++ {
			r := 0.0
			for a, zv := range z {
				t := zv - wd[i*d+a]
				r += t * t
			}
			s += w[i] * math.Exp(-r/2)
		}
		out[k] = s / norm
	}
	return value.NewDoubles(out), nil
}
