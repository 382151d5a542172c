package hypotest

import (
	"context"
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

// ols regresses y on the columns cols (each len(y) long), stopping with
// ctx's error when it is cancelled.
func ols(ctx context.Context, y []float64, cols [][]float64) (olsFit, error) {
	r, err := triangular(ctx, y, cols)
	if err != nil {
		return olsFit{}, err
	}
	k := len(cols)
	f := solveTriangular(r, k, len(y))
	f.resid = make([]float64, len(y))
	copy(f.resid, y)
	for j, col := range cols {
		b := f.beta[j]
		for i, x := range col {
			f.resid[i] -= x * b
		}
	}
	f.ssr = 0
	for _, e := range f.resid {
		f.ssr += e * e
	}
	f.setT()
	return f, nil
}

// triangular reduces [cols y] to its (k+1)-square triangular factor R a
// block of rows at a time, so no n-row matrix is ever built. The fit of y
// on any leading run of the columns is read off R (solveTriangular), which
// is what lets a lag search share one reduction.
func triangular(ctx context.Context, y []float64, cols [][]float64) (*mat.Dense, error) {
	n, k := len(y), len(cols)
	w := k + 1
	r := mat.NewDense(w, w, nil)
	buf := make([]float64, (w+olsChunk)*w)
	var qr mat.QR
	var rr mat.Dense
	for start := 0; start < n; start += olsChunk {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		end := min(n, start+olsChunk)
		rows := w + end - start
		a := mat.NewDense(rows, w, buf[:rows*w])
		a.Slice(0, w, 0, w).(*mat.Dense).Copy(r)
		for i := start; i < end; i++ {
			row := buf[(w+i-start)*w : (w+i-start+1)*w]
			for j, c := range cols {
				row[j] = c[i]
			}
			row[k] = y[i]
		}
		qr.Factorize(a)
		rr.Reset()
		qr.RTo(&rr)
		r.Copy(rr.Slice(0, w, 0, w))
	}
	return r, nil
}

// solveTriangular is the fit of y on the first k columns from R, the
// triangular factor of [columns y] (R's last column is Q'y): X's singular
// values and right vectors are those of R's leading k-square block, so
// the pseudo-inverse solution V S^-1 U' (Q'y)[:k] and the coefficients'
// variances diag(V S^-2 V') need no n-row matrix. Its ssr is
// |(Q'y)[:k] - R[:k,:k] beta|^2 plus the squares of Q'y past k, and t is
// left to setT; resid is not made.
func solveTriangular(r *mat.Dense, k, n int) olsFit {
	last, _ := r.Dims()
	last--
	f := olsFit{n: n, beta: make([]float64, k), t: make([]float64, k)}
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
			d += u.At(i, q) * r.At(i, last)
		}
		c[q] = d / s[q]
		inv2[q] = 1 / (s[q] * s[q])
	}
	for a := 0; a < k; a++ {
		var b0, dd float64
		for q := range s {
			b0 += v.At(a, q) * c[q]
			dd += v.At(a, q) * v.At(a, q) * inv2[q]
		}
		f.beta[a] = b0
		// t holds the variance factor until setT scales it.
		f.t[a] = dd
	}
	for i := 0; i < k; i++ {
		e := r.At(i, last)
		for j := i; j < k; j++ {
			e -= r.At(i, j) * f.beta[j]
		}
		f.ssr += e * e
	}
	for i := k; i <= last; i++ {
		f.ssr += r.At(i, last) * r.At(i, last)
	}
	return f
}

// setT turns the variance factors solveTriangular leaves in t into the
// coefficients' t statistics once ssr is final.
func (f *olsFit) setT() {
	if math.IsNaN(f.ssr) {
		return
	}
	sigma2 := f.ssr / float64(f.n-f.rank)
	for a, dd := range f.t {
		f.t[a] = f.beta[a] / math.Sqrt(dd*sigma2)
	}
}

// llf is the maximised Gaussian log-likelihood.
func (f olsFit) llf() float64 {
	n := float64(f.n)
	return -n / 2 * (math.Log(2*math.Pi) + math.Log(f.ssr/n) + 1)
}

// aic and bic count every estimated coefficient (the rank of the design).
func (f olsFit) aic() float64 { return -2*f.llf() + 2*float64(f.rank) }

func (f olsFit) bic() float64 { return -2*f.llf() + math.Log(float64(f.n))*float64(f.rank) }
