package bond

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Series measures of prices: the running maximum drawdown
// (funcs/c/cummdd.md) and the true range (funcs/t/trueRange.md).

// cummdd is, at each element, the largest fall so far of X's non-NULL
// elements from their running peak: with ratio, as a fraction of the peak
// (DOUBLE), else in X's units and type. It is NULL until the first
// non-NULL element.
func cummdd(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "cummdd"
	ratio, err := funcs.BoolArg(fn, "ratio", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	v, ok := args[0].(*value.Vector)
	if !ok || !funcs.IsNumericVec(v) {
		return nil, ddberr.Errorf("X of %s must be a numeric vector.", fn)
	}
	xs, err := funcs.DoublesOf(fn, v)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(xs))
	stats.RunningDrawdown(xs, ratio, out)
	r := value.NewDoubles(out)
	if !ratio && v.T != value.Double && v.T != value.Void {
		return cast.Vector(r, v.T, v.Scale)
	}
	return r, nil
}

// trueRange is, from the second element, the largest of high-low,
// |high-previous close| and |previous close-low|; the first element, and
// any with a NULL among its inputs, is NULL.
func trueRange(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "trueRange"
	var cols [3][]float64
	n := -1
	for k, x := range args[:3] {
		v, ok := x.(*value.Vector)
		if !ok || !funcs.IsNumericVec(v) {
			return nil, ddberr.Errorf("The arguments [high], [low] and [close] of trueRange must be numeric vectors.")
		}
		if n >= 0 && v.Len() != n {
			return nil, ddberr.Errorf("The arguments of %s must have the same length.", fn)
		}
		n = v.Len()
		xs, err := funcs.DoublesOf(fn, v)
		if err != nil {
			return nil, err
		}
		cols[k] = xs
	}
	high, low, closes := cols[0], cols[1], cols[2]
	out := make([]float64, n)
	for i := range out {
		out[i] = value.NullFloat64
		if i == 0 {
			continue
		}
		h, l, c := high[i], low[i], closes[i-1]
		if funcs.IsNullF(h) || funcs.IsNullF(l) || funcs.IsNullF(c) {
			continue
		}
		out[i] = math.Max(math.Abs(h-l), math.Max(math.Abs(h-c), math.Abs(c-l)))
	}
	return value.NewDoubles(out), nil
}
