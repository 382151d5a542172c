package distrib

import (
	"math"
	"math/rand/v2"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// sampler turns a distribution's parameters, within its domain, and the
// session's random source into a function drawing one variate.
type sampler func(p []float64, r *rand.Rand) func() float64

// randOf is the built-in f(params..., count) of a distribution: count
// DOUBLE variates drawn with the session's random source (the one rand
// and shuffle use, reseeded by setRandomSeed). Parameters outside the
// domain give count NULLs, as the distribution's cdf gives NULL.
func randOf(fn string, names []string, domain func([]float64) bool, s sampler) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		p, err := params(fn, args, names...)
		if err != nil {
			return nil, err
		}
		n, err := funcs.PositiveIntArg(fn, "count", args[len(names)], 0)
		if err != nil {
			return nil, err
		}
		if err := env.Reserve(int(n)); err != nil {
			return nil, err
		}
		out := make([]float64, n)
		if !finite(p) || !domain(p) {
			for i := range out {
				out[i] = value.NullFloat64
			}
		} else {
			draw := s(p, env.Rand())
			for i := range out {
				out[i] = draw()
			}
		}
		return value.NewDoubles(out), nil
	}
}

// randSpec is the Spec of a generator f(params..., count).
func randSpec(name string, names []string, domain func([]float64) bool, s sampler) funcs.Spec {
	ps := append(append([]string(nil), names...), "count")
	return funcs.Spec{Name: name, Params: ps, Min: len(ps), Max: len(ps), Category: "distributions", Fn: randOf(name, names, domain, s)}
}

// The generators, each the sampler of its page's parameters
// (funcs/r/rand*.md) within the domain its entry in distributions
// checks.

func randBeta(p []float64, r *rand.Rand) func() float64 {
	return distuv.Beta{Alpha: p[0], Beta: p[1], Src: r}.Rand
}

func randBinomial(p []float64, r *rand.Rand) func() float64 {
	n, q := p[0], p[1]
	if q == 0 || q == 1 || n == 0 {
		return func() float64 { return n * q }
	}
	if n > 1<<53 {
		// Past 2^53 counts are no longer whole in a float64 and gonum's
		// rejection sampler can loop; the normal approximation is
		// within O(1/sqrt(n)) there.
		mean, sd := n*q, math.Sqrt(n*q*(1-q))
		return func() float64 { return min(n, max(0, math.Round(mean+sd*r.NormFloat64()))) }
	}
	return distuv.Binomial{N: n, P: q, Src: r}.Rand
}

func randChiSquare(p []float64, r *rand.Rand) func() float64 {
	return distuv.ChiSquared{K: p[0], Src: r}.Rand
}

func randExp(p []float64, r *rand.Rand) func() float64 {
	mean := p[0]
	return func() float64 { return mean * r.ExpFloat64() }
}

func randF(p []float64, r *rand.Rand) func() float64 {
	return distuv.F{D1: p[0], D2: p[1], Src: r}.Rand
}

func randGamma(p []float64, r *rand.Rand) func() float64 {
	return distuv.Gamma{Alpha: p[0], Beta: 1 / p[1], Src: r}.Rand
}

// randLogistic inverts the logistic CDF at a uniform variate in (0, 1).
func randLogistic(p []float64, r *rand.Rand) func() float64 {
	mean, s := p[0], p[1]
	return func() float64 {
		u := openUnit(r)
		return mean + s*math.Log(u/(1-u))
	}
}

// openUnit is a uniform variate in (0, 1).
func openUnit(r *rand.Rand) float64 {
	for {
		if u := r.Float64(); u > 0 {
			return u
		}
	}
}

func randNormal(p []float64, r *rand.Rand) func() float64 {
	mean, sd := p[0], p[1]
	return func() float64 { return mean + sd*r.NormFloat64() }
}

func randPoisson(p []float64, r *rand.Rand) func() float64 {
	return distuv.Poisson{Lambda: p[0], Src: r}.Rand
}

func randStudent(p []float64, r *rand.Rand) func() float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: p[0], Src: r}.Rand
}

func randUniform(p []float64, r *rand.Rand) func() float64 {
	lo, hi := p[0], p[1]
	return func() float64 { return lo + r.Float64()*(hi-lo) }
}

func randWeibull(p []float64, r *rand.Rand) func() float64 {
	return distuv.Weibull{K: p[0], Lambda: p[1], Src: r}.Rand
}

// norm is norm(mean, std, count) (funcs/n/norm.md): count normal
// variates, or a rows:cols matrix of them when count is a pair.
func norm(env funcs.Env, args []value.Value) (value.Value, error) {
	if _, err := params("norm", args, "mean", "std"); err != nil {
		return nil, err
	}
	rows, cols, isMatrix := 0, 0, false
	if pr, ok := args[2].(*value.Pair); ok {
		a, okA := pr.V.Elem(0).(*value.Scalar)
		b, okB := pr.V.Elem(1).(*value.Scalar)
		if !okA || !okB || pr.V.T.Category() != value.CatIntegral || a.Null || b.Null || a.I < 1 || b.I < 1 {
			return nil, ddberr.Errorf("The argument [count] of norm must be a positive integer or a pair of positive integers.")
		}
		rows, cols, isMatrix = int(a.I), int(b.I), true
		if rows > math.MaxInt32 || cols > math.MaxInt32 {
			return nil, ddberr.Errorf("The dimensions of matrix must be non-negative and not too large.")
		}
	} else {
		n, err := funcs.IntArg("norm", "count", args[2], 0)
		if err != nil || n < 1 {
			return nil, ddberr.Errorf("The argument [count] of norm must be a positive integer or a pair of positive integers.")
		}
		rows, cols = int(n), 1
	}
	if err := env.Reserve(rows * cols); err != nil {
		return nil, err
	}
	draws, err := randOf("norm", []string{"mean", "std"}, secondPositive, randNormal)(env, []value.Value{args[0], args[1], value.NewLong(int64(rows * cols))})
	if err != nil {
		return nil, err
	}
	v := draws.(*value.Vector)
	if isMatrix {
		return &value.Matrix{V: v, Rows: rows, Cols: cols}, nil
	}
	return v, nil
}

// randDiscrete is randDiscrete(v, p, count) (funcs/r/randDiscrete.md):
// count elements of v (a vector, tuple or array vector) drawn with
// replacement, element i with probability p[i]/sum(p).
func randDiscrete(env funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok || v.Len() == 0 {
		return nil, ddberr.Errorf("The argument [v] of randDiscrete must be a non-empty vector or tuple.")
	}
	pv, ok := args[1].(*value.Vector)
	if !ok || !funcs.IsNumericVec(pv) || pv.T == value.Void {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector.", "p", "randDiscrete")
	}
	if pv.Len() != v.Len() {
		return nil, ddberr.Errorf("The arguments [v] and [p] of randDiscrete must have the same length.")
	}
	ps, err := funcs.DoublesOf("randDiscrete", pv)
	if err != nil {
		return nil, err
	}
	top := 0.0
	for _, x := range ps {
		if funcs.IsNullF(x) || !(x > 0) || math.IsInf(x, 0) {
			return nil, ddberr.Errorf("The probabilities [p] of randDiscrete must be positive.")
		}
		top = max(top, x)
	}
	// p scaled by its largest element so that the sum stays finite.
	cum := make([]float64, len(ps))
	total := 0.0
	for i, x := range ps {
		total += x / top
		cum[i] = total
	}
	n, err := funcs.PositiveIntArg("randDiscrete", "count", args[2], 0)
	if err != nil {
		return nil, err
	}
	if err := env.Reserve(int(n)); err != nil {
		return nil, err
	}
	r := env.Rand()
	idx := make([]int, n)
	last := len(cum) - 1
	for i := range idx {
		u := r.Float64() * total
		lo, hi := 0, last
		for lo < hi {
			mid := (lo + hi) / 2
			if cum[mid] > u {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		idx[i] = lo
	}
	return v.Gather(idx), nil
}

// randMultivariateNormal is randMultivariateNormal(mean, covar, count,
// [sampleAsRow=true]) (funcs/r/randMultivariateNormal.md): count draws
// of mean + L*z, L covar's Cholesky factor and z standard normal, one a
// row of a count x k matrix (one a column with sampleAsRow false).
func randMultivariateNormal(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "randMultivariateNormal"
	mv, ok := args[0].(*value.Vector)
	if !ok || !funcs.IsNumericVec(mv) || mv.T == value.Void || mv.Len() == 0 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector.", "mean", fn)
	}
	mean, err := funcs.DoublesOf(fn, mv)
	if err != nil {
		return nil, err
	}
	k := len(mean)
	cm, ok := args[1].(*value.Matrix)
	if !ok || cm.Rows != k || cm.Cols != k || !funcs.IsNumericVec(cm.V) || cm.V.T == value.Void {
		return nil, ddberr.Errorf("The argument [covar] of randMultivariateNormal must be a k x k numeric matrix, k the length of mean.")
	}
	cov, err := funcs.DoublesOf(fn, cm.V)
	if err != nil {
		return nil, err
	}
	for _, x := range append(mean, cov...) {
		if funcs.IsNullF(x) || math.IsInf(x, 0) || math.IsNaN(x) {
			return nil, ddberr.Errorf("The arguments [mean] and [covar] of randMultivariateNormal must not contain NULL values.")
		}
	}
	in := funcs.ReadArgs(fn, args)
	n := in.PositiveInt("count", args[2], 0)
	asRow := in.Bool("sampleAsRow", in.Arg(3), true)
	if err := in.Err(); err != nil {
		return nil, err
	}
	if int64(k)*n > math.MaxInt32 {
		return nil, ddberr.Errorf("The dimensions of matrix must be non-negative and not too large.")
	}
	if err := env.Reserve(k * int(n)); err != nil {
		return nil, err
	}
	// covar is column-major and symmetric; the Cholesky factorisation
	// reads its upper triangle.
	var chol mat.Cholesky
	if !chol.Factorize(mat.NewSymDense(k, append([]float64(nil), cov...))) {
		return nil, ddberr.Errorf("The matrix is not positive definite.")
	}
	var l mat.TriDense
	chol.LTo(&l)
	r := env.Rand()
	rows, cols := int(n), k
	if !asRow {
		rows, cols = k, int(n)
	}
	out := make([]float64, rows*cols)
	z := make([]float64, k)
	for s := 0; s < int(n); s++ {
		for j := range z {
			z[j] = r.NormFloat64()
		}
		for i := 0; i < k; i++ {
			x := mean[i]
			for j := 0; j <= i; j++ {
				x += l.At(i, j) * z[j]
			}
			// column-major: sample s, coordinate i.
			if asRow {
				out[i*rows+s] = x
			} else {
				out[s*rows+i] = x
			}
		}
	}
	return &value.Matrix{V: value.NewDoubles(out), Rows: rows, Cols: cols}, nil
}
