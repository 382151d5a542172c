package hypotest

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// refOLS is ols before the lag search shared one reduction: every fit
// reduced its own design. The tests hold the new code to its results.
func refOLS(y []float64, cols [][]float64) olsFit {
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

// refAdfuller is adfuller before the lag search shared one reduction:
// it refitted every lag from scratch.
func refAdfuller(fn string, x []float64, maxLag int, reg, autoLag string) (adfResult, error) {
	var r adfResult
	n := len(x)
	ntrend := len(reg)
	if reg == "n" {
		ntrend = 0
	}
	limit := n/2 - ntrend - 1
	if maxLag < 0 {
		maxLag = int(math.Ceil(12 * math.Pow(float64(n)/100, 0.25)))
		maxLag = min(limit, maxLag)
		if maxLag < 0 {
			return r, ddberr.Errorf("The argument [%s] of %s must hold at least %d non-NULL values.", "X", fn, 2*(ntrend+1))
		}
	} else if maxLag > limit || maxLag > maxADFLag {
		if limit < 0 {
			return r, ddberr.Errorf("The argument [%s] of %s must hold at least %d non-NULL values.", "X", fn, 2*(ntrend+1))
		}
		return r, ddberr.Errorf("The argument [%s] of %s must be between %d and %d.", "maxLag", fn, 0, min(limit, maxADFLag))
	}
	dx := make([]float64, n-1)
	for i := range dx {
		dx[i] = x[i+1] - x[i]
	}
	lag := maxLag
	if autoLag != "max" {
		d := newADFDesign(x, dx, maxLag, maxLag)
		data := append([][]float64{d.level}, d.dlags...)
		tr := trendCols(reg, len(d.endog), data)
		fits := make([]olsFit, maxLag+1)
		for l := 0; l <= maxLag; l++ {
			cols := append(append([][]float64{}, tr...), data[:l+1]...)
			fits[l] = refOLS(d.endog, cols)
		}
		switch autoLag {
		case "aic", "bic":
			best := math.Inf(1)
			lag = 0
			for l, f := range fits {
				ic := f.aic()
				if autoLag == "bic" {
					ic = f.bic()
				}
				if ic < best || l == 0 {
					best, lag = ic, l
				}
			}
			r.icBest = best
		case "tstat":
			const stop = 1.6448536269514722
			for l := maxLag; l >= 0; l-- {
				r.icBest, lag = math.Abs(fits[l].t[len(fits[l].t)-1]), l
				if r.icBest >= stop {
					break
				}
			}
		}
		r.hasIC = true
	}
	d := newADFDesign(x, dx, lag, lag)
	data := append([][]float64{d.level}, d.dlags...)
	f := refOLS(d.endog, append(data, trendCols(reg, len(d.endog), data)...))
	r.stat, r.usedLag, r.nobs = f.t[0], lag, len(d.endog)
	r.p = mackinnonP(r.stat, reg, 1)
	r.crit, _ = mackinnonCrit(reg, 1, float64(r.nobs))
	return r, nil
}

// unitRootSeries are the shapes the lag search meets: a random walk, a
// stationary AR(1), a trending walk and a series with a strong seasonal
// lag (so the search picks a long lag).
func unitRootSeries(n int) map[string][]float64 {
	rng := rand.New(rand.NewPCG(7, 11))
	walk, ar, trend, season := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i := 1; i < n; i++ {
		e := rng.NormFloat64()
		walk[i] = walk[i-1] + e
		ar[i] = 0.5*ar[i-1] + e
		trend[i] = trend[i-1] + 0.3 + e
		season[i] = season[i-1] + e
		if i >= 7 {
			season[i] += 0.8 * (season[i-6] - season[i-7])
		}
	}
	return map[string][]float64{"walk": walk, "ar": ar, "trend": trend, "season": season}
}

// The lag search read off one reduction picks the lag the refits picked
// and gives their statistic and information criterion.
func TestAdfullerMatchesRefits(t *testing.T) {
	for name, x := range unitRootSeries(600) {
		for _, reg := range []string{"c", "ct", "ctt", "n"} {
			for _, autoLag := range []string{"aic", "bic", "tstat", "max"} {
				for _, maxLag := range []int{-1, 0, 3, 40} {
					want, werr := refAdfuller("adfuller", x, maxLag, reg, autoLag)
					got, err := adfuller(context.Background(), "adfuller", x, maxLag, reg, autoLag)
					require.Equal(t, werr, err)
					msg := []any{"%s %s %s %d", name, reg, autoLag, maxLag}
					require.Equal(t, want.usedLag, got.usedLag, msg...)
					require.Equal(t, want.nobs, got.nobs, msg...)
					require.Equal(t, want.hasIC, got.hasIC, msg...)
					require.InEpsilon(t, want.stat, got.stat, 1e-9, msg...)
					require.InEpsilon(t, want.p, got.p, 1e-9, msg...)
					if want.hasIC {
						require.InEpsilon(t, want.icBest, got.icBest, 1e-9, msg...)
					}
				}
			}
		}
	}
}

// A cancelled request stops adfuller and coint in their reductions.
func TestUnitRootStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	x := unitRootSeries(5000)["walk"]
	_, err := adfuller(ctx, "adfuller", x, -1, "c", "aic")
	require.ErrorIs(t, err, context.Canceled)
	_, err = adfuller(ctx, "adfuller", x, 5, "c", "max")
	require.ErrorIs(t, err, context.Canceled)
	env := &fakeenv.Func{Ctx: ctx}
	_, err = adfullerFn(env, []value.Value{value.NewDoubles(x)})
	require.ErrorIs(t, err, context.Canceled)
	_, err = coint(env, []value.Value{value.NewDoubles(x), value.NewDoubles(unitRootSeries(5000)["ar"])})
	require.ErrorIs(t, err, context.Canceled)
}

// Reading a fit on a leading run of the columns off the triangular
// factor of a wider design gives the fit of that run alone, rank-deficient
// designs (a repeated column) included.
func TestSolveTriangularPrefix(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	n := 300
	cols := make([][]float64, 5)
	for j := range cols {
		cols[j] = make([]float64, n)
		for i := range cols[j] {
			cols[j][i] = rng.NormFloat64()
		}
	}
	cols[2] = append([]float64(nil), cols[1]...)
	y := make([]float64, n)
	for i := range y {
		y[i] = cols[0][i] - 2*cols[3][i] + rng.NormFloat64()
	}
	r, err := triangular(context.Background(), y, cols)
	require.NoError(t, err)
	for k := 1; k <= len(cols); k++ {
		want := refOLS(y, cols[:k])
		got := solveTriangular(r, k, n)
		got.setT()
		require.Equal(t, want.rank, got.rank, "k=%d", k)
		require.InEpsilon(t, want.ssr, got.ssr, 1e-10, "k=%d", k)
		for j := range want.beta {
			require.InDelta(t, want.beta[j], got.beta[j], 1e-10, "k=%d beta %d", k, j)
			require.InDelta(t, want.t[j], got.t[j], 1e-8, "k=%d t %d", k, j)
		}
	}
}
