package stats

import (
	"math"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// Typed paths for sum, avg, std, var, stdp and varp over integral,
// logical and floating vectors: the value kernels read the column's own
// storage, so avg(m.val) on 30M INTs allocates nothing where converting
// to DOUBLE and dropping NULLs first allocated two 240 MB slices. The
// other types keep the conversion path, and so do DECIMALs but for avg,
// which sums them exactly before it divides
// (tutorials/DECIMAL_Calculation_Characteristics.md 1.1).

// typedMean is the mean of v's non-NULL elements and their count; ok is
// false when v needs the conversion path.
func typedMean(v *value.Vector) (mean float64, n int, ok bool) {
	if v.T.IsDecimal() {
		s, n, err := kernel.DecimalTotal(v)
		if err != nil || n == 0 {
			return 0, n, err == nil
		}
		return kernel.DecimalMean(s, v.Scale, n), n, true
	}
	sum, n, ok := kernel.SumAsFloat(v)
	if !ok || n == 0 {
		return 0, n, ok
	}
	return sum / float64(n), n, true
}

// meanReducer is avg(X): DOUBLE, NULL when X has no non-NULL element.
func meanReducer(slow reducer) reducer {
	return func(v *value.Vector) (value.Value, error) {
		m, n, ok := typedMean(v)
		if !ok {
			return slow(v)
		}
		if n == 0 || m != m {
			return value.NullScalar(value.Double), nil
		}
		return value.NewDouble(m), nil
	}
}

// varianceReducer is var (ddof 1) or varp (ddof 0), their square roots
// when root is set: DOUBLE, NULL when fewer than ddof+1 elements.
func varianceReducer(ddof int, root bool, slow reducer) reducer {
	return func(v *value.Vector) (value.Value, error) {
		m, n, ok := typedMean(v)
		if !ok || v.T.IsDecimal() {
			return slow(v)
		}
		if n-ddof <= 0 || n == 0 {
			return value.NullScalar(value.Double), nil
		}
		ss, _ := kernel.SumSqDev(v, m)
		r := ss / float64(n-ddof)
		if root {
			r = math.Sqrt(r)
		}
		if r != r {
			return value.NullScalar(value.Double), nil
		}
		return value.NewDouble(r), nil
	}
}

// typedSum is sum(X) for integral and floating X without converting
// the storage; ok is false when X needs sumReducer's general path.
func typedSum(v *value.Vector) (value.Value, bool) {
	switch v.T.Category() {
	case value.CatIntegral, value.CatLogical:
		s, n, ok := kernel.SumAsInt(v)
		if !ok {
			return nil, false
		}
		return intSum(v.T, s, n), true
	case value.CatFloating:
		s, n, ok := kernel.SumAsFloat(v)
		if !ok {
			return nil, false
		}
		if n == 0 {
			return value.NullScalar(value.Double), true
		}
		return value.NewDouble(s), true
	}
	return nil, false
}

// intSum is the result of sum over integral elements summing to s (n of
// them non-NULL): INT, LONG when X is LONG or s leaves INT's range, NULL
// when n is 0.
func intSum(t value.Type, s int64, n int) value.Value {
	rt := value.Int
	if t == value.Long {
		rt = value.Long
	}
	if n == 0 {
		return value.NullScalar(rt)
	}
	if rt == value.Int && (s > math.MaxInt32 || s <= math.MinInt32) {
		return value.NewLong(s)
	}
	return value.NewTyped(rt, s)
}
