package value

import (
	"encoding/binary"
	"math"
	"slices"
)

// Vector is a DolphinDB vector: one typed slice chosen by T.Storage(), the
// others nil. NULL elements hold the type's sentinel. A tuple is a vector of
// type Any whose elements are Values. An array vector (T >= 64) keeps its
// cells flattened in the element slice and the end offset of each row in
// Offsets.
type Vector struct {
	T     Type
	Scale int32 // DECIMAL scale

	I8  []int8
	I16 []int16
	I32 []int32
	I64 []int64
	F32 []float32
	F64 []float64
	Str []string
	B16 [][16]byte
	Any []Value

	// Offsets holds, for an array vector, the end of each row in the
	// flattened data.
	Offsets []int64

	// Syms, when set, makes a SYMBOL or STRING vector coded: element i
	// is Syms.Strs()[I32[i]] and Str is unused. Vectors derived from a
	// coded one share its base. T stays what it is: coding changes only
	// the representation.
	Syms *SymbolBase

	// Columnar marks a tuple (T Any) whose elements are vectors or
	// scalars of one type as a columnar tuple: indexed by column, as an
	// array vector is (progr/data_types_forms/columnarTuple.md). Copies
	// and the rows taken from it keep the mark.
	Columnar bool
}

// Form implements Value.
func (v *Vector) Form() Form { return FormVector }

// Type implements Value.
func (v *Vector) Type() Type { return v.T }

// NewVector returns a vector of type t with n zero elements (0, false, "")
// and room for capacity elements.
func NewVector(t Type, n, capacity int) *Vector {
	if capacity < n {
		capacity = n
	}
	guardAlloc(t, capacity)
	v := &Vector{T: t}
	if t.IsArray() {
		v.Offsets = make([]int64, n, capacity)
		capacity, n = 0, 0
	}
	switch st := t.Storage(); st {
	case StNone:
	case StAny:
		v.Any = make([]Value, n, capacity)
		for i := range v.Any {
			v.Any[i] = NullScalar(Void)
		}
	default:
		columns[st].alloc(v, n, capacity)
	}
	return v
}

// NewNullVector returns a vector of n NULLs of type t.
func NewNullVector(t Type, n int) *Vector {
	v := NewVector(t, 0, n)
	v.AppendNulls(n)
	return v
}

// NewInts returns an INT vector holding xs (not copied).
func NewInts(xs []int32) *Vector { return &Vector{T: Int, I32: xs} }

// NewLongs returns a LONG vector holding xs (not copied).
func NewLongs(xs []int64) *Vector { return &Vector{T: Long, I64: xs} }

// NewDoubles returns a DOUBLE vector holding xs (not copied).
func NewDoubles(xs []float64) *Vector { return &Vector{T: Double, F64: xs} }

// NewStrings returns a vector of type t (STRING, SYMBOL or BLOB) holding xs.
func NewStrings(t Type, xs []string) *Vector { return &Vector{T: t, Str: xs} }

// NewTuple returns an ANY vector (tuple) of the given values.
func NewTuple(xs []Value) *Vector { return &Vector{T: Any, Any: xs} }

// VectorOf returns a scalar as a one-element vector (scalar true), a
// vector as itself and a pair as its two elements; ok is false for any
// other form.
func VectorOf(x Value) (v *Vector, scalar, ok bool) {
	switch t := x.(type) {
	case *Scalar:
		return t.Vector(), true, true
	case *Vector:
		return t, false, true
	case *Pair:
		return t.V, false, true
	}
	return nil, false, false
}

// TupleOf returns the elements of the tuple v as Ts; ok is false when v
// is not a tuple or one of its elements is not a T.
func TupleOf[T Value](v *Vector) (xs []T, ok bool) {
	if v.T != Any {
		return nil, false
	}
	xs = make([]T, len(v.Any))
	for i, e := range v.Any {
		if xs[i], ok = e.(T); !ok {
			return nil, false
		}
	}
	return xs, true
}

// Len is the number of elements (rows for an array vector).
func (v *Vector) Len() int {
	if v.T.IsArray() {
		return len(v.Offsets)
	}
	switch v.T.Storage() {
	case StInt8:
		return len(v.I8)
	case StInt16:
		return len(v.I16)
	case StInt32:
		return len(v.I32)
	case StInt64:
		return len(v.I64)
	case StFloat32:
		return len(v.F32)
	case StFloat64:
		return len(v.F64)
	case StString:
		if v.Syms != nil {
			return len(v.I32)
		}
		return len(v.Str)
	case StBytes16:
		return len(v.B16)
	case StAny:
		return len(v.Any)
	case StPair2F64:
		return len(v.F64) / 2
	}
	return 0
}

// IsNull reports whether element i is NULL.
func (v *Vector) IsNull(i int) bool {
	switch v.T.Storage() {
	case StInt8:
		return v.I8[i] == NullInt8 || v.T == Void
	case StInt16:
		return v.I16[i] == NullInt16
	case StInt32:
		return v.I32[i] == NullInt32
	case StInt64:
		return v.I64[i] == NullInt64
	case StFloat32:
		f := v.F32[i]
		return f == NullFloat32 || f != f
	case StFloat64:
		f := v.F64[i]
		return f == NullFloat64 || f != f
	case StString:
		if v.Syms != nil {
			return v.I32[i] == 0
		}
		return v.Str[i] == ""
	case StBytes16:
		return v.B16[i] == NullBytes16(v.T)
	case StAny:
		s, ok := v.Any[i].(*Scalar)
		return ok && s.Null && s.T == Void
	case StPair2F64:
		return v.F64[2*i] == NullFloat64 && v.F64[2*i+1] == NullFloat64
	}
	return true
}

// NullBytes16 is the NULL sentinel of a 16-byte type: the minimum int128
// for DECIMAL128, all zeros for UUID, IPADDR and INT128.
func NullBytes16(t Type) [16]byte {
	if t == Decimal128 {
		return [16]byte{15: 0x80}
	}
	return [16]byte{}
}

// HasNull reports whether any element is NULL (any cell, for an array
// vector).
func (v *Vector) HasNull() bool {
	if v.T.IsArray() {
		// an array vector's NULLs are its cells
		return v.Cells().HasNull()
	}
	// one switch, then a typed scan: this runs on every column that iif,
	// nullFill and the SQL paths are about to process
	switch v.T.Storage() {
	case StInt8:
		if v.T == Void {
			return len(v.I8) > 0
		}
		return slices.Contains(v.I8, NullInt8)
	case StInt16:
		return slices.Contains(v.I16, NullInt16)
	case StInt32:
		return slices.Contains(v.I32, NullInt32)
	case StInt64:
		return slices.Contains(v.I64, NullInt64)
	case StFloat32:
		return slices.ContainsFunc(v.F32, func(f float32) bool { return f == NullFloat32 || f != f })
	case StFloat64:
		return slices.ContainsFunc(v.F64, func(f float64) bool { return f == NullFloat64 || f != f })
	case StString:
		if v.Syms != nil {
			return slices.Contains(v.I32, 0)
		}
		return slices.Contains(v.Str, "")
	}
	for i, n := 0, v.Len(); i < n; i++ {
		if v.IsNull(i) {
			return true
		}
	}
	return false
}

// At returns element i as a scalar (a row of an array vector is returned
// as a vector by Row instead).
func (v *Vector) At(i int) *Scalar {
	s := &Scalar{}
	v.ReadAt(i, s)
	return s
}

// ReadAt fills s with element i, as At does, into storage the caller
// owns, so a per-element loop reads its elements without allocating.
func (v *Vector) ReadAt(i int, s *Scalar) {
	*s = Scalar{T: v.T, Scale: v.Scale}
	if v.IsNull(i) {
		s.Null = true
		return
	}
	switch v.T.Storage() {
	case StInt8:
		s.I = int64(v.I8[i])
	case StInt16:
		s.I = int64(v.I16[i])
	case StInt32:
		s.I = int64(v.I32[i])
	case StInt64:
		s.I = v.I64[i]
	case StFloat32:
		s.F = float64(v.F32[i])
	case StFloat64:
		s.F = v.F64[i]
	case StString:
		s.S = v.StrAt(i)
	case StBytes16:
		s.B = v.B16[i]
	case StPair2F64:
		s.F = v.F64[2*i]
		s.B = float64Pair(v.F64[2*i+1])
	}
}

// PairSecond is the second double of a COMPLEX or POINT scalar (the
// imaginary part, or y); its first is F.
func (s *Scalar) PairSecond() float64 { return pairSecond(s.B) }

// pairSecond is the second double of a COMPLEX or POINT scalar, kept in
// its B bytes by float64Pair.
func pairSecond(b [16]byte) float64 {
	u := uint64(0)
	for k := 0; k < 8; k++ {
		u |= uint64(b[k]) << (8 * k)
	}
	return math.Float64frombits(u)
}

func float64Pair(f float64) [16]byte {
	var b [16]byte
	u := math.Float64bits(f)
	for k := 0; k < 8; k++ {
		b[k] = byte(u >> (8 * k))
	}
	return b
}

// Elem returns element i as a Value: the tuple element for ANY vectors,
// otherwise a scalar.
func (v *Vector) Elem(i int) Value {
	if v.T == Any || v.T == IOTAny {
		return v.Any[i]
	}
	if v.T.IsArray() {
		return v.Row(i)
	}
	return v.At(i)
}

// Row returns row i of an array vector as a plain vector (sharing memory).
func (v *Vector) Row(i int) *Vector {
	return v.Cells().Slice(int(v.rowStart(i)), int(v.Offsets[i]))
}

// rowStart is where row i of an array vector starts among its elements
// (for i = Len(), the end of the last row).
func (v *Vector) rowStart(i int) int64 {
	if i <= 0 {
		return 0
	}
	return v.Offsets[i-1]
}

// AppendNull appends one NULL element.
func (v *Vector) AppendNull() {
	if v.T.IsArray() {
		v.Offsets = append(v.Offsets, int64(v.Cells().Len()))
		return
	}
	switch v.T.Storage() {
	case StInt8:
		v.I8 = append(v.I8, NullInt8)
	case StInt16:
		v.I16 = append(v.I16, NullInt16)
	case StInt32:
		v.I32 = append(v.I32, NullInt32)
	case StInt64:
		v.I64 = append(v.I64, NullInt64)
	case StFloat32:
		v.F32 = append(v.F32, NullFloat32)
	case StFloat64:
		v.F64 = append(v.F64, NullFloat64)
	case StString:
		if v.Syms != nil {
			v.I32 = append(v.I32, 0)
			return
		}
		v.Str = append(v.Str, "")
	case StBytes16:
		v.B16 = append(v.B16, NullBytes16(v.T))
	case StAny:
		v.Any = append(v.Any, NullScalar(Void))
	case StPair2F64:
		v.F64 = append(v.F64, NullFloat64, NullFloat64)
	}
}

// AppendNulls appends n NULLs: one, then doubling copies of it.
func (v *Vector) AppendNulls(n int) {
	if n <= 0 {
		return
	}
	if v.T.IsArray() || v.T.Storage() == StAny {
		// array rows are offsets only; ANY NULLs are distinct scalars
		for range n {
			v.AppendNull()
		}
		return
	}
	v.AppendNull()
	v.col().repeatLast(v, n-1)
}

// AppendScalar appends s, which must already have the vector's type (see
// Convert); a NULL scalar appends the type's NULL. Appending to a tuple
// stores s itself.
func (v *Vector) AppendScalar(s *Scalar) {
	if s.Null && v.T != Any {
		v.AppendNull()
		return
	}
	switch v.T.Storage() {
	case StInt8:
		v.I8 = append(v.I8, int8(s.I))
	case StInt16:
		v.I16 = append(v.I16, int16(s.I))
	case StInt32:
		v.I32 = append(v.I32, int32(s.I))
	case StInt64:
		v.I64 = append(v.I64, s.I)
	case StFloat32:
		v.F32 = append(v.F32, float32(s.F))
	case StFloat64:
		v.F64 = append(v.F64, s.F)
	case StString:
		if v.Syms != nil {
			v.I32 = append(v.I32, v.Syms.Intern(s.S))
			return
		}
		v.Str = append(v.Str, s.S)
	case StBytes16:
		v.B16 = append(v.B16, s.B)
	case StAny:
		v.Any = append(v.Any, s)
	case StPair2F64:
		v.F64 = append(v.F64, s.F, pairSecond(s.B))
	}
}

// Set stores s (already of the vector's type) at index i.
func (v *Vector) Set(i int, s *Scalar) {
	if s.Null && v.T != Any {
		v.SetNull(i)
		return
	}
	switch v.T.Storage() {
	case StInt8:
		v.I8[i] = int8(s.I)
	case StInt16:
		v.I16[i] = int16(s.I)
	case StInt32:
		v.I32[i] = int32(s.I)
	case StInt64:
		v.I64[i] = s.I
	case StFloat32:
		v.F32[i] = float32(s.F)
	case StFloat64:
		v.F64[i] = s.F
	case StString:
		if v.Syms != nil {
			v.I32[i] = v.Syms.Intern(s.S)
			return
		}
		v.Str[i] = s.S
	case StBytes16:
		v.B16[i] = s.B
	case StAny:
		v.Any[i] = s
	case StPair2F64:
		v.F64[2*i], v.F64[2*i+1] = s.F, pairSecond(s.B)
	}
}

// SetNull stores the type's NULL at index i.
func (v *Vector) SetNull(i int) {
	checkFlat(v, "SetNull")
	switch v.T.Storage() {
	case StInt8:
		v.I8[i] = NullInt8
	case StInt16:
		v.I16[i] = NullInt16
	case StInt32:
		v.I32[i] = NullInt32
	case StInt64:
		v.I64[i] = NullInt64
	case StFloat32:
		v.F32[i] = NullFloat32
	case StFloat64:
		v.F64[i] = NullFloat64
	case StString:
		if v.Syms != nil {
			v.I32[i] = 0
			return
		}
		v.Str[i] = ""
	case StBytes16:
		v.B16[i] = NullBytes16(v.T)
	case StAny:
		v.Any[i] = NullScalar(Void)
	case StPair2F64:
		v.F64[2*i], v.F64[2*i+1] = NullFloat64, NullFloat64
	}
}

// SetFrom copies element j of src (same storage) into element i of v.
func (v *Vector) SetFrom(i int, src *Vector, j int) {
	checkFlat(v, "SetFrom")
	switch v.T.Storage() {
	case StInt8:
		v.I8[i] = src.I8[j]
	case StInt16:
		v.I16[i] = src.I16[j]
	case StInt32:
		v.I32[i] = src.I32[j]
	case StInt64:
		v.I64[i] = src.I64[j]
	case StFloat32:
		v.F32[i] = src.F32[j]
	case StFloat64:
		v.F64[i] = src.F64[j]
	case StString:
		switch {
		case v.Syms == nil:
			v.Str[i] = src.StrAt(j)
		case src.Syms == v.Syms:
			v.I32[i] = src.I32[j]
		default:
			v.I32[i] = v.Syms.Intern(src.StrAt(j))
		}
	case StBytes16:
		v.B16[i] = src.B16[j]
	case StAny:
		v.Any[i] = src.Any[j]
	case StPair2F64:
		v.F64[2*i], v.F64[2*i+1] = src.F64[2*j], src.F64[2*j+1]
	}
}

// AppendVector appends every element of o, which must have the same
// storage as v (convert first). It allocates at most once.
func (v *Vector) AppendVector(o *Vector) {
	if v.T.IsArray() {
		base := int64(v.Cells().Len())
		for _, off := range o.Offsets {
			v.Offsets = append(v.Offsets, base+off)
		}
	}
	colOf(v, o).appendAll(v, o)
}

// AppendFrom appends element j of src (same storage) to v: for an array
// vector, its row j.
func (v *Vector) AppendFrom(src *Vector, j int) {
	if v.T.IsArray() {
		v.AppendVector(src.Slice(j, j+1))
		return
	}
	switch v.T.Storage() {
	case StInt8:
		v.I8 = append(v.I8, src.I8[j])
	case StInt16:
		v.I16 = append(v.I16, src.I16[j])
	case StInt32:
		v.I32 = append(v.I32, src.I32[j])
	case StInt64:
		v.I64 = append(v.I64, src.I64[j])
	case StFloat32:
		v.F32 = append(v.F32, src.F32[j])
	case StFloat64:
		v.F64 = append(v.F64, src.F64[j])
	case StString:
		switch {
		case v.Syms == nil:
			v.Str = append(v.Str, src.StrAt(j))
		case src.Syms == v.Syms:
			v.I32 = append(v.I32, src.I32[j])
		default:
			v.I32 = append(v.I32, v.Syms.Intern(src.StrAt(j)))
		}
	case StBytes16:
		v.B16 = append(v.B16, src.B16[j])
	case StAny:
		v.Any = append(v.Any, src.Any[j])
	case StPair2F64:
		v.F64 = append(v.F64, src.F64[2*j], src.F64[2*j+1])
	}
}

// Truncate shortens v to n elements (used to roll back a failed append).
func (v *Vector) Truncate(n int) {
	if v.T.IsArray() {
		v.Offsets = v.Offsets[:n]
		n = int(v.rowStart(n))
	}
	v.col().truncate(v, n)
}

// Slice returns elements [lo, hi) sharing v's memory; its capacity is
// clipped so appending to it never overwrites v.
func (v *Vector) Slice(lo, hi int) *Vector {
	out := &Vector{T: v.T, Scale: v.Scale}
	if v.T.IsArray() {
		start, end := v.rowStart(lo), v.rowStart(hi)
		out.Offsets = make([]int64, hi-lo)
		for k := lo; k < hi; k++ {
			out.Offsets[k-lo] = v.Offsets[k] - start
		}
		lo, hi = int(start), int(end)
	}
	v.col().slice(out, v, lo, hi)
	return out
}

// Clone returns a deep copy of v's element slices (a coded SYMBOL
// vector's copy shares its base, which never changes).
func (v *Vector) Clone() *Vector {
	out := v.like(0, v.Len())
	out.AppendVector(v)
	return out
}

// Like returns a vector of n zero elements (0, false, "") of v's type and
// representation: a coded SYMBOL vector's shares its base, so filling it
// from v (GatherAt, SetFrom) copies codes.
func (v *Vector) Like(n int) *Vector { return v.like(n, n) }

func (v *Vector) like(n, capacity int) *Vector {
	if v.Syms != nil {
		guardAlloc(Int, max(n, capacity))
		return &Vector{T: v.T, I32: make([]int32, n, max(n, capacity)), Syms: v.Syms}
	}
	out := NewVector(v.T, n, capacity)
	out.Scale, out.Columnar = v.Scale, v.Columnar
	return out
}

// Gather returns a new vector of the elements at idx, in that order.
func (v *Vector) Gather(idx []int) *Vector {
	if v.T.IsArray() {
		out := NewVector(v.T, 0, len(idx))
		out.Scale = v.Scale
		for _, i := range idx {
			out.AppendVector(v.Slice(i, i+1))
		}
		return out
	}
	out := v.like(len(idx), len(idx))
	v.col().gatherAt(out, 0, v, idx)
	return out
}

// Scatter returns a new vector of n elements with element i of v at
// position pos[i], dropping elements whose pos is negative; the
// non-negative entries of pos must be a permutation of 0..n-1. It reads v
// in order, so regrouping a large vector into k runs streams through
// memory where a Gather per run would read all of v k times.
func (v *Vector) Scatter(pos []int32, n int) *Vector {
	if v.T.IsArray() || v.T.Storage() == StPair2F64 {
		inv := make([]int, n)
		for i, p := range pos {
			if p >= 0 {
				inv[p] = i
			}
		}
		return v.Gather(inv)
	}
	out := v.like(n, n)
	v.col().scatter(out, v, pos)
	return out
}

// Reorder returns v's rows in a new order: row k is v[perm[k]] when perm
// is set, else row j moves to position inv[j] when inv is set, else a
// copy. The result's elements live in scratch's slice of v's storage,
// which is overwritten and kept grown, so a caller reusing one scratch
// vector per batch allocates only to grow it; the result is valid until
// the next Reorder into the same scratch. v must be a plain vector (not an
// array vector or COMPLEX/POINT).
func (v *Vector) Reorder(scratch *Vector, perm, inv []int32) *Vector {
	out := &Vector{T: v.T, Scale: v.Scale}
	v.col().reorder(out, scratch, v, perm, inv)
	return out
}

// Filter returns a new vector of the elements whose keep flag is set.
func (v *Vector) Filter(keep []bool) *Vector {
	idx := make([]int, 0, len(keep))
	for i, k := range keep {
		if k {
			idx = append(idx, i)
		}
	}
	return v.Gather(idx)
}

// AppendKey appends a binary encoding of element i to buf, equal for equal
// values of the same type; keyed tables and dictionaries hash it.
func (v *Vector) AppendKey(buf []byte, i int) []byte {
	switch v.T.Storage() {
	case StInt8:
		return append(buf, byte(v.I8[i]))
	case StInt16:
		x := uint16(v.I16[i])
		return append(buf, byte(x), byte(x>>8))
	case StInt32:
		x := uint32(v.I32[i])
		return append(buf, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
	case StInt64:
		x := uint64(v.I64[i])
		return append(buf, byte(x), byte(x>>8), byte(x>>16), byte(x>>24), byte(x>>32), byte(x>>40), byte(x>>48), byte(x>>56))
	case StFloat32:
		x := math.Float32bits(v.F32[i])
		return append(buf, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
	case StFloat64:
		x := math.Float64bits(v.F64[i])
		return append(buf, byte(x), byte(x>>8), byte(x>>16), byte(x>>24), byte(x>>32), byte(x>>40), byte(x>>48), byte(x>>56))
	case StString:
		s := v.StrAt(i)
		n := len(s)
		buf = append(buf, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
		return append(buf, s...)
	case StBytes16:
		return append(buf, v.B16[i][:]...)
	case StAny:
		return append(append(buf, v.Any[i].String()...), 0)
	case StPair2F64:
		buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(v.F64[2*i]))
		return binary.LittleEndian.AppendUint64(buf, math.Float64bits(v.F64[2*i+1]))
	}
	return buf
}

// Cells returns an array vector's cells, row after row, sharing memory.
func (v *Vector) Cells() *Vector {
	flat := *v
	flat.T, flat.Offsets = v.T.Elem(), nil
	return &flat
}
