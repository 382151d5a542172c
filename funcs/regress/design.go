package regress

import (
	"strconv"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// design is a regression's data: the response y and the factor columns,
// each as long as y, with the names the Coefficient table prints.
// interceptName is the intercept's row name there.
type design struct {
	y             []float64
	cols          [][]float64
	names         []string
	interceptName string
}

// zeroNulls is xs copied with NULLs as 0: ols and wls compute over NULLs
// replaced by 0 (funcs/o/ols.md).
func zeroNulls(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		if !funcs.IsNullF(x) {
			out[i] = x
		}
	}
	return out
}

// numericVector reads a numeric vector argument as float64s (NULLs kept as
// value.NullFloat64, the slice its own copy).
func numericVector(fn, param string, x value.Value) ([]float64, error) {
	v, ok := x.(*value.Vector)
	if !ok || v.T == value.Any || !funcs.IsNumericVec(v) {
		return nil, funcs.BadArg(fn, param, "a numeric vector")
	}
	xs, err := funcs.DoublesOf(fn, v)
	if err != nil {
		return nil, err
	}
	return append([]float64(nil), xs...), nil
}

// designIn is readDesign of Y and X, arguments 0 and 1, read through r.
func designIn(r *funcs.Args) *design {
	return funcs.Read(r, func() (*design, error) { return readDesign(r.Fn, r.Arg(0), r.Arg(1)) })
}

// readDesign reads Y and X the way ols, wls and residual take them: Y a
// numeric vector, X a numeric vector, a tuple of them, a matrix (a factor
// per column when its rows are as many as Y's elements, else a factor per
// row when its columns are) or a table of numeric columns. NULLs are kept;
// the caller decides what they mean.
func readDesign(fn string, yArg, xArg value.Value) (*design, error) {
	y, err := numericVector(fn, "Y", yArg)
	if err != nil {
		return nil, err
	}
	d := &design{y: y, interceptName: "intercept"}
	n := len(y)
	badX := funcs.BadArg(fn, "X", "a numeric vector, tuple, matrix or table with as many rows as Y")
	add := func(name string, v *value.Vector) error {
		if v.T == value.Any || !funcs.IsNumericVec(v) || v.Len() != n {
			return badX
		}
		xs, err := funcs.DoublesOf(fn, v)
		if err != nil {
			return err
		}
		d.cols = append(d.cols, append([]float64(nil), xs...))
		d.names = append(d.names, name)
		return nil
	}
	switch x := xArg.(type) {
	case *value.Vector:
		if x.T != value.Any {
			return d, add("x1", x)
		}
		for i, e := range x.Any {
			v, ok := e.(*value.Vector)
			if !ok {
				return nil, badX
			}
			if err := add("x"+strconv.Itoa(i+1), v); err != nil {
				return nil, err
			}
		}
	case *value.Matrix:
		m := x
		if m.Rows != n && m.Cols == n {
			m = m.Transpose()
		}
		if m.Rows != n || !funcs.IsNumericVec(m.V) {
			return nil, badX
		}
		d.interceptName = "beta0"
		for c := 0; c < m.Cols; c++ {
			name := "beta" + strconv.Itoa(c+1)
			if m.ColLabels != nil && (m.ColLabels.T == value.String || m.ColLabels.T == value.Symbol) {
				name = m.ColLabels.StrAt(c)
			}
			if err := add(name, funcs.MatrixColumn(m, c)); err != nil {
				return nil, err
			}
		}
	case *value.Table:
		for i, c := range x.Cols {
			if err := add(x.Names[i], c); err != nil {
				return nil, err
			}
		}
	default:
		return nil, badX
	}
	if len(d.cols) == 0 {
		return nil, badX
	}
	return d, nil
}

// matrixCols is the design matrix's columns: a column of ones first
// when intercept.
func (d *design) matrixCols(intercept bool) ([][]float64, []string) {
	if !intercept {
		return d.cols, d.names
	}
	ones := make([]float64, len(d.y))
	for i := range ones {
		ones[i] = 1
	}
	return append([][]float64{ones}, d.cols...), append([]string{d.interceptName}, d.names...)
}
