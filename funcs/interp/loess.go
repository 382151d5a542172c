package interp

import (
	"math"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/optimize"
	"github.com/porpoisedb/porpoise/value"
)

// loess smooths Y by local linear regression (funcs/l/loess.md, the
// LOESS of Cleveland as Apache Commons Math's LoessInterpolator runs it)
// and interpolates the smoothed points at the resampled X by the natural
// cubic spline. Each point's regression takes the bandwidth*N nearest
// points with tricube weights scaled by the farthest of them; after each
// pass, points whose residual is large get bisquare robustness weights,
// robustnessIter times or until the median residual is below accuracy.
//
// The window of a point runs from its left end up to, not including, its
// right end: the page's example ([1, 2, 4] smoothed to [1, 2, 2] with
// bandwidth 1) takes that reading.
func loess(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "loess"
	s, err := resampled(env, fn, args)
	if err != nil {
		return nil, err
	}
	r := funcs.ReadArgs(fn, args)
	bandwidth := optimize.FloatOpt(r, "bandwidth", 6, 0.3, func(f float64) bool { return f > 0 && f <= 1 })
	iters := optimize.FloatOpt(r, "robustnessIter", 7, 4, func(f float64) bool { return f >= 0 && f == math.Trunc(f) && f <= 1e6 })
	accuracy := optimize.FloatOpt(r, "accuracy", 8, 1e-12, func(f float64) bool { return f > 0 })
	if err := r.Err(); err != nil {
		return nil, err
	}
	for _, y := range s.y {
		if funcs.IsNullF(y) {
			return nil, ddberr.Errorf("Y of %s must be a numeric vector as long as X.", fn)
		}
	}
	sm, err := loessSmooth(s.x, s.y, bandwidth, int(iters), accuracy)
	if err != nil {
		return nil, err
	}
	return s.result(fn, args, 5, naturalSpline(s.x, sm, s.gx))
}

// loessSmooth is the smoothed value at each x.
func loessSmooth(x, y []float64, bandwidth float64, iters int, accuracy float64) ([]float64, error) {
	n := len(x)
	if n <= 2 {
		return append([]float64(nil), y...), nil
	}
	span := int(bandwidth * float64(n))
	if span < 2 {
		return nil, ddberr.Errorf("The argument [%s] of %s is out of range.", "bandwidth", "loess")
	}
	res := make([]float64, n)
	resid := make([]float64, n)
	robust := make([]float64, n)
	for i := range robust {
		robust[i] = 1
	}
	sorted := make([]float64, n)
	for iter := 0; iter <= iters; iter++ {
		left, right := 0, span-1
		for i := range n {
			xi := x[i]
			if i > 0 && right+1 < n && x[right+1]-xi < xi-x[left] {
				left, right = left+1, right+1
			}
			edge := right
			if xi-x[left] > x[right]-xi {
				edge = left
			}
			denom := math.Abs(1 / (x[edge] - xi))
			var sw, sx, sxx, sy, sxy float64
			for k := left; k < right; k++ {
				dist := math.Abs(x[k] - xi)
				w := tricube(dist*denom) * robust[k]
				sw += w
				sx += x[k] * w
				sxx += x[k] * x[k] * w
				sy += y[k] * w
				sxy += x[k] * y[k] * w
			}
			mx, my, mxy, mxx := sx/sw, sy/sw, sxy/sw, sxx/sw
			beta := 0.0
			if math.Sqrt(math.Abs(mxx-mx*mx)) >= accuracy {
				beta = (mxy - mx*my) / (mxx - mx*mx)
			}
			res[i] = beta*xi + my - beta*mx
			resid[i] = math.Abs(y[i] - res[i])
		}
		if iter == iters {
			break
		}
		copy(sorted, resid)
		sort.Float64s(sorted)
		median := sorted[n/2]
		if math.Abs(median) < accuracy {
			break
		}
		for i, r := range resid {
			a := r / (6 * median)
			if a >= 1 {
				robust[i] = 0
			} else {
				robust[i] = (1 - a*a) * (1 - a*a)
			}
		}
	}
	return res, nil
}

// tricube is (1 - |x|^3)^3 within -1..1, else 0.
func tricube(x float64) float64 {
	a := math.Abs(x)
	if !(a < 1) {
		return 0
	}
	t := 1 - a*a*a
	return t * t * t
}
