package mathfn

import (
	"context"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// svd is the singular value decomposition A = U*diag(s)*V of a matrix as
// numpy.linalg.svd (LAPACK dgesdd) gives it: V's rows are the right
// singular vectors, s is descending, and the signs follow LAPACK's
// Householder bidiagonalisation and bidiagonal QR (funcs/s/svd.md).
func svd(env funcs.Env, args []value.Value) (value.Value, error) {
	r := funcs.ReadArgs("svd", args)
	m := matrixIn(r, args[0])
	full := r.Bool("fullMatrices", r.Arg(1), true)
	uv := r.Bool("computeUV", r.Arg(2), true)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if m.Rows == 0 || m.Cols == 0 {
		return nil, ddberr.Errorf("The argument of %s must not be empty.", "svd")
	}
	if err := reserveVectors(env, uv, m.Rows, m.Cols); err != nil {
		return nil, err
	}
	d, err := denseOf("svd", m, false)
	if err != nil {
		return nil, err
	}
	u, s, vt, err := svdRows(funcs.ContextOf(env), rowsOf(d), uv)
	if err != nil {
		return nil, err
	}
	if !uv {
		return value.NewDoubles(s), nil
	}
	rows, cols, k := m.Rows, m.Cols, len(s)
	uc, vr := rows, cols
	if !full {
		uc, vr = k, k
	}
	return value.NewTuple([]value.Value{denseFromRows(u, rows, uc).matrix(), value.NewDoubles(s), denseFromRows(vt, vr, cols).matrix()}), nil
}

// reserveVectors accounts the full U (rows x rows) and V' (cols x cols)
// an SVD with vectors builds, which a tall or wide matrix makes far
// larger than itself.
func reserveVectors(env funcs.Env, vectors bool, rows, cols int) error {
	if !vectors {
		return nil
	}
	return env.Reserve(rows*rows + cols*cols)
}

// svdRows returns the full U (m x m), s and V' (n x n) of a, taking
// dgesdd's paths: a direct bidiagonalisation when the matrix is not much
// taller (wider) than wide (tall), else a QR (LQ) factorisation first.
// Without vectors it returns s alone (the same values: the vectors are
// accumulated beside the reduction, never read by it), in memory of the
// order of a instead of m x m. Every stage is cubic (seconds for
// 500x500), so each stops with ctx's error once ctx is cancelled, looking
// at it once per column, sweep or row.
func svdRows(ctx context.Context, a [][]float64, vectors bool) ([][]float64, []float64, [][]float64, error) {
	m, n := len(a), len(a[0])
	if m >= n && m >= n*11/6 && n > 0 && m > n {
		q, r, err := qrRows(ctx, a, vectors)
		if err != nil {
			return nil, nil, nil, err
		}
		ur, s, vt, err := bidiagSVD(ctx, r[:n], vectors)
		if err != nil || !vectors {
			return nil, s, nil, err
		}
		u, err := mulRows(ctx, q, blockDiag(ur, m))
		return u, s, vt, err
	}
	if n > m && n >= m*11/6 {
		// A = L*Q with A' = Q'*L': the LQ factorisation is the QR one of A'.
		q, r, err := qrRows(ctx, transposeRows(a), vectors)
		if err != nil {
			return nil, nil, nil, err
		}
		u, s, vtl, err := bidiagSVD(ctx, transposeRows(r[:m])[:m], vectors)
		if err != nil || !vectors {
			return nil, s, nil, err
		}
		vt, err := mulRows(ctx, blockDiag(vtl, n), transposeRows(q))
		return u, s, vt, err
	}
	return bidiagSVD(ctx, a, vectors)
}

// bidiagSVD reduces a to bidiagonal form B = Q'*A*P by Householder
// reflections (dgebrd: upper when m >= n, lower otherwise), finds B's
// singular vectors with bdsqr and returns U = Q*Ub, s, V' = Vb'*P'.
func bidiagSVD(ctx context.Context, a [][]float64, vectors bool) ([][]float64, []float64, [][]float64, error) {
	m, n := len(a), len(a[0])
	a = cloneRows(a)
	var q, p [][]float64 // nil without vectors: reflections apply to no row
	if vectors {
		q, p = funcs.IdentityRows(m), funcs.IdentityRows(n)
	}
	k := min(m, n)
	d, e := make([]float64, k), make([]float64, max(k-1, 0))
	col := func(j, from int) []float64 {
		x := make([]float64, m-from)
		for i := range x {
			x[i] = a[from+i][j]
		}
		return x
	}
	// left reflects rows from.. of a (and columns of q) to zero a[from+1:, j].
	left := func(j, from int) float64 {
		v, tau := householder(col(j, from), 0)
		applyLeft(a, from, v, tau)
		applyRight(q, from, v, tau)
		return a[from][j]
	}
	// right reflects columns from.. of a (and of p) to zero a[i, from+1:].
	right := func(i, from int) float64 {
		v, tau := householder(append([]float64(nil), a[i][from:]...), 0)
		applyRight(a, from, v, tau)
		applyRight(p, from, v, tau)
		return a[i][from]
	}
	for i := 0; i < k; i++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, nil, err
		}
		if m >= n {
			d[i] = left(i, i)
			if i < n-1 {
				e[i] = right(i, i+1)
			}
		} else {
			d[i] = right(i, i)
			if i < m-1 {
				e[i] = left(i, i+1)
			}
		}
	}
	if !vectors {
		// bdsqr's rotations of V' rows and U columns leave d alone
		if m < n {
			for i := 0; i < k-1; i++ {
				c, s, r := lartgr(d[i], e[i])
				d[i], e[i], d[i+1] = r, s*d[i+1], c*d[i+1]
			}
		}
		if err := bdsqr(ctx, d, e, make([][]float64, k), nil); err != nil {
			return nil, nil, nil, err
		}
		return nil, d, nil, nil
	}
	ub, vb := funcs.IdentityRows(m), funcs.IdentityRows(n)
	if m >= n {
		if err := bdsqr(ctx, d, e, vb[:k], columnsView(ub, k)); err != nil {
			return nil, nil, nil, err
		}
	} else {
		// dbdsdc turns the lower bidiagonal into an upper one by rotations
		// from the left, applied to Ub after the QR sweeps.
		cs, sn := make([]float64, k), make([]float64, k)
		for i := 0; i < k-1; i++ {
			c, s, r := lartgr(d[i], e[i])
			d[i], e[i], d[i+1] = r, s*d[i+1], c*d[i+1]
			cs[i], sn[i] = c, -s
		}
		if err := bdsqr(ctx, d, e, vb[:k], ub); err != nil {
			return nil, nil, nil, err
		}
		lasrRows(ub, 0, k-1, cs, sn, false)
	}
	u, err := mulRows(ctx, q, ub)
	if err != nil {
		return nil, nil, nil, err
	}
	vt, err := mulRows(ctx, vb, transposeRows(p))
	return u, d, vt, err
}

// columnsView is the first k columns of the rows a, sharing storage.
func columnsView(a [][]float64, k int) [][]float64 {
	out := make([][]float64, len(a))
	for i, row := range a {
		out[i] = row[:k]
	}
	return out
}

// applyLeft applies I - tau*v*v' from the left to rows from..from+len(v)-1
// of a.
func applyLeft(a [][]float64, from int, v []float64, tau float64) {
	if tau == 0 {
		return
	}
	for c := range a[0] {
		sum := 0.0
		for k, x := range v {
			sum += x * a[from+k][c]
		}
		for k, x := range v {
			a[from+k][c] -= tau * sum * x
		}
	}
}

// applyRight applies I - tau*v*v' from the right to columns
// from..from+len(v)-1 of the rows a.
func applyRight(a [][]float64, from int, v []float64, tau float64) {
	if tau == 0 {
		return
	}
	for _, row := range a {
		sum := 0.0
		for k, x := range v {
			sum += row[from+k] * x
		}
		for k, x := range v {
			row[from+k] -= tau * sum * x
		}
	}
}

// qrRows is the Householder QR factorisation (dgeqrf's signs) of a:
// the full Q and R.
func qrRows(ctx context.Context, a [][]float64, vectors bool) (q, r [][]float64, err error) {
	m, n := len(a), len(a[0])
	r = cloneRows(a)
	if vectors {
		q = funcs.IdentityRows(m)
	}
	for j := 0; j < min(m-1, n); j++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		x := make([]float64, m-j)
		for i := range x {
			x[i] = r[j+i][j]
		}
		v, tau := householder(x, 0)
		applyLeft(r, j, v, tau)
		applyRight(q, j, v, tau)
	}
	return q, r, nil
}

// blockDiag embeds the square a in the top left of the n x n identity.
func blockDiag(a [][]float64, n int) [][]float64 {
	out := funcs.IdentityRows(n)
	for i, row := range a {
		copy(out[i], row)
	}
	return out
}

func cloneRows(a [][]float64) [][]float64 {
	out := make([][]float64, len(a))
	for i, row := range a {
		out[i] = append([]float64(nil), row...)
	}
	return out
}

func transposeRows(a [][]float64) [][]float64 {
	if len(a) == 0 {
		return [][]float64{} // eig of a 0x0 matrix
	}
	out := make([][]float64, len(a[0]))
	for j := range out {
		out[j] = make([]float64, len(a))
		for i := range a {
			out[j][i] = a[i][j]
		}
	}
	return out
}

func mulRows(ctx context.Context, a, b [][]float64) ([][]float64, error) {
	out := make([][]float64, len(a))
	for i, row := range a {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out[i] = make([]float64, len(b[0]))
		for k, x := range row {
			if x == 0 {
				continue
			}
			for j, y := range b[k] {
				out[i][j] += x * y
			}
		}
	}
	return out, nil
}
