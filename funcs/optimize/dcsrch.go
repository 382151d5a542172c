package optimize

import "math"

// Moré and Thuente's line search (MINPACK-2's dcsrch and dcstep), the
// first search SciPy's BFGS and Newton-CG try: it keeps an interval of
// uncertainty and picks each trial step by safeguarded cubic or
// quadratic interpolation until a step meets the strong Wolfe
// conditions.

// line is a function along a search direction and its slope.
type line interface {
	phi(alpha float64) (float64, error)
	derphi(alpha float64) (float64, error)
}

// mtOptions are dcsrch's tolerances: xtol, at most maxEval trials, and
// whether a warning (no further progress possible) ends the search with
// the step reached, as L-BFGS-B takes it, rather than failing, as SciPy's
// BFGS does.
type mtOptions struct {
	xtol       float64
	maxEval    int
	acceptWarn bool
}

var scipyMT = mtOptions{xtol: 1e-14, maxEval: 100}

// mtSearch returns a strong Wolfe step for c1, c2 within [stpmin,
// stpmax], starting from stp, with its value; ok is false when the
// search fails.
func mtSearch(l line, phi0, derphi0, stp, c1, c2, stpmin, stpmax float64, o mtOptions) (float64, float64, bool, error) {
	xtol := o.xtol
	if !(stp >= stpmin && stp <= stpmax) || derphi0 >= 0 {
		return 0, 0, false, nil
	}
	s := mtState{
		stage: 1, finit: phi0, ginit: derphi0, gtest: c1 * derphi0,
		width: stpmax - stpmin, stx: 0, fx: phi0, gx: derphi0, sty: 0, fy: phi0, gy: derphi0,
		stmin: 0, stmax: stp + 4*stp,
	}
	s.width1 = s.width / 0.5
	for range o.maxEval {
		f, err := l.phi(stp)
		if err != nil {
			return 0, 0, false, err
		}
		g, err := l.derphi(stp)
		if err != nil {
			return 0, 0, false, err
		}
		if math.IsNaN(f) || math.IsNaN(g) {
			return 0, 0, false, nil
		}
		ftest := s.finit + stp*s.gtest
		if s.stage == 1 && f <= ftest && g >= 0 {
			s.stage = 2
		}
		if f <= ftest && math.Abs(g) <= c2*(-s.ginit) {
			return stp, f, true, nil
		}
		if s.brackt && (stp <= s.stmin || stp >= s.stmax) || s.brackt && s.stmax-s.stmin <= xtol*s.stmax ||
			stp == stpmax && f <= ftest && g <= s.gtest || stp == stpmin && (f > ftest || g >= s.gtest) {
			return stp, f, o.acceptWarn, nil
		}
		if s.stage == 1 && f <= s.fx && f > ftest {
			fm, gm := f-stp*s.gtest, g-s.gtest
			s.fx, s.fy = s.fx-s.stx*s.gtest, s.fy-s.sty*s.gtest
			s.gx, s.gy = s.gx-s.gtest, s.gy-s.gtest
			stp = s.step(stp, fm, gm)
			s.fx, s.fy = s.fx+s.stx*s.gtest, s.fy+s.sty*s.gtest
			s.gx, s.gy = s.gx+s.gtest, s.gy+s.gtest
		} else {
			stp = s.step(stp, f, g)
		}
		if s.brackt {
			if math.Abs(s.sty-s.stx) >= 0.66*s.width1 {
				stp = s.stx + 0.5*(s.sty-s.stx)
			}
			s.width1 = s.width
			s.width = math.Abs(s.sty - s.stx)
			s.stmin, s.stmax = min(s.stx, s.sty), max(s.stx, s.sty)
		} else {
			s.stmin = stp + 1.1*(stp-s.stx)
			s.stmax = stp + 4*(stp-s.stx)
		}
		stp = min(max(stp, stpmin), stpmax)
		if s.brackt && (stp <= s.stmin || stp >= s.stmax) || s.brackt && s.stmax-s.stmin <= xtol*s.stmax {
			stp = s.stx
		}
	}
	return 0, 0, false, nil
}

// mtState is dcsrch's saved state: the best step stx, the other end of
// the interval sty, their values and slopes.
type mtState struct {
	brackt                   bool
	stage                    int
	finit, ginit, gtest      float64
	width, width1            float64
	stx, fx, gx, sty, fy, gy float64
	stmin, stmax             float64
}

// step is dcstep: the next trial from stp (value fp, slope dp), updating
// the interval.
func (s *mtState) step(stp, fp, dp float64) float64 {
	stx, fx, dx := s.stx, s.fx, s.gx
	sty, fy, dy := s.sty, s.fy, s.gy
	stpmin, stpmax := s.stmin, s.stmax
	sgnd := dp * (dx / math.Abs(dx))
	var stpf float64
	switch {
	case fp > fx:
		theta := 3*(fx-fp)/(stp-stx) + dx + dp
		sc := max(math.Abs(theta), math.Abs(dx), math.Abs(dp))
		gamma := sc * math.Sqrt((theta/sc)*(theta/sc)-(dx/sc)*(dp/sc))
		if stp < stx {
			gamma = -gamma
		}
		p := (gamma - dx) + theta
		q := ((gamma - dx) + gamma) + dp
		stpc := stx + p/q*(stp-stx)
		stpq := stx + ((dx/((fx-fp)/(stp-stx)+dx))/2)*(stp-stx)
		if math.Abs(stpc-stx) < math.Abs(stpq-stx) {
			stpf = stpc
		} else {
			stpf = stpc + (stpq-stpc)/2
		}
		s.brackt = true
	case sgnd < 0:
		stpc := cubicStep(stp, fp, dp, stx, fx, dx)
		stpq := stp + (dp/(dp-dx))*(stx-stp)
		if math.Abs(stpc-stp) > math.Abs(stpq-stp) {
			stpf = stpc
		} else {
			stpf = stpq
		}
		s.brackt = true
	case math.Abs(dp) < math.Abs(dx):
		theta := 3*(fx-fp)/(stp-stx) + dx + dp
		sc := max(math.Abs(theta), math.Abs(dx), math.Abs(dp))
		gamma := sc * math.Sqrt(max(0, (theta/sc)*(theta/sc)-(dx/sc)*(dp/sc)))
		if stp > stx {
			gamma = -gamma
		}
		p := (gamma - dp) + theta
		q := (gamma + (dx - dp)) + gamma
		r := p / q
		var stpc float64
		switch {
		case r < 0 && gamma != 0:
			stpc = stp + r*(stx-stp)
		case stp > stx:
			stpc = stpmax
		default:
			stpc = stpmin
		}
		stpq := stp + (dp/(dp-dx))*(stx-stp)
		if s.brackt {
			if math.Abs(stpc-stp) < math.Abs(stpq-stp) {
				stpf = stpc
			} else {
				stpf = stpq
			}
			if stp > stx {
				stpf = min(stp+0.66*(sty-stp), stpf)
			} else {
				stpf = max(stp+0.66*(sty-stp), stpf)
			}
		} else {
			if math.Abs(stpc-stp) > math.Abs(stpq-stp) {
				stpf = stpc
			} else {
				stpf = stpq
			}
			stpf = min(stpmax, stpf)
			stpf = max(stpmin, stpf)
		}
	default:
		switch {
		case s.brackt:
			// 3*(fy-fp)/(stp-sty) is dcstep's 3*(fp-fy)/(sty-stp) to
			// the bit: both operands negated
			stpf = cubicStep(stp, fp, dp, sty, fy, dy)
		case stp > stx:
			stpf = stpmax
		default:
			stpf = stpmin
		}
	}
	if fp > fx {
		s.sty, s.fy, s.gy = stp, fp, dp
	} else {
		if sgnd < 0 {
			s.sty, s.fy, s.gy = stx, fx, dx
		}
		s.stx, s.fx, s.gx = stp, fp, dp
	}
	return stpf
}

// cubicStep is the minimizer of the cubic through the step stp (value
// fp, slope dp) and the step st (value f, slope d), as dcstep computes it
// from stp's side.
func cubicStep(stp, fp, dp, st, f, d float64) float64 {
	theta := 3*(f-fp)/(stp-st) + d + dp
	sc := max(math.Abs(theta), math.Abs(d), math.Abs(dp))
	gamma := sc * math.Sqrt((theta/sc)*(theta/sc)-(d/sc)*(dp/sc))
	if stp > st {
		gamma = -gamma
	}
	p := (gamma - dp) + theta
	q := ((gamma - dp) + gamma) + d
	return stp + p/q*(st-stp)
}

// wolfe12 is SciPy's line search: Moré-Thuente from the step oldPhi0
// suggests, then, when it fails, the bracketing search of wolfeSearch.
func wolfe12(l *lineFunc, phi0, derphi0, oldPhi0, c1, c2, amin, amax float64) (float64, float64, bool, error) {
	alpha1 := firstStep(phi0, derphi0, oldPhi0)
	a, f, ok, err := mtSearch(l, phi0, derphi0, alpha1, c1, c2, amin, amax, scipyMT)
	if err != nil || ok {
		return a, f, ok, err
	}
	return wolfeSearch(l, phi0, derphi0, oldPhi0, c1, c2)
}
