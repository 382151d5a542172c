package hypotest

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// olsFit is an ordinary least-squares fit as the unit-root tests need
// it: coefficients, their t statistics, the residuals and the Gaussian
// log-likelihood. The design's singular values below 1e-15 of the
// largest are dropped (the pseudo-inverse solution).
type olsFit struct {
	beta, t, resid []float64
	ssr            float64
	n, rank        int
}

// olsChunk is how many rows the QR reduction takes at a time; the memory
// of a fit is O(olsChunk * columns), whatever the sample's length.
const olsChunk = 1024

// ols regresses y on the columns cols (each len(y) long). The design and
// y are reduced to the triangular factor R of [X y] a block of rows at a
// time; X's singular values and right vectors are those of R's leading
// block, so the pseudo-inverse solution V S^-1 U' (Q'y) and the
// coefficients' variances diag(V S^-2 V') need no n-row matrix.
func ols(y []float64, cols [][]float64) olsFit {
	n, k := len(y), len(cols)
	w := k + 1
	f := olsFit{n: n, beta: make([]float64, k), t: make([]float64, k), resid: make([]float64, n)}
	r := mat.NewDense(w, w, nil)
	for start := 0; start < n; start += olsChunk {
		end := min(n, start+olsChunk)
		a := mat.NewDense(w+end-start, w, nil)
		a.Slice(0, w, 0, w).(*mat.Dense).Copy(r)
		for i := start; i < end; i++ {
			for j, c := range cols {
				a.Set(w+i-start, j, c[i])
			}
			a.Set(w+i-start, k, y[i])
		}
		var qr mat.QR
		qr.Factorize(a)
		var rr mat.Dense
		qr.RTo(&rr)
		r.Copy(rr.Slice(0, w, 0, w))
	}
	var svd mat.SVD
	if k == 0 || !svd.Factorize(r.Slice(0, k, 0, k), mat.SVDFull) {
		for j := range f.beta {
			f.beta[j], f.t[j] = math.NaN(), math.NaN()
		}
		f.ssr = math.NaN()
		return f
	}
	s := svd.Values(nil)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	smax := s[0]
	rankTol := smax * float64(max(n, k)) * 2.220446049250313e-16
	// c = S^-1 U' Q'y over the kept singular values.
	c := make([]float64, k)
	inv2 := make([]float64, k)
	for q := range s {
		if s[q] > rankTol {
			f.rank++
		}
		if s[q] <= 1e-15*smax {
			continue
		}
		var d float64
		for i := 0; i < k; i++ {
			d += u.At(i, q) * r.At(i, k)
		}
		c[q] = d / s[q]
		inv2[q] = 1 / (s[q] * s[q])
	}
	var d2 []float64
	for a := 0; a < k; a++ {
		var b0, dd float64
		for q := range s {
			b0 += v.At(a, q) * c[q]
			dd += v.At(a, q) * v.At(a, q) * inv2[q]
		}
		f.beta[a] = b0
		d2 = append(d2, dd)
	}
	copy(f.resid, y)
	for j, col := range cols {
		b := f.beta[j]
		for i, x := range col {
			f.resid[i] -= x * b
		}
	}
	for _, e := range f.resid {
		f.ssr += e * e
	}
	sigma2 := f.ssr / float64(n-f.rank)
	for a := 0; a < k; a++ {
		f.t[a] = f.beta[a] / math.Sqrt(d2[a]*sigma2)
	}
	return f
}

// llf is the maximised Gaussian log-likelihood.
func (f olsFit) llf() float64 {
	n := float64(f.n)
	return -n / 2 * (math.Log(2*math.Pi) + math.Log(f.ssr/n) + 1)
}

// aic and bic count every estimated coefficient (the rank of the design).
func (f olsFit) aic() float64 { return -2*f.llf() + 2*float64(f.rank) }

func (f olsFit) bic() float64 { return -2*f.llf() + math.Log(float64(f.n))*float64(f.rank) }
