package mathfn

import (
	"context"
	"math"
	"strconv"

	"gonum.org/v1/gonum/mat"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// singularValues are the singular values of a matrix (or of a vector as a
// one-column matrix), descending, refusing NULLs and empty input.
func singularValues(ctx context.Context, fn string, x value.Value) ([]float64, error) {
	d, err := vectorOrMatrixDense(fn, x)
	if err != nil {
		return nil, err
	}
	_, s, _, err := svdRows(ctx, rowsOf(d), false)
	return s, err
}

// vectorOrMatrixDense reads a numeric matrix, or a vector as a one-column
// matrix, without NULLs.
func vectorOrMatrixDense(fn string, x value.Value) (*dense, error) {
	m, ok := x.(*value.Matrix)
	if !ok {
		v, isVec := x.(*value.Vector)
		if !isVec {
			return nil, ddberr.Errorf("The argument of %s must be a matrix.", fn)
		}
		m = &value.Matrix{V: v, Rows: v.Len(), Cols: 1}
	}
	if m.Rows == 0 || m.Cols == 0 {
		return nil, ddberr.Errorf("The argument of %s must not be empty.", fn)
	}
	return denseOf(fn, m, false)
}

// matrixRank counts the singular values above tol (DBL_EPSILON unless
// given) times the largest, funcs/m/matrixRank.md: its example's third
// singular value is about 7e-16, above DBL_EPSILON, yet the page's rank
// is 2, so tol is relative (as Eigen's SVD rank threshold is).
func matrixRank(env funcs.Env, args []value.Value) (value.Value, error) {
	tol := 2.220446049250313e-16
	if t := funcs.Arg(args, 1); t != nil {
		s, ok := funcs.ScalarArg(t)
		if !ok || s.Null || !s.T.IsNumeric() || s.T.IsDecimal() {
			return nil, ddberr.Errorf("The argument [tol] of matrixRank must be a numeric scalar.")
		}
		tol = s.Float64()
	}
	s, err := singularValues(funcs.ContextOf(env), "matrixRank", args[0])
	if err != nil {
		return nil, err
	}
	rank := int32(0)
	for _, x := range s {
		if x > tol*s[0] {
			rank++
		}
	}
	return value.NewInt(rank), nil
}

// pinverse is the Moore-Penrose pseudo-inverse V*diag(1/s)*U' from the
// SVD, singular values up to 1e-15 times the largest counting as zero
// (numpy.linalg.pinv's cutoff), funcs/p/pinverse.md.
func pinverse(env funcs.Env, args []value.Value) (value.Value, error) {
	m, err := matrixArg("pinverse", args[0])
	if err != nil {
		return nil, err
	}
	d, err := vectorOrMatrixDense("pinverse", m)
	if err != nil {
		return nil, err
	}
	if err := reserveVectors(env, true, d.rows, d.cols); err != nil {
		return nil, err
	}
	u, s, vt, err := svdRows(funcs.ContextOf(env), rowsOf(d), true)
	if err != nil {
		return nil, err
	}
	cut := 1e-15 * s[0]
	out := &dense{rows: d.cols, cols: d.rows, a: make([]float64, d.rows*d.cols)}
	for i, si := range s {
		if si <= cut {
			continue
		}
		for b := 0; b < d.rows; b++ {
			ub := u[b][i] / si
			dst := out.a[b*out.rows : (b+1)*out.rows]
			for a := range dst {
				dst[a] += vt[i][a] * ub
			}
		}
	}
	return out.matrix(), nil
}

// Pinv is pinverse over a gonum matrix, for the fits of funcs/regress
// and funcs/learn: V*diag(1/s)*U' from gonum's thin SVD, singular values
// up to 1e-15 times the largest counting as zero.
func Pinv(a mat.Matrix) *mat.Dense {
	var svd mat.SVD
	r, c := a.Dims()
	if !svd.Factorize(a, mat.SVDThin) {
		return mat.NewDense(c, r, nil)
	}
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	s := svd.Values(nil)
	cut := 0.0
	if len(s) > 0 {
		cut = 1e-15 * s[0]
	}
	for j, sv := range s {
		f := 0.0
		if sv > cut {
			f = 1 / sv
		}
		for i := 0; i < c; i++ {
			v.Set(i, j, v.At(i, j)*f)
		}
	}
	out := mat.NewDense(c, r, nil)
	out.Mul(&v, u.T())
	return out
}

// normOrd is vectorNorm's ord: a number p, or one of the names.
type normOrd struct {
	name string // "", "inf", "-inf", "nuc" or "fro"; "" with p set or not
	p    float64
	set  bool // a number was given
}

func (o normOrd) String() string {
	if o.name != "" {
		return o.name
	}
	return strconv.FormatFloat(o.p, 'g', -1, 64)
}

func normOrdArg(x value.Value) (normOrd, error) {
	if x == nil {
		return normOrd{}, nil
	}
	if s, ok := funcs.StringArg(x); ok {
		switch s {
		case "inf", "-inf", "nuc", "fro":
			return normOrd{name: s}, nil
		}
	} else if s, ok := funcs.ScalarArg(x); ok && !s.Null && (s.T.Category() == value.CatIntegral || s.T.Category() == value.CatFloating) {
		return normOrd{p: s.Float64(), set: true}, nil
	}
	return normOrd{}, ddberr.Errorf("The argument [ord] of vectorNorm must be a number or one of 'inf', '-inf', 'nuc' and 'fro'.")
}

// normAxesArg reads axis: nil when absent, else its one or two distinct
// 0/1 entries (only 0 for a vector).
func normAxesArg(x value.Value, isVector bool) ([]int, error) {
	if x == nil {
		return nil, nil
	}
	v, ok := funcs.VectorArg(x)
	if ok && (v.T.Category() == value.CatIntegral) && !v.HasNull() {
		axes := funcs.LongsOf(v)
		good := len(axes) >= 1 && len(axes) <= 2 && (len(axes) == 1 || axes[0] != axes[1])
		out := make([]int, len(axes))
		for i, a := range axes {
			good = good && (a == 0 || a == 1) && !(isVector && a != 0)
			out[i] = int(a)
		}
		if good && !(isVector && len(out) != 1) {
			return out, nil
		}
	}
	if isVector {
		return nil, ddberr.Errorf("The argument [axis] of vectorNorm must be 0 when x is a vector.")
	}
	return nil, ddberr.Errorf("The argument [axis] of vectorNorm must be 0, 1 or a vector of the distinct values 0 and 1.")
}

// vectorNorm is the vector or matrix norm of x (funcs/v/vectornorm.md),
// numpy.linalg.norm's rules, with the page's matrix results for 'inf' and
// '-inf' (the smallest and the largest sum along the second axis).
func vectorNorm(env funcs.Env, args []value.Value) (value.Value, error) {
	var (
		v    *value.Vector
		rows int
		cols = 1
	)
	switch t := args[0].(type) {
	case *value.Vector:
		v, rows = t, t.Len()
	case *value.Matrix:
		v, rows, cols = t.V, t.Rows, t.Cols
	}
	if v == nil || !funcs.IsNumericVec(v) || v.T.IsDecimal() || v.T == value.Void || v.Len() == 0 {
		return nil, ddberr.Errorf("The argument [x] of vectorNorm must be a non-empty numeric vector or matrix other than DECIMAL.")
	}
	isVector := args[0].Form() == value.FormVector
	r := funcs.ReadArgs("vectorNorm", args)
	ord := funcs.Read(r, func() (normOrd, error) { return normOrdArg(r.Arg(1)) })
	axes := funcs.Read(r, func() ([]int, error) { return normAxesArg(r.Arg(2), isVector) })
	keep := r.Bool("keepDims", r.Arg(3), false)
	raw := r.Doubles(v)
	if err := r.Err(); err != nil {
		return nil, err
	}
	xs := funcs.NullsAsNaN(raw)
	integral := v.T.Category() == value.CatIntegral || v.T == value.Bool
	if isVector || len(axes) == 1 {
		if ord.name == "nuc" || ord.name == "fro" {
			return nil, ddberr.Errorf("Invalid norm order '%s' for vectors.", ord.name)
		}
		if isVector {
			r := normResult(v.T, []float64{vecNorm(xs, ord)}, integral && ord.keepsType())
			if keep && axes != nil {
				return r, nil
			}
			return r.Elem(0), nil
		}
		// one axis of a matrix: the norm of each column (0) or row (1).
		n, stride, step, count := cols, rows, 1, rows
		if axes[0] == 1 {
			n, stride, step, count = rows, 1, rows, cols
		}
		out := make([]float64, n)
		line := make([]float64, count)
		for i := range out {
			for k := range line {
				line[k] = xs[i*stride+k*step]
			}
			out[i] = vecNorm(line, ord)
		}
		r := normResult(v.T, out, integral && ord.keepsType())
		if !keep {
			return r, nil
		}
		if axes[0] == 0 {
			return &value.Matrix{V: r, Rows: 1, Cols: cols}, nil
		}
		return &value.Matrix{V: r, Rows: rows, Cols: 1}, nil
	}
	rowAxis := 0
	if axes != nil {
		rowAxis = axes[0]
	}
	x, err := matNorm(funcs.ContextOf(env), xs, rows, cols, rowAxis, ord)
	if err != nil {
		return nil, err
	}
	res := normResult(v.T, []float64{x}, integral && ord.keepsType())
	if keep && axes != nil {
		return &value.Matrix{V: res, Rows: 1, Cols: 1}, nil
	}
	return res.Elem(0), nil
}

// keepsType reports whether the norm of integers is an integer of their
// type: the sums and extremes of absolute values, and the count of
// non-zeros.
func (o normOrd) keepsType() bool {
	return o.name == "inf" || o.name == "-inf" || (o.set && (o.p == 0 || o.p == 1))
}

// normResult is the norms as DOUBLEs, or as INT/LONG (LONG for LONG x)
// when asInt.
func normResult(t value.Type, out []float64, asInt bool) *value.Vector {
	for i, x := range out {
		if math.IsNaN(x) {
			out[i] = value.NullFloat64
		}
	}
	if !asInt {
		return value.NewDoubles(out)
	}
	ls := make([]int64, len(out))
	for i, x := range out {
		ls[i] = value.NullInt64
		if x != value.NullFloat64 {
			ls[i] = int64(x)
		}
	}
	if t == value.Long {
		return value.NewLongs(ls)
	}
	return funcs.FromLongs(value.Int, ls)
}

// vecNorm is the ord-norm of a vector (2-norm by default).
func vecNorm(xs []float64, o normOrd) float64 {
	switch {
	case o.name == "inf" || o.name == "-inf":
		r := math.Abs(xs[0])
		for _, x := range xs[1:] {
			a := math.Abs(x)
			if math.IsNaN(a) || (o.name == "inf" && a > r) || (o.name == "-inf" && a < r) {
				r = a
			}
			if math.IsNaN(r) {
				break
			}
		}
		return r
	case !o.set || o.p == 2:
		s := 0.0
		for _, x := range xs {
			s += x * x
		}
		return math.Sqrt(s)
	case o.p == 0:
		n := 0.0
		for _, x := range xs {
			if x != 0 {
				n++
			}
		}
		return n
	case o.p == 1:
		s := 0.0
		for _, x := range xs {
			s += math.Abs(x)
		}
		return s
	}
	s := 0.0
	for _, x := range xs {
		s += math.Pow(math.Abs(x), o.p)
	}
	return math.Pow(s, 1/o.p)
}

// matNorm is the matrix ord-norm of the column-major rows x cols xs, its
// first axis rowAxis (Frobenius by default).
func matNorm(ctx context.Context, xs []float64, rows, cols, rowAxis int, o normOrd) (float64, error) {
	switch {
	case !o.set && (o.name == "" || o.name == "fro"):
		return vecNorm(xs, normOrd{}), nil
	case o.name == "nuc" || (o.set && (o.p == 2 || o.p == -2)):
		d := &dense{rows: rows, cols: cols, a: xs}
		for _, x := range xs {
			if math.IsNaN(x) {
				return math.NaN(), nil
			}
		}
		_, s, _, err := svdRows(ctx, rowsOf(d), false)
		if err != nil {
			return 0, err
		}
		switch {
		case o.name == "nuc":
			sum := 0.0
			for _, x := range s {
				sum += x
			}
			return sum, nil
		case o.p == 2:
			return s[0], nil
		}
		return s[len(s)-1], nil
	case o.name == "inf" || o.name == "-inf" || (o.set && (o.p == 1 || o.p == -1)):
		// ord 1/-1 take the largest/smallest sum along the first axis;
		// the page gives 'inf'/'-inf' the smallest/largest along the second.
		along := rowAxis
		if o.name != "" {
			along = 1 - rowAxis
		}
		largest := o.p == 1 || o.name == "-inf"
		sums := make([]float64, cols)
		if along == 1 {
			sums = make([]float64, rows)
		}
		for c := 0; c < cols; c++ {
			for r := 0; r < rows; r++ {
				a := math.Abs(xs[c*rows+r])
				if along == 0 {
					sums[c] += a
				} else {
					sums[r] += a
				}
			}
		}
		best := sums[0]
		for _, s := range sums[1:] {
			if (largest && s > best) || (!largest && s < best) {
				best = s
			}
		}
		return best, nil
	}
	return 0, ddberr.Errorf("Invalid norm order '%s' for matrices.", o.String())
}
