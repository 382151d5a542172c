package decomp

import (
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/value/kernel"
)

// The LOESS smoothers of STL, after Cleveland et al.'s reference
// implementation (netlib stl, which R's stl runs): indices are 1-based in
// the comments' formulas and 0-based in the slices.

// loessAt is the local polynomial fit of degree deg at abscissa xs
// (1-based) from y's points nleft..nright (1-based, inclusive) with
// tricube weights over the half-width h (scaled by the robustness
// weights rw when given); w is scratch as long as y. ok is false when no
// point has weight.
func loessAt(y []float64, span, deg int, xs float64, nleft, nright int, w, rw []float64) (ys float64, ok bool) {
	n := len(y)
	rng := float64(n) - 1
	h := max(xs-float64(nleft), float64(nright)-xs)
	if span > n {
		h += float64((span - n) / 2)
	}
	h9, h1 := 0.999*h, 0.001*h
	a := 0.0
	for j := nleft; j <= nright; j++ {
		w[j-1] = 0
		r := math.Abs(float64(j) - xs)
		if r > h9 {
			continue
		}
		if r <= h1 {
			w[j-1] = 1
		} else {
			q := r / h
			q = 1 - q*q*q
			w[j-1] = q * q * q
		}
		if rw != nil {
			w[j-1] *= rw[j-1]
		}
		a += w[j-1]
	}
	if a <= 0 {
		return 0, false
	}
	for j := nleft; j <= nright; j++ {
		w[j-1] /= a
	}
	if h > 0 && deg > 0 {
		// the weighted least-squares line (or parabola) through the
		// window, folded into the weights
		mean := 0.0
		for j := nleft; j <= nright; j++ {
			mean += w[j-1] * float64(j)
		}
		c := 0.0
		for j := nleft; j <= nright; j++ {
			d := float64(j) - mean
			c += w[j-1] * d * d
		}
		if math.Sqrt(c) > 0.001*rng {
			if deg == 1 {
				b := (xs - mean) / c
				for j := nleft; j <= nright; j++ {
					w[j-1] *= b*(float64(j)-mean) + 1
				}
			} else {
				quadraticWeights(w, nleft, nright, mean, c, xs-mean)
			}
		}
	}
	for j := nleft; j <= nright; j++ {
		ys += w[j-1] * y[j-1]
	}
	return ys, true
}

// quadraticWeights turns the normalised weights w into the equivalent
// kernel of a local quadratic fit evaluated at mean+x0: with centred
// abscissae d, the fit's value is sum w*y*(1, d, d^2)·M^-1·(1, x0, x0^2)
// for the weighted moment matrix M. A singular M keeps the linear fit.
func quadraticWeights(w []float64, nleft, nright int, mean, m2, x0 float64) {
	var m3, m4 float64
	for j := nleft; j <= nright; j++ {
		d := float64(j) - mean
		m3 += w[j-1] * d * d * d
		m4 += w[j-1] * d * d * d * d
	}
	// M = [[1, 0, m2], [0, m2, m3], [m2, m3, m4]] (sum w = 1, sum w d = 0)
	det := m2*m4 - m3*m3 - m2*m2*m2
	if math.Abs(det) < 1e-12*max(1, m4*m2) {
		b := x0 / m2
		for j := nleft; j <= nright; j++ {
			w[j-1] *= b*(float64(j)-mean) + 1
		}
		return
	}
	// c = M^-1 (1, x0, x0^2), by the adjugate
	c0 := ((m2*m4 - m3*m3) + x0*(m2*m3) + x0*x0*(-m2*m2)) / det
	c1 := (x0*(m4-m2*m2) + x0*x0*(-m3) + m2*m3) / det
	c2 := (-m2*m2 + x0*(-m3) + x0*x0*m2) / det
	for j := nleft; j <= nright; j++ {
		d := float64(j) - mean
		w[j-1] *= c0 + c1*d + c2*d*d
	}
}

// loess smooths y into ys with windows of span points, fitting every
// jump-th point and interpolating linearly between them; res is scratch
// as long as y.
func loess(y []float64, span, deg, jump int, rw, ys, res []float64) {
	n := len(y)
	if n < 2 {
		ys[0] = y[0]
		return
	}
	fit := func(i, nleft, nright int) {
		v, ok := loessAt(y, span, deg, float64(i), nleft, nright, res, rw)
		if !ok {
			v = y[i-1]
		}
		ys[i-1] = v
	}
	newnj := min(jump, n-1)
	nleft, nright := 1, n
	switch {
	case span >= n:
		for i := 1; i <= n; i += newnj {
			fit(i, 1, n)
		}
	case newnj == 1:
		nsh := (span + 1) / 2
		nleft, nright = 1, span
		for i := 1; i <= n; i++ {
			if i > nsh && nright != n {
				nleft++
				nright++
			}
			fit(i, nleft, nright)
		}
	default:
		nsh := (span + 1) / 2
		for i := 1; i <= n; i += newnj {
			switch {
			case i < nsh:
				nleft, nright = 1, span
			case i >= n-nsh+1:
				nleft, nright = n-span+1, n
			default:
				nleft, nright = i-nsh+1, span+i-nsh
			}
			fit(i, nleft, nright)
		}
	}
	if newnj == 1 {
		return
	}
	for i := 1; i <= n-newnj; i += newnj {
		delta := (ys[i+newnj-1] - ys[i-1]) / float64(newnj)
		for j := i + 1; j <= i+newnj-1; j++ {
			ys[j-1] = ys[i-1] + delta*float64(j-i)
		}
	}
	k := ((n-1)/newnj)*newnj + 1
	if k != n {
		fit(n, nleft, nright)
		if k != n-1 {
			delta := (ys[n-1] - ys[k-1]) / float64(n-k)
			for j := k + 1; j <= n-1; j++ {
				ys[j-1] = ys[k-1] + delta*float64(j-k)
			}
		}
	}
}

// movingAverage writes the means of y's windows of span points to out
// (len(y)-span+1 of them).
func movingAverage(y []float64, span int, out []float64) {
	v := 0.0
	for _, x := range y[:span] {
		v += x
	}
	f := float64(span)
	out[0] = v / f
	for j := 1; j+span <= len(y); j++ {
		v += y[j+span-1] - y[j-1]
		out[j] = v / f
	}
}

// robustnessWeights sets rw from the residuals of fit: bisquare weights
// of the residuals over six times their median absolute value.
func robustnessWeights(y, fit, rw []float64) {
	n := len(y)
	r := make([]float64, n)
	for i := range y {
		r[i] = math.Abs(y[i] - fit[i])
	}
	// The two middle order statistics by selection, not a sort: the
	// robustness passes over 200K points spent half their time sorting.
	sorted := slices.Clone(r)
	mid1 := n / 2
	mid2 := n - mid1 - 1
	if slices.ContainsFunc(sorted, math.IsNaN) {
		slices.Sort(sorted)
	} else {
		kernel.OrderStats(sorted, mid2)
	}
	cmad := 3 * (sorted[mid1] + sorted[mid2])
	c9, c1 := 0.999*cmad, 0.001*cmad
	for i, x := range r {
		switch {
		case x <= c1:
			rw[i] = 1
		case x <= c9:
			q := x / cmad
			q = 1 - q*q
			rw[i] = q * q
		default:
			rw[i] = 0
		}
	}
}
