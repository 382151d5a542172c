package distrib

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// params reads a distribution's leading numeric scalar parameters, named
// as its page names them.
func params(fn string, args []value.Value, names ...string) ([]float64, error) {
	out := make([]float64, len(names))
	for i, name := range names {
		s, ok := funcs.ScalarArg(args[i])
		if !ok || s.Null || !s.T.IsNumeric() {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric scalar.", name, fn)
		}
		out[i] = s.Float64()
	}
	return out, nil
}

// density maps X (a numeric scalar or vector) through f; NULL stays
// NULL, and a NaN result (parameters outside the distribution's domain,
// scipy's NaN) is NULL. The result has X's shape.
func density(fn string, x value.Value, f func(float64) float64) (value.Value, error) {
	switch t := x.(type) {
	case *value.Scalar, *value.Vector:
		if v, ok := funcs.VectorArg(t); ok && funcs.IsNumericVec(v) {
			return funcs.MapDouble(fn, x, f)
		}
	}
	return nil, ddberr.Errorf("The argument [X] of %s must be a numeric scalar or vector.", fn)
}

// dist turns a distribution's parameters, within its domain, into its
// function of x.
type dist func(p []float64) func(float64) float64

// overX is the built-in f(params..., X) of a distribution: it reads the
// numeric scalar parameters named names, broadcasts them over X and maps
// X through the function d makes of them. Parameters outside the domain
// or not finite make every element NULL.
func overX(fn string, names []string, domain func([]float64) bool, d dist) funcs.Impl {
	return func(_ funcs.Env, args []value.Value) (v value.Value, err error) {
		p, err := params(fn, args, names...)
		if err != nil {
			return nil, err
		}
		f := func(float64) float64 { return math.NaN() }
		if finite(p) && domain(p) {
			f = d(p)
		}
		return density(fn, args[len(names)], guarded(f))
	}
}

// guarded makes a NaN of any panic f raises (gonum's special functions
// panic on arguments outside their domain, which the callers rule out;
// this keeps a missed corner from reaching the user as a crash).
func guarded(f func(float64) float64) func(float64) float64 {
	return func(x float64) (r float64) {
		defer func() {
			if recover() != nil {
				r = math.NaN()
			}
		}()
		return f(x)
	}
}

// finite reports whether every parameter is a finite number.
func finite(p []float64) bool {
	for _, x := range p {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return false
		}
	}
	return true
}

// isCount reports whether x is a whole number at least lo (trials, num).
func isCount(x, lo float64) bool {
	return x >= lo && x == math.Trunc(x)
}

// spec is the Spec of a distribution function f(params..., X) whose
// last parameter is named last.
func spec(name string, names []string, last string, domain func([]float64) bool, d dist) funcs.Spec {
	ps := append(append([]string(nil), names...), last)
	return funcs.Spec{Name: name, Params: ps, Min: len(ps), Max: len(ps), Props: funcs.Pure, Category: "statistics", Fn: overX(name, names, domain, d)}
}

// distribution is one of the manual's distributions: its parameters as
// its pages name them, their domain, and what its cdf, inv and rand
// built-ins compute of them (nil where it has no such built-in).
type distribution struct {
	name     string
	params   []string
	domain   func(p []float64) bool
	cdf, inv dist
	rand     sampler
}

// distributions are the distributions with cdf, inv or rand built-ins;
// parameters outside a domain give NULL results (NULL variates too).
var distributions = []distribution{
	{"Beta", []string{"alpha", "beta"}, bothPositive, cdfBeta, invBeta, randBeta},
	{"Binomial", []string{"trials", "p"}, func(p []float64) bool { return isCount(p[0], 0) && p[1] >= 0 && p[1] <= 1 },
		cdfBinomial, invBinomial, randBinomial},
	{"ChiSquare", []string{"df"}, firstPositive, cdfChiSquare, invChiSquare, randChiSquare},
	{"Exp", []string{"mean"}, firstPositive, cdfExp, invExp, randExp},
	{"F", []string{"numeratorDF", "denominatorDF"}, bothPositive, cdfF, invF, randF},
	{"Gamma", []string{"shape", "scale"}, bothPositive, cdfGamma, invGamma, randGamma},
	{"Kolmogorov", nil, func([]float64) bool { return true }, cdfKolmogorov, nil, nil},
	{"Logistic", []string{"mean", "s"}, secondPositive, cdfLogistic, invLogistic, randLogistic},
	{"Normal", []string{"mean", "stdev"}, secondPositive, cdfNormal, invNormal, randNormal},
	{"Poisson", []string{"mean"}, firstPositive, cdfPoisson, invPoisson, randPoisson},
	{"Student", []string{"df"}, firstPositive, cdfStudent, invStudent, randStudent},
	{"Uniform", []string{"lower", "upper"}, func(p []float64) bool { return p[0] < p[1] }, cdfUniform, invUniform, randUniform},
	{"Weibull", []string{"alpha", "beta"}, bothPositive, cdfWeibull, invWeibull, randWeibull},
	{"Zipf", []string{"num", "exponent"}, func(p []float64) bool { return isCount(p[0], 1) && p[1] >= 0 }, cdfZipf, nil, nil},
}

// The domains most distributions share.
func firstPositive(p []float64) bool  { return p[0] > 0 }
func secondPositive(p []float64) bool { return p[1] > 0 }
func bothPositive(p []float64) bool   { return p[0] > 0 && p[1] > 0 }
