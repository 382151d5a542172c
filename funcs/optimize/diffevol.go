package optimize

import (
	"math"
	"math/rand/v2"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// deParams are differentialEvolution's settings (funcs/d/
// differentialevolution.md, whose defaults are SciPy's).
type deParams struct {
	lo, hi, x0       []float64
	maxIter, popSize int
	mutLo, mutHi     float64
	recombination    float64
	tol, atol        float64
	polish           bool
	rng              *rand.Rand
}

// differentialEvolution minimises func over the box bounds by
// differential evolution (best1bin: each trial is the best member plus a
// dithered difference of two others, crossed with the candidate; trials
// replace their candidate at once when better), stopping when the
// energies' standard deviation is within atol + tol*|mean|, then
// polishing the best member with a bounded L-BFGS when polish is set.
// The population is a Latin hypercube of max(5, popSize*(N-N_equal))
// members, X0 replacing the first.
func differentialEvolution(env funcs.Env, args []value.Value) (value.Value, error) {
	if !funcs.IsFunction(args[0]) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a function.", "func", "differentialEvolution")
	}
	p, err := deArgs(env, args)
	if err != nil {
		return nil, err
	}
	calls := 0
	f := func(x []float64) (float64, error) {
		calls++
		if err := env.Context().Err(); err != nil {
			return 0, err
		}
		r, err := env.Call(args[0], value.NewDoubles(append([]float64(nil), x...)))
		if err != nil {
			return 0, err
		}
		s, ok := r.(*value.Scalar)
		if !ok || s.T.Category() != value.CatIntegral && s.T.Category() != value.CatFloating {
			return 0, ddberr.Errorf("The function of differentialEvolution must return a numeric scalar.")
		}
		if s.Null || math.IsNaN(s.Float64()) {
			return math.Inf(1), nil
		}
		return s.Float64(), nil
	}
	x, fx, iters, converged, err := evolve(f, p)
	if err != nil {
		return nil, err
	}
	if p.polish {
		px, pf, err := minimizeBox(f, x, p.lo, p.hi)
		if err != nil {
			return nil, err
		}
		if pf < fx {
			x, fx = px, pf
		}
	}
	keys := []string{"xopt", "fopt", "iterations", "fcalls", "converged"}
	return funcs.StringDict(keys, []value.Value{
		value.NewDoubles(x), value.NewDouble(fx), value.NewInt(int32(iters)), value.NewInt(int32(calls)), value.NewBool(converged)}), nil
}

// evolve runs the generations and returns the best member, its energy,
// the generations run and whether the population converged.
func evolve(f objective, p deParams) (best []float64, fbest float64, iters int, converged bool, err error) {
	n := len(p.lo)
	varying := 0
	for i := range p.lo {
		if p.lo[i] != p.hi[i] {
			varying++
		}
	}
	m := max(5, p.popSize*max(1, varying))
	// members live in the unit box; scale maps them onto bounds
	pop := make([]float64, m*n)
	latinHypercube(pop, m, n, p.rng)
	if p.x0 != nil {
		for j, x := range p.x0 {
			pop[j] = unscale(x, p.lo[j], p.hi[j])
		}
	}
	member := func(i int) []float64 { return pop[i*n : (i+1)*n] }
	x := make([]float64, n)
	scaled := func(u []float64) []float64 {
		for j := range u {
			x[j] = p.lo[j] + u[j]*(p.hi[j]-p.lo[j])
		}
		return x
	}
	energy := make([]float64, m)
	for i := range m {
		if energy[i], err = f(scaled(member(i))); err != nil {
			return nil, 0, 0, false, err
		}
	}
	promote := func(i int) {
		a, b := member(0), member(i)
		for j := range a {
			a[j], b[j] = b[j], a[j]
		}
		energy[0], energy[i] = energy[i], energy[0]
	}
	lowest := 0
	for i, e := range energy {
		if e < energy[lowest] {
			lowest = i
		}
	}
	promote(lowest)
	trial := make([]float64, n)
	others := make([]int, 0, m)
	for iters = 1; iters <= p.maxIter; iters++ {
		scale := p.mutLo
		if p.mutHi != p.mutLo {
			scale = p.mutLo + p.rng.Float64()*(p.mutHi-p.mutLo)
		}
		for c := range m {
			others = others[:0]
			for i := range m {
				if i != c {
					others = append(others, i)
				}
			}
			p.rng.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
			r0, r1 := member(others[0]), member(others[1])
			copy(trial, member(c))
			fill := p.rng.IntN(n)
			for j := range trial {
				if j == fill || p.rng.Float64() < p.recombination {
					trial[j] = member(0)[j] + scale*(r0[j]-r1[j])
				}
				if trial[j] < 0 || trial[j] > 1 {
					trial[j] = p.rng.Float64()
				}
			}
			e, err := f(scaled(trial))
			if err != nil {
				return nil, 0, 0, false, err
			}
			if e < energy[c] {
				copy(member(c), trial)
				energy[c] = e
				if e < energy[0] {
					promote(c)
				}
			}
		}
		if energiesConverged(energy, p.tol, p.atol) {
			converged = true
			break
		}
	}
	iters = min(iters, p.maxIter)
	return append([]float64(nil), scaled(member(0))...), energy[0], iters, converged, nil
}

// energiesConverged is the stopping rule: stdev(energies) <= atol +
// tol*abs(mean(energies)), never while an energy is infinite.
func energiesConverged(energy []float64, tol, atol float64) bool {
	mean := 0.0
	for _, e := range energy {
		if math.IsInf(e, 0) {
			return false
		}
		mean += e
	}
	mean /= float64(len(energy))
	ss := 0.0
	for _, e := range energy {
		ss += (e - mean) * (e - mean)
	}
	return math.Sqrt(ss/float64(len(energy)-1)) <= atol+tol*math.Abs(mean)
}

// latinHypercube fills pop (m members of n parameters in the unit box)
// with one point per m-th of each parameter's range, in random pairings.
func latinHypercube(pop []float64, m, n int, rng *rand.Rand) {
	seg := 1 / float64(m)
	order := make([]int, m)
	for j := range n {
		for i := range order {
			order[i] = i
		}
		rng.Shuffle(m, func(a, b int) { order[a], order[b] = order[b], order[a] })
		for i, k := range order {
			pop[i*n+j] = seg*rng.Float64() + float64(k)*seg
		}
	}
}

// unscale maps x in lo..hi onto the unit interval.
func unscale(x, lo, hi float64) float64 {
	if hi == lo {
		return 0.5
	}
	return (x - lo) / (hi - lo)
}
