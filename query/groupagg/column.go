package groupagg

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// num is the element type of a numeric column.
type num interface{ ints | floats }

// ints and floats are the integral and floating element types.
type (
	ints interface {
		~int8 | ~int16 | ~int32 | ~int64
	}
	floats interface{ ~float32 | ~float64 }
)

// isNullNum is NULL for a numeric element: the type's sentinel or NaN.
func isNullNum[T num](x, null T) bool { return x == null || x != x }

// numericLoops are the typed per-group loops over a numeric column. Each
// method runs one loop over the whole column; numeric picks the
// instantiation for a vector's storage, so the storage is dispatched once
// per column, not per element.
type numericLoops interface {
	// countNonNull adds each group's non-NULL elements to c.
	countNonNull(ids []int32, c []int64)
	// sumInts adds integral elements per group exactly.
	sumInts(ids []int32, s, c []int64)
	// sumFloats adds elements per group as DOUBLE.
	sumFloats(ids []int32, s []float64, c []int64)
	// squares adds the squared deviations from each group's mean.
	squares(ids []int32, mean, ss []float64)
	// extremeRows finds, per group, the row of the smallest (or largest)
	// non-NULL element; best starts at -1 (a group of NULLs keeps it).
	extremeRows(ids []int32, best []int, max bool)
	// floats converts the elements to float64 with NULLs as NaN.
	floats() []float64
}

// numeric is v's elements as typed loops; ok is false for a storage that
// is not a number.
func numeric(v *value.Vector) (numericLoops, bool) {
	switch v.T.Storage() {
	case value.StInt8:
		return column[int8]{v.I8, value.NullInt8}, true
	case value.StInt16:
		return column[int16]{v.I16, value.NullInt16}, true
	case value.StInt32:
		return column[int32]{v.I32, value.NullInt32}, true
	case value.StInt64:
		return column[int64]{v.I64, value.NullInt64}, true
	case value.StFloat32:
		return column[float32]{v.F32, value.NullFloat32}, true
	case value.StFloat64:
		return column[float64]{v.F64, value.NullFloat64}, true
	}
	return nil, false
}

// column is a numeric column's elements and its NULL sentinel.
type column[T num] struct {
	xs   []T
	null T
}

func (c column[T]) countNonNull(ids []int32, cnt []int64) {
	for i, x := range c.xs {
		if !isNullNum(x, c.null) {
			cnt[ids[i]]++
		}
	}
}

func (c column[T]) sumInts(ids []int32, s, cnt []int64) {
	for i, x := range c.xs {
		if x != c.null {
			g := ids[i]
			s[g] += int64(x)
			cnt[g]++
		}
	}
}

func (c column[T]) sumFloats(ids []int32, s []float64, cnt []int64) {
	for i, x := range c.xs {
		if !isNullNum(x, c.null) {
			g := ids[i]
			s[g] += float64(x)
			cnt[g]++
		}
	}
}

func (c column[T]) squares(ids []int32, mean, ss []float64) {
	for i, x := range c.xs {
		if !isNullNum(x, c.null) {
			g := ids[i]
			d := float64(x) - mean[g]
			ss[g] += d * d
		}
	}
}

func (c column[T]) extremeRows(ids []int32, best []int, max bool) {
	extremeRows(c.xs, c.null, ids, best, max)
}

func (c column[T]) floats() []float64 {
	out := make([]float64, len(c.xs))
	for i, x := range c.xs {
		if isNullNum(x, c.null) {
			out[i] = math.NaN()
		} else {
			out[i] = float64(x)
		}
	}
	return out
}

// ScalarColumn makes one column of per-group scalars (an empty DOUBLE
// column when there are no groups; a tuple when they are no scalars of
// one type).
func ScalarColumn(vals []value.Value) (*value.Vector, error) {
	if len(vals) == 0 {
		return value.NewVector(value.Double, 0, 0), nil
	}
	if first, ok := vals[0].(*value.Vector); ok && first.T != value.Any {
		return rowsColumn(first, vals)
	}
	v, err := cast.FromScalars(vals)
	if err != nil {
		return nil, err
	}
	return v.(*value.Vector), nil
}

// rowsColumn makes an array vector of the rows in vals (one group's
// toArray each), all of first's type.
func rowsColumn(first *value.Vector, vals []value.Value) (*value.Vector, error) {
	out := value.NewVector(first.T+value.ArrayOffset, 0, len(vals))
	out.Scale = first.Scale
	for _, v := range vals {
		row, ok := v.(*value.Vector)
		if !ok || row.T != first.T {
			return nil, ddberr.Errorf("The array vectors of a column must have one type.")
		}
		one := *row
		one.T += value.ArrayOffset
		one.Offsets = []int64{int64(row.Len())}
		out.AppendVector(&one)
	}
	return out, nil
}
