package hypotest

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// olsRef is a least-squares fit worked out from its definition on the
// whole n-row design, sharing nothing with the blockwise QR reduction that
// ols and solveTriangular use.
type olsRef struct {
	beta, t, resid []float64
	ssr            float64
	rank           int
}

// refOLS fits y on cols through the thin SVD of the full design X = U S V':
// beta is the pseudo-inverse solution V S^+ U'y (singular values up to
// 1e-15 of the largest dropped, as olsFit documents), the rank counts
// those above largest*max(n,k)*eps (numpy's matrix_rank), and the
// variances are sigma^2 diag((X'X)^+) with sigma^2 = ssr/(n-rank).
func refOLS(y []float64, cols [][]float64) olsRef {
	n, k := len(y), len(cols)
	f := olsRef{beta: make([]float64, k), t: make([]float64, k)}
	nan := func() olsRef {
		for j := range f.beta {
			f.beta[j], f.t[j] = math.NaN(), math.NaN()
		}
		f.ssr = math.NaN()
		return f
	}
	if k == 0 {
		return nan()
	}
	x := mat.NewDense(n, k, nil)
	for j, c := range cols {
		x.SetCol(j, c)
	}
	var svd mat.SVD
	if !svd.Factorize(x, mat.SVDThin) {
		return nan()
	}
	s := svd.Values(nil)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	// sPlus and sPlus2 are the diagonals of S^+ and (S^+)^2.
	sPlus, sPlus2 := mat.NewDiagDense(k, nil), mat.NewDiagDense(k, nil)
	for q, sv := range s {
		if sv > s[0]*float64(max(n, k))*2.220446049250313e-16 {
			f.rank++
		}
		if sv > 1e-15*s[0] {
			sPlus.SetDiag(q, 1/sv)
			sPlus2.SetDiag(q, 1/(sv*sv))
		}
	}
	var uty, sut, beta mat.VecDense
	uty.MulVec(u.T(), mat.NewVecDense(n, append([]float64(nil), y...)))
	sut.MulVec(sPlus, &uty)
	beta.MulVec(&v, &sut)
	var xb mat.VecDense
	xb.MulVec(x, &beta)
	f.resid = make([]float64, n)
	for i := range y {
		f.resid[i] = y[i] - xb.AtVec(i)
		f.ssr += f.resid[i] * f.resid[i]
	}
	var vs, xtxPlus mat.Dense
	vs.Mul(&v, sPlus2)
	xtxPlus.Mul(&vs, v.T())
	sigma2 := f.ssr / float64(n-f.rank)
	for j := range f.beta {
		f.beta[j] = beta.AtVec(j)
		f.t[j] = f.beta[j] / math.Sqrt(sigma2*xtxPlus.At(j, j))
	}
	return f
}

// adfRef is what refADF finds: the test statistic, the lag, the rows of
// the final regression and the best criterion of the lag search.
type adfRef struct {
	stat, icBest float64
	lag, nobs    int
	hasIC        bool
}

// refADF is the augmented Dickey-Fuller test from its definition, as
// statsmodels' adfuller states it: the regression of dx[t] on the trend
// terms, the level x[t] and dx[t-1..t-lag]; the search fits every lag
// 0..maxLag over the rows left after maxLag leading differences and picks
// the lowest AIC or BIC (the first on ties), or the longest lag whose last
// coefficient's |t| reaches the one-sided 5% normal quantile; the chosen
// lag is refitted over all the rows it leaves. Each regression's design is
// built row by row from indices here and fitted by refOLS.
func refADF(x []float64, maxLag int, reg, autoLag string) adfRef {
	ntrend := map[string]int{"n": 0, "c": 1, "ct": 2, "ctt": 3}[reg]
	n := len(x)
	if maxLag < 0 {
		maxLag = min(int(math.Ceil(12*math.Pow(float64(n)/100, 0.25))), n/2-ntrend-1)
	}
	// fit regresses over the rows after trim leading differences on the
	// trend terms, the level and lags lagged differences, in that order.
	fit := func(trim, lags int) (olsRef, int) {
		var y []float64
		cols := make([][]float64, ntrend+1+lags)
		for t := trim; t < n-1; t++ {
			y = append(y, x[t+1]-x[t])
			row := float64(t - trim + 1)
			for p := 0; p < ntrend; p++ {
				cols[p] = append(cols[p], math.Pow(row, float64(p)))
			}
			cols[ntrend] = append(cols[ntrend], x[t])
			for j := 1; j <= lags; j++ {
				cols[ntrend+j] = append(cols[ntrend+j], x[t-j+1]-x[t-j])
			}
		}
		return refOLS(y, cols), len(y)
	}
	var r adfRef
	r.lag = maxLag
	if autoLag != "max" {
		r.hasIC = true
		for l := 0; l <= maxLag; l++ {
			f, nobs := fit(maxLag, l)
			llf := -float64(nobs) / 2 * (math.Log(2*math.Pi*f.ssr/float64(nobs)) + 1)
			penalty := 2.0
			if autoLag == "bic" {
				penalty = math.Log(float64(nobs))
			}
			switch ic := -2*llf + penalty*float64(f.rank); {
			case autoLag == "tstat":
				last := math.Abs(f.t[len(f.t)-1])
				if last >= 1.6448536269514722 || l == 0 {
					r.lag, r.icBest = l, last
				}
			case l == 0 || ic < r.icBest:
				r.lag, r.icBest = l, ic
			}
		}
	}
	f, nobs := fit(r.lag, r.lag)
	r.stat, r.nobs = f.t[ntrend], nobs
	return r
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

// The lag search read off one reduction picks the lag that fitting each
// lag's regression on its own full design picks, and gives that test's
// statistic, p-value and information criterion.
func TestAdfullerMatchesDefinition(t *testing.T) {
	for name, x := range unitRootSeries(600) {
		for _, reg := range []string{"c", "ct", "ctt", "n"} {
			for _, autoLag := range []string{"aic", "bic", "tstat", "max"} {
				for _, maxLag := range []int{-1, 0, 3, 40} {
					want := refADF(x, maxLag, reg, autoLag)
					got, err := adfuller(context.Background(), "adfuller", x, maxLag, reg, autoLag)
					require.NoError(t, err)
					msg := []any{"%s %s %s %d", name, reg, autoLag, maxLag}
					require.Equal(t, want.lag, got.usedLag, msg...)
					require.Equal(t, want.nobs, got.nobs, msg...)
					require.Equal(t, want.hasIC, got.hasIC, msg...)
					require.InEpsilon(t, want.stat, got.stat, 1e-8, msg...)
					require.InEpsilon(t, mackinnonP(want.stat, reg, 1), got.p, 1e-8, msg...)
					if want.hasIC {
						require.InEpsilon(t, want.icBest, got.icBest, 1e-8, msg...)
					}
				}
			}
		}
	}
}

// maxLag out of its range, and samples too short for any lag, are refused
// with DolphinDB's messages.
func TestAdfullerLagBounds(t *testing.T) {
	walk := unitRootSeries(3000)["walk"]
	cases := []struct {
		n, maxLag int
		reg, want string
	}{
		{5, 3, "c", "The argument [maxLag] of adfuller must be between 0 and 0."},
		{40, 18, "c", ""},
		{40, 19, "c", "The argument [maxLag] of adfuller must be between 0 and 18."},
		{40, 19, "n", ""},
		{40, 20, "n", "The argument [maxLag] of adfuller must be between 0 and 19."},
		{3000, 1001, "c", "The argument [maxLag] of adfuller must be between 0 and 1000."},
		{3, -1, "ct", "The argument [X] of adfuller must hold at least 6 non-NULL values."},
		{3, 0, "ctt", "The argument [X] of adfuller must hold at least 8 non-NULL values."},
		{1, -1, "n", "The argument [X] of adfuller must hold at least 2 non-NULL values."},
	}
	for _, c := range cases {
		_, err := adfuller(context.Background(), "adfuller", walk[:c.n], c.maxLag, c.reg, "aic")
		if c.want == "" {
			require.NoError(t, err, "%+v", c)
			continue
		}
		require.EqualError(t, err, c.want, "%+v", c)
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

// gaussCols are k random columns of n rows, column j scaled by
// scale[j%len(scale)].
func gaussCols(rng *rand.Rand, n, k int, scale ...float64) [][]float64 {
	cols := make([][]float64, k)
	for j := range cols {
		cols[j] = make([]float64, n)
		for i := range cols[j] {
			cols[j][i] = rng.NormFloat64() * scale[j%len(scale)]
		}
	}
	return cols
}

// requireFit holds an ols-style fit to the full-design reference.
func requireFit(t *testing.T, want olsRef, beta, tstat []float64, ssr float64, rank int, msg string) {
	t.Helper()
	require.Equal(t, want.rank, rank, msg)
	require.InEpsilon(t, want.ssr, ssr, 1e-9, msg)
	for j := range want.beta {
		if want.beta[j] == 0 {
			// a column of zeros: no weight, and a t statistic of 0/0
			require.Zero(t, beta[j], "%s beta %d", msg, j)
			require.True(t, math.IsNaN(tstat[j]), "%s t %d", msg, j)
			continue
		}
		require.InEpsilon(t, want.beta[j], beta[j], 1e-8, "%s beta %d", msg, j)
		require.InEpsilon(t, want.t[j], tstat[j], 1e-8, "%s t %d", msg, j)
	}
}

// Reading a fit on a leading run of the columns off the triangular
// factor of a wider design gives the fit of that run alone, rank-deficient
// designs (a repeated column) included.
func TestSolveTriangularPrefix(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	n := 300
	cols := gaussCols(rng, n, 5, 1)
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
		requireFit(t, want, got.beta, got.t, got.ssr, got.rank, fmt.Sprintf("k=%d", k))
	}
}

// ols over samples longer than one block of the reduction gives the
// full-design fit: its coefficients, t statistics, residuals and rank,
// for well-scaled, badly scaled, rank-deficient and constant columns.
// Its residuals are orthogonal to every column (the normal equations),
// and a repeated column shares the minimum-norm solution's weight evenly.
//
// A repeated column leaves a singular value of a few eps times the
// largest, where the 1e-15 cut falls: on some samples the full design
// and the triangular factor land on either side of it and both fits are
// noise. The repeated sample's seed is one where both land well below.
func TestOLSMatchesFullDesign(t *testing.T) {
	cases := []struct {
		name  string
		seed  uint64
		n, k  int
		scale []float64
		edit  func(cols [][]float64) [][]float64
	}{
		{"one block", 1, 500, 3, []float64{1}, nil},
		{"three blocks", 2, 2*olsChunk + 77, 4, []float64{1}, nil},
		{"block edge", 3, olsChunk, 2, []float64{1}, nil},
		{"scales", 5, 3000, 4, []float64{1e6, 1e-6, 1, 1e3}, nil},
		{"repeated", 4, 2500, 3, []float64{1}, func(cols [][]float64) [][]float64 {
			return append(cols, append([]float64(nil), cols[1]...))
		}},
		{"zero column", 6, 1100, 3, []float64{1}, func(cols [][]float64) [][]float64 {
			clear(cols[2])
			return cols
		}},
		{"constant", 7, 1500, 2, []float64{1}, func(cols [][]float64) [][]float64 {
			for i := range cols[1] {
				cols[1][i] = 4
			}
			return cols
		}},
		{"single column", 8, 1200, 1, []float64{7}, nil},
	}
	for _, c := range cases {
		rng := rand.New(rand.NewPCG(c.seed, 4))
		cols := gaussCols(rng, c.n, c.k, c.scale...)
		if c.edit != nil {
			cols = c.edit(cols)
		}
		y := make([]float64, c.n)
		for i := range y {
			y[i] = 3 + rng.NormFloat64()
			for j, col := range cols {
				y[i] += float64(j+1) * col[i] / math.Sqrt(1+col[i]*col[i])
			}
		}
		want := refOLS(y, cols)
		got, err := ols(context.Background(), y, cols)
		require.NoError(t, err)
		requireFit(t, want, got.beta, got.t, got.ssr, got.rank, c.name)
		require.Len(t, got.resid, c.n)
		for i := range y {
			require.InDelta(t, want.resid[i], got.resid[i], 1e-9*math.Sqrt(want.ssr), "%s resid %d", c.name, i)
		}
		for j, col := range cols {
			var dot, norm float64
			for i, x := range col {
				dot += x * got.resid[i]
				norm += x * x
			}
			require.InDelta(t, 0, dot, 1e-7*math.Sqrt(norm*got.ssr)+1e-300, "%s X'e %d", c.name, j)
		}
		switch c.name {
		case "repeated":
			require.Equal(t, 3, got.rank)
			require.InEpsilon(t, got.beta[1], got.beta[3], 1e-9)
		case "zero column":
			require.Equal(t, 2, got.rank)
			require.Zero(t, got.beta[2])
		}
	}
}
