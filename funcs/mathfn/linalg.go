package mathfn

import (
	"context"
	"errors"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// dense is a column-major DOUBLE matrix.
type dense struct {
	rows, cols int
	a          []float64
}

func (d *dense) at(r, c int) float64     { return d.a[c*d.rows+r] }
func (d *dense) set(r, c int, v float64) { d.a[c*d.rows+r] = v }

func (d *dense) matrix() *value.Matrix {
	return &value.Matrix{V: value.NewDoubles(d.a), Rows: d.rows, Cols: d.cols}
}

// denseOf copies a numeric matrix into DOUBLEs; NULL becomes 0 when
// nullAsZero (det's rule), otherwise it is an error.
func denseOf(fn string, m *value.Matrix, nullAsZero bool) (*dense, error) {
	xs, err := funcs.DoublesOf(fn, m.V)
	if err != nil {
		return nil, err
	}
	d := &dense{rows: m.Rows, cols: m.Cols, a: make([]float64, len(xs))}
	for i, x := range xs {
		if funcs.IsNullF(x) {
			if !nullAsZero {
				return nil, ddberr.Errorf("The matrix of %s must not contain NULL values.", fn)
			}
			x = 0
		}
		d.a[i] = x
	}
	return d, nil
}

// asMatrix views x as a dense matrix; a vector is a column (or, as the
// right operand of a product whose left side needs it, a row).
func AsMatrix(fn string, x value.Value, isM bool, m *value.Matrix, right bool) (*dense, error) {
	if isM {
		return denseOf(fn, m, true)
	}
	v, ok := funcs.VectorArg(x)
	if !ok {
		return nil, ddberr.Errorf("The arguments of %s must be vectors or matrices.", fn)
	}
	xs, err := funcs.DoublesOf(fn, v)
	if err != nil {
		return nil, err
	}
	d := &dense{rows: len(xs), cols: 1, a: append([]float64(nil), xs...)}
	if !right {
		d.rows, d.cols = 1, len(xs)
	}
	return d, nil
}

// MatMul is the matrix product a*b; a cancelled ctx stops it at the next
// column of the product.
func MatMul(ctx context.Context, a, b *dense) (value.Value, error) {
	if a.cols != b.rows {
		if a.rows == 1 && a.cols == b.cols && b.rows != 1 {
			// A vector on the left multiplies as a row only when it fits.
			return nil, ddberr.Errorf("The dimensions of the matrices don't match for multiplication.")
		}
		if a.rows == 1 && a.cols == b.rows {
			// handled below
		} else if a.cols == 1 && a.rows == b.rows {
			a = &dense{rows: 1, cols: a.rows, a: a.a}
		} else {
			return nil, ddberr.Errorf("The dimensions of the matrices don't match for multiplication.")
		}
	}
	out := &dense{rows: a.rows, cols: b.cols, a: make([]float64, a.rows*b.cols)}
	for c := 0; c < b.cols; c++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for k := 0; k < a.cols; k++ {
			bk := b.at(k, c)
			if bk == 0 {
				continue
			}
			col := a.a[k*a.rows : (k+1)*a.rows]
			dst := out.a[c*out.rows : (c+1)*out.rows]
			for r, x := range col {
				dst[r] += x * bk
			}
		}
	}
	return out.matrix(), nil
}

func matrixArg(fn string, x value.Value) (*value.Matrix, error) {
	m, ok := x.(*value.Matrix)
	if !ok {
		return nil, ddberr.Errorf("The argument of %s must be a matrix.", fn)
	}
	return m, nil
}

// matrixIn is matrixArg of x read through r.
func matrixIn(r *funcs.Args, x value.Value) *value.Matrix {
	return funcs.Read(r, func() (*value.Matrix, error) { return matrixArg(r.Fn, x) })
}

// squareDenseArg reads x as a square matrix in DOUBLEs (det, inverse).
func squareDenseArg(fn string, x value.Value, nullAsZero bool) (*dense, error) {
	m, err := matrixArg(fn, x)
	if err != nil {
		return nil, err
	}
	return squareDense(fn, m, nullAsZero)
}

// squareDense checks m is square before denseOf converts it.
func squareDense(fn string, m *value.Matrix, nullAsZero bool) (*dense, error) {
	if m.Rows != m.Cols {
		return nil, ddberr.Errorf("The matrix of %s must be square.", fn)
	}
	return denseOf(fn, m, nullAsZero)
}

// denseFlagArgs reads the matrix args[0] and then the BOOL option args[1]
// (def when absent), the order cholesky, lu and gramSchmidt report their
// errors in, and converts the matrix with NULLs refused, checking it is
// square first when square is set.
func denseFlagArgs(fn, flag string, def, square bool, args []value.Value) (*dense, bool, error) {
	r := funcs.ReadArgs(fn, args)
	m := matrixIn(r, args[0])
	on := r.Bool(flag, r.Arg(1), def)
	if err := r.Err(); err != nil {
		return nil, false, err
	}
	var d *dense
	var err error
	if square {
		d, err = squareDense(fn, m, false)
	} else {
		d, err = denseOf(fn, m, false)
	}
	return d, on, err
}

// diag builds a diagonal matrix from a vector, or takes a square
// matrix's diagonal.
func diag(env funcs.Env, args []value.Value) (value.Value, error) {
	if m, ok := args[0].(*value.Matrix); ok {
		if m.Rows != m.Cols {
			return nil, ddberr.Errorf("The matrix of diag must be square.")
		}
		idx := make([]int, m.Rows)
		for i := range idx {
			idx[i] = i*m.Rows + i
		}
		return m.V.Gather(idx), nil
	}
	v, ok := funcs.VectorArg(args[0])
	if !ok || !funcs.IsNumericVec(v) {
		return nil, ddberr.Errorf("The argument of diag must be a numeric vector or a square matrix.")
	}
	n := v.Len()
	if err := env.Reserve(n * n); err != nil {
		return nil, err // n elements make n*n
	}
	out := value.NewVector(v.T, n*n, n*n)
	out.Scale = v.Scale
	for i := 0; i < n; i++ {
		out.SetFrom(i*n+i, v, i)
	}
	return &value.Matrix{V: out, Rows: n, Cols: n}, nil
}

// luDecompose factors a square matrix in place with partial pivoting and
// returns the row permutation and its sign (0 when singular). It is cubic
// (a minute at a few thousand rows), so it looks at ctx once per pivot.
func luDecompose(ctx context.Context, d *dense) ([]int, float64, error) {
	n := d.rows
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	sign := 1.0
	for k := 0; k < n; k++ {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		p := k
		for r := k + 1; r < n; r++ {
			if math.Abs(d.at(r, k)) > math.Abs(d.at(p, k)) {
				p = r
			}
		}
		if d.at(p, k) == 0 {
			return perm, 0, nil
		}
		if p != k {
			for c := 0; c < n; c++ {
				a, b := d.at(k, c), d.at(p, c)
				d.set(k, c, b)
				d.set(p, c, a)
			}
			perm[k], perm[p] = perm[p], perm[k]
			sign = -sign
		}
		for r := k + 1; r < n; r++ {
			f := d.at(r, k) / d.at(k, k)
			d.set(r, k, f)
			for c := k + 1; c < n; c++ {
				d.set(r, c, d.at(r, c)-f*d.at(k, c))
			}
		}
	}
	return perm, sign, nil
}

// det is the determinant; NULLs count as 0 (the "det" page).
func det(env funcs.Env, args []value.Value) (value.Value, error) {
	d, err := squareDenseArg("det", args[0], true)
	if err != nil {
		return nil, err
	}
	_, sign, err := luDecompose(funcs.ContextOf(env), d)
	if err != nil {
		return nil, err
	}
	r := sign
	for i := 0; i < d.rows; i++ {
		r *= d.at(i, i)
	}
	return value.NewDouble(r), nil
}

// inverse inverts a square non-singular matrix; a matrix that is not
// square gets the text funcs/p/pinverse.md quotes.
func inverse(env funcs.Env, args []value.Value) (value.Value, error) {
	if m, ok := args[0].(*value.Matrix); ok && m.Rows != m.Cols {
		return nil, ddberr.Errorf("The argument of 'inverse' must be a square matrix.")
	}
	d, err := squareDenseArg("inverse", args[0], false)
	if err != nil {
		return nil, err
	}
	n := d.rows
	ctx := funcs.ContextOf(env)
	perm, sign, err := luDecompose(ctx, d)
	if err != nil {
		return nil, err
	}
	if sign == 0 {
		return nil, ddberr.Errorf("The input matrix is singular and cannot be inverted. RefId:S05000")
	}
	out := &dense{rows: n, cols: n, a: make([]float64, n*n)}
	col := make([]float64, n)
	for c := 0; c < n; c++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for i := range col {
			col[i] = 0
			if perm[i] == c {
				col[i] = 1
			}
		}
		for i := 0; i < n; i++ {
			for k := 0; k < i; k++ {
				col[i] -= d.at(i, k) * col[k]
			}
		}
		for i := n - 1; i >= 0; i-- {
			for k := i + 1; k < n; k++ {
				col[i] -= d.at(i, k) * col[k]
			}
			col[i] /= d.at(i, i)
		}
		copy(out.a[c*n:(c+1)*n], col)
	}
	return out.matrix(), nil
}

// triangle keeps the elements on and below (tril) or above (triu) the
// k-th diagonal and zeroes the rest, keeping X's type.
func triangle(fn string, args []value.Value, lower bool) (value.Value, error) {
	r := funcs.ReadArgs(fn, args)
	m := matrixIn(r, args[0])
	k := r.Int("k", r.Arg(1), 0)
	if err := r.Err(); err != nil {
		return nil, err
	}
	// A STRING matrix would take the zero as the text "0"; refuse it.
	zero, err := cast.To(value.NewInt(0), m.V.T, m.V.Scale)
	if err != nil || m.V.T.Category() == value.CatLiteral {
		return nil, ddberr.Errorf("The matrix of %s must be numeric.", fn)
	}
	z := zero.(*value.Scalar)
	out := m.V.Clone()
	for c := 0; c < m.Cols; c++ {
		for r := 0; r < m.Rows; r++ {
			keep := int64(c-r) <= k
			if !lower {
				keep = int64(c-r) >= k
			}
			if !keep {
				out.Set(c*m.Rows+r, z)
			}
		}
	}
	return m.WithData(out), nil
}

// repmat tiles X rowRep times down and colRep times across.
func repmat(env funcs.Env, args []value.Value) (value.Value, error) {
	m, err := matrixArg("repmat", args[0])
	if err != nil {
		return nil, err
	}
	rr, err := funcs.IntArg("repmat", "rowRep", args[1], 0)
	if err != nil || rr <= 0 {
		return nil, errors.New("rowRep of repmat must be a positive integer.")
	}
	cr, err := funcs.IntArg("repmat", "colRep", args[2], 0)
	if err != nil || cr <= 0 {
		return nil, errors.New("colRep of repmat must be a positive integer.")
	}
	if rr > 1<<31 || cr > 1<<31 {
		return nil, errors.New("rowRep and colRep of repmat are too large.")
	}
	rows, cols := m.Rows*int(rr), m.Cols*int(cr)
	if err := env.Reserve(rows * cols); err != nil {
		return nil, err
	}
	idx := make([]int, 0, rows*cols)
	for c := 0; c < cols; c++ {
		sc := c % m.Cols
		for r := 0; r < rows; r++ {
			idx = append(idx, sc*m.Rows+r%m.Rows)
		}
	}
	return &value.Matrix{V: m.V.Gather(idx), Rows: rows, Cols: cols}, nil
}

// cholesky factors a symmetric positive-definite matrix as L*L' (lower)
// or U'*U.
func cholesky(env funcs.Env, args []value.Value) (value.Value, error) {
	d, lower, err := denseFlagArgs("cholesky", "lower", true, true, args)
	if err != nil {
		return nil, err
	}
	n := d.rows
	ctx := funcs.ContextOf(env)
	l := &dense{rows: n, cols: n, a: make([]float64, n*n)}
	for j := 0; j < n; j++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s := d.at(j, j)
		for k := 0; k < j; k++ {
			s -= l.at(j, k) * l.at(j, k)
		}
		if s <= 0 {
			return nil, ddberr.Errorf("The matrix is not positive definite.")
		}
		l.set(j, j, math.Sqrt(s))
		for i := j + 1; i < n; i++ {
			t := d.at(i, j)
			for k := 0; k < j; k++ {
				t -= l.at(i, k) * l.at(j, k)
			}
			l.set(i, j, t/l.at(j, j))
		}
	}
	if !lower {
		u := &dense{rows: n, cols: n, a: make([]float64, n*n)}
		for r := 0; r < n; r++ {
			for c := 0; c < n; c++ {
				u.set(r, c, l.at(c, r))
			}
		}
		return u.matrix(), nil
	}
	return l.matrix(), nil
}

// identity is the n*n identity matrix.
func identity(n int) *dense {
	d := &dense{rows: n, cols: n, a: make([]float64, n*n)}
	for i := 0; i < n; i++ {
		d.set(i, i, 1)
	}
	return d
}

// luFn is lu(obj, [permute]): P, L, U with obj = P*L*U (partial
// pivoting), or with permute the two matrices P*L and U.
func luFn(env funcs.Env, args []value.Value) (value.Value, error) {
	d, permute, err := denseFlagArgs("lu", "permute", false, true, args)
	if err != nil {
		return nil, err
	}
	n := d.rows
	ctx := funcs.ContextOf(env)
	perm, _, err := luDecompose(ctx, d)
	if err != nil {
		return nil, err
	}
	l, u := identity(n), &dense{rows: n, cols: n, a: make([]float64, n*n)}
	for r := 0; r < n; r++ {
		for c := 0; c < n; c++ {
			if c < r {
				l.set(r, c, d.at(r, c))
			} else {
				u.set(r, c, d.at(r, c))
			}
		}
	}
	// Row k of L*U is row perm[k] of obj, so P has a 1 at (perm[k], k).
	p := &dense{rows: n, cols: n, a: make([]float64, n*n)}
	for k, r := range perm {
		p.set(r, k, 1)
	}
	if permute {
		pl, err := MatMul(ctx, p, l)
		if err != nil {
			return nil, err
		}
		return value.NewTuple([]value.Value{pl, u.matrix()}), nil
	}
	return value.NewTuple([]value.Value{p.matrix(), l.matrix(), u.matrix()}), nil
}

// qrFn is the Householder QR decomposition with LAPACK's sign
// convention (R's diagonal takes the sign opposite to the column's
// leading element).
func qrFn(env funcs.Env, args []value.Value) (value.Value, error) {
	m, err := matrixArg("qr", args[0])
	if err != nil {
		return nil, err
	}
	mode, ok := funcs.ChoiceArg(funcs.Arg(args, 1), "full", "economic", "r", "raw")
	if !ok {
		return nil, errors.New("mode of qr must be 'full', 'economic', 'r' or 'raw'.")
	}
	piv, err := funcs.BoolArg("qr", "pivoting", funcs.Arg(args, 2), false)
	if err != nil {
		return nil, err
	}
	a, err := denseOf("qr", m, false)
	if err != nil {
		return nil, err
	}
	rows, cols := a.rows, a.cols
	q := identity(rows)
	v := make([]float64, rows)
	kk := min(rows, cols)
	taus := make([]float64, kk)
	perm := make([]int32, cols)
	for c := range perm {
		perm[c] = int32(c)
	}
	ctx := funcs.ContextOf(env)
	for k := 0; k < kk; k++ {
		// each step updates the trailing columns and all of Q: cubic
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if piv {
			// column pivoting: bring the remaining column of the largest
			// norm over rows k.. to position k (LAPACK's dgeqp3 order)
			best, bestNorm := k, -1.0
			for c := k; c < cols; c++ {
				n2 := 0.0
				for i := k; i < rows; i++ {
					n2 += a.at(i, c) * a.at(i, c)
				}
				if n2 > bestNorm {
					best, bestNorm = c, n2
				}
			}
			if best != k {
				for i := 0; i < rows; i++ {
					x, y := a.at(i, k), a.at(i, best)
					a.set(i, k, y)
					a.set(i, best, x)
				}
				perm[k], perm[best] = perm[best], perm[k]
			}
		}
		norm := 0.0
		for i := k; i < rows; i++ {
			norm += a.at(i, k) * a.at(i, k)
		}
		alpha := a.at(k, k)
		xnorm := math.Sqrt(norm - alpha*alpha)
		if xnorm == 0 {
			continue
		}
		beta := -math.Copysign(math.Sqrt(norm), alpha)
		tau := (beta - alpha) / beta
		taus[k] = tau
		v[k] = 1
		for i := k + 1; i < rows; i++ {
			v[i] = a.at(i, k) / (alpha - beta)
		}
		// A[k:, k:] -= tau v (v' A[k:, k:])
		for c := k; c < cols; c++ {
			s := 0.0
			for i := k; i < rows; i++ {
				s += v[i] * a.at(i, c)
			}
			s *= tau
			for i := k; i < rows; i++ {
				a.set(i, c, a.at(i, c)-s*v[i])
			}
		}
		// Q = Q * H: Q[:, k:] -= (Q[:, k:] v) tau v'
		for r := 0; r < rows; r++ {
			s := 0.0
			for i := k; i < rows; i++ {
				s += q.at(r, i) * v[i]
			}
			s *= tau
			for i := k; i < rows; i++ {
				q.set(r, i, q.at(r, i)-s*v[i])
			}
		}
		a.set(k, k, beta)
		for i := k + 1; i < rows; i++ {
			// raw mode keeps the Householder vector below the diagonal
			a.set(i, k, v[i])
		}
	}
	raw := &dense{rows: rows, cols: cols, a: append([]float64(nil), a.a...)}
	for c := 0; c < cols; c++ {
		for i := c + 1; i < rows; i++ {
			a.set(i, c, 0)
		}
	}
	r := a
	withPerm := func(vs ...value.Value) value.Value {
		if piv {
			vs = append(vs, value.NewInts(perm))
		}
		if len(vs) == 1 {
			return vs[0]
		}
		return value.NewTuple(vs)
	}
	if mode == "economic" || mode == "raw" {
		qe := &dense{rows: rows, cols: kk, a: append([]float64(nil), q.a[:rows*kk]...)}
		re := &dense{rows: kk, cols: cols, a: make([]float64, kk*cols)}
		for c := 0; c < cols; c++ {
			for i := 0; i < kk; i++ {
				re.set(i, c, r.at(i, c))
			}
		}
		if mode == "raw" {
			// ("qr" page: Q,T,R = qr(A, mode='raw'): the Householder
			// vectors under R, their factors tau, and R)
			return withPerm(raw.matrix(), value.NewDoubles(taus), re.matrix()), nil
		}
		return withPerm(qe.matrix(), re.matrix()), nil
	}
	if mode == "r" {
		return withPerm(r.matrix()), nil
	}
	return withPerm(q.matrix(), r.matrix()), nil
}

// gramSchmidt orthogonalises the columns of a full-column-rank matrix
// (classical Gram-Schmidt), optionally normalising them.
func gramSchmidt(env funcs.Env, args []value.Value) (value.Value, error) {
	a, norm, err := denseFlagArgs("gramSchmidt", "normalize", false, false, args)
	if err != nil {
		return nil, err
	}
	rows, cols := a.rows, a.cols
	ctx := funcs.ContextOf(env)
	out := &dense{rows: rows, cols: cols, a: make([]float64, rows*cols)}
	for c := 0; c < cols; c++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		u := out.a[c*rows : (c+1)*rows]
		copy(u, a.a[c*rows:(c+1)*rows])
		for p := 0; p < c; p++ {
			prev := out.a[p*rows : (p+1)*rows]
			num, den := 0.0, 0.0
			for i := range u {
				num += a.a[c*rows+i] * prev[i]
				den += prev[i] * prev[i]
			}
			for i := range u {
				u[i] -= num / den * prev[i]
			}
		}
		n2 := 0.0
		for _, x := range u {
			n2 += x * x
		}
		if n2 < 1e-20 {
			return nil, errors.New("vector set must be linearly independent")
		}
	}
	if norm {
		for c := 0; c < cols; c++ {
			u := out.a[c*rows : (c+1)*rows]
			n2 := 0.0
			for _, x := range u {
				n2 += x * x
			}
			s := math.Sqrt(n2)
			for i := range u {
				u[i] /= s
			}
		}
	}
	return out.matrix(), nil
}
