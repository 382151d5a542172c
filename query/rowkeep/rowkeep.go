package rowkeep

import "github.com/porpoisedb/porpoise/value"

// Kept lists, in order, the rows of an n-row table that are not in
// drop.
func Kept(n int, drop []int) []int {
	gone := Dropped(n, drop)
	keep := make([]int, 0, n)
	for r, g := range gone {
		if !g {
			keep = append(keep, r)
		}
	}
	return keep
}

// Dropped flags the rows of an n-row table that are in drop.
func Dropped(n int, drop []int) []bool {
	gone := make([]bool, n)
	for _, r := range drop {
		gone[r] = true
	}
	return gone
}

// CompactInPlace moves v's rows that drop does not flag to its front and
// cuts v to them, in v's own storage; false, leaving v alone, for an
// array vector, a tuple or COMPLEX/POINT, whose rows aren't one slice
// element. It walks the mask once per storage slice without a branch per
// row: a delete that keeps most rows would otherwise build an index of
// one int per kept row before moving anything.
func CompactInPlace(v *value.Vector, drop []bool) bool {
	if !flat(v) {
		return false
	}
	// one of these is the vector's storage (the codes of a coded one);
	// the others are empty
	v.I8 = compactMask(v.I8, drop)
	v.I16 = compactMask(v.I16, drop)
	v.I32 = compactMask(v.I32, drop)
	v.I64 = compactMask(v.I64, drop)
	v.F32 = compactMask(v.F32, drop)
	v.F64 = compactMask(v.F64, drop)
	v.Str = compactMask(v.Str, drop)
	v.B16 = compactMask(v.B16, drop)
	return true
}

// flat reports whether each of v's rows is one element of its storage.
func flat(v *value.Vector) bool {
	return !v.T.IsArray() && v.T != value.Any && v.T.Storage() != value.StPair2F64
}

// compactMask moves each s[i] that drop does not flag down to the next
// free place (always at or before i) and clears the tail. Every element
// is written and the place advances by one for a kept row, so the loop
// has no data-dependent branch.
func compactMask[T any](s []T, drop []bool) []T {
	if len(s) == 0 {
		return s
	}
	k := 0
	for i, d := range drop[:len(s)] {
		s[k] = s[i]
		k += keptOne(d)
	}
	clear(s[k:])
	return s[:k]
}

func keptOne(drop bool) int {
	if drop {
		return 0
	}
	return 1
}
