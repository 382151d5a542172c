package stats

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/indexed"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// minMax is min/max: one argument reduces (NULLs ignored), two compare
// element-wise (a NULL gives NULL).
func minMax(fn string, args []value.Value, dir int) (value.Value, error) {
	if y := funcs.Arg(args, 1); y != nil {
		return pairExtreme(fn, args[0], y, dir, false)
	}
	return aggregate(fn, args[0], extremeReducer(dir))
}

// decimalScaleOf is a DECIMAL's scale, 0 for any other type.
func decimalScaleOf(v *value.Vector) int32 {
	if v.T.IsDecimal() {
		return v.Scale
	}
	return 0
}

// pairExtreme picks the larger (dir 1) or smaller element of X and Y
// position by position; ignoreNull returns the non-NULL one of a pair
// (maxIgnoreNull) instead of NULL. The result has the promoted type.
func pairExtreme(fn string, x, y value.Value, dir int, ignoreNull bool) (value.Value, error) {
	xv, yv, n, wrap, err := mathfn.Broadcast2(fn, x, y)
	if err != nil {
		return nil, err
	}
	t := xv.T
	if xv.T != yv.T {
		switch {
		case funcs.IsNumericVec(xv) && funcs.IsNumericVec(yv):
			t = value.Promote(xv.T, yv.T)
		case xv.T.Category() == value.CatLiteral && yv.T.Category() == value.CatLiteral:
			t = value.String
		default:
			if xv.T.IsTemporal() && yv.T.IsTemporal() {
				if _, ok := x.(*value.Scalar); ok {
					if _, ok := y.(*value.Scalar); ok {
						t = finerTemporal(xv.T, yv.T)
						break
					}
				}
			}
			if xv.T.IsTemporal() || yv.T.IsTemporal() {
				return nil, fmt.Errorf("%s: the temporal types of X and Y must be the same.", fn)
			}
			return nil, fmt.Errorf("%s doesn't support %s and %s.", fn, xv.T, yv.T)
		}
	}
	// DECIMALs of two scales, or a DECIMAL and an integer, meet at the
	// larger scale: the other side converts to DECIMAL (tutorials/
	// DECIMAL.md 2.3) and the result carries one scale
	scale := xv.Scale
	if t.IsDecimal() {
		scale = max(decimalScaleOf(xv), decimalScaleOf(yv))
	}
	if xv, err = cast.Vector(xv, t, scale); err != nil {
		return nil, err
	}
	if yv, err = cast.Vector(yv, t, scale); err != nil {
		return nil, err
	}
	out := value.NewVector(t, 0, n)
	out.Scale = scale
	xm, ym := funcs.Stride(xv), funcs.Stride(yv)
	for i := 0; i < n; i++ {
		xi, yi := i*xm, i*ym
		xn, yn := xv.IsNull(xi), yv.IsNull(yi)
		switch {
		case xn && yn:
			out.AppendNull()
		case xn || yn:
			if !ignoreNull {
				out.AppendNull()
			} else if xn {
				out.AppendFrom(yv, yi)
			} else {
				out.AppendFrom(xv, xi)
			}
		case value.CompareAcross(xv, xi, yv, yi)*dir >= 0:
			out.AppendFrom(xv, xi)
		default:
			out.AppendFrom(yv, yi)
		}
	}
	return wrap(out), nil
}

// finerTemporal is the more precise of two temporal types (min/max of
// temporal scalars convert to it, per the "min" page).
func finerTemporal(a, b value.Type) value.Type {
	rank := map[value.Type]int{value.Date: 1, value.Month: 0, value.DateHour: 2, value.DateMinute: 3, value.DateTime: 4,
		value.Timestamp: 5, value.NanoTimestamp: 6, value.Minute: 3, value.Second: 4, value.Time: 5, value.NanoTime: 6}
	if rank[a] >= rank[b] {
		return a
	}
	return b
}

// mad is the mean absolute deviation from the mean, or with useMedian the
// median absolute deviation from the median.
func mad(_ funcs.Env, args []value.Value) (value.Value, error) {
	useMed, err := funcs.BoolArg("mad", "useMedian", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	return aggregate("mad", args[0], doubleAgg("mad", func(xs []float64) (float64, bool) {
		if len(xs) == 0 {
			return 0, false
		}
		dev := make([]float64, len(xs))
		if useMed {
			c := Median(OrderedAt(xs, (len(xs)-1)/2))
			for i, x := range xs {
				dev[i] = math.Abs(x - c)
			}
			return Median(OrderedAt(dev, (len(dev)-1)/2)), true
		}
		c := Mean(xs)
		for i, x := range xs {
			dev[i] = math.Abs(x - c)
		}
		return Mean(dev), true
	}))
}

// MomentOf is the biased skew (m3/m2^1.5) or kurtosis (m4/m2^2) of xs;
// false for fewer than two values or no spread.
func MomentOf(xs []float64, which string) (float64, bool) {
	n := float64(len(xs))
	if len(xs) < 2 {
		return 0, false
	}
	m := Mean(xs)
	var m2, m3, m4 float64
	for _, x := range xs {
		d := x - m
		d2 := d * d
		m2 += d2
		m3 += d2 * d
		m4 += d2 * d2
	}
	m2, m3, m4 = m2/n, m3/n, m4/n
	if m2 == 0 {
		return 0, false
	}
	if which == "skew" {
		return m3 / math.Pow(m2, 1.5), true
	}
	return m4 / (m2 * m2), true
}

// moment is kurtosis (m4/m2^2) or skew (m3/m2^1.5), biased by default.
func moment(fn string, args []value.Value) (value.Value, error) {
	biased, err := funcs.BoolArg(fn, "biased", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	return aggregate(fn, args[0], doubleAgg(fn, func(xs []float64) (float64, bool) {
		return Moment(xs, fn, biased)
	}))
}

// Moment is the skew (which "skew") or kurtosis of xs, biased or with the
// standard sample corrections; false where DolphinDB gives NULL.
func Moment(xs []float64, which string, biased bool) (float64, bool) {
	g, ok := MomentOf(xs, which)
	if !ok || biased {
		return g, ok
	}
	return Unbiased(g, float64(len(xs)), which)
}

// Unbiased corrects the biased skew (which "skew") or kurtosis g of n
// values to the sample estimate; false where DolphinDB gives NULL.
func Unbiased(g, n float64, which string) (float64, bool) {
	if which == "skew" {
		if n < 3 {
			return 0, false
		}
		return g * math.Sqrt(n*(n-1)) / (n - 2), true
	}
	if n < 4 {
		return 0, false
	}
	// Sample excess kurtosis plus 3 (DolphinDB keeps the normal's 3).
	return ((n+1)*(g-3)+6)*(n-1)/((n-2)*(n-3)) + 3, true
}

// quantileFn is percentile (percent in [0, 100]) and quantile (q in
// [0, 1]).
func quantileFn(fn string, args []value.Value, scale float64) (value.Value, error) {
	q, ok := funcs.ScalarArg(args[1])
	if !ok || !q.T.IsNumeric() || q.Null || q.Float64() < 0 || q.Float64() > scale {
		if scale == 100 {
			return nil, ddberr.Errorf("The percent of percentile must be between 0 and 100.")
		}
		return nil, ddberr.Errorf("The q of quantile must be between 0 and 1.")
	}
	method, err := Interpolation(fn, funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	p := q.Float64() / scale
	return aggregate(fn, args[0], ofCounts(doubleAgg(fn, func(xs []float64) (float64, bool) {
		if len(xs) == 0 {
			return 0, false
		}
		return QuantileSorted(OrderedAt(xs, max(0, int(math.Floor(float64(len(xs)-1)*p)))), p, method), true
	})))
}

// interpolation validates an interpolation method name.
func Interpolation(fn string, x value.Value) (string, error) {
	if x == nil {
		return "linear", nil
	}
	s, ok := funcs.StringArg(x)
	switch {
	case !ok:
	case s == "linear", s == "lower", s == "higher", s == "nearest", s == "midpoint":
		return s, nil
	}
	return "", ddberr.Errorf("The interpolation of %s must be 'linear', 'lower', 'higher', 'nearest' or 'midpoint'.", fn)
}

// quantileSeries is quantile at each q of a vector.
func quantileSeries(_ funcs.Env, args []value.Value) (value.Value, error) {
	xv, ok := funcs.VectorArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("X of quantileSeries must be a numeric vector.")
	}
	xs, err := nonNull("quantileSeries", xv)
	if err != nil {
		return nil, err
	}
	qv, ok := funcs.VectorArg(args[1])
	if !ok || !funcs.IsNumericVec(qv) {
		return nil, errors.New("q of quantileSeries must be a number or a numeric vector between 0 and 1.")
	}
	method, err := Interpolation("quantileSeries", funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	qs, _ := funcs.DoublesOf("quantileSeries", qv)
	s := SortedCopy(xs)
	out := make([]float64, len(qs))
	for i, q := range qs {
		if funcs.IsNullF(q) || q < 0 || q > 1 {
			return nil, errors.New("q of quantileSeries must be between 0 and 1.")
		}
		if len(s) == 0 {
			out[i] = value.NullFloat64
			continue
		}
		out[i] = QuantileSorted(s, q, method)
	}
	if _, scalar := args[1].(*value.Scalar); scalar {
		return value.NewDouble(out[0]), nil
	}
	return value.NewDoubles(out), nil
}

// percentileRank is the percentile (0-100) of score within X by the
// "percentileRank" page's methods.
func percentileRank(_ funcs.Env, args []value.Value) (value.Value, error) {
	sc, ok := funcs.ScalarArg(args[1])
	if !ok || !sc.T.IsNumeric() || sc.Null {
		return nil, errors.New("score of percentileRank must be a numeric scalar.")
	}
	score := sc.Float64()
	method, ok := funcs.ChoiceArg(funcs.Arg(args, 2), "excel", "rank", "strict", "weak", "mean")
	if !ok {
		return nil, errors.New("method of percentileRank must be 'excel', 'rank', 'strict', 'weak' or 'mean'.")
	}
	return aggregate("percentileRank", args[0], doubleAgg("percentileRank", func(xs []float64) (float64, bool) {
		n := float64(len(xs))
		if n == 0 {
			return 0, false
		}
		var less, equal float64
		for _, x := range xs {
			if x < score {
				less++
			} else if x == score {
				equal++
			}
		}
		switch method {
		case "strict":
			return less / n * 100, true
		case "weak":
			return (less + equal) / n * 100, true
		case "mean":
			return (less + equal/2) / n * 100, true
		case "rank":
			if equal == 0 {
				return less / n * 100, true
			}
			// The mean of the equal values' weak ranks.
			return (less + (equal+1)/2) / n * 100, true
		}
		// excel: the share of elements below score among those not equal
		// to it; an absent score interpolates between its neighbours'
		// ranks.
		if equal > 0 {
			if n == equal {
				return 100, true
			}
			return less / (n - equal) * 100, true
		}
		s := SortedCopy(xs)
		if n == 1 {
			if s[0] == score {
				return 100, true
			}
			return 0, false
		}
		if score < s[0] || score > s[len(s)-1] {
			return 0, false
		}
		rank := func(i int) float64 {
			lo := sort.SearchFloat64s(s, s[i])
			return float64(lo) / (n - 1) * 100
		}
		i := sort.SearchFloat64s(s, score)
		if s[i] == score {
			return rank(i), true
		}
		lo, hi := i-1, i
		return rank(lo) + (score-s[lo])/(s[hi]-s[lo])*(rank(hi)-rank(lo)), true
	}))
}

// atExtreme is value[imax(location)] (atImax) or value[imin(location)].
func atExtreme(fn string, args []value.Value, dir int) (value.Value, error) {
	lc, _, ok1 := funcs.ColumnsOf(args[0])
	vc, wrapV, ok2 := funcs.ColumnsOf(args[1])
	if !ok1 || !ok2 || len(lc) != len(vc) {
		return nil, fmt.Errorf("location and value of %s must be vectors, matrices or tables of the same shape.", fn)
	}
	res := make([]value.Value, len(lc))
	for c := range lc {
		if lc[c].Len() != vc[c].Len() {
			return nil, fmt.Errorf("location and value of %s must have the same length.", fn)
		}
		i, err := extremeOf(lc[c], dir)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			res[c] = value.NullScalar(vc[c].T)
		} else {
			res[c] = vc[c].Elem(i)
		}
	}
	switch args[1].(type) {
	case *value.Matrix:
		return reduceColumns(vc, func(v *value.Vector) (value.Value, error) {
			for c := range vc {
				if vc[c] == v {
					return res[c], nil
				}
			}
			return value.NullScalar(v.T), nil
		})
	case *value.Table:
		cols := make([]*value.Vector, len(res))
		for c, r := range res {
			cols[c] = funcs.ScalarVector(r.(*value.Scalar))
		}
		return wrapV(cols), nil
	}
	return res[0], nil
}

// pairedNonNull returns the elements of x and y at positions where both
// are non-NULL.
func pairedNonNull(fn string, x, y *value.Vector) ([]float64, []float64, error) {
	xs, ys, err := funcs.DoublesOf2(fn, mathfn.AsNumeric(x), mathfn.AsNumeric(y))
	if err != nil {
		return nil, nil, err
	}
	if len(ys) == 1 && len(xs) != 1 {
		ys = BroadcastF(ys[0], len(xs))
	}
	if len(xs) != len(ys) {
		return nil, nil, ddberr.Errorf("The arguments of %s must have the same length.", fn)
	}
	a := make([]float64, 0, len(xs))
	b := make([]float64, 0, len(xs))
	for i := range xs {
		if !funcs.IsNullF(xs[i]) && !funcs.IsNullF(ys[i]) {
			a = append(a, xs[i])
			b = append(b, ys[i])
		}
	}
	return a, b, nil
}

func BroadcastF(f float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = f
	}
	return out
}

// pairedColumns aligns indexed x and y on x's row labels and pairs their
// columns: a single y column stands for each of x's, otherwise the counts
// must agree. x comes back aligned, with the wrap of its columns; tables
// picks the error text other forms get (corr names tables, cumwsum not).
func pairedColumns(fn string, tables bool, x, y value.Value) (_ value.Value, xc, yc []*value.Vector, wrap func([]*value.Vector) value.Value, err error) {
	x, y, _, err = indexed.AlignLeft(x, y)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	xc, wrap, ok1 := funcs.ColumnsOf(x)
	yc, _, ok2 := funcs.ColumnsOf(y)
	if (!ok1 || !ok2) && tables {
		return nil, nil, nil, nil, ddberr.Errorf("The arguments of %s must be vectors, matrices or tables.", fn)
	}
	if !ok1 || !ok2 {
		return nil, nil, nil, nil, ddberr.Errorf("The arguments of %s must be vectors or matrices.", fn)
	}
	if len(yc) == 1 && len(xc) > 1 {
		for len(yc) < len(xc) {
			yc = append(yc, yc[0])
		}
	}
	if len(xc) == 1 && len(yc) > 1 {
		// euclidean(a, m): a vector against each of m's columns
		// (funcs/e/euclidean.md)
		for len(xc) < len(yc) {
			xc = append(xc, xc[0])
		}
	}
	if len(xc) != len(yc) {
		return nil, nil, nil, nil, ddberr.Errorf("The arguments of %s must have the same shape.", fn)
	}
	return x, xc, yc, wrap, nil
}

// pairAggregate lifts a two-column reducer over vectors, matrices (column
// pairs, a vector result) and tables (a one-row table).
func pairAggregate(fn string, x, y value.Value, f func(xs, ys []float64) (float64, bool)) (value.Value, error) {
	x, xc, yc, _, err := pairedColumns(fn, true, x, y)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(xc))
	_, isTable := x.(*value.Table)
	for c := range xc {
		if isTable && (!funcs.IsNumericVec(xc[c]) || !funcs.IsNumericVec(yc[c])) {
			// a table's non-numeric column gives NULL ("kendall" page:
			// kendall(t, x) with a STRING column name)
			out[c] = value.NullFloat64
			continue
		}
		xs, ys, err := pairedNonNull(fn, xc[c], yc[c])
		if err != nil {
			return nil, err
		}
		r, ok := f(xs, ys)
		// an infinity of finite pairs (an overflow, weights summing to
		// zero) is NULL; one of pairs holding an infinity is what IEEE
		// arithmetic gives, as sum's is (see NullNonFinite)
		if !ok || r != r || math.IsInf(r, 0) && heldInfinities(xs, ys)[len(xs)] == 0 {
			r = value.NullFloat64
		}
		out[c] = r
	}
	if m, ok := y.(*value.Matrix); ok && m.Indexed != value.IndexedSeries {
		if _, ok := x.(*value.Vector); ok {
			return value.NewDoubles(out), nil
		}
	}
	switch t := x.(type) {
	case *value.Matrix:
		if t.Indexed == value.IndexedSeries {
			// two indexed series give a scalar, as two vectors do
			// (funcs/e/euclidean.md)
			return value.NewDouble(out[0]), nil
		}
		return value.NewDoubles(out), nil
	case *value.Table:
		cols := make([]*value.Vector, len(out))
		for c, r := range out {
			cols[c] = value.NewDoubles([]float64{r})
		}
		return value.NewTable(append([]string(nil), t.Names...), cols), nil
	}
	return value.NewDouble(out[0]), nil
}

// pairAggSpec declares a two-argument DOUBLE aggregate over the
// positions where both arguments are non-NULL.
func pairAggSpec(name string, params []string, f func(xs, ys []float64) (float64, bool)) funcs.Spec {
	return funcs.Spec{
		Name: name, Params: params, Min: 2, Max: 2, Props: funcs.Aggregate | funcs.Pure, Category: "statistics",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return pairAggregate(name, args[0], args[1], f)
		},
	}
}

// covariance is the sample covariance.
func covariance(xs, ys []float64) (float64, bool) {
	n := len(xs)
	if n < 2 {
		return 0, false
	}
	mx, my := Mean(xs), Mean(ys)
	s := 0.0
	for i := range xs {
		s += (xs[i] - mx) * (ys[i] - my)
	}
	return s / float64(n-1), true
}

// wcovar is the weighted covariance of X and Y with weights W.
func wcovar(_ funcs.Env, args []value.Value) (value.Value, error) {
	xv, ok1 := funcs.VectorArg(args[0])
	yv, ok2 := funcs.VectorArg(args[1])
	wv, ok3 := funcs.VectorArg(args[2])
	if !ok1 || !ok2 || !ok3 {
		return nil, ddberr.Errorf("The arguments of wcovar must be numeric vectors.")
	}
	xs, ys, err := funcs.DoublesOf2("wcovar", xv, yv)
	if err != nil {
		return nil, err
	}
	ws, err := funcs.DoublesOf("wcovar", wv)
	if err != nil {
		return nil, err
	}
	if len(xs) != len(ys) || len(xs) != len(ws) {
		return nil, ddberr.Errorf("The arguments of wcovar must have the same length.")
	}
	var sw, mx, my float64
	for i := range xs {
		if funcs.IsNullF(xs[i]) || funcs.IsNullF(ys[i]) || funcs.IsNullF(ws[i]) {
			continue
		}
		sw += ws[i]
		mx += ws[i] * xs[i]
		my += ws[i] * ys[i]
	}
	if sw == 0 {
		return value.NullScalar(value.Double), nil
	}
	mx, my = mx/sw, my/sw
	s, n := 0.0, 0.0
	for i := range xs {
		if funcs.IsNullF(xs[i]) || funcs.IsNullF(ys[i]) || funcs.IsNullF(ws[i]) {
			continue
		}
		s += ws[i] * (xs[i] - mx) * (ys[i] - my)
		n++
	}
	if n < 2 {
		return value.NullScalar(value.Double), nil
	}
	// The weighted population covariance with the sample correction
	// n/(n-1) reproduces the "wcovar" page's 4.201899.
	return value.NewDouble(s / sw * n / (n - 1)), nil
}

// crossStat is (count, sum(X), sum(Y), sum2(X), sum2(Y), sum(X*Y)) over
// the positions where both are non-NULL.
func crossStat(_ funcs.Env, args []value.Value) (value.Value, error) {
	xv, ok1 := funcs.VectorArg(args[0])
	yv, ok2 := funcs.VectorArg(args[1])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The arguments of crossStat must be numeric vectors.")
	}
	xs, ys, err := pairedNonNull("crossStat", xv, yv)
	if err != nil {
		return nil, err
	}
	var sx, sy, sx2, sy2, sxy float64
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
		sx2 += xs[i] * xs[i]
		sy2 += ys[i] * ys[i]
		sxy += xs[i] * ys[i]
	}
	return value.NewTuple([]value.Value{value.NewInt(int32(len(xs))), value.NewDouble(sx), value.NewDouble(sy),
		value.NewDouble(sx2), value.NewDouble(sy2), value.NewDouble(sxy)}), nil
}

// demean subtracts the mean of the non-NULL elements (column by column
// for a matrix, numeric columns only for a table).
func demean(_ funcs.Env, args []value.Value) (value.Value, error) {
	f := func(v *value.Vector) (*value.Vector, error) {
		xs, err := funcs.DoublesOf("demean", v)
		if err != nil {
			return nil, err
		}
		nn, _ := nonNull("demean", v)
		m := 0.0
		if len(nn) > 0 {
			m = Mean(nn)
		}
		out := make([]float64, len(xs))
		for i, x := range xs {
			if funcs.IsNullF(x) {
				out[i] = value.NullFloat64
			} else {
				out[i] = x - m
			}
		}
		return value.NewDoubles(out), nil
	}
	if t, ok := args[0].(*value.Table); ok {
		return mapNumericColumns(t, f)
	}
	return MapColumns("demean", args[0], f)
}

// mapNumericColumns applies f to each numeric column of t and keeps the
// other columns as they are (demean, isPeak and isValley over a table).
func mapNumericColumns(t *value.Table, f func(*value.Vector) (*value.Vector, error)) (value.Value, error) {
	cols := make([]*value.Vector, len(t.Cols))
	for i, c := range t.Cols {
		if !funcs.IsNumericVec(c) {
			cols[i] = c
			continue
		}
		r, err := f(c)
		if err != nil {
			return nil, err
		}
		cols[i] = r
	}
	return value.NewTable(append([]string(nil), t.Names...), cols), nil
}

// mapColumns applies f to each column of a vector, matrix or table (a
// scalar as a one-element vector) and rebuilds the form.
func MapColumns(fn string, x value.Value, f func(*value.Vector) (*value.Vector, error)) (value.Value, error) {
	cols, wrap, ok := funcs.ColumnsOf(x)
	if !ok {
		return nil, ddberr.Errorf("The argument of %s must be a vector, matrix or table.", fn)
	}
	out, err := funcs.MapVectors(cols, f)
	if err != nil {
		return nil, err
	}
	return wrap(out), nil
}

// percentChange is X[i]/X[i-n]-1.
func percentChange(_ funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.IntArg("percentChange", "n", funcs.Arg(args, 1), 1)
	if err != nil {
		return nil, err
	}
	return MapColumns("percentChange", args[0], funcs.WithDoubles("percentChange", func(v *value.Vector, xs []float64) (*value.Vector, error) {
		out := funcs.NullDoubles(len(xs))
		for i := range xs {
			j := i - int(n)
			if j < 0 || j >= len(xs) || funcs.IsNullF(xs[i]) || funcs.IsNullF(xs[j]) || xs[j] == 0 {
				continue
			}
			out[i] = xs[i]/xs[j] - 1
		}
		return value.NewDoubles(out), nil
	}))
}

// stat is the dictionary of summary statistics of the "stat" page,
// called without argument names.
func stat(env funcs.Env, args []value.Value) (value.Value, error) {
	return statNamed(env, args, nil)
}

// statNamed is stat with Name, the variable or column name X was given
// by ("x" for stat(x), the column's for stat(t.col), "" for other
// expressions), between Size and Max as the page prints it.
func statNamed(_ funcs.Env, args []value.Value, names []string) (value.Value, error) {
	v, ok := funcs.VectorArg(args[0])
	if !ok {
		if m, isM := args[0].(*value.Matrix); isM {
			v = m.V
		} else {
			return nil, ddberr.Errorf("X of stat must be a vector or matrix.")
		}
	}
	xs, err := nonNull("stat", v)
	if err != nil {
		return nil, err
	}
	keys := value.NewStrings(value.String, nil)
	vals := value.NewTuple(nil)
	put := func(k string, x value.Value) {
		keys.Str = append(keys.Str, k)
		vals.Any = append(vals.Any, x)
	}
	avg, _ := doubleAgg("stat", func(xs []float64) (float64, bool) { return Mean(xs), len(xs) > 0 })(v)
	std, _ := doubleAgg("stat", func(xs []float64) (float64, bool) {
		r, ok := Variance(xs, 1)
		return math.Sqrt(r), ok
	})(v)
	med := value.Value(value.NullScalar(value.Double))
	if len(xs) > 0 {
		med = value.NewDouble(Median(OrderedAt(xs, (len(xs)-1)/2)))
	}
	mn, _ := extremeReducer(-1)(v)
	mx, _ := extremeReducer(1)(v)
	put("Median", med)
	put("Avg", avg)
	put("Min", mn)
	put("Stdev", std)
	put("Count", value.NewInt(int32(len(xs))))
	put("Size", value.NewInt(int32(v.Len())))
	put("Name", value.NewString(funcs.ArgName(names, 0)))
	put("Max", mx)
	return funcs.DictOf(keys, vals), nil
}

// wordCount is wc: the number of whitespace-separated words.
func wordCount(_ funcs.Env, args []value.Value) (value.Value, error) {
	strs, ok := funcs.StringsArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("X of wc must be a string scalar or vector.")
	}
	out := make([]int32, len(strs))
	for i, s := range strs {
		out[i] = int32(len(strings.Fields(s)))
	}
	if _, scalar := args[0].(*value.Scalar); scalar {
		return value.NewInt(out[0]), nil
	}
	return value.NewInts(out), nil
}

// dot is the inner product of two vectors or the matrix product.
func dot(env funcs.Env, args []value.Value) (value.Value, error) {
	xm, xIsM := args[0].(*value.Matrix)
	ym, yIsM := args[1].(*value.Matrix)
	_, xIsS := args[0].(*value.Scalar)
	_, yIsS := args[1].(*value.Scalar)
	if xIsS || yIsS {
		// x ** 2 scales a vector (dot.md); a matrix must use *
		if xIsM || yIsM {
			return nil, ddberr.Errorf("Use * rather than ** for scalar and matrix multiplication.")
		}
		return operatorStep("mul")(args[0], args[1])
	}
	if !xIsM && !yIsM {
		xv, ok1 := funcs.VectorArg(args[0])
		yv, ok2 := funcs.VectorArg(args[1])
		if !ok1 || !ok2 {
			return nil, ddberr.Errorf("The arguments of dot must be scalars, vectors or matrices.")
		}
		xs, ys, err := funcs.DoublesOf2("dot", xv, yv)
		if err != nil {
			return nil, err
		}
		if len(xs) != len(ys) {
			return nil, ddberr.Errorf("The two vectors of dot must have the same length.")
		}
		s := 0.0
		for i := range xs {
			if funcs.IsNullF(xs[i]) || funcs.IsNullF(ys[i]) {
				continue
			}
			s += xs[i] * ys[i]
		}
		return value.NewDouble(s), nil
	}
	a, err := mathfn.AsMatrix("dot", args[0], xIsM, xm, false)
	if err != nil {
		return nil, err
	}
	b, err := mathfn.AsMatrix("dot", args[1], yIsM, ym, true)
	if err != nil {
		return nil, err
	}
	return mathfn.MatMul(funcs.ContextOf(env), a, b)
}

// boxcoxOne is (x^l - 1)/l, or log(x) when l is 0.
func boxcoxOne(x, l float64) float64 {
	if l == 0 {
		return math.Log(x)
	}
	return (math.Pow(x, l) - 1) / l
}

// boxcoxLLF is the Box-Cox log-likelihood of lambda l for positive xs.
func boxcoxLLF(xs []float64, l float64) float64 {
	n := float64(len(xs))
	ys := make([]float64, len(xs))
	logSum := 0.0
	for i, x := range xs {
		ys[i] = boxcoxOne(x, l)
		logSum += math.Log(x)
	}
	v, _ := Variance(ys, 0)
	return (l-1)*logSum - n/2*math.Log(v)
}

// boxcox transforms X with lmbda, or, without it, with the lambda that
// maximises the log-likelihood, returned alongside as (values, lambda).
func boxcox(_ funcs.Env, args []value.Value) (value.Value, error) {
	xv, ok := funcs.VectorArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("X of boxcox must be a numeric vector.")
	}
	xs, err := funcs.DoublesOf("boxcox", xv)
	if err != nil {
		return nil, err
	}
	if l := funcs.Arg(args, 1); l != nil {
		lv, ok := funcs.VectorArg(l)
		if !ok || !funcs.IsNumericVec(lv) || (lv.Len() != 1 && lv.Len() != len(xs)) {
			return nil, errors.New("lmbda of boxcox must be a number or a vector as long as X.")
		}
		ls, _ := funcs.DoublesOf("boxcox", lv)
		out := make([]float64, len(xs))
		for i, x := range xs {
			li := ls[0]
			if len(ls) > 1 {
				li = ls[i]
			}
			if funcs.IsNullF(x) || funcs.IsNullF(li) {
				out[i] = math.NaN()
				continue
			}
			out[i] = boxcoxOne(x, li)
		}
		return value.NewDoubles(funcs.Finite(out)), nil
	}
	allSame := true
	for _, x := range xs {
		if funcs.IsNullF(x) || x <= 0 {
			return nil, ddberr.Errorf("X of boxcox must be positive and free of NULLs when lmbda is not given.")
		}
		allSame = allSame && x == xs[0]
	}
	if len(xs) < 2 || allSame {
		return nil, ddberr.Errorf("X of boxcox must not be constant when lmbda is not given.")
	}
	// Golden-section search for the maximum on [-10, 10].
	lo, hi := -10.0, 10.0
	g := (math.Sqrt(5) - 1) / 2
	a, b := hi-g*(hi-lo), lo+g*(hi-lo)
	fa, fb := boxcoxLLF(xs, a), boxcoxLLF(xs, b)
	for hi-lo > 1e-10 {
		if fa < fb {
			lo, a, fa = a, b, fb
			b = lo + g*(hi-lo)
			fb = boxcoxLLF(xs, b)
		} else {
			hi, b, fb = b, a, fa
			a = hi - g*(hi-lo)
			fa = boxcoxLLF(xs, a)
		}
	}
	l := (lo + hi) / 2
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = boxcoxOne(x, l)
	}
	return value.NewTuple([]value.Value{value.NewDoubles(out), value.NewDouble(l)}), nil
}
