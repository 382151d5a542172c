package optimize

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// brentq finds a root of f in [a, b] by Brent's method (funcs/b/
// brentq.md): inverse quadratic or secant steps kept inside the bracket,
// bisection when they would not shrink it fast enough, until the
// bracket's half-width is below (xtol + rtol*|x|)/2. The result is the
// tuple (status, root): CONVERGED, SIGNERR when f(a) and f(b) have the
// same sign, CONVERR after maxIter iterations. funcDataParam's elements
// follow x in each call of f.
func brentq(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "brentq"
	if !funcs.IsFunction(args[0]) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a function.", "f", fn)
	}
	bound := func(i int, name string) (float64, error) {
		s, ok := args[i].(*value.Scalar)
		if !ok || s.Null || s.T.Category() != value.CatIntegral && s.T.Category() != value.CatFloating {
			return 0, ddberr.Errorf("The argument [%s] of %s must be a numeric scalar.", name, fn)
		}
		return s.Float64(), nil
	}
	a, err := bound(1, "a")
	if err != nil {
		return nil, err
	}
	b, err := bound(2, "b")
	if err != nil {
		return nil, err
	}
	r := funcs.ReadArgs(fn, args)
	xtol := FloatOpt(r, "xtol", 3, 2e-12, positive)
	rtol := FloatOpt(r, "rtol", 4, 4*2.220446049250313e-16, nonNegative)
	maxIter := intOpt(r, "maxIter", 5, 100, 0)
	if err := r.Err(); err != nil {
		return nil, err
	}
	s := &script{env: env, fn: fn, f: args[0]}
	if x := funcs.GivenArg(args, 6); x != nil {
		switch t := x.(type) {
		case *value.Vector:
			for i := range t.Len() {
				s.extra = append(s.extra, t.Elem(i))
			}
		default:
			s.extra = []value.Value{x}
		}
	}
	f := func(x float64) (float64, error) {
		s.fcalls++
		if err := env.Context().Err(); err != nil {
			return 0, err
		}
		r, err := env.Call(s.f, append([]value.Value{value.NewDouble(x)}, s.extra...)...)
		if err != nil {
			return 0, err
		}
		v, ok := numberOf(r)
		if !ok {
			return 0, ddberr.Errorf("The function of %s must return a numeric scalar.", fn)
		}
		return v, nil
	}
	status, root, err := Brent(f, a, b, xtol, rtol, maxIter)
	if err != nil {
		return nil, err
	}
	return value.NewTuple([]value.Value{value.NewString(status), value.NewDouble(root)}), nil
}

// Brent finds a root of f in [a, b], where f changes sign, by Brent's
// method as brentq runs it: status is CONVERGED when the bracket is
// narrower than xtol + rtol*|root|, SIGNERR when f(a) and f(b) have one
// sign, CONVERR when f gives NaN or maxIter iterations did not
// converge. An error of f stops the search.
func Brent(f func(float64) (float64, error), a, b, xtol, rtol float64, maxIter int) (string, float64, error) {
	xpre, xcur := a, b
	fpre, err := f(xpre)
	if err != nil {
		return "", 0, err
	}
	fcur, err := f(xcur)
	if err != nil {
		return "", 0, err
	}
	if fpre*fcur > 0 || math.IsNaN(fpre*fcur) {
		return "SIGNERR", math.NaN(), nil
	}
	if fpre == 0 {
		return "CONVERGED", xpre, nil
	}
	if fcur == 0 {
		return "CONVERGED", xcur, nil
	}
	var xblk, fblk, spre, scur float64
	for range maxIter {
		if fpre != 0 && fcur != 0 && math.Signbit(fpre) != math.Signbit(fcur) {
			xblk, fblk = xpre, fpre
			spre = xcur - xpre
			scur = spre
		}
		if math.Abs(fblk) < math.Abs(fcur) {
			xpre, xcur, xblk = xcur, xblk, xcur
			fpre, fcur, fblk = fcur, fblk, fcur
		}
		delta := (xtol + rtol*math.Abs(xcur)) / 2
		sbis := (xblk - xcur) / 2
		if fcur == 0 || math.Abs(sbis) < delta {
			return "CONVERGED", xcur, nil
		}
		if math.Abs(spre) > delta && math.Abs(fcur) < math.Abs(fpre) {
			var stry float64
			if xpre == xblk {
				stry = -fcur * (xcur - xpre) / (fcur - fpre)
			} else {
				dpre := (fpre - fcur) / (xpre - xcur)
				dblk := (fblk - fcur) / (xblk - xcur)
				stry = -fcur * (fblk*dblk - fpre*dpre) / (dblk * dpre * (fblk - fpre))
			}
			if 2*math.Abs(stry) < min(math.Abs(spre), 3*math.Abs(sbis)-delta) {
				spre, scur = scur, stry
			} else {
				spre, scur = sbis, sbis
			}
		} else {
			spre, scur = sbis, sbis
		}
		xpre, fpre = xcur, fcur
		if math.Abs(scur) > delta {
			xcur += scur
		} else if sbis > 0 {
			xcur += delta
		} else {
			xcur -= delta
		}
		if fcur, err = f(xcur); err != nil {
			return "", 0, err
		}
		if math.IsNaN(fcur) {
			return "CONVERR", xcur, nil
		}
	}
	return "CONVERR", xcur, nil
}
