package regress

import (
	"context"
	"math"

	"github.com/porpoisedb/porpoise/funcs"
)

// penalty is a penalised linear model's settings: the objective
// (1/2n)·||y - Xw||² + alpha·l1Ratio·||w||₁ + alpha·(1-l1Ratio)/2·||w||²
// for lasso (l1Ratio 1) and elasticNet, ||y - Xw||² + alpha·||w||² for
// ridge, over X centred (and scaled to unit L2 norm with normalize) when
// the model has an intercept.
type penalty struct {
	ridge                          bool
	alpha, l1Ratio                 float64
	intercept, normalize, positive bool
	maxIter                        int
	tol                            float64
}

// penFit is a fitted penalised model: its coefficients on the original
// columns, the intercept, and for coordinate descent the final duality gap
// (divided by the number of rows) and the number of passes.
type penFit struct {
	coef      []float64
	intercept float64
	gap       float64
	iters     int
}

// fitPenalized fits the penalty's model of y on the columns with sample
// weights sw (nil: all 1). As scikit-learn does, the weights are scaled to
// sum to the number of rows and enter as sqrt(w) on each row, after the
// columns are centred on their weighted means.
func fitPenalized(cols [][]float64, y, sw []float64, p penalty) penFit {
	n, k := len(y), len(cols)
	wt := make([]float64, n)
	total := 0.0
	for i := range wt {
		wt[i] = 1
		if sw != nil {
			wt[i] = sw[i]
		}
		total += wt[i]
	}
	if sw != nil && total > 0 && !p.ridge {
		for i := range wt {
			wt[i] *= float64(n) / total
		}
		total = float64(n)
	}
	xoff, scale := make([]float64, k), make([]float64, k)
	yoff := 0.0
	if p.intercept && total > 0 {
		for i, yi := range y {
			yoff += wt[i] * yi
		}
		yoff /= total
		for j, c := range cols {
			s := 0.0
			for i, x := range c {
				s += wt[i] * x
			}
			xoff[j] = s / total
		}
	}
	xc := make([][]float64, k)
	for j, c := range cols {
		col := make([]float64, n)
		ss := 0.0
		for i, x := range c {
			col[i] = x - xoff[j]
			ss += wt[i] * col[i] * col[i]
		}
		scale[j] = 1
		if p.normalize && p.intercept && ss > 0 {
			scale[j] = math.Sqrt(ss)
		}
		for i := range col {
			col[i] *= math.Sqrt(wt[i]) / scale[j]
		}
		xc[j] = col
	}
	yc := make([]float64, n)
	for i, yi := range y {
		yc[i] = (yi - yoff) * math.Sqrt(wt[i])
	}
	var fit penFit
	if p.ridge {
		fit.coef = ridgeSolve(xc, yc, p.alpha)
	} else {
		l1 := p.alpha * p.l1Ratio * float64(n)
		l2 := p.alpha * (1 - p.l1Ratio) * float64(n)
		fit.coef, fit.gap, fit.iters = coordinateDescent(xc, yc, l1, l2, p.maxIter, p.tol, p.positive)
		fit.gap /= float64(n)
	}
	for j := range fit.coef {
		fit.coef[j] /= scale[j]
		fit.intercept -= xoff[j] * fit.coef[j]
	}
	if p.intercept {
		fit.intercept += yoff
	} else {
		fit.intercept = 0
	}
	return fit
}

// ridgeSolve is argmin ||y - Xw||² + alpha·||w||² from the singular value
// decomposition X = U·S·V': w = V·diag(s/(s²+alpha))·U'y, which holds for
// a rank-deficient X too.
func ridgeSolve(cols [][]float64, y []float64, alpha float64) []float64 {
	n, k := len(y), len(cols)
	w := make([]float64, k)
	if n == 0 || k == 0 {
		return w
	}
	x, _, _ := designDense(context.Background(), cols, y, nil)
	u, v, s, cut, ok := thinSVD(x)
	if !ok {
		return w
	}
	for j, sv := range s {
		if sv <= cut {
			continue
		}
		uty := 0.0
		for i := 0; i < n; i++ {
			uty += u.At(i, j) * y[i]
		}
		d := sv / (sv*sv + alpha) * uty
		for i := 0; i < k; i++ {
			w[i] += v.At(i, j) * d
		}
	}
	return w
}

// coordinateDescent minimises (1/2)·||y - Xw||² + l1·||w||₁ + (l2/2)·||w||²
// one coefficient at a time from w = 0 (Friedman, Hastie and Tibshirani's
// coordinate descent). A pass whose largest coefficient change is below
// tol times the largest coefficient (or the last pass) checks the duality
// gap, and the descent stops once the gap is below tol·||y||². positive
// keeps every coefficient non-negative. It returns the coefficients, the
// last gap computed and the number of passes.
func coordinateDescent(cols [][]float64, y []float64, l1, l2 float64, maxIter int, tol float64, positive bool) ([]float64, float64, int) {
	k := len(cols)
	w := make([]float64, k)
	norms := make([]float64, k)
	for j, c := range cols {
		norms[j] = funcs.Dot(c, c)
	}
	r := append([]float64(nil), y...)
	dwTol := tol
	tol *= funcs.Dot(y, y)
	gap := tol + 1
	iter := 0
	for iter = 0; iter < maxIter; iter++ {
		wMax, dwMax := 0.0, 0.0
		for j, c := range cols {
			if norms[j] == 0 {
				continue
			}
			old := w[j]
			if old != 0 {
				axpy(old, c, r)
			}
			t := funcs.Dot(c, r)
			if positive && t < 0 {
				w[j] = 0
			} else {
				w[j] = math.Copysign(math.Max(math.Abs(t)-l1, 0), t) / (norms[j] + l2)
			}
			if w[j] != 0 {
				axpy(-w[j], c, r)
			}
			dwMax = math.Max(dwMax, math.Abs(w[j]-old))
			wMax = math.Max(wMax, math.Abs(w[j]))
		}
		if wMax == 0 || dwMax/wMax < dwTol || iter == maxIter-1 {
			gap = dualityGap(cols, y, r, w, l1, l2, positive)
			if gap < tol {
				break
			}
		}
	}
	return w, gap, min(iter+1, maxIter)
}

// dualityGap is the elastic-net duality gap at w with residuals r.
func dualityGap(cols [][]float64, y, r, w []float64, l1, l2 float64, positive bool) float64 {
	dualNorm := 0.0
	for j, c := range cols {
		xta := funcs.Dot(c, r) - l2*w[j]
		if !positive {
			xta = math.Abs(xta)
		}
		dualNorm = math.Max(dualNorm, xta)
	}
	rNorm2, wNorm2, l1Norm := funcs.Dot(r, r), funcs.Dot(w, w), 0.0
	for _, x := range w {
		l1Norm += math.Abs(x)
	}
	var gap, c float64
	if dualNorm > l1 {
		c = l1 / dualNorm
		gap = 0.5 * (rNorm2 + rNorm2*c*c)
	} else {
		c = 1
		gap = rNorm2
	}
	return gap + l1*l1Norm - c*funcs.Dot(r, y) + 0.5*l2*(1+c*c)*wNorm2
}

// axpy adds a·x to y.
func axpy(a float64, x, y []float64) {
	for i, v := range x {
		y[i] += a * v
	}
}
