package mathfn

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// symmetricCases are the matrices jacobiEigen is held to: random ones of
// several sizes (0 and 1 included), a diagonal one (no rotation at all),
// repeated eigenvalues, a zero matrix, and entries near the top and the
// bottom of the float range.
func symmetricCases() map[string][][]float64 {
	rng := rand.New(rand.NewPCG(8, 3))
	random := func(n int, scale float64) [][]float64 {
		a := make([][]float64, n)
		for i := range a {
			a[i] = make([]float64, n)
		}
		for i := range a {
			for j := 0; j <= i; j++ {
				a[i][j] = math.Round(rng.NormFloat64()*100) / 10 * scale
				a[j][i] = a[i][j]
			}
		}
		return a
	}
	return map[string][][]float64{
		"n0": random(0, 1), "n1": random(1, 1), "n2": random(2, 1), "n3": random(3, 1),
		"n7": random(7, 1), "n30": random(30, 1), "huge": random(6, 1e150), "tiny": random(6, 1e-150),
		"zero":     random(4, 0),
		"diagonal": {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}},
		// 2I + ones(4): eigenvalues 6, 2, 2, 2
		"repeated": {{3, 1, 1, 1}, {1, 3, 1, 1}, {1, 1, 3, 1}, {1, 1, 1, 3}},
		// the manual's example (funcs/e/eig.md), symmetrised from its lower triangle
		"manual": {{1, 2, 5}, {2, 9, 0}, {5, 0, 0}},
	}
}

// jacobiEigen's values and vectors satisfy A v = lambda v to rounding,
// the vectors are orthonormal, and the values are those of gonum's
// EigenSym (LAPACK's dsyev) in some order.
func TestJacobiEigenDecomposes(t *testing.T) {
	for name, a := range symmetricCases() {
		n := len(a)
		vals, vecs, err := jacobiEigen(context.Background(), cloneRows(a))
		require.NoError(t, err)
		require.Len(t, vals, n, name)
		require.Len(t, vecs, n, name)
		// The residuals are measured against the largest entry of A.
		norm := 0.0
		for _, row := range a {
			for _, x := range row {
				norm = max(norm, math.Abs(x))
			}
		}
		tol := 1e-12 * max(float64(n), 1) * norm
		for k, lambda := range vals {
			for i := 0; i < n; i++ {
				av := 0.0
				for j := 0; j < n; j++ {
					av += a[i][j] * vecs[j][k]
				}
				require.InDelta(t, lambda*vecs[i][k], av, tol, "%s: (A v - lambda v)[%d] of vector %d", name, i, k)
			}
		}
		for k := 0; k < n; k++ {
			for l := 0; l < n; l++ {
				dot := 0.0
				for i := 0; i < n; i++ {
					dot += vecs[i][k] * vecs[i][l]
				}
				want := 0.0
				if k == l {
					want = 1
				}
				require.InDelta(t, want, dot, 1e-12*max(float64(n), 1), "%s: v%d . v%d", name, k, l)
			}
		}
		if n == 0 {
			continue
		}
		sym := mat.NewSymDense(n, nil)
		for i := range a {
			for j := i; j < n; j++ {
				sym.SetSym(i, j, a[i][j])
			}
		}
		var es mat.EigenSym
		require.True(t, es.Factorize(sym, true), name)
		want := es.Values(nil)
		got := slices.Clone(vals)
		slices.Sort(want)
		slices.Sort(got)
		for i := range want {
			require.InDelta(t, want[i], got[i], tol, "%s: eigenvalue %d", name, i)
		}
	}
}

// Each eigenvalue stays where its diagonal element was: when the off
// diagonal is small against the gaps between the diagonal elements,
// every eigenvalue lies in its own row's Gershgorin disc.
func TestJacobiEigenKeepsDiagonalOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	n := 8
	a := make([][]float64, n)
	for i := range a {
		a[i] = make([]float64, n)
	}
	diag := rng.Perm(n)
	for i := range a {
		a[i][i] = float64(10 * diag[i])
		for j := 0; j < i; j++ {
			a[i][j] = rng.Float64() - 0.5
			a[j][i] = a[i][j]
		}
	}
	vals, vecs, err := jacobiEigen(context.Background(), cloneRows(a))
	require.NoError(t, err)
	for i, lambda := range vals {
		radius := 0.0
		for j, x := range a[i] {
			if j != i {
				radius += math.Abs(x)
			}
		}
		require.InDelta(t, a[i][i], lambda, radius, "eigenvalue %d", i)
		// its vector leans on the same coordinate
		require.Greater(t, math.Abs(vecs[i][i]), 0.9, "vector %d", i)
	}
}

// A cancelled request stops the sweeps.
func TestJacobiEigenStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := jacobiEigen(ctx, symmetricCases()["n7"])
	require.ErrorIs(t, err, context.Canceled)
}
