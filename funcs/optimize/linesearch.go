package optimize

import (
	"math"

	"github.com/porpoisedb/porpoise/funcs"
)

// The strong Wolfe line search of fminBFGS and fminNCG (Nocedal and
// Wright, Algorithms 3.5 and 3.6): steps grow by doubling until one
// brackets an acceptable step, then zoom narrows the bracket by cubic
// interpolation (quadratic, then bisection, when the cubic lands too
// near an end).

// lineFunc evaluates f and its gradient along x + alpha*p.
type lineFunc struct {
	s      *script
	x, p   []float64
	eps    float64
	xt, gt []float64
	// the point whose gradient gt holds
	gAlpha float64
	gValid bool
	lastA  float64
	lastF  float64
}

func newLineFunc(s *script, x, p []float64, eps float64) *lineFunc {
	return &lineFunc{s: s, x: x, p: p, eps: eps, xt: make([]float64, len(x)), gt: make([]float64, len(x)), lastA: math.NaN()}
}

func (l *lineFunc) at(alpha float64) []float64 {
	for i := range l.xt {
		l.xt[i] = l.x[i] + alpha*l.p[i]
	}
	return l.xt
}

func (l *lineFunc) phi(alpha float64) (float64, error) {
	f, err := l.s.value(l.at(alpha))
	l.lastA, l.lastF = alpha, f
	return f, err
}

func (l *lineFunc) derphi(alpha float64) (float64, error) {
	fx := l.lastF
	if alpha != l.lastA && l.s.grad == nil {
		var err error
		if fx, err = l.s.value(l.at(alpha)); err != nil {
			return 0, err
		}
	}
	if err := l.s.gradient(l.at(alpha), fx, l.eps, l.gt); err != nil {
		return 0, err
	}
	l.gAlpha, l.gValid = alpha, true
	return funcs.Dot(l.gt, l.p), nil
}

// firstStep is the step a line search tries first: SciPy's guess from
// the decrease of the previous iteration (oldPhi0, NaN when unknown),
// at most 1.
func firstStep(phi0, derphi0, oldPhi0 float64) float64 {
	if math.IsNaN(oldPhi0) || derphi0 == 0 {
		return 1
	}
	alpha1 := min(1, 1.01*2*(phi0-oldPhi0)/derphi0)
	if alpha1 < 0 || math.IsNaN(alpha1) {
		return 1
	}
	return alpha1
}

// wolfeSearch returns a step meeting the strong Wolfe conditions with
// c1 and c2, its value, and whether one was found; oldPhi0 (NaN when
// unknown) guesses the first step.
func wolfeSearch(l *lineFunc, phi0, derphi0, oldPhi0, c1, c2 float64) (float64, float64, bool, error) {
	alpha1 := firstStep(phi0, derphi0, oldPhi0)
	alpha0, phiA0, derphiA0 := 0.0, phi0, derphi0
	phiA1, err := l.phi(alpha1)
	if err != nil {
		return 0, 0, false, err
	}
	for i := 0; i < 10; i++ {
		if alpha1 == 0 {
			return 0, 0, false, nil
		}
		if phiA1 > phi0+c1*alpha1*derphi0 || phiA1 >= phiA0 && i > 0 || math.IsNaN(phiA1) {
			return zoom(l, alpha0, alpha1, phiA0, phiA1, derphiA0, phi0, derphi0, c1, c2)
		}
		derphiA1, err := l.derphi(alpha1)
		if err != nil {
			return 0, 0, false, err
		}
		if math.Abs(derphiA1) <= -c2*derphi0 {
			return alpha1, phiA1, true, nil
		}
		if derphiA1 >= 0 {
			return zoom(l, alpha1, alpha0, phiA1, phiA0, derphiA1, phi0, derphi0, c1, c2)
		}
		alpha0, phiA0, derphiA0 = alpha1, phiA1, derphiA1
		alpha1 *= 2
		if phiA1, err = l.phi(alpha1); err != nil {
			return 0, 0, false, err
		}
	}
	return 0, 0, false, nil
}

// zoom narrows [lo, hi] (lo the better end) to a strong Wolfe step.
func zoom(l *lineFunc, aLo, aHi, phiLo, phiHi, derphiLo, phi0, derphi0, c1, c2 float64) (float64, float64, bool, error) {
	phiRec, aRec := phi0, 0.0
	for i := 0; i <= 10; i++ {
		d := aHi - aLo
		a, b := min(aLo, aHi), max(aLo, aHi)
		aj, ok := 0.0, false
		if i > 0 {
			aj, ok = cubicMin(aLo, phiLo, derphiLo, aHi, phiHi, aRec, phiRec)
			if ok && (aj > b-0.2*d || aj < a+0.2*d) {
				ok = false
			}
		}
		if !ok {
			aj, ok = quadMin(aLo, phiLo, derphiLo, aHi, phiHi)
			if !ok || aj > b-0.1*d || aj < a+0.1*d {
				aj = aLo + 0.5*d
			}
		}
		phiJ, err := l.phi(aj)
		if err != nil {
			return 0, 0, false, err
		}
		if phiJ > phi0+c1*aj*derphi0 || phiJ >= phiLo || math.IsNaN(phiJ) {
			phiRec, aRec = phiHi, aHi
			aHi, phiHi = aj, phiJ
			continue
		}
		derphiJ, err := l.derphi(aj)
		if err != nil {
			return 0, 0, false, err
		}
		if math.Abs(derphiJ) <= -c2*derphi0 {
			return aj, phiJ, true, nil
		}
		if derphiJ*(aHi-aLo) >= 0 {
			phiRec, aRec = phiHi, aHi
			aHi, phiHi = aLo, phiLo
		} else {
			phiRec, aRec = phiLo, aLo
		}
		aLo, phiLo, derphiLo = aj, phiJ, derphiJ
	}
	return 0, 0, false, nil
}

// cubicMin is the minimiser of the cubic through (a, fa) with slope fpa
// at a, (b, fb) and (c, fc).
func cubicMin(a, fa, fpa, b, fb, c, fc float64) (float64, bool) {
	db, dc := b-a, c-a
	denom := db * db * dc * dc * (db - dc)
	if denom == 0 {
		return 0, false
	}
	r1, r2 := fb-fa-fpa*db, fc-fa-fpa*dc
	A := (dc*dc*r1 - db*db*r2) / denom
	B := (-dc*dc*dc*r1 + db*db*db*r2) / denom
	radical := B*B - 3*A*fpa
	x := a + (-B+math.Sqrt(radical))/(3*A)
	return x, !math.IsNaN(x) && !math.IsInf(x, 0)
}

// quadMin is the minimiser of the parabola through (a, fa) with slope
// fpa at a and (b, fb).
func quadMin(a, fa, fpa, b, fb float64) (float64, bool) {
	db := b - a
	B := (fb - fa - fpa*db) / (db * db)
	x := a - fpa/(2*B)
	return x, !math.IsNaN(x) && !math.IsInf(x, 0)
}
