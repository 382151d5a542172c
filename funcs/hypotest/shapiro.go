package hypotest

import (
	"math"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"gonum.org/v1/gonum/stat/distuv"
)

// shapiroTest is shapiroTest(X) (funcs/s/shapiroTest.md): the
// Shapiro-Wilk test of normality, W and its p-value by Royston's (1995)
// approximations, as R's shapiro.test and scipy.stats.shapiro compute
// them. X needs 3 to 5000 non-NULL values.
func shapiroTest(_ funcs.Env, args []value.Value) (value.Value, error) {
	r := funcs.ReadArgs("shapiroTest", args)
	x := sample(r, "X", r.Arg(0), 3)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if len(x) > 5000 {
		return nil, ddberr.Errorf("The argument [X] of shapiroTest must hold at most 5000 values.")
	}
	xs := append([]float64(nil), x...)
	sort.Float64s(xs)
	w, p := shapiroWilk(xs)
	return result(
		entry{"method", value.NewString("Shapiro-Wilk normality test")},
		entry{"pValue", dbl(p)},
		entry{"W", dbl(w)},
	), nil
}

// poly is c[0] + c[1]*x + c[2]*x^2 + ...
func poly(c []float64, x float64) float64 {
	r := 0.0
	for i := len(c) - 1; i >= 0; i-- {
		r = r*x + c[i]
	}
	return r
}

// Royston's (1995) polynomial coefficients: the two largest weights'
// corrections (c1, c2) and the normalising transformation of W for
// n <= 11 (g, c3, c4) and n >= 12 (c5, c6).
var (
	swC1 = []float64{0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056}
	swC2 = []float64{0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633}
	swG  = []float64{-2.273, 0.459}
	swC3 = []float64{0.544, -0.39978, 0.025054, -6.714e-4}
	swC4 = []float64{1.3822, -0.77857, 0.062767, -0.0020322}
	swC5 = []float64{-1.5861, -0.31082, -0.083751, 0.0038915}
	swC6 = []float64{-0.4803, -0.082676, 0.0030302}
)

// shapiroWilk is W and its p-value for the sorted sample xs (3 <= n).
func shapiroWilk(xs []float64) (w, p float64) {
	n := len(xs)
	fn := float64(n)
	mean, _ := meanOf(xs)
	var ss float64
	for _, v := range xs {
		ss += (v - mean) * (v - mean)
	}
	if !(ss > 0) {
		return math.NaN(), math.NaN()
	}
	// a holds the weights of the upper half, a[0] the largest's; the
	// lower half's are their negatives.
	half := n / 2
	a := make([]float64, half)
	if n == 3 {
		a[0] = math.Sqrt(0.5)
	} else {
		m := make([]float64, half)
		var mm float64
		for i := range m {
			m[i] = -distuv.UnitNormal.Quantile((float64(i+1) - 0.375) / (fn + 0.25))
			mm += 2 * m[i] * m[i]
		}
		u := 1 / math.Sqrt(fn)
		rm := math.Sqrt(mm)
		a[0] = m[0]/rm + poly(swC1, u)
		var phi float64
		first := 1
		if n > 5 {
			a[1] = m[1]/rm + poly(swC2, u)
			phi = (mm - 2*m[0]*m[0] - 2*m[1]*m[1]) / (1 - 2*a[0]*a[0] - 2*a[1]*a[1])
			first = 2
		} else {
			phi = (mm - 2*m[0]*m[0]) / (1 - 2*a[0]*a[0])
		}
		for i := first; i < half; i++ {
			a[i] = m[i] / math.Sqrt(phi)
		}
	}
	var s float64
	for i := 0; i < half; i++ {
		s += a[i] * (xs[n-1-i] - xs[i])
	}
	w = min(1, s*s/ss)
	switch {
	case n == 3:
		p = 6 / math.Pi * (math.Asin(math.Sqrt(w)) - math.Pi/3)
		return w, max(0, min(1, p))
	case n <= 11:
		y := math.Log(1 - w)
		gamma := poly(swG, fn)
		if y >= gamma {
			return w, 1e-99
		}
		y = -math.Log(gamma - y)
		z := (y - poly(swC3, fn)) / math.Exp(poly(swC4, fn))
		return w, distuv.UnitNormal.Survival(z)
	}
	ln := math.Log(fn)
	z := (math.Log(1-w) - poly(swC5, ln)) / math.Exp(poly(swC6, ln))
	return w, distuv.UnitNormal.Survival(z)
}
