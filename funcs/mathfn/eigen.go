package mathfn

import (
	"context"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// squareRows reads a square numeric matrix without NULLs as rows.
func squareRows(fn string, x value.Value) ([][]float64, error) {
	m, err := matrixArg(fn, x)
	if err != nil {
		return nil, err
	}
	if m.Rows != m.Cols {
		return nil, ddberr.Errorf("The matrix of %s must be square.", fn)
	}
	d, err := denseOf(fn, m, false)
	if err != nil {
		return nil, err
	}
	return rowsOf(d), nil
}

// namedDict is a STRING->ANY dictionary of the given entries, in order.
func namedDict(names []string, vals []value.Value) *value.Dict {
	d := value.NewDict(value.String, value.Any)
	keys := value.NewStrings(value.String, names)
	tv := value.NewTuple(vals)
	for i := range names {
		d.Put(keys, i, tv, i)
	}
	return d
}

// eig is the eigen decomposition of a real symmetric matrix, read from
// its lower triangle as numpy.linalg.eigh does (funcs/e/eig.md): cyclic
// Jacobi rotations, which leave each eigenvalue where its diagonal
// element was (the manual's example lists them unsorted in that order),
// with unit eigenvectors as the columns of vectors.
func eig(env funcs.Env, args []value.Value) (value.Value, error) {
	a, err := squareRows("eig", args[0])
	if err != nil {
		return nil, err
	}
	n := len(a)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a[i][j] = a[j][i]
		}
	}
	vals, vecs, err := jacobiEigen(funcs.ContextOf(env), a)
	if err != nil {
		return nil, err
	}
	return namedDict([]string{"values", "vectors"}, []value.Value{value.NewDoubles(vals), denseFromRows(vecs, n, n).matrix()}), nil
}

// jacobiEigen diagonalises the symmetric a (overwritten) by cyclic Jacobi
// sweeps, each rotation taking the smaller angle, and returns the
// diagonal and the accumulated rotations (eigenvectors as columns). A
// sweep is cubic (seconds for 500x500, and sweeps run until the off
// diagonal is exactly 0), so it stops with ctx's error once ctx is
// cancelled, looking at it once per row of rotations.
//
// A rotation J'AJ keeps a exactly symmetric (both sides compute the same
// products), so it updates rows p and q, which are contiguous, and mirrors
// them into columns p and q instead of walking the columns; the rotations
// accumulate in the rows of V' for the same reason. The arithmetic is the
// column-then-row update's, operation for operation.
func jacobiEigen(ctx context.Context, a [][]float64) ([]float64, [][]float64, error) {
	n := len(a)
	vt := make([][]float64, n)
	for i := range vt {
		vt[i] = make([]float64, n)
		vt[i][i] = 1
	}
	for sweep := 0; sweep < 100; sweep++ {
		off := 0.0
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				off += a[p][q] * a[p][q]
			}
		}
		if off == 0 {
			break
		}
		for p := 0; p < n; p++ {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			for q := p + 1; q < n; q++ {
				if a[p][q] == 0 {
					continue
				}
				theta := (a[q][q] - a[p][p]) / (2 * a[p][q])
				t := 1 / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				if theta < 0 {
					t = -t
				}
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				rotateSym(a, p, q, c, s)
				rp, rq := vt[p], vt[q]
				for k := range rp {
					vkp, vkq := rp[k], rq[k]
					rp[k], rq[k] = c*vkp-s*vkq, s*vkp+c*vkq
				}
			}
		}
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = a[i][i]
	}
	return vals, transposeRows(vt), nil
}

// rotateSym applies the rotation (c, s) in the plane (p, q) to both sides
// of the symmetric a and zeroes a[p][q].
func rotateSym(a [][]float64, p, q int, c, s float64) {
	app, apq, aqp, aqq := a[p][p], a[p][q], a[q][p], a[q][q]
	rp, rq := a[p], a[q]
	for k := range rp {
		apk, aqk := rp[k], rq[k]
		np, nq := c*apk-s*aqk, s*apk+c*aqk
		rp[k], rq[k] = np, nq
		a[k][p], a[k][q] = np, nq
	}
	// The 2x2 block takes the column update, then the row update.
	app1, apq1 := c*app-s*apq, s*app+c*apq
	aqp1, aqq1 := c*aqp-s*aqq, s*aqp+c*aqq
	a[p][p], a[q][q] = c*app1-s*aqp1, s*apq1+c*aqq1
	a[p][q], a[q][p] = 0, 0
}

// schur is the real Schur decomposition T, Z of a square matrix as
// scipy.linalg.schur (LAPACK dgees) gives it; with sort, the eigenvalues
// that pass the test come first and the count of them is returned too
// (funcs/s/schur.md).
func schur(env funcs.Env, args []value.Value) (value.Value, error) {
	a, err := squareRows("schur", args[0])
	if err != nil {
		return nil, err
	}
	var sel func(re, im float64) bool
	if sa := funcs.Arg(args, 1); !funcs.NullOrAbsent(sa) {
		name, _ := funcs.StringArg(sa)
		switch name {
		case "lhp":
			sel = func(re, _ float64) bool { return re < 0 }
		case "rhp":
			sel = func(re, _ float64) bool { return re >= 0 }
		case "iuc":
			sel = func(re, im float64) bool { return math.Hypot(re, im) <= 1 }
		case "ouc":
			sel = func(re, im float64) bool { return math.Hypot(re, im) > 1 }
		default:
			return nil, ddberr.Errorf("sort of schur must be 'lhp', 'rhp', 'iuc' or 'ouc'.")
		}
	}
	s, err := schurOf(funcs.ContextOf(env), a)
	if err != nil {
		return nil, err
	}
	n := s.n
	if sel == nil {
		return value.NewTuple([]value.Value{denseFromRows(s.t, n, n).matrix(), denseFromRows(s.z, n, n).matrix()}), nil
	}
	count := s.reorder(sel)
	return value.NewTuple([]value.Value{denseFromRows(s.t, n, n).matrix(), denseFromRows(s.z, n, n).matrix(), value.NewInt(int32(count))}), nil
}
