package value

import "unsafe"

// Value semantics support. DolphinDB assignment copies ("按值赋值":
// x=y; y[1]=0 leaves x unchanged), so the interpreter copies a value on
// assignment when its storage is still reachable from another variable.
// These helpers tell whether two values share element storage (slices
// share their parent's memory) and make deep copies.

// span is the address range of a slice's backing array up to its capacity.
type span struct{ lo, hi uintptr }

func sliceSpan[T any](s []T) span {
	if cap(s) == 0 {
		return span{}
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	var zero T
	return span{p, p + uintptr(cap(s))*unsafe.Sizeof(zero)}
}

// storage is the span of v's element slice (and of its offsets for an
// array vector).
func (v *Vector) storage() [2]span {
	// At most one element slice is set, so the first with memory is it.
	elems := [...]span{sliceSpan(v.I8), sliceSpan(v.I16), sliceSpan(v.I32), sliceSpan(v.I64),
		sliceSpan(v.F32), sliceSpan(v.F64), sliceSpan(v.Str), sliceSpan(v.B16), sliceSpan(v.Any)}
	for _, s := range elems {
		if s != (span{}) {
			return [2]span{s, sliceSpan(v.Offsets)}
		}
	}
	return [2]span{{}, sliceSpan(v.Offsets)}
}

func (s span) overlaps(o span) bool { return s.lo < s.hi && o.lo < o.hi && s.lo < o.hi && o.lo < s.hi }

// SharesStorage reports whether a and b are the same vector or their
// element storage overlaps (one is a slice of the other).
func SharesStorage(a, b *Vector) bool {
	if a == b {
		return true
	}
	sa, sb := a.storage(), b.storage()
	return sa[0].overlaps(sb[0]) || sa[1].overlaps(sb[1])
}

// HeldVectors appends to dst the vectors whose storage v exposes to
// mutation: a vector itself (and the containers in a tuple), a pair's,
// matrix's or set's elements, a dictionary's keys and values, a table's
// columns.
func HeldVectors(v Value, dst []*Vector) []*Vector {
	switch x := v.(type) {
	case *Vector:
		dst = append(dst, x)
		if x.T == Any {
			for _, e := range x.Any {
				if _, ok := e.(*Scalar); !ok && e != nil {
					dst = HeldVectors(e, dst)
				}
			}
		}
	case *Pair:
		dst = append(dst, x.V)
	case *Matrix:
		dst = append(dst, x.V)
	case *Set:
		dst = append(dst, x.V)
	case *Dict:
		dst = append(dst, x.Keys, x.Vals)
	case *Table:
		dst = append(dst, x.Cols...)
	}
	return dst
}

// IsContainer reports whether v holds mutable element storage (vector,
// pair, matrix, set, dictionary or table).
func IsContainer(v Value) bool {
	switch v.(type) {
	case *Vector, *Pair, *Matrix, *Set, *Dict, *Table:
		return true
	}
	return false
}

// DeepCopy returns a copy of v that shares no mutable storage with it
// (scalars and non-container values are returned as they are). A copied
// table is private: not shared, not read-only.
func DeepCopy(v Value) Value {
	switch x := v.(type) {
	case *Vector:
		return copyVector(x)
	case *Pair:
		return &Pair{V: copyVector(x.V)}
	case *Matrix:
		m := *x
		m.V = copyVector(x.V)
		return &m
	case *Set:
		x.mu.RLock()
		defer x.mu.RUnlock()
		return &Set{V: copyVector(x.V), index: x.index.Clone()}
	case *Dict:
		x.mu.RLock()
		defer x.mu.RUnlock()
		return &Dict{Keys: copyVector(x.Keys), Vals: copyVector(x.Vals), index: x.index.Clone(), Ordered: x.Ordered}
	case *Table:
		t := &Table{Names: append([]string(nil), x.Names...), Cols: make([]*Vector, len(x.Cols)),
			Kind: x.Kind, KeyCols: append([]int(nil), x.KeyCols...), KeepFirst: x.KeepFirst, LatestCols: append([]int(nil), x.LatestCols...)}
		for i, c := range x.Cols {
			t.Cols[i] = copyVector(c)
		}
		if x.index != nil {
			t.index = x.index.Clone()
		}
		return t
	}
	return v
}

// copyVector copies a vector's storage with one bulk copy per slice; the
// containers inside a tuple are copied too.
func copyVector(v *Vector) *Vector {
	out := &Vector{T: v.T, Scale: v.Scale, Columnar: v.Columnar}
	out.I8 = cloneSlice(v.I8)
	out.I16 = cloneSlice(v.I16)
	out.I32 = cloneSlice(v.I32)
	out.I64 = cloneSlice(v.I64)
	out.F32 = cloneSlice(v.F32)
	out.F64 = cloneSlice(v.F64)
	out.Str = cloneSlice(v.Str)
	out.B16 = cloneSlice(v.B16)
	out.Offsets = cloneSlice(v.Offsets)
	out.Syms = v.Syms
	if v.Any != nil {
		out.Any = make([]Value, len(v.Any))
		for i, e := range v.Any {
			out.Any[i] = DeepCopy(e)
		}
	}
	return out
}

// cloneSlice copies s, keeping nil as nil and empty as empty.
func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}
