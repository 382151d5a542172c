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
				return nil, badArg(fn, name, "a numeric column")
			}
			xs, err := funcs.DoublesOf(fn, c)
			if err != nil {
				return nil, err
			}
			cols = append(cols, append([]float64(nil), xs...))
		}
	} else {
		var err error
		cols, err = system.SourceColumns(env, fn, ds, names, badArg(fn, "ds", "a data source, a tuple of data sources or an in-memory table"))
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
		return "", nil, badArg(fn, yParam, "a string scalar")
	}
	xNames, ok := funcs.NamesArg(x)
	if !ok || len(xNames) == 0 {
		return "", nil, badArg(fn, xParam, "a string scalar or vector")
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
	intercept, err := funcs.BoolArg("olsEx", "intercept", nullAbsent(funcs.Arg(args, 3)), true)
	if err != nil {
		return nil, err
	}
	mode, err := modeArg("olsEx", funcs.Arg(args, 4))
	if err != nil {
		return nil, err
	}
	d, err := sourceDesign(env, "olsEx", args[0], yName, xNames)
	if err != nil {
		return nil, err
	}
	return fitOLS("olsEx", d, nil, intercept, mode, "default", true, olsKeysEx)
}

// beta is the least-squares slope of Y on X over the pairs neither is
// NULL in, cov(X, Y)/var(X) (funcs/b/beta.md); for matrices, one per
// column pair.
func beta(_ funcs.Env, args []value.Value) (value.Value, error) {
	switch y := args[0].(type) {
	case *value.Vector:
		x, ok := args[1].(*value.Vector)
		if !ok || y.T == value.Any || x.T == value.Any || !funcs.IsNumericVec(y) || !funcs.IsNumericVec(x) || x.Len() != y.Len() {
			return nil, badArg("beta", "X", "a numeric vector as long as Y")
		}
		ys, xs, err := funcs.DoublesOf2("beta", y, x)
		if err != nil {
			return nil, err
		}
		return value.NewDouble(nullNaN(slope(ys, xs))[0]), nil
	case *value.Matrix:
		x, ok := args[1].(*value.Matrix)
		if !ok || x.Rows != y.Rows || x.Cols != y.Cols || !funcs.IsNumericVec(y.V) || !funcs.IsNumericVec(x.V) {
			return nil, badArg("beta", "X", "a numeric matrix of Y's dimensions")
		}
		out := make([]float64, y.Cols)
		for c := range out {
			ys, xs, err := funcs.DoublesOf2("beta", funcs.MatrixColumn(y, c), funcs.MatrixColumn(x, c))
			if err != nil {
				return nil, err
			}
			out[c] = slope(ys, xs)
		}
		return value.NewDoubles(nullNaN(out...)), nil
	}
	return nil, badArg("beta", "Y", "a numeric vector or matrix")
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
