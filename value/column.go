package value

import (
	"slices"
	"unsafe"
)

// column is a vector's element slice for one storage behind an interface,
// so the whole-slice operations are written once as generic code instead
// of a switch over every storage; a caller dispatches once per call and
// the loops inside stay typed (no per-element boxing). Per-element
// accessors (Len, At, SetFrom, AppendFrom) keep their switches: through
// the interface they measured 1.5-2.5x slower.
type column interface {
	appendAll(dst, src *Vector)
	truncate(v *Vector, n int)
	slice(dst, src *Vector, lo, hi int)
	gatherAt(dst *Vector, at int, src *Vector, idx []int)
	choose(dst, a, b *Vector, pick []bool)
	scatter(dst, src *Vector, pos []int32)
	cycle(dst, src *Vector, n int)
	reorder(dst, scratch, src *Vector, perm, inv []int32)
	repeatLast(v *Vector, n int)
	alloc(v *Vector, n, capacity int)
	grow(v *Vector, n int)
}

// fixedColumn is a column of fixed-width elements, viewable as raw memory.
type fixedColumn interface {
	column
	bytes(v *Vector) ([]byte, int)
	extend(v *Vector, n int) ([]byte, int)
}

// slot reaches a vector's []T; per is how many T make one element (2 for
// COMPLEX and POINT, stored as pairs of float64).
type slot[T any] struct {
	field func(*Vector) *[]T
	per   int
}

// fixedSlot is a slot of fixed-width T.
type fixedSlot[T Fixed] struct{ slot[T] }

// columns is indexed by Storage; StNone shares ANY's (empty) slice.
var columns = [...]column{
	StNone:     slot[Value]{func(v *Vector) *[]Value { return &v.Any }, 1},
	StInt8:     fixedSlot[int8]{slot[int8]{func(v *Vector) *[]int8 { return &v.I8 }, 1}},
	StInt16:    fixedSlot[int16]{slot[int16]{func(v *Vector) *[]int16 { return &v.I16 }, 1}},
	StInt32:    fixedSlot[int32]{slot[int32]{func(v *Vector) *[]int32 { return &v.I32 }, 1}},
	StInt64:    fixedSlot[int64]{slot[int64]{func(v *Vector) *[]int64 { return &v.I64 }, 1}},
	StFloat32:  fixedSlot[float32]{slot[float32]{func(v *Vector) *[]float32 { return &v.F32 }, 1}},
	StFloat64:  fixedSlot[float64]{slot[float64]{func(v *Vector) *[]float64 { return &v.F64 }, 1}},
	StString:   slot[string]{func(v *Vector) *[]string { return &v.Str }, 1},
	StBytes16:  fixedSlot[[16]byte]{slot[[16]byte]{func(v *Vector) *[][16]byte { return &v.B16 }, 1}},
	StAny:      slot[Value]{func(v *Vector) *[]Value { return &v.Any }, 1},
	StPair2F64: fixedSlot[float64]{slot[float64]{func(v *Vector) *[]float64 { return &v.F64 }, 2}},
}

// col is the column of v's elements (the flattened elements of an array
// vector).
func (v *Vector) col() column {
	if v.Syms != nil {
		return symbolColumn{}
	}
	return columns[v.T.Storage()]
}

// Grow makes room for n more elements (rows of an array vector), so that
// appending them does not reallocate.
func (v *Vector) Grow(n int) {
	if v.T.IsArray() {
		v.Offsets = slices.Grow(v.Offsets, n)
		return
	}
	v.col().grow(v, n)
}

// colOf is the column that moves elements from src into dst: the symbol
// column when either side is coded, since the other may hold strings.
func colOf(dst, src *Vector) column {
	if src.Syms != nil {
		return symbolColumn{}
	}
	return dst.col()
}

func (s slot[T]) appendAll(dst, src *Vector) {
	d := s.field(dst)
	*d = append(*d, *s.field(src)...)
}

func (s slot[T]) truncate(v *Vector, n int) {
	d := s.field(v)
	*d = (*d)[:s.per*n]
}

func (s slot[T]) slice(dst, src *Vector, lo, hi int) {
	lo, hi = s.per*lo, s.per*hi
	*s.field(dst) = (*s.field(src))[lo:hi:hi]
}

func (s slot[T]) gatherAt(dst *Vector, at int, src *Vector, idx []int) {
	d, x := (*s.field(dst))[s.per*at:], *s.field(src)
	if s.per == 1 {
		for k, i := range idx {
			d[k] = x[i]
		}
		return
	}
	for k, i := range idx {
		copy(d[s.per*k:s.per*(k+1)], x[s.per*i:s.per*(i+1)])
	}
}

// scatter and cycle are only called with per == 1 (callers gather pairs).
func (s slot[T]) scatter(dst, src *Vector, pos []int32) {
	d, x := *s.field(dst), *s.field(src)
	for i, p := range pos {
		if p >= 0 {
			d[p] = x[i]
		}
	}
}

// cycle fills dst with src repeated to n elements: one copy of src (or its
// prefix), then copies of the filled prefix, doubling each time.
func (s slot[T]) cycle(dst, src *Vector, n int) {
	out, x := make([]T, n), *s.field(src)
	*s.field(dst) = out
	if len(x) == 0 {
		return
	}
	filled := copy(out, x)
	for filled < n {
		filled += copy(out[filled:], out[:filled])
	}
}

// bytes views v's elements as raw memory, with the element width.
func (s fixedSlot[T]) bytes(v *Vector) ([]byte, int) {
	return AsBytes(*s.field(v)), s.width()
}

// extend grows v by n elements and views the new tail as raw memory.
func (s fixedSlot[T]) extend(v *Vector, n int) ([]byte, int) {
	d := s.field(v)
	var tail []T
	*d, tail = Extend(*d, s.per*n)
	return AsBytes(tail), s.width()
}

func (s fixedSlot[T]) width() int {
	var z T
	return s.per * int(unsafe.Sizeof(z))
}

// reorder puts src's rows in the order perm or inv gives into scratch's
// slice (grown as needed) and hands that slice to dst.
func (s slot[T]) reorder(dst, scratch, src *Vector, perm, inv []int32) {
	d, x := s.field(scratch), *s.field(src)
	switch {
	case perm != nil:
		*d, _ = Extend((*d)[:0], len(perm))
		for k, p := range perm {
			(*d)[k] = x[p]
		}
	case inv != nil:
		*d, _ = Extend((*d)[:0], len(x))
		for j, i := range inv {
			(*d)[i] = x[j]
		}
	default:
		*d = append((*d)[:0], x...)
	}
	*s.field(dst) = *d
}

// repeatLast appends n copies of v's last element by doubling copies.
func (s slot[T]) repeatLast(v *Vector, n int) {
	d := s.field(v)
	l := len(*d)
	*d, _ = Extend(*d, s.per*n)
	run := (*d)[l-s.per:]
	for filled := s.per; filled < len(run); {
		filled += copy(run[filled:], run[:filled])
	}
}

// alloc gives v a new slice of n zero elements with room for capacity.
func (s slot[T]) alloc(v *Vector, n, capacity int) {
	*s.field(v) = make([]T, s.per*n, s.per*capacity)
}

// grow makes room for n more elements without reallocating later.
func (s slot[T]) grow(v *Vector, n int) {
	d := s.field(v)
	*d = slices.Grow(*d, s.per*n)
}
