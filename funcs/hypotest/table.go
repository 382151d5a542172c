package hypotest

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// columns reads a matrix's or a table's columns as float64s (NULLs as
// value.NullFloat64); ok is false for other forms or non-numeric
// columns.
func columns(fn string, x value.Value) ([][]float64, bool) {
	var vs []*value.Vector
	switch t := x.(type) {
	case *value.Matrix:
		for c := 0; c < t.Cols; c++ {
			vs = append(vs, t.V.Slice(c*t.Rows, (c+1)*t.Rows))
		}
	case *value.Table:
		vs = t.Cols
	default:
		return nil, false
	}
	out := make([][]float64, len(vs))
	for i, v := range vs {
		if !funcs.IsNumericVec(v) || v.T == value.Void {
			return nil, false
		}
		xs, err := funcs.DoublesOf(fn, v)
		if err != nil {
			return nil, false
		}
		out[i] = xs
	}
	return out, true
}

// chiSquareTest is chiSquareTest(X, [Y]) (funcs/c/chiSquareTest.md): with
// vectors, the goodness of fit of the counts X to the distribution Y
// (expected counts sum(X)*Y/sum(Y)); with a matrix or table, Pearson's
// test of independence of its rows and columns (no continuity
// correction).
func chiSquareTest(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "chiSquareTest"
	var chi, df float64
	var method string
	if cols, ok := columns(fn, args[0]); ok {
		method = "Pearson's Chi-squared test"
		r := 0
		if len(cols) > 0 {
			r = len(cols[0])
		}
		if len(cols) < 2 || r < 2 {
			return nil, ddberr.Errorf("The argument [X] of chiSquareTest must have at least 2 rows and 2 columns.")
		}
		rowSum := make([]float64, r)
		colSum := make([]float64, len(cols))
		total := 0.0
		for j, c := range cols {
			for i, v := range c {
				if funcs.IsNullF(v) || v < 0 {
					return nil, ddberr.Errorf("The argument [X] of chiSquareTest must hold non-negative numbers without NULL values.")
				}
				rowSum[i] += v
				colSum[j] += v
				total += v
			}
		}
		for j, c := range cols {
			for i, v := range c {
				e := rowSum[i] * colSum[j] / total
				chi += (v - e) * (v - e) / e
			}
		}
		df = float64((r - 1) * (len(cols) - 1))
	} else {
		if len(args) < 2 {
			return nil, ddberr.Errorf("The argument [Y] of chiSquareTest is required when X is a vector.")
		}
		in := funcs.ReadArgs(fn, args)
		x, y := samples(in, 1)
		if err := in.Err(); err != nil {
			return nil, err
		}
		if len(x) != len(y) {
			return nil, ddberr.Errorf("The arguments [X] and [Y] of chiSquareTest must have the same length.")
		}
		method = "Chi-square goodness of fit test"
		var sx, sy float64
		for i := range x {
			sx += x[i]
			sy += y[i]
		}
		for i := range x {
			e := sx * y[i] / sy
			chi += (x[i] - e) * (x[i] - e) / e
		}
		df = float64(len(x) - 1)
	}
	p := math.NaN()
	if df > 0 && !math.IsNaN(chi) {
		p = distuv.ChiSquared{K: df}.Survival(chi)
	}
	return result(
		entry{"pValue", dbl(p)},
		entry{"df", value.NewLong(int64(df))},
		entry{"chiSquaredValue", dbl(chi)},
		entry{"method", value.NewString(method)},
	), nil
}

// anova is anova(X) (funcs/a/anova.md): one-way analysis of variance of
// the groups that are X's columns (NULLs left out).
func anova(_ funcs.Env, args []value.Value) (value.Value, error) {
	cols, ok := columns("anova", args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [X] of anova must be a matrix or a table with numeric columns.")
	}
	var groups [][]float64
	var n int
	var grand float64
	for _, c := range cols {
		var g []float64
		for _, v := range c {
			if !funcs.IsNullF(v) {
				g = append(g, v)
				grand += v
			}
		}
		if len(g) > 0 {
			groups = append(groups, g)
			n += len(g)
		}
	}
	if len(groups) < 2 || n <= len(groups) {
		return nil, ddberr.Errorf("The argument [X] of anova must hold at least 2 groups and more values than groups.")
	}
	grand /= float64(n)
	var between, within float64
	for _, g := range groups {
		m, _ := meanOf(g)
		between += float64(len(g)) * (m - grand) * (m - grand)
		for _, v := range g {
			within += (v - m) * (v - m)
		}
	}
	dfB, dfW := float64(len(groups)-1), float64(n-len(groups))
	f := (between / dfB) / (within / dfW)
	p := math.NaN()
	if f >= 0 && !math.IsInf(f, 0) {
		p = fSurvival(dfB, dfW, f)
	}
	return result(
		entry{"pValue", dbl(p)},
		entry{"fValue", dbl(f)},
		entry{"ssBetween", dbl(between)},
		entry{"dfBetween", value.NewInt(int32(dfB))},
		entry{"ssWithin", dbl(within)},
		entry{"dfWithin", value.NewInt(int32(dfW))},
	), nil
}

// fSurvival is P(F > f) for the F distribution with d1 and d2 degrees of
// freedom, from the incomplete beta directly so that small p-values keep
// their digits.
func fSurvival(d1, d2, f float64) float64 {
	if f <= 0 {
		return 1
	}
	return mathext.RegIncBeta(d2/2, d1/2, d2/(d2+d1*f))
}
