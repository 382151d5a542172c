package optimize

import (
	"math/rand/v2"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// deArgs reads differentialEvolution's arguments after func.
func deArgs(env funcs.Env, args []value.Value) (deParams, error) {
	const fn = "differentialEvolution"
	p := deParams{maxIter: 1000, popSize: 15, mutLo: 0.5, mutHi: 1, recombination: 0.7, tol: 0.01, polish: true}
	outOfRange := func(name string) error {
		return ddberr.Errorf("The argument [%s] of %s is out of range.", name, fn)
	}
	m, ok := args[1].(*value.Matrix)
	if !ok || m.Cols != 2 || !funcs.IsNumericVec(m.V) {
		return p, ddberr.Errorf("The argument [bounds] of differentialEvolution must be a numeric matrix of N rows and 2 columns.")
	}
	b, err := funcs.DoublesOf(fn, m.V)
	if err != nil {
		return p, err
	}
	p.lo, p.hi = b[:m.Rows], b[m.Rows:]
	for i := range p.lo {
		if funcs.IsNullF(p.lo[i]) || funcs.IsNullF(p.hi[i]) || p.lo[i] > p.hi[i] {
			return p, outOfRange("bounds")
		}
	}
	if x := funcs.GivenArg(args, 2); x != nil {
		v, ok := x.(*value.Vector)
		if !ok || !funcs.IsNumericVec(v) || v.Len() != len(p.lo) {
			return p, ddberr.Errorf("The argument [X0] of differentialEvolution must be a numeric vector with one element per row of bounds.")
		}
		if p.x0, err = funcs.DoublesOf(fn, v); err != nil {
			return p, err
		}
		for i, x := range p.x0 {
			if funcs.IsNullF(x) || x < p.lo[i] || x > p.hi[i] {
				return p, outOfRange("X0")
			}
		}
	}
	r := funcs.ReadArgs(fn, args)
	p.maxIter = intOpt(r, "maxIter", 3, 1000, 0)
	p.popSize = intOpt(r, "popSize", 4, 15, 1)
	if x := r.Given(5); x != nil && r.Err() == nil {
		if p.mutLo, p.mutHi, err = numberPair(x); err != nil || p.mutLo < 0 || p.mutLo > p.mutHi || p.mutHi >= 2 {
			r.Fail(outOfRange("mutation"))
		}
	}
	p.recombination = FloatOpt(r, "recombination", 6, 0.7, func(f float64) bool { return f >= 0 && f <= 1 })
	p.tol = FloatOpt(r, "tol", 7, 0.01, nonNegative)
	p.atol = FloatOpt(r, "atol", 8, 0, nonNegative)
	p.polish = r.Bool("polish", r.Given(9), true)
	seed := r.Int("seed", r.Given(10), -1)
	if err := r.Err(); err != nil {
		return p, err
	}
	if r.Given(10) != nil {
		p.rng = rand.New(rand.NewPCG(uint64(seed), 0))
	} else {
		p.rng = rand.New(rand.NewPCG(env.Rand().Uint64(), env.Rand().Uint64()))
	}
	return p, nil
}

// numberPair reads mutation: a pair (min, max) or one number for both.
func numberPair(x value.Value) (lo, hi float64, err error) {
	var v *value.Vector
	switch t := x.(type) {
	case *value.Pair:
		v = t.V
	case *value.Scalar:
		v = t.Vector()
	}
	if v == nil || !funcs.IsNumericVec(v) {
		return 0, 0, ddberr.Errorf("The argument [%s] of %s is out of range.", "mutation", "differentialEvolution")
	}
	f, err := funcs.DoublesOf("differentialEvolution", v)
	if err != nil || funcs.IsNullF(f[0]) || funcs.IsNullF(f[len(f)-1]) {
		return 0, 0, ddberr.Errorf("The argument [%s] of %s is out of range.", "mutation", "differentialEvolution")
	}
	return f[0], f[len(f)-1], nil
}
