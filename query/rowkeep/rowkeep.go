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
	if v.T.IsArray() || v.T == value.Any || v.T.Storage() == value.StPair2F64 {
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
