package access

import (
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// arrayIndex is x[i] on an array vector. A scalar or a pair picks columns
// (progr/data_types_forms/arrayVector.md); a vector of positions picks
// rows (funcs/s/slice.md), a position past the end giving a NULL row; a
// BOOL array vector of x's shape keeps the cells where it is true
// (x[x>=5], tutorials/Array_Vector.md 2.2.4); an open-ended pair x[lo:]
// is each row from cell lo to its own end, not padded to the longest.
func arrayIndex(v *value.Vector, i value.Value) (value.Value, error) {
	switch k := i.(type) {
	case *value.Vector:
		if k.T == value.ArrayOffset+value.Bool {
			if !slices.Equal(k.Offsets, v.Offsets) {
				return nil, ddberr.Errorf("Incompatible vector size")
			}
			return FilterArrayCells(v, k), nil
		}
		if !k.T.IsArray() && k.T.Category() == value.CatIntegral {
			rows, err := IndexList(k, v.Len())
			if err != nil {
				return nil, err
			}
			for j, r := range rows {
				if r >= v.Len() {
					rows[j] = -1
				}
			}
			return value.GatherOrNull(v, rows), nil
		}
	case *value.Pair:
		if lo, ok := k.V.At(0).Int64(); ok && lo >= 0 && k.V.At(1).IsNull() {
			return arrayTails(v, lo), nil
		}
	}
	return ArrayColumns(v, i)
}

// arrayTails is each row of array vector v from cell lo to its end.
func arrayTails(v *value.Vector, lo int64) *value.Vector {
	keep := make([]int, 0, len(v.Offsets))
	offs := make([]int64, len(v.Offsets))
	start := int64(0)
	for r, end := range v.Offsets {
		for p := start + lo; p < end; p++ {
			keep = append(keep, int(p))
		}
		offs[r] = int64(len(keep))
		start = end
	}
	return gatherCells(v, keep, offs)
}

// FilterArrayCells keeps, in each row of array vector a, the cells where
// the BOOL array vector mask of the same rows is true; a row keeping no
// cell is empty ("at" page: at(a, a>3) is [,[5],[8,8],[9,10]]).
func FilterArrayCells(a, mask *value.Vector) *value.Vector {
	keep := make([]int, 0, len(mask.I8))
	offs := make([]int64, len(a.Offsets))
	for i, b := range mask.I8 {
		if b == 1 {
			keep = append(keep, i)
		}
	}
	k := 0
	for r, end := range a.Offsets {
		for k < len(keep) && keep[k] < int(end) {
			k++
		}
		offs[r] = int64(k)
	}
	return gatherCells(a, keep, offs)
}

// gatherCells is the array vector of a's cells at keep, cut into rows
// ending at offs.
func gatherCells(a *value.Vector, keep []int, offs []int64) *value.Vector {
	flat := *a
	flat.T, flat.Offsets = a.T.Elem(), nil
	out := flat.Gather(keep)
	out.T, out.Offsets = a.T, offs
	return out
}
