package optimize

import (
	"math"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// fmin minimises func from X0 by the Nelder-Mead simplex (funcs/f/
// fmin.md, SciPy's fmin): the first simplex moves each coordinate of X0
// by 5% (0.00025 when it is 0); reflection 1, expansion 2, contraction
// 0.5, shrink 0.5; it stops when every vertex is within xtol of the best
// and every value within ftol, or at maxIter iterations or maxFun calls
// (both N*200 by default; when only one is given the other is unbounded).
func fmin(env funcs.Env, args []value.Value) (value.Value, error) {
	r := funcs.ReadArgs("fmin", args)
	s, x0 := startArgs(env, r)
	xtol := FloatOpt(r, "xtol", 2, 1e-4, positive)
	ftol := FloatOpt(r, "ftol", 3, 1e-4, positive)
	// maxIter and maxFun default to N*200 together; one given leaves the
	// other unbounded.
	limit := len(x0) * 200
	if r.Given(4) != nil || r.Given(5) != nil {
		limit = math.MaxInt32
	}
	maxIter := intOpt(r, "maxIter", 4, int64(limit), 0)
	maxFun := intOpt(r, "maxFun", 5, int64(limit), 0)
	if err := r.Err(); err != nil {
		return nil, err
	}
	// the simplex: N+1 vertices of N doubles
	if err := reserveDoubles(env, float64(len(x0)+1)*float64(len(x0))); err != nil {
		return nil, err
	}
	res, err := nelderMead(s, x0, xtol, ftol, maxIter, maxFun)
	if err != nil {
		return nil, err
	}
	return result("xopt", res.x, "fopt", res.f, "iterations", res.iters, "fcalls", s.fcalls, "warnFlag", res.warn), nil
}

type nmResult struct {
	x     []float64
	f     float64
	iters int
	warn  int
}

// SortSimplex orders a simplex's vertices pts by their values vals,
// smallest first, keeping tied vertices in their order.
func SortSimplex(pts [][]float64, vals []float64) {
	idx := make([]int, len(pts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return vals[idx[a]] < vals[idx[b]] })
	ps, vs := make([][]float64, len(pts)), make([]float64, len(pts))
	for i, j := range idx {
		ps[i], vs[i] = pts[j], vals[j]
	}
	copy(pts, ps)
	copy(vals, vs)
}

// nelderMead is the simplex search of fmin. A NULL or NaN value counts
// as +Inf.
func nelderMead(s *script, x0 []float64, xtol, ftol float64, maxIter, maxFun int) (nmResult, error) {
	const rho, chi, psi, sigma = 1.0, 2.0, 0.5, 0.5
	n := len(x0)
	start := s.fcalls
	sawNaN := false
	f := func(x []float64) (float64, error) {
		v, err := s.value(x)
		if math.IsNaN(v) {
			v, sawNaN = math.Inf(1), true
		}
		return v, err
	}
	sim := make([][]float64, n+1)
	fsim := make([]float64, n+1)
	sim[0] = append([]float64(nil), x0...)
	for k := range n {
		y := append([]float64(nil), x0...)
		if y[k] != 0 {
			y[k] *= 1.05
		} else {
			y[k] = 0.00025
		}
		sim[k+1] = y
	}
	var err error
	for k := range sim {
		if fsim[k], err = f(sim[k]); err != nil {
			return nmResult{}, err
		}
	}
	SortSimplex(sim, fsim)
	combine := func(a float64, x []float64, b float64, y []float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = a*x[i] + b*y[i]
		}
		return out
	}
	xbar := make([]float64, n)
	iters := 1
	for s.fcalls-start < maxFun && iters < maxIter {
		if converged(sim, fsim, xtol, ftol) {
			break
		}
		for i := range xbar {
			xbar[i] = 0
			for k := range n {
				xbar[i] += sim[k][i]
			}
			xbar[i] /= float64(n)
		}
		worst := sim[n]
		xr := combine(1+rho, xbar, -rho, worst)
		fxr, err := f(xr)
		if err != nil {
			return nmResult{}, err
		}
		shrink := false
		switch {
		case fxr < fsim[0]:
			xe := combine(1+rho*chi, xbar, -rho*chi, worst)
			fxe, err := f(xe)
			if err != nil {
				return nmResult{}, err
			}
			if fxe < fxr {
				sim[n], fsim[n] = xe, fxe
			} else {
				sim[n], fsim[n] = xr, fxr
			}
		case fxr < fsim[n-1]:
			sim[n], fsim[n] = xr, fxr
		case fxr < fsim[n]:
			xc := combine(1+psi*rho, xbar, -psi*rho, worst)
			fxc, err := f(xc)
			if err != nil {
				return nmResult{}, err
			}
			if fxc <= fxr {
				sim[n], fsim[n] = xc, fxc
			} else {
				shrink = true
			}
		default:
			xcc := combine(1-psi, xbar, psi, worst)
			fxcc, err := f(xcc)
			if err != nil {
				return nmResult{}, err
			}
			if fxcc < fsim[n] {
				sim[n], fsim[n] = xcc, fxcc
			} else {
				shrink = true
			}
		}
		if shrink {
			for j := 1; j <= n; j++ {
				sim[j] = combine(1-sigma, sim[0], sigma, sim[j])
				if fsim[j], err = f(sim[j]); err != nil {
					return nmResult{}, err
				}
			}
		}
		SortSimplex(sim, fsim)
		iters++
	}
	warn := 0
	if s.fcalls-start >= maxFun {
		warn = 1
	} else if iters >= maxIter {
		warn = 2
	}
	if sawNaN && math.IsInf(fsim[0], 1) {
		// every value was NULL: so is the minimum
		fsim[0] = math.NaN()
	}
	return nmResult{x: sim[0], f: fsim[0], iters: iters, warn: warn}, nil
}

// converged is fmin's stopping rule.
func converged(sim [][]float64, fsim []float64, xtol, ftol float64) bool {
	for k := 1; k < len(sim); k++ {
		if !(math.Abs(fsim[0]-fsim[k]) <= ftol) {
			return false
		}
		for i := range sim[k] {
			if math.Abs(sim[k][i]-sim[0][i]) > xtol {
				return false
			}
		}
	}
	return true
}

// brute evaluates func on a grid over ranges (funcs/b/brute.md, SciPy's
// brute): each range is (low, high) or (low, high, num), num points from
// low to high inclusive (ns when left out); the best grid point (the
// first in row-major order) then starts finish(func, x), fmin by
// default, whose xopt and fopt are the result; finish NULL keeps the
// grid point.
func brute(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "brute"
	if !funcs.IsFunction(args[0]) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a function.", "func", fn)
	}
	r := funcs.ReadArgs(fn, args)
	ns := intOpt(r, "ns", 2, 20, 1)
	if err := r.Err(); err != nil {
		return nil, err
	}
	rangesErr := ddberr.Errorf("The argument [ranges] of brute must be a tuple of (low, high) or (low, high, num) tuples.")
	rt, ok := args[1].(*value.Vector)
	if !ok || rt.T != value.Any || rt.Len() == 0 {
		return nil, rangesErr
	}
	n := rt.Len()
	axes := make([][]float64, n)
	total := 1
	for i, rng := range rt.Any {
		d, ok := doublesOf(rng)
		if _, isMatrix := rng.(*value.Matrix); !ok || isMatrix || len(d) != 2 && len(d) != 3 || hasNaN(d) {
			return nil, rangesErr
		}
		num := ns
		if len(d) == 3 {
			if d[2] != math.Trunc(d[2]) || d[2] < 1 {
				return nil, rangesErr
			}
			num = int(d[2])
		}
		if total > 1<<24/num {
			return nil, ddberr.Errorf("The argument [%s] of %s is out of range.", "ns", fn)
		}
		total *= num
		axes[i] = make([]float64, num)
		for k := range num {
			if num == 1 {
				axes[i][k] = d[0]
			} else {
				axes[i][k] = d[0] + float64(k)*(d[1]-d[0])/float64(num-1)
			}
		}
	}
	var finish value.Value
	finishGiven := len(args) > 3
	if finishGiven {
		if !funcs.NullOrAbsent(args[3]) {
			if !funcs.IsFunction(args[3]) {
				return nil, ddberr.Errorf("The argument [%s] of %s must be a function.", "finish", fn)
			}
			finish = args[3]
		}
	}
	s := &script{env: env, fn: fn, f: args[0]}
	idx := make([]int, n)
	x := make([]float64, n)
	best, fbest := make([]float64, n), math.Inf(1)
	found := false
	for range total {
		for i := range x {
			x[i] = axes[i][idx[i]]
		}
		v, err := s.value(x)
		if err != nil {
			return nil, err
		}
		if !found || v < fbest {
			found = !math.IsNaN(v)
			if found {
				copy(best, x)
				fbest = v
			}
		}
		for i := n - 1; i >= 0; i-- {
			idx[i]++
			if idx[i] < len(axes[i]) {
				break
			}
			idx[i] = 0
		}
	}
	if !found {
		fbest = math.NaN()
	}
	if finish == nil && finishGiven {
		return result("xopt", best, "fopt", fbest), nil
	}
	if finish == nil {
		res, err := nelderMead(s, best, 1e-4, 1e-4, n*200, n*200)
		if err != nil {
			return nil, err
		}
		return result("xopt", res.x, "fopt", res.f), nil
	}
	out, err := env.Call(finish, args[0], value.NewDoubles(best))
	if err != nil {
		return nil, err
	}
	d, ok := out.(*value.Dict)
	if !ok {
		return nil, ddberr.Errorf("The finish function of brute must return a dictionary with keys xopt and fopt.")
	}
	xs, okx := doublesOf(funcs.DictField(d, "xopt"))
	fv, okf := numberOf(funcs.DictField(d, "fopt"))
	if !okx || !okf {
		return nil, ddberr.Errorf("The finish function of brute must return a dictionary with keys xopt and fopt.")
	}
	return result("xopt", xs, "fopt", fv), nil
}
