package partition

import (
	"cmp"
	"slices"

	"github.com/porpoisedb/porpoise/value"
)

// Range is a RANGE domain: boundaries b0 < b1 < ... < bn give partitions
// [b_i, b_{i+1}), left-closed and right-open.
type Range struct {
	t    value.Type
	ints []int64
	strs []string
}

// NewRange builds a RANGE domain whose scheme type is bounds.T. The
// boundaries must be at least two, non-NULL and strictly increasing.
func NewRange(bounds *value.Vector) (*Range, error) {
	if err := CheckSchemeType(RANGE, bounds.T); err != nil {
		return nil, err
	}
	d := &Range{t: bounds.T}
	ints, strs, err := d.convert(bounds)
	if err != nil {
		return nil, err
	}
	if max(len(ints), len(strs)) < 2 {
		return nil, ErrRangeTooShort
	}
	d.ints, d.strs = ints, strs
	return d, nil
}

// convert turns boundary values into scheme values, checking NULLs and
// strict increase.
func (d *Range) convert(v *value.Vector) ([]int64, []string, error) {
	c, err := converterFor(v.T, d.t)
	if err != nil {
		return nil, nil, err
	}
	if c.kind == convString {
		strs := v.Strings()
		for i, s := range strs {
			if s == "" {
				return nil, nil, ErrSchemeNull
			}
			if i > 0 && strs[i-1] >= s {
				return nil, nil, ErrRangeNotIncreasing
			}
		}
		return nil, slices.Clone(strs), nil
	}
	xs, ok, err := schemeInts(v, d.t)
	if err != nil {
		return nil, nil, err
	}
	for i, x := range xs {
		if !ok[i] {
			if v.IsNull(i) {
				return nil, nil, ErrSchemeNull
			}
			return nil, nil, ErrTemporalCast
		}
		if i > 0 && xs[i-1] >= x {
			return nil, nil, ErrRangeNotIncreasing
		}
	}
	return xs, nil, nil
}

// Type implements Domain.
func (d *Range) Type() PartitionType { return RANGE }

// SchemeType implements Domain.
func (d *Range) SchemeType() value.Type { return d.t }

// Len implements Domain: one less than the number of boundaries.
func (d *Range) Len() int { return max(len(d.ints), len(d.strs)) - 1 }

// PartitionName implements Domain.
func (d *Range) PartitionName(i int) string { return d.DirName(i, true) }

// DirName implements Domain: "<lo>_<hi>", e.g. "0_50" [D], each bound named
// as a VALUE partition of that value would be [I for non-integer bounds].
func (d *Range) DirName(i int, ignoreSpecial bool) string {
	if isLiteral(d.t) {
		return PathName(d.strs[i], ignoreSpecial) + "_" + PathName(d.strs[i+1], ignoreSpecial)
	}
	return intName(d.t, d.ints[i]) + "_" + intName(d.t, d.ints[i+1])
}

// Boundaries returns the scheme's boundaries.
func (d *Range) Boundaries() *value.Vector { return schemeVector(d.t, d.ints, d.strs) }

// Map implements Domain: NULLs and values below the first or at/above the
// last boundary give -1.
func (d *Range) Map(col *value.Vector) ([]int32, error) {
	return mapNew(d, col)
}

func (d *Range) mapInto(col *value.Vector, out []int32) error {
	c, err := converterFor(col.T, d.t)
	if err != nil {
		return err
	}
	if c.kind == convString {
		b := d.strs
		last := len(b) - 1
		for i, s := range col.Strings() {
			if s == "" || s < b[0] || s >= b[last] {
				out[i] = -1
				continue
			}
			out[i] = lastAtMost(b, s)
		}
		return nil
	}
	b := d.ints
	lo, hi := b[0], b[len(b)-1]
	return mapIntCol(col, c, out, nil, func(v int64) int32 {
		if v < lo || v >= hi {
			return -1
		}
		return lastAtMost(b, v)
	})
}

// lastAtMost is the index of the last boundary <= v, for b[0] <= v <
// b[len(b)-1]: the partition v falls in.
func lastAtMost[T cmp.Ordered](b []T, v T) int32 {
	l, h := 0, len(b)-1
	for h-l > 1 {
		m := int(uint(l+h) >> 1)
		if b[m] <= v {
			l = m
		} else {
			h = m
		}
	}
	return int32(l)
}

// AddRanges appends partitions for addRangePartitions: newBounds must be
// ascending and start at the current last boundary; it returns the number
// of partitions added (len(newBounds)-1). A first element below the last
// boundary is ErrRangeOverlap [D]; one above it ErrNewRangesStart [I].
func (d *Range) AddRanges(newBounds *value.Vector) (int, error) {
	ints, strs, err := d.convert(newBounds)
	if err == ErrRangeNotIncreasing {
		return 0, ErrNewRangesOrder
	}
	if err != nil {
		return 0, err
	}
	if isLiteral(d.t) {
		return extendBounds(&d.strs, strs)
	}
	return extendBounds(&d.ints, ints)
}

// extendBounds appends the ranges of add, which must start at the last of
// *bounds, and returns how many it added.
func extendBounds[T int64 | string](bounds *[]T, add []T) (int, error) {
	if len(add) == 0 {
		return 0, nil
	}
	last := (*bounds)[len(*bounds)-1]
	switch {
	case add[0] < last:
		return 0, ErrRangeOverlap
	case add[0] > last:
		return 0, ErrNewRangesStart
	}
	*bounds = append(*bounds, add[1:]...)
	return len(add) - 1, nil
}
