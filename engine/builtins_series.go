package engine

import (
	"fmt"
	"sort"

	"github.com/porpoisedb/porpoise/value"
)

func init() {
	aggregates["med"] = aggMedian
	aggregates["nunique"] = aggNunique
	for _, name := range []string{"med", "nunique"} {
		f := aggregates[name]
		reg(name, p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
			v, err := aggInput(args[0])
			if err != nil {
				return nil, err
			}
			return f(v)
		})
	}
	reg("cumsum", p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return cumulativeSum(args[0])
	})
}

// aggMedian is med(X): the median of the non-NULL numeric values, as a
// DOUBLE (the mean of the middle two for an even count).
func aggMedian(v *value.Vector) (value.Value, error) {
	if !v.T.IsNumeric() {
		return nil, fmt.Errorf("med doesn't support %s.", v.T)
	}
	var xs []float64
	for i := 0; i < v.Len(); i++ {
		if !v.IsNull(i) {
			xs = append(xs, v.At(i).Float64())
		}
	}
	if len(xs) == 0 {
		return value.NullScalar(value.Double), nil
	}
	sort.Float64s(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return value.NewDouble(xs[m]), nil
	}
	return value.NewDouble((xs[m-1] + xs[m]) / 2), nil
}

// aggNunique is nunique(X): the number of distinct values, NULL counted
// as one value.
func aggNunique(v *value.Vector) (value.Value, error) {
	seen := map[string]struct{}{}
	var key []byte
	for i := 0; i < v.Len(); i++ {
		key = v.AppendKey(key[:0], i)
		seen[string(key)] = struct{}{}
	}
	return value.NewInt(int32(len(seen))), nil
}

// cumulativeSum is cumsum(X): running sums that skip NULLs (a NULL
// element gives the sum so far; leading NULLs stay NULL).
func cumulativeSum(x value.Value) (value.Value, error) {
	o, err := asOperand(x)
	if err != nil {
		return nil, err
	}
	v := o.v
	switch v.T.Category() {
	case value.CatIntegral, value.CatLogical:
		xs, nulls := ints(v)
		out := make([]int64, len(xs))
		outNull := make([]bool, len(xs))
		var s int64
		started := false
		for i, x := range xs {
			if !nulls[i] {
				s += x
				started = true
			}
			out[i], outNull[i] = s, !started
		}
		t := value.Long
		if v.T == value.Int || v.T == value.Short || v.T == value.Char || v.T == value.Bool {
			t = value.Int
		}
		return fromInt64s(t, out, outNull), nil
	case value.CatFloating:
		out := value.NewVector(value.Double, v.Len(), v.Len())
		s, started := 0.0, false
		for i := 0; i < v.Len(); i++ {
			if !v.IsNull(i) {
				s += v.At(i).Float64()
				started = true
			}
			if started {
				out.F64[i] = s
			} else {
				out.F64[i] = value.NullFloat64
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("cumsum doesn't support %s.", v.T)
}
