package partition

import (
	"math"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Partition pruning: which partitions of one level can hold rows whose
// partition column satisfies a condition. Every answer is a superset of the
// partitions Map would route such rows to; callers scan what it keeps.

// Interval is a set of non-NULL partition-column values: those from Lo to
// Hi. A nil end is unbounded; LoOpen and HiOpen leave that end out. Lo and
// Hi are non-NULL scalars of the column's type (the type Map is given).
type Interval struct {
	Lo, Hi         *value.Scalar
	LoOpen, HiOpen bool
}

// hashEnumLimit bounds how many scheme values PartitionsIn hashes one by
// one for a HASH level; wider intervals keep every bucket, since hashing
// scatters any run of values longer than the bucket count anyway.
const hashEnumLimit = 1 << 16

// PartitionsIn reports, per partition of d (index order), whether it can
// hold a row whose partition column, of type col, has a value in iv. Values
// are converted to the scheme type as Map converts them (a DATE column on a
// MONTH scheme is pruned by month). ok is false when d can't tell, and then
// every partition may hold such rows: COMPO, 16-byte types, HASH over
// strings or over more than 65536 scheme values, and conversions that don't
// keep order (a date-time column on a time-of-day scheme).
func PartitionsIn(d Domain, col value.Type, iv Interval) (mask []bool, ok bool) {
	if d.Type() == COMPO {
		return nil, false
	}
	c, err := converterFor(col, d.SchemeType())
	if err != nil {
		return nil, false
	}
	for _, e := range []*value.Scalar{iv.Lo, iv.Hi} {
		if e != nil && (e.Null || !sameKind(e.T, col)) {
			return nil, false
		}
	}
	mask = make([]bool, d.Len())
	switch c.kind {
	case convString:
		return stringsIn(d, iv, mask)
	case convInt:
		if !keepsOrder(col, d.SchemeType()) {
			return nil, false
		}
		lo, hi, empty := schemeEnds(c, col, iv)
		if empty {
			return mask, true
		}
		return intsIn(d, lo, hi, mask)
	}
	return nil, false
}

// sameKind reports whether an interval end of type t can stand for a value
// of column type col: the same type, or STRING for SYMBOL and back.
func sameKind(t, col value.Type) bool {
	return t == col || (isLiteral(t) && isLiteral(col))
}

// keepsOrder reports whether converting from to to never reverses two
// values' order; only a date-time folded onto a time of day (a day's
// 23:00 after the next day's 01:00) does.
func keepsOrder(from, to value.Type) bool {
	_, fromAbs := absUnit(from)
	_, toTod := todUnit(to)
	return !(fromAbs && toTod)
}

// schemeEnds turns iv into the closed interval [lo, hi] of scheme values
// that column values in iv convert to, clipped to the scheme values Map
// accepts; empty when no column value in iv maps to a partition.
func schemeEnds(c converter, col value.Type, iv Interval) (lo, hi int64, empty bool) {
	lo, hi = cast.IntRange(col)
	if iv.Lo != nil {
		v := iv.Lo.I
		if iv.LoOpen {
			if v == math.MaxInt64 {
				return 0, 0, true
			}
			v++
		}
		lo = max(lo, v)
	}
	if iv.Hi != nil {
		v := iv.Hi.I
		if iv.HiOpen {
			if v == math.MinInt64 {
				return 0, 0, true
			}
			v--
		}
		hi = min(hi, v)
	}
	if lo > hi {
		return 0, 0, true
	}
	if c.fn != nil {
		lo, hi = c.fn(lo), c.fn(hi)
	}
	lo, hi = max(lo, c.lo), min(hi, c.hi)
	return lo, hi, lo > hi
}

func intsIn(d Domain, lo, hi int64, mask []bool) ([]bool, bool) {
	switch x := d.(type) {
	case *Range:
		b := x.ints
		for i := range mask {
			mask[i] = b[i] <= hi && b[i+1] > lo
		}
	case *Value:
		for i, v := range x.ints {
			mask[i] = lo <= v && v <= hi
		}
	case *List:
		for v, i := range x.intIdx {
			if lo <= v && v <= hi {
				mask[i] = true
			}
		}
	case *Hash:
		if uint64(hi)-uint64(lo) >= hashEnumLimit {
			return nil, false
		}
		return x.bucketsOf(lo, hi, mask), true
	default:
		return nil, false
	}
	return mask, true
}

// bucketsOf marks the buckets of the scheme values lo..hi. Map hashes a
// converted column's scheme value exactly as it hashes a column of the
// scheme type, so hashing scheme-typed values covers every column type.
func (d *Hash) bucketsOf(lo, hi int64, mask []bool) []bool {
	const batch = 4096
	left := len(mask)
	for start := lo; ; start += batch {
		end := hi
		if hi-start >= batch {
			end = start + batch - 1
		}
		v := value.NewVector(d.t, 0, int(end-start+1))
		for x := start; ; x++ {
			v.AppendScalar(value.NewTyped(d.t, x))
			if x == end {
				break
			}
		}
		idx, err := d.Map(v)
		if err != nil {
			for i := range mask {
				mask[i] = true
			}
			return mask
		}
		for _, j := range idx {
			if j >= 0 && !mask[j] {
				mask[j] = true
				left--
			}
		}
		if end == hi || left == 0 {
			return mask
		}
	}
}

func stringsIn(d Domain, iv Interval, mask []bool) ([]bool, bool) {
	in := func(s string) bool {
		if iv.Lo != nil && (s < iv.Lo.S || (s == iv.Lo.S && iv.LoOpen)) {
			return false
		}
		if iv.Hi != nil && (s > iv.Hi.S || (s == iv.Hi.S && iv.HiOpen)) {
			return false
		}
		return true
	}
	switch x := d.(type) {
	case *Range:
		b := x.strs
		for i := range mask {
			// [b[i], b[i+1]) meets iv when it starts at or below iv's top
			// and ends above its bottom; an open bottom equal to a value
			// just below b[i+1] is kept, a harmless overestimate.
			below := iv.Hi == nil || b[i] < iv.Hi.S || (b[i] == iv.Hi.S && !iv.HiOpen)
			above := iv.Lo == nil || iv.Lo.S < b[i+1]
			mask[i] = below && above
		}
	case *Value:
		for i, s := range x.strs {
			mask[i] = in(s)
		}
	case *List:
		for s, i := range x.strIdx {
			if in(s) {
				mask[i] = true
			}
		}
	default:
		return nil, false
	}
	return mask, true
}

// PartitionsOf reports, per partition of d (index order), whether Map puts
// any element of vals (a vector of the partition column's type, NULLs
// included) there. A VALUE level holds no NULLs and no strings with
// invisible characters (Map refuses them), so those elements mark nothing.
// The error is Map's for a column type d can't map; d must not be COMPO.
func PartitionsOf(d Domain, vals *value.Vector) ([]bool, error) {
	if d.Type() == COMPO {
		return nil, ErrCompoColumns
	}
	if _, ok := d.(*Value); ok {
		keep := make([]int, 0, vals.Len())
		for i, n := 0, vals.Len(); i < n; i++ {
			if vals.IsNull(i) || (isLiteral(vals.T) && hasInvisible(vals.StrAt(i))) {
				continue
			}
			keep = append(keep, i)
		}
		if len(keep) != vals.Len() {
			vals = vals.Gather(keep)
		}
	}
	idx, err := d.Map(vals)
	if err != nil {
		return nil, err
	}
	mask := make([]bool, d.Len())
	for _, j := range idx {
		if j >= 0 {
			mask[j] = true
		}
	}
	return mask, nil
}
