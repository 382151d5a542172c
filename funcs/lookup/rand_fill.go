package lookup

import (
	"math/rand/v2"

	"github.com/porpoisedb/porpoise/value"
)

// rand's typed generators: rand(100, 30000000) writes the INT vector
// directly, two samples per 64-bit draw, with no int64 staging slice and
// no per-element boxing.

// randBatch is how many indices rand(vector, n) draws before gathering
// them: large enough that the gather loop dominates, small enough to stay
// in cache.
const randBatch = 4096

// fillRandBelow fills dst with integers uniform in [0, bound), bound > 0.
func fillRandBelow[T int8 | int16 | int32 | int64 | int](r *rand.Rand, dst []T, bound int64) {
	if bound > 1<<32 {
		for i := range dst {
			dst[i] = T(r.Int64N(bound))
		}
		return
	}
	n := uint64(bound)
	i := 0
	for ; i+1 < len(dst); i += 2 {
		x := r.Uint64()
		dst[i] = T(below32(r, uint32(x), n))
		dst[i+1] = T(below32(r, uint32(x>>32), n))
	}
	if i < len(dst) {
		dst[i] = T(below32(r, uint32(r.Uint64()), n))
	}
}

// below32 maps the 32 random bits x to [0, n), n <= 1<<32, without bias
// (Lemire's multiply-and-reject: a fresh draw replaces x only when the low
// half of the product falls in the short first interval, rare for the
// small bounds scripts use).
func below32(r *rand.Rand, x uint32, n uint64) uint64 {
	m := uint64(x) * n
	if uint64(uint32(m)) < n {
		m = rejectBelow32(r, m, n)
	}
	return m >> 32
}

// rejectBelow32 is below32's slow path, kept apart so the fast path
// inlines.
func rejectBelow32(r *rand.Rand, m, n uint64) uint64 {
	thresh := uint32((1 << 32) % n)
	for uint32(m) < thresh {
		m = uint64(uint32(r.Uint64())) * n
	}
	return m
}

// randInts is a vector of count integers of type t uniform in [0, bound).
func randInts(r *rand.Rand, t value.Type, count int, bound int64) *value.Vector {
	out := value.NewVector(t, count, count)
	switch t.Storage() {
	case value.StInt8:
		fillRandBelow(r, out.I8, bound)
	case value.StInt16:
		fillRandBelow(r, out.I16, bound)
	case value.StInt32:
		fillRandBelow(r, out.I32, bound)
	case value.StInt64:
		fillRandBelow(r, out.I64, bound)
	}
	return out
}

// randSample is a vector of count elements drawn with replacement from
// the non-empty vector x, gathered batch by batch.
func randSample(r *rand.Rand, x *value.Vector, count int) *value.Vector {
	l := int64(x.Len())
	if x.T.IsArray() {
		idx := make([]int, count)
		fillRandBelow(r, idx, l)
		return x.Gather(idx)
	}
	x = codedSource(x, count)
	out := x.Like(count)
	idx := make([]int, min(count, randBatch))
	for at := 0; at < count; at += len(idx) {
		batch := idx[:min(len(idx), count-at)]
		fillRandBelow(r, batch, l)
		out.GatherAt(at, x, batch)
	}
	return out
}

// codedSource is x dictionary-coded (value.Vector.Coded) when x is a
// plain STRING or SYMBOL vector that a result of n rows repeats, at least
// twice over on average: rand(`A`B`C, n) and take(`A`B`C, n) then hold
// 4-byte codes into a base of x's distinct strings instead of a 16-byte
// string header a row.
func codedSource(x *value.Vector, n int) *value.Vector {
	if n < 2*x.Len() {
		return x
	}
	return x.Coded()
}
