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
	v.col().cycle(out, v, n)
	return out
}

// GatherAt sets v[at+k] = src[idx[k]] for each k: a gather into part of
// an existing vector, so a producer of indices (a random sampler) can fill
// a large vector batch by batch without an index vector of its full
// length. src must have v's storage and neither may be an array vector.
func (v *Vector) GatherAt(at int, src *Vector, idx []int) { colOf(v, src).gatherAt(v, at, src, idx) }
