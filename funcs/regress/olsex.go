package regress

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

// sourceDesign reads the columns yName and xNames of a data source, a
// tuple of them or an in-memory table into a design (NULLs kept).
func sourceDesign(env funcs.Env, fn string, ds value.Value, yName string, xNames []string) (*design, error) {
	names := append([]string{yName}, xNames...)
	var cols [][]float64
	if t, ok := ds.(*value.Table); ok {
		for _, name := range names {
			c := t.Column(name)
			if c == nil {
				return nil, ddberr.Errorf("The column '%s' does not exist in table.", name)
			}
			if c.T == value.Any || !funcs.IsNumericVec(c) {
				return nil, funcs.BadArg(fn, name, "a numeric column")
			}
			xs, err := funcs.DoublesOf(fn, c)
			if err != nil {
				return nil, err
			}
			cols = append(cols, append([]float64(nil), xs...))
		}
	} else {
		var err error
		cols, err = system.SourceColumns(env, fn, ds, names, funcs.BadArg(fn, "ds", "a data source, a tuple of data sources or an in-memory table"))
		if err != nil {
			return nil, err
		}
	}
	return &design{y: cols[0], cols: cols[1:], names: xNames, interceptName: "intercept"}, nil
}

// columnNames reads Y's and X's column names.
func columnNames(fn, yParam, xParam string, y, x value.Value) (string, []string, error) {
	yName, ok := funcs.StringArg(y)
	if !ok || yName == "" {
		return "", nil, funcs.BadArg(fn, yParam, "a string scalar")
	}
	xNames, ok := funcs.NamesArg(x)
	if !ok || len(xNames) == 0 {
		return "", nil, funcs.BadArg(fn, xParam, "a string scalar or vector")
	}
	return yName, xNames, nil
}

// olsKeysEx is the order funcs/o/olsEx.md prints mode 2's dictionary in
// (it has no residuals).
var olsKeysEx = []string{"RegressionStat", "ANOVA", "Coefficient"}

// olsEx is ols over the columns Y and X of the rows data sources give
// (funcs/o/olsEx.md).
func olsEx(env funcs.Env, args []value.Value) (value.Value, error) {
	yName, xNames, err := columnNames("olsEx", "Y", "X", args[1], args[2])
	if err != nil {
		return nil, err
	}
	r := funcs.ReadArgs("olsEx", args)
	intercept, mode := interceptMode(r, 3)
	if err := r.Err(); err != nil {
		return nil, err
	}
	d, err := sourceDesign(env, "olsEx", args[0], yName, xNames)
	if err != nil {
		return nil, err
	}
	return fitOLS(funcs.ContextOf(env), "olsEx", d, nil, intercept, mode, "default", true, olsKeysEx)
}

// beta is the least-squares slope of Y on X over the pairs neither is
// NULL in, cov(X, Y)/var(X) (funcs/b/beta.md): a scalar for vectors, one
// per column pair for matrices (a vector) and tables (a one-row table of
// Y's column names, over their numeric and BOOL columns).
func beta(_ funcs.Env, args []value.Value) (value.Value, error) {
	ys, err := betaColumns(args[0])
	if err != nil {
		return nil, funcs.BadArg("beta", "Y", "a numeric vector, matrix or table")
	}
	xs, err := betaColumns(args[1])
	if err != nil || len(xs) != len(ys) {
		return nil, funcs.BadArg("beta", "X", "a numeric vector, matrix or table of Y's shape")
	}
	out := make([]float64, len(ys))
	for c := range ys {
		if ys[c].Len() != xs[c].Len() {
			return nil, funcs.BadArg("beta", "X", "a numeric vector, matrix or table of Y's shape")
		}
		yf, xf, err := funcs.DoublesOf2("beta", ys[c], xs[c])
		if err != nil {
			return nil, err
		}
		out[c] = slope(yf, xf)
	}
	nullNaN(out...)
	switch y := args[0].(type) {
	case *value.Matrix:
		return value.NewDoubles(out), nil
	case *value.Table:
		var names []string
		cols := make([]*value.Vector, 0, len(out))
		for i, c := range y.Cols {
			if c.T != value.Any && funcs.IsNumericVec(c) {
				names = append(names, y.Names[i])
				cols = append(cols, value.NewDoubles([]float64{out[len(cols)]}))
			}
		}
		return value.NewTable(names, cols), nil
	}
	return value.NewDouble(out[0]), nil
}

// betaColumns is a vector's, a matrix's or a table's numeric columns.
func betaColumns(x value.Value) ([]*value.Vector, error) {
	var cols []*value.Vector
	switch v := x.(type) {
	case *value.Vector:
		if v.T != value.Any && funcs.IsNumericVec(v) {
			cols = []*value.Vector{v}
		}
	case *value.Matrix:
		if funcs.IsNumericVec(v.V) {
			for c := 0; c < v.Cols; c++ {
				cols = append(cols, funcs.MatrixColumn(v, c))
			}
		}
	case *value.Table:
		for _, c := range v.Cols {
			if c.T != value.Any && funcs.IsNumericVec(c) {
				cols = append(cols, c)
			}
		}
	}
	if len(cols) == 0 {
		return nil, funcs.BadArg("beta", "Y", "a numeric vector, matrix or table")
	}
	return cols, nil
}

// slope is cov(x, y)/var(x) over the pairs with neither NULL; NaN with
// fewer than 2 pairs or x constant.
func slope(ys, xs []float64) float64 {
	var n, sx, sy float64
	for i, y := range ys {
		if !funcs.IsNullF(y) && !funcs.IsNullF(xs[i]) {
			n++
			sx += xs[i]
			sy += y
		}
	}
	if n < 2 {
		return math.NaN()
	}
	mx, my := sx/n, sy/n
	var sxy, sxx float64
	for i, y := range ys {
		if !funcs.IsNullF(y) && !funcs.IsNullF(xs[i]) {
			sxy += (xs[i] - mx) * (y - my)
			sxx += (xs[i] - mx) * (xs[i] - mx)
		}
	}
	if sxx == 0 {
		return math.NaN()
	}
	return sxy / sxx
}
