package rowkeep

import "github.com/porpoisedb/porpoise/value"

// Kept lists, in order, the rows of an n-row table that are not in
// drop.
func Kept(n int, drop []int) []int {
	gone := make([]bool, n)
	dropped := 0
	for _, r := range drop {
		if !gone[r] {
			gone[r] = true
			dropped++
		}
	}
	keep := make([]int, 0, n-dropped)
	for r, g := range gone {
		if !g {
			keep = append(keep, r)
		}
	}
	return keep
}

// CompactInPlace moves v's rows keep (ascending) to its front and cuts v
// to them, in v's own storage; false, leaving v alone, for an array
// vector, a tuple or COMPLEX/POINT, whose rows aren't one slice element.
func CompactInPlace(v *value.Vector, keep []int) bool {
	if !flat(v) {
		return false
	}
	// one of these is the vector's storage (the codes of a coded one);
	// the others are empty
	v.I8 = compact(v.I8, keep)
	v.I16 = compact(v.I16, keep)
	v.I32 = compact(v.I32, keep)
	v.I64 = compact(v.I64, keep)
	v.F32 = compact(v.F32, keep)
	v.F64 = compact(v.F64, keep)
	v.Str = compact(v.Str, keep)
	v.B16 = compact(v.B16, keep)
	return true
}

// CompactMaskInPlace is CompactInPlace keeping the rows drop does not
// flag. A delete that keeps most rows would otherwise build an index of
// one int per kept row before moving anything; this walks the mask once
// per column without a branch per row.
func CompactMaskInPlace(v *value.Vector, drop []bool) bool {
	if !flat(v) {
		return false
	}
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

// compact moves s[keep[k]] to s[k] (keep ascending, so no element is
// overwritten before it moves) and clears the tail, so strings no row
// holds any more can be collected.
func compact[T any](s []T, keep []int) []T {
	if len(s) == 0 {
		return s
	}
	for k, r := range keep {
		s[k] = s[r]
	}
	clear(s[len(keep):])
	return s[:len(keep)]
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
