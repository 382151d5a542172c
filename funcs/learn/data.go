package learn

import (
	"math"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

// features reads X, a table of numeric columns (a matrix too, a column
// per feature), as columns of float64s without NULLs, with their names.
func features(fn, param string, x value.Value) ([][]float64, []string, error) {
	bad := funcs.BadArg(fn, param, "a table of numeric columns without NULL values")
	var vecs []*value.Vector
	var names []string
	switch t := x.(type) {
	case *value.Table:
		vecs, names = t.Cols, t.Names
	case *value.Matrix:
		for c := 0; c < t.Cols; c++ {
			vecs = append(vecs, funcs.MatrixColumn(t, c))
		}
	default:
		return nil, nil, bad
	}
	if len(vecs) == 0 {
		return nil, nil, bad
	}
	cols := make([][]float64, len(vecs))
	for j, v := range vecs {
		if v.T == value.Any || !funcs.IsNumericVec(v) || v.HasNull() {
			return nil, nil, bad
		}
		xs, err := funcs.DoublesOf(fn, v)
		if err != nil {
			return nil, nil, bad
		}
		cols[j] = xs
	}
	return cols, names, nil
}

// columnsByName reads the named columns of a table for predict.
func columnsByName(fn string, x value.Value, names []string) ([][]float64, error) {
	if len(names) == 0 {
		return nil, funcs.BadArg(fn, "model", "a model with feature columns")
	}
	t, ok := x.(*value.Table)
	if !ok {
		cols, _, err := features(fn, "X", x)
		if err == nil && len(cols) != len(names) {
			err = funcs.BadArg(fn, "X", "a table holding the model's feature columns")
		}
		return cols, err
	}
	cols := make([][]float64, len(names))
	for j, name := range names {
		c := t.Column(name)
		if c == nil {
			return nil, ddberr.Errorf("The column '%s' does not exist in table.", name)
		}
		if c.T == value.Any || !funcs.IsNumericVec(c) {
			return nil, funcs.BadArg(fn, "X", "a table holding the model's feature columns")
		}
		xs, err := funcs.DoublesOf(fn, c)
		if err != nil {
			return nil, err
		}
		cols[j] = xs
	}
	return cols, nil
}

// labels reads Y, the class of each of X's n rows: a numeric vector
// without NULLs. classes are its distinct values in increasing order,
// first the index of each one's first row (to give predictions Y's type)
// and codes each row's class number.
type labelSet struct {
	y       *value.Vector
	classes []float64
	first   []int
	codes   []int
}

func readLabels(fn string, y value.Value, n int) (*labelSet, error) {
	v, ok := y.(*value.Vector)
	if !ok || v.T == value.Any || !funcs.IsNumericVec(v) || v.Len() != n || v.HasNull() || n == 0 {
		return nil, funcs.BadArg(fn, "Y", "a numeric vector without NULL values, one label per row of X")
	}
	ys, err := funcs.DoublesOf(fn, v)
	if err != nil {
		return nil, err
	}
	firstOf := map[float64]int{}
	for i, y := range ys {
		if _, seen := firstOf[y]; !seen {
			firstOf[y] = i
		}
	}
	l := &labelSet{y: v}
	for c := range firstOf {
		l.classes = append(l.classes, c)
	}
	sort.Float64s(l.classes)
	code := map[float64]int{}
	for i, c := range l.classes {
		code[c] = i
		l.first = append(l.first, firstOf[c])
	}
	l.codes = make([]int, n)
	for i, y := range ys {
		l.codes[i] = code[y]
	}
	return l, nil
}

// classVector is the label vector of the classes picked, Y's type.
func (l *labelSet) classVector() *value.Vector { return l.y.Gather(l.first) }

// floats is a numeric vector or matrix entry of a model as float64s.
func floats(v value.Value) ([]float64, bool) {
	switch x := v.(type) {
	case *value.Vector:
		if x.T == value.Any || !funcs.IsNumericVec(x) {
			return nil, false
		}
		xs, err := funcs.DoublesOf("predict", x)
		return xs, err == nil
	case *value.Matrix:
		return floats(x.V)
	}
	return nil, false
}

// matrixRows is a k×m matrix (column-major) of rows given as slices.
func matrixOf(rows [][]float64, m int) *value.Matrix {
	k := len(rows)
	data := make([]float64, k*m)
	for i, r := range rows {
		for j, x := range r {
			data[j*k+i] = x
		}
	}
	return &value.Matrix{V: value.NewDoubles(funcs.Finite(data)), Rows: k, Cols: m}
}

// matrixRows reads a k×m matrix entry back into rows.
func matrixRows(v value.Value) ([][]float64, int, bool) {
	m, ok := v.(*value.Matrix)
	if !ok {
		return nil, 0, false
	}
	data, ok := floats(m)
	if !ok {
		return nil, 0, false
	}
	rows := make([][]float64, m.Rows)
	for i := range rows {
		rows[i] = make([]float64, m.Cols)
		for j := range rows[i] {
			rows[i][j] = data[j*m.Rows+i]
		}
	}
	return rows, m.Cols, true
}

// sourceColumns reads yColName and xColNames from a data source, a tuple
// of them or an in-memory table; NULLs are an error.
func sourceColumns(env funcs.Env, fn string, ds, yArg, xArg value.Value) ([]float64, [][]float64, []string, error) {
	yName, ok := funcs.StringArg(yArg)
	if !ok || yName == "" {
		return nil, nil, nil, funcs.BadArg(fn, "yColName", "a string scalar")
	}
	xNames, ok := funcs.NamesArg(xArg)
	if !ok || len(xNames) == 0 {
		return nil, nil, nil, funcs.BadArg(fn, "xColNames", "a string scalar or vector")
	}
	names := append([]string{yName}, xNames...)
	var cols [][]float64
	if t, ok := ds.(*value.Table); ok {
		var err error
		if cols, err = columnsByName(fn, t, names); err != nil {
			return nil, nil, nil, err
		}
	} else {
		var err error
		cols, err = system.SourceColumns(env, fn, ds, names, funcs.BadArg(fn, "ds", "a data source, a tuple of data sources or an in-memory table"))
		if err != nil {
			return nil, nil, nil, err
		}
	}
	for _, c := range cols {
		for _, x := range c {
			if funcs.IsNullF(x) {
				return nil, nil, nil, funcs.BadArg(fn, "ds", "numeric data without NULL values")
			}
		}
	}
	if len(cols[0]) == 0 {
		return nil, nil, nil, funcs.BadArg(fn, "ds", "non-empty numeric data")
	}
	return cols[0], cols[1:], xNames, nil
}

// argmax is the index of xs's largest element (the first of equals).
func argmax(xs []float64) int {
	best := 0
	for i, x := range xs {
		if x > xs[best] || math.IsNaN(xs[best]) {
			best = i
		}
	}
	return best
}

// nonNegNumber reads optional argument i, a non-negative number (def
// when absent or NULL).
func nonNegNumber(r *funcs.Args, name string, i int, def float64) float64 {
	return r.Number(name, r.Given(i), def, func(f float64) bool { return f >= 0 }, "a non-negative number")
}
