package interp

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// splrep is the cubic B-spline (knots, coefficients, degree) of the data
// (funcs/s/splrep.md, FITPACK's curfit as SciPy's splrep runs it): with
// interior knots t, the least-squares spline on the knots x[0] (4
// times), t, x[last] (4 times); without t, the interpolating spline whose
// interior knots are x[2] .. x[n-3]. The coefficients are padded with 4
// zeros to the knots' length. NULLs count as 0.
func splrep(_ funcs.Env, args []value.Value) (value.Value, error) {
	x, ok := zeroFilled(args[0])
	y, ok2 := zeroFilled(args[1])
	if !ok || !ok2 || len(x) != len(y) {
		return nil, ddberr.Errorf("x and y of splrep must be numeric or temporal vectors of the same length.")
	}
	m := len(x)
	for i := 1; i < m; i++ {
		if x[i] < x[i-1] {
			return nil, ddberr.Errorf("x of splrep must be increasing.")
		}
	}
	var inner []float64
	if tv := funcs.GivenArg(args, 2); tv != nil {
		if inner, ok = zeroFilled(tv); !ok {
			return nil, ddberr.Errorf("The knots t of splrep must satisfy the Schoenberg-Whitney conditions.")
		}
	} else {
		if m < 4 {
			return nil, ddberr.Errorf("x of splrep must hold at least 4 points.")
		}
		inner = x[2 : m-2]
	}
	if m < 4 {
		return nil, ddberr.Errorf("x of splrep must hold at least 4 points.")
	}
	const k = 3
	knots := make([]float64, 0, len(inner)+2*(k+1))
	for range k + 1 {
		knots = append(knots, x[0])
	}
	knots = append(knots, inner...)
	for range k + 1 {
		knots = append(knots, x[m-1])
	}
	for i := 1; i < len(knots); i++ {
		if knots[i] < knots[i-1] || i > k && i < len(knots)-k-1 && !(knots[i] > x[0] && knots[i] < x[m-1]) {
			return nil, ddberr.Errorf("The knots t of splrep must satisfy the Schoenberg-Whitney conditions.")
		}
	}
	nc := len(knots) - k - 1
	if nc > m || !schoenbergWhitney(knots, k, x) {
		return nil, ddberr.Errorf("The knots t of splrep must satisfy the Schoenberg-Whitney conditions.")
	}
	c := bandedLeastSquares(x, y, knots, k, nc)
	coef := make([]float64, len(knots))
	copy(coef, c)
	if !funcs.AllFinite(coef) {
		return nil, ddberr.Errorf("The knots t of splrep must satisfy the Schoenberg-Whitney conditions.")
	}
	return value.NewTuple([]value.Value{value.NewDoubles(knots), value.NewDoubles(coef), value.NewInt(k)}), nil
}

// splev evaluates the B-spline tck = (knots, coefficients, degree) at x
// (funcs/s/splev.md), extending the end pieces outside the knots. NULLs
// count as 0.
func splev(_ funcs.Env, args []value.Value) (value.Value, error) {
	x, ok := zeroFilled(args[0])
	if !ok {
		return nil, ddberr.Errorf("x of splev must be a numeric or temporal vector.")
	}
	tck, ok := args[1].(*value.Vector)
	errTck := ddberr.Errorf("tck of splev must be a tuple (t, c, k) of knots, coefficients and a degree k from 1 to 5.")
	if !ok || tck.T != value.Any || tck.Len() != 3 {
		return nil, errTck
	}
	knots, ok1 := zeroFilled(tck.Any[0])
	coef, ok2 := zeroFilled(tck.Any[1])
	ks, ok3 := tck.Any[2].(*value.Scalar)
	if !ok1 || !ok2 || !ok3 || ks.Null || ks.T.Category() != value.CatIntegral {
		return nil, errTck
	}
	k := int(ks.I)
	n := len(knots)
	if k < 1 || k > 5 || n < 2*(k+1) || len(coef) < n-k-1 {
		return nil, errTck
	}
	for i := 1; i < n; i++ {
		if knots[i] < knots[i-1] {
			return nil, errTck
		}
	}
	out := make([]float64, len(x))
	basis := make([]float64, k+1)
	for i, xi := range x {
		l := span(knots, k, xi)
		bsplineBasis(knots, k, l, xi, basis)
		v := 0.0
		for j, b := range basis {
			v += coef[l-k+j] * b
		}
		out[i] = v
	}
	return value.NewDoubles(funcs.Finite(out)), nil
}

// span is the knot interval l (k <= l <= n-k-2) with t[l] <= x <
// t[l+1], the first or last one outside the knots.
func span(t []float64, k int, x float64) int {
	n := len(t)
	// the last l in k..n-k-2 with l == k or t[l] <= x, by bisection:
	// splrep and splev ask for every point, and the knots may be as
	// many as the points
	lo, hi := k, n-k-2
	for lo < hi {
		mid := int(uint(lo+hi+1) >> 1)
		if x >= t[mid] {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// bsplineBasis fills b with the k+1 B-splines of degree k that are not 0
// on span l, at x (de Boor's recurrence).
func bsplineBasis(t []float64, k, l int, x float64, b []float64) {
	left, right := make([]float64, k+1), make([]float64, k+1)
	b[0] = 1
	for j := 1; j <= k; j++ {
		left[j] = x - t[l+1-j]
		right[j] = t[l+j] - x
		saved := 0.0
		for r := 0; r < j; r++ {
			den := right[r+1] + left[j-r]
			tmp := 0.0
			if den != 0 {
				tmp = b[r] / den
			}
			b[r] = saved + right[r+1]*tmp
			saved = left[j-r] * tmp
		}
		b[j] = saved
	}
}

// zeroFilled reads a numeric or temporal vector as float64s, NULL as 0.
func zeroFilled(x value.Value) ([]float64, bool) {
	v, ok := x.(*value.Vector)
	if !ok || v.T.IsArray() || !(funcs.IsNumericVec(v) || v.T.IsTemporal()) {
		return nil, false
	}
	if v.T.IsTemporal() {
		raw := make([]float64, v.Len())
		for i := range raw {
			s, _ := v.Elem(i).(*value.Scalar)
			if s != nil && !s.Null {
				raw[i] = float64(s.I)
			}
		}
		return raw, true
	}
	d, err := funcs.DoublesOf("", v)
	if err != nil {
		return nil, false
	}
	out := make([]float64, len(d))
	for i, f := range d {
		if !funcs.IsNullF(f) {
			out[i] = f
		}
	}
	return out, true
}

// schoenbergWhitney reports whether increasing points x[i0] < x[i1] < ...
// can be picked, one inside the support of each B-spline (the first and
// last may meet their end knot): the condition for a unique fit.
func schoenbergWhitney(t []float64, k int, x []float64) bool {
	nc := len(t) - k - 1
	i := 0
	for j := range nc {
		for i < len(x) && !(x[i] > t[j] || j == 0 && x[i] >= t[j]) {
			i++
		}
		if i == len(x) || !(x[i] < t[j+k+1] || j == nc-1 && x[i] <= t[j+k+1]) {
			return false
		}
		i++
	}
	return true
}

// bandedLeastSquares is the least-squares fit of y by the nc B-splines
// of degree k on knots at x (FITPACK's curfit): each row of the design
// has only the k+1 splines not 0 at its x, so the rows are rotated one
// at a time (Givens) into an upper-triangular band of width k+1, and
// the coefficients solved back from it: memory nc*(k+1) and time
// m*(k+1)^2, where the dense m x nc design took 320 GB for 200,000
// points. A rank-deficient fit has a zero on the band's diagonal and
// gives non-finite coefficients.
func bandedLeastSquares(x, y, knots []float64, k, nc int) []float64 {
	w := k + 1
	band := make([]float64, nc*w) // band[j*w+d] is R[j][j+d]
	z := make([]float64, nc)
	row := make([]float64, w)
	for i, xi := range x {
		l := span(knots, k, xi)
		bsplineBasis(knots, k, l, xi, row)
		yi := y[i]
		for it := 0; it < w; it++ {
			piv := row[it]
			if piv == 0 {
				continue
			}
			j := l - k + it
			r := band[j*w : j*w+w]
			hyp := math.Hypot(r[0], piv)
			cos, sin := r[0]/hyp, piv/hyp
			r[0] = hyp
			z[j], yi = cos*z[j]+sin*yi, cos*yi-sin*z[j]
			for i2 := it + 1; i2 < w; i2++ {
				t := r[i2-it]
				r[i2-it] = cos*t + sin*row[i2]
				row[i2] = cos*row[i2] - sin*t
			}
		}
	}
	c := make([]float64, nc)
	for j := nc - 1; j >= 0; j-- {
		v := z[j]
		for d := 1; d < w && j+d < nc; d++ {
			v -= band[j*w+d] * c[j+d]
		}
		c[j] = v / band[j*w]
	}
	return c
}
