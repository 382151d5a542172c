package dataproc

import (
	"context"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/value"
)

// mimaxLast and miminLast (funcs/m/mimaxLast.md, funcs/m/miminLast.md):
// the position within each window of its last max or min.

func xmovingExtremeLast(name string, max bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		if d, ok := funcs.ScalarArg(args[1]); ok && !d.Null && d.T == value.Duration {
			return extremeLastByTime(env, name, args[0], d, max)
		}
		r := funcs.ReadArgs(name, args)
		w := int(r.PositiveInt("window", args[1], 0))
		minP := int(r.PositiveInt("minPeriods", funcs.Arg(args, 2), int64(w)))
		if err := r.Err(); err != nil {
			return nil, err
		}
		return xperColumn(name, args[0], func(v *value.Vector) (value.Value, error) {
			n := v.Len()
			best := make([]int32, n)
			err := lastExtremes(funcs.ContextOf(env), v, max, func(i int) int { return xmax0(i - w + 1) }, best)
			if err != nil {
				return nil, err
			}
			valid := 0 // non-NULL rows of 0..i, while the window is all of them
			for i, b := range best {
				lo := xmax0(i - w + 1)
				if i < w && !v.IsNull(i) {
					valid++
				}
				if i+1 < minP || valid < minP && i+1 < w || b < 0 {
					best[i] = value.NullInt32
					continue
				}
				best[i] = b - int32(lo)
			}
			return value.NewInts(best), nil
		})
	}
}

// extremeLastByTime is mimaxLast/miminLast with a DURATION window over an
// indexed series or matrix: each row's window holds the rows whose labels
// lie in (temporalAdd(fi, -window), fi], and a window without a value
// gives -1 (funcs/m/mimaxlast.md: mimaxLast(X, 3d)).
func extremeLastByTime(env funcs.Env, name string, x value.Value, d *value.Scalar, max bool) (value.Value, error) {
	m, ok := x.(*value.Matrix)
	if !ok || m.Indexed == value.NotIndexed || m.RowLabels == nil {
		return nil, ddberr.Errorf("X of %s must be an indexed series or an indexed matrix when window is a DURATION.", name)
	}
	tv, ts, err := higherorder.TemporalIndex(name, m.RowLabels)
	if err != nil {
		return nil, err
	}
	starts, _, err := higherorder.ShiftedTicks(env, name, tv, ts, d, true)
	if err != nil {
		return nil, err
	}
	r, err := xperColumn(name, x, func(v *value.Vector) (value.Value, error) {
		out := make([]int32, v.Len())
		los := make([]int32, v.Len())
		lo := 0
		start := func(i int) int {
			for lo < i && ts[lo] <= starts[i] {
				lo++
			}
			los[i] = int32(lo)
			return lo
		}
		if err := lastExtremes(funcs.ContextOf(env), v, max, start, out); err != nil {
			return nil, err
		}
		for i, b := range out {
			if b >= 0 {
				out[i] = b - los[i]
			}
		}
		return value.NewInts(out), nil
	})
	if rm, ok := r.(*value.Matrix); ok && err == nil {
		rm.Indexed = m.Indexed
	}
	return r, err
}

// lastExtremes writes to best, for each row i, the row of the last max
// (or min) of v's non-NULL elements in rows start(i)..i, or -1; start(i)
// must not decrease. A deque holds the rows that can still be a later
// window's answer, their values falling (rising for the min): a row
// drops those before it that it equals or beats, so each row enters and
// leaves once, where scanning each window cost its width a row.
func lastExtremes(ctx context.Context, v *value.Vector, max bool, start func(i int) int, best []int32) error {
	null, beats := extremeOrder(v, max)
	q := make([]int32, 0, 64)
	head := 0
	for i := range best {
		if i&0xffff == 0xffff {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if !null(i) {
			for len(q) > head && beats(i, int(q[len(q)-1])) {
				q = q[:len(q)-1]
			}
			q = append(q, int32(i))
		}
		lo := start(i)
		for head < len(q) && int(q[head]) < lo {
			head++
		}
		if head == len(q) {
			best[i] = -1
			q, head = q[:0], 0
			continue
		}
		best[i] = q[head]
		if head > 1024 && head > len(q)/2 {
			// drop the rows that left, so q stays as long as a window
			q, head = q[:copy(q, q[head:])], 0
		}
	}
	return nil
}

// extremeOrder is whether row i of v is NULL, and whether row i's value
// equals or beats row j's (is at least it for the max, at most for the
// min), typed for the numeric storages.
func extremeOrder(v *value.Vector, max bool) (null func(i int) bool, beats func(i, j int) bool) {
	switch v.T.Storage() {
	case value.StInt8:
		if v.T != value.Void {
			return orderedExtreme(v.I8, value.NullInt8, max)
		}
	case value.StInt16:
		return orderedExtreme(v.I16, value.NullInt16, max)
	case value.StInt32:
		return orderedExtreme(v.I32, value.NullInt32, max)
	case value.StInt64:
		return orderedExtreme(v.I64, value.NullInt64, max)
	case value.StFloat32:
		return orderedExtreme(v.F32, value.NullFloat32, max)
	case value.StFloat64:
		return orderedExtreme(v.F64, value.NullFloat64, max)
	}
	sign := 1
	if !max {
		sign = -1
	}
	return v.IsNull, func(i, j int) bool { return sign*value.CompareElems(v, i, j) >= 0 }
}

// orderedExtreme is extremeOrder over numbers whose NULL is null (or NaN).
func orderedExtreme[T int8 | int16 | int32 | int64 | float32 | float64](xs []T, null T, max bool) (func(i int) bool, func(i, j int) bool) {
	isNull := func(i int) bool { return xs[i] == null || xs[i] != xs[i] }
	if max {
		return isNull, func(i, j int) bool { return xs[i] >= xs[j] }
	}
	return isNull, func(i, j int) bool { return xs[i] <= xs[j] }
}
