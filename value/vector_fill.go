package value

// Cycle returns a new vector of n elements repeating v's elements in
// order (take(v, n)): element i is v[i mod len(v)]. v must not be empty.
// Non-array storage is filled by doubling bulk copies, so 30M elements
// cost a memmove, not an index vector and a gather.
func (v *Vector) Cycle(n int) *Vector {
	l := v.Len()
	if v.T.IsArray() || v.T.Storage() == StPair2F64 {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i % l
		}
		return v.Gather(idx)
	}
	out := &Vector{T: v.T, Scale: v.Scale}
	switch v.T.Storage() {
	case StInt8:
		out.I8 = cycle(v.I8, n)
	case StInt16:
		out.I16 = cycle(v.I16, n)
	case StInt32:
		out.I32 = cycle(v.I32, n)
	case StInt64:
		out.I64 = cycle(v.I64, n)
	case StFloat32:
		out.F32 = cycle(v.F32, n)
	case StFloat64:
		out.F64 = cycle(v.F64, n)
	case StString:
		out.Str = cycle(v.Str, n)
	case StBytes16:
		out.B16 = cycle(v.B16, n)
	case StAny:
		out.Any = cycle(v.Any, n)
	}
	return out
}

// cycle is src repeated to n elements: one copy of src (or its prefix),
// then copies of the filled prefix, doubling each time.
func cycle[T any](src []T, n int) []T {
	out := make([]T, n)
	if len(src) == 0 {
		return out
	}
	filled := copy(out, src)
	for filled < n {
		filled += copy(out[filled:], out[:filled])
	}
	return out
}

// GatherAt sets v[at+k] = src[idx[k]] for each k: a gather into part of
// an existing vector, so a producer of indices (a random sampler) can fill
// a large vector batch by batch without an index vector of its full
// length. src must have v's storage and neither may be an array vector.
func (v *Vector) GatherAt(at int, src *Vector, idx []int) {
	switch v.T.Storage() {
	case StInt8:
		gather(v.I8[at:], src.I8, idx)
	case StInt16:
		gather(v.I16[at:], src.I16, idx)
	case StInt32:
		gather(v.I32[at:], src.I32, idx)
	case StInt64:
		gather(v.I64[at:], src.I64, idx)
	case StFloat32:
		gather(v.F32[at:], src.F32, idx)
	case StFloat64:
		gather(v.F64[at:], src.F64, idx)
	case StString:
		gather(v.Str[at:], src.Str, idx)
	case StBytes16:
		gather(v.B16[at:], src.B16, idx)
	case StAny:
		gather(v.Any[at:], src.Any, idx)
	case StPair2F64:
		for k, i := range idx {
			v.F64[2*(at+k)], v.F64[2*(at+k)+1] = src.F64[2*i], src.F64[2*i+1]
		}
	}
}
