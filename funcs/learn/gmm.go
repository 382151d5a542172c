package learn

import (
	"math"
	"math/rand/v2"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// gmm fits a Gaussian mixture of k components by expectation
// maximisation (funcs/g/gmm.md). X is a vector (one-dimensional data), a
// matrix whose columns are the samples, or a table whose rows are. The
// components start from mean (else k samples drawn at random), sigma
// (else variance 1 or the identity) and equal priors; EM stops when the
// log-likelihood changes by less than tolerance or after maxIter passes.
func gmm(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "gmm"
	samples, dims, univariate, err := gmmSamples(args[0])
	if err != nil {
		return nil, err
	}
	n := len(samples)
	r := funcs.ReadArgs(fn, args)
	k := int(min(r.PositiveInt("k", args[1], 0), int64(n)+1))
	if r.Err() == nil && k > n {
		r.Bad("k", "a positive integer no greater than the number of samples")
	}
	maxIter := int(min(r.PositiveInt("maxIter", r.Given(2), 300), 1<<30))
	tol := r.Number("tolerance", r.Given(3), 1e-4, func(f float64) bool { return f >= 0 }, "a non-negative number")
	seed := uint64(time.Now().UnixNano())
	if v := r.Given(4); v != nil {
		seed = uint64(r.Int("randomSeed", v, 0))
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	means := make([][]float64, k)
	if v := funcs.GivenArg(args, 5); v != nil {
		if means, err = gmmMeans(v, k, dims, univariate); err != nil {
			return nil, err
		}
	} else {
		rng := rand.New(rand.NewPCG(seed, 0x676d6d))
		for c, i := range rng.Perm(n)[:k] {
			means[c] = append([]float64(nil), samples[i]...)
		}
	}
	covs := make([]*mat.SymDense, k)
	if v := funcs.GivenArg(args, 6); v != nil {
		if covs, err = gmmSigmas(v, k, dims, univariate); err != nil {
			return nil, err
		}
	} else {
		for c := range covs {
			covs[c] = mat.NewSymDense(dims, nil)
			for d := 0; d < dims; d++ {
				covs[c].SetSym(d, d, 1)
			}
		}
	}
	if err := env.Reserve(n * k); err != nil {
		return nil, err
	}
	prior := make([]float64, k)
	for c := range prior {
		prior[c] = 1 / float64(k)
	}
	resp := make([][]float64, n)
	for i := range resp {
		resp[i] = make([]float64, k)
	}
	prevLL := math.Inf(-1)
	for iter := 0; iter < maxIter; iter++ {
		if err := env.Context().Err(); err != nil {
			return nil, err
		}
		// E step: each sample's responsibilities, and the log-likelihood
		ll, ok := gmmExpect(samples, means, covs, prior, resp)
		if !ok {
			break
		}
		// M step
		for c := 0; c < k; c++ {
			nc := 0.0
			mu := make([]float64, dims)
			for i, x := range samples {
				nc += resp[i][c]
				for d := range mu {
					mu[d] += resp[i][c] * x[d]
				}
			}
			if nc <= 0 {
				continue
			}
			for d := range mu {
				mu[d] /= nc
			}
			cov := mat.NewSymDense(dims, nil)
			for i, x := range samples {
				for a := 0; a < dims; a++ {
					for b := a; b < dims; b++ {
						cov.SetSym(a, b, cov.At(a, b)+resp[i][c]*(x[a]-mu[a])*(x[b]-mu[b]))
					}
				}
			}
			cov.ScaleSym(1/nc, cov)
			means[c], covs[c], prior[c] = mu, cov, nc/float64(n)
		}
		if math.Abs(ll-prevLL) < tol {
			break
		}
		prevLL = ll
	}
	keys := []string{"modelName", "prior", "mean", "sigma"}
	var meanV, sigmaV value.Value
	if univariate {
		mu, sd := make([]float64, k), make([]float64, k)
		for c := range mu {
			mu[c], sd[c] = means[c][0], covs[c].At(0, 0)
		}
		meanV, sigmaV = value.NewDoubles(funcs.Finite(mu)), value.NewDoubles(funcs.Finite(sd))
	} else {
		// a column per component, as the page's mean argument
		meanV = matrixOf(transpose(means, dims), k)
		ms := make([]value.Value, k)
		for c, cov := range covs {
			rows := make([][]float64, dims)
			for a := range rows {
				rows[a] = make([]float64, dims)
				for b := range rows[a] {
					rows[a][b] = cov.At(a, b)
				}
			}
			ms[c] = matrixOf(rows, dims)
		}
		sigmaV = value.NewTuple(ms)
	}
	return funcs.StringDict(keys, []value.Value{value.NewString("Gaussian Mixture Model"), value.NewDoubles(funcs.Finite(prior)), meanV, sigmaV}), nil
}

// gmmExpect fills resp with each sample's posterior over the components
// and returns the data's log-likelihood; ok is false when a covariance is
// singular.
func gmmExpect(samples, means [][]float64, covs []*mat.SymDense, prior []float64, resp [][]float64) (ll float64, ok bool) {
	k, dims := len(means), len(means[0])
	chols := make([]mat.Cholesky, k)
	logNorm := make([]float64, k)
	for c := range covs {
		if !chols[c].Factorize(covs[c]) {
			return 0, false
		}
		logNorm[c] = math.Log(prior[c]) - 0.5*(float64(dims)*math.Log(2*math.Pi)+chols[c].LogDet())
	}
	diff := mat.NewVecDense(dims, nil)
	var sol mat.VecDense
	for i, x := range samples {
		best := math.Inf(-1)
		for c := range means {
			for d := range x {
				diff.SetVec(d, x[d]-means[c][d])
			}
			if err := chols[c].SolveVecTo(&sol, diff); err != nil {
				return 0, false
			}
			resp[i][c] = logNorm[c] - 0.5*mat.Dot(diff, &sol)
			best = math.Max(best, resp[i][c])
		}
		// log-sum-exp keeps far samples from underflowing to 0
		s := 0.0
		for c := range resp[i] {
			resp[i][c] = math.Exp(resp[i][c] - best)
			s += resp[i][c]
		}
		for c := range resp[i] {
			resp[i][c] /= s
		}
		ll += best + math.Log(s)
	}
	return ll / float64(len(samples)), true
}

// gmmSamples reads X as samples of equal dimension.
func gmmSamples(x value.Value) (samples [][]float64, dims int, univariate bool, err error) {
	bad := funcs.BadArg("gmm", "X", "a numeric vector, matrix or table without NULL values")
	switch t := x.(type) {
	case *value.Vector:
		xs, ok := floats(t)
		if !ok || len(xs) == 0 || t.HasNull() {
			return nil, 0, false, bad
		}
		samples = make([][]float64, len(xs))
		for i, v := range xs {
			samples[i] = []float64{v}
		}
		return samples, 1, true, nil
	case *value.Matrix:
		rows, cols, ok := matrixRows(t)
		if !ok || t.V.HasNull() || cols == 0 || len(rows) == 0 {
			return nil, 0, false, bad
		}
		// each column is a sample
		return transpose(rows, cols), len(rows), false, nil
	case *value.Table:
		cols, _, err := features("gmm", "X", t)
		if err != nil || len(cols[0]) == 0 {
			return nil, 0, false, bad
		}
		return transpose(cols, len(cols[0])), len(cols), false, nil
	}
	return nil, 0, false, bad
}

// gmmMeans reads the initial means: k numbers for one-dimensional data,
// else a dims×k matrix, a column per component.
func gmmMeans(v value.Value, k, dims int, univariate bool) ([][]float64, error) {
	if univariate {
		xs, ok := kNumbers(v, k)
		if !ok {
			return nil, funcs.BadArg("gmm", "mean", "a vector of k numbers")
		}
		out := make([][]float64, k)
		for c, x := range xs {
			out[c] = []float64{x}
		}
		return out, nil
	}
	m, ok := v.(*value.Matrix)
	if !ok {
		return nil, funcs.BadArg("gmm", "mean", "a matrix with k columns and a row per dimension of X")
	}
	rows, cols, ok2 := matrixRows(m)
	if !ok2 || cols != k || len(rows) != dims || m.V.HasNull() {
		return nil, funcs.BadArg("gmm", "mean", "a matrix with k columns and a row per dimension of X")
	}
	return transpose(rows, k), nil
}

// kNumbers is v's numbers where v is a vector of k of them, none NULL.
func kNumbers(v value.Value, k int) ([]float64, bool) {
	vec, ok := v.(*value.Vector)
	if !ok {
		return nil, false
	}
	xs, ok := floats(vec)
	return xs, ok && len(xs) == k && !vec.HasNull()
}

// gmmSigmas reads the initial (co)variances: k positive numbers, or a
// tuple of k symmetric dims×dims matrices.
func gmmSigmas(v value.Value, k, dims int, univariate bool) ([]*mat.SymDense, error) {
	out := make([]*mat.SymDense, k)
	if univariate {
		xs, ok := kNumbers(v, k)
		if !ok {
			return nil, funcs.BadArg("gmm", "sigma", "a vector of k positive numbers")
		}
		for c, x := range xs {
			if !(x > 0) {
				return nil, funcs.BadArg("gmm", "sigma", "a vector of k positive numbers")
			}
			out[c] = mat.NewSymDense(1, []float64{x})
		}
		return out, nil
	}
	bad := funcs.BadArg("gmm", "sigma", "a tuple of k symmetric matrices with a row and a column per dimension of X")
	tup, ok := v.(*value.Vector)
	if !ok || tup.T != value.Any || len(tup.Any) != k {
		return nil, bad
	}
	for c, item := range tup.Any {
		rows, cols, ok := matrixRows(item)
		if !ok || cols != dims || len(rows) != dims {
			return nil, bad
		}
		s := mat.NewSymDense(dims, nil)
		for a := 0; a < dims; a++ {
			for b := 0; b < dims; b++ {
				if rows[a][b] != rows[b][a] || math.IsNaN(rows[a][b]) {
					return nil, bad
				}
				s.SetSym(a, b, rows[a][b])
			}
		}
		out[c] = s
	}
	return out, nil
}
