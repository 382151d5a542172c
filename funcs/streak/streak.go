package streak

import (
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// best is the largest sum of consecutive positive xs[lo:hi] (0 when
// none is positive); a NULL breaks a run.
func best(xs []kernel.Int128, null []bool, lo, hi int) (kernel.Int128, error) {
	var top, run, zero kernel.Int128
	for i := lo; i < hi; i++ {
		if null[i] || xs[i].Cmp(zero) <= 0 {
			run = zero
			continue
		}
		var fits bool
		if run, fits = run.Add(xs[i]); !fits {
			return zero, kernel.ErrDecimalOverflow
		}
		if run.Cmp(top) > 0 {
			top = run
		}
	}
	return top, nil
}

// Max is maxPositiveStreak of DECIMAL v: max(cumPositiveStreak(v))
// (funcs/m/maxPositiveStreak.md), so of the type cumPositiveStreak sums
// in, sum's wider DECIMAL at v's scale.
func Max(v *value.Vector) (value.Value, error) {
	xs, null := kernel.DecimalRows(v)
	b, err := best(xs, null, 0, len(xs))
	if err != nil {
		return nil, err
	}
	r, err := kernel.DecimalSums(v.T, v.Scale, []kernel.Int128{b}, []bool{false})
	if err != nil {
		return nil, err
	}
	return r.At(0), nil
}

// Windows is mmaxPositiveStreak of DECIMAL v over the windows of rows
// lo[i] to i, NULL where ready[i] is false; of v's own type and scale
// (funcs/m/mmaxPositiveStreak.md: the result has X's type).
func Windows(v *value.Vector, lo []int, ready []bool) (*value.Vector, error) {
	xs, null := kernel.DecimalRows(v)
	sums, nulls := make([]kernel.Int128, len(xs)), make([]bool, len(xs))
	for i := range xs {
		if nulls[i] = !ready[i]; nulls[i] {
			continue
		}
		var err error
		if sums[i], err = best(xs, null, lo[i], i+1); err != nil {
			return nil, err
		}
	}
	r, err := kernel.DecimalSums(v.T, v.Scale, sums, nulls)
	if err != nil {
		return nil, err
	}
	return cast.Vector(r, v.T, v.Scale)
}
