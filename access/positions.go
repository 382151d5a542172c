package access

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/operator"
	"github.com/porpoisedb/porpoise/value"
)

// indexPositions resolves a vector index of x[i] = v: a BOOL vector of x's
// length selects the true positions (x[x>4000] = NULL, null_in_tb.md), an
// integral vector lists positions, a pair lo:hi is the range [lo, hi).
// ok is false for a scalar index.
func IndexPositions(x *value.Vector, i value.Value) ([]int, bool, error) {
	n := x.Len()
	switch idx := i.(type) {
	case *value.Pair:
		lo, hi := funcs.PairRange(idx, n)
		if lo < 0 || hi > int64(n) || lo > hi {
			return nil, true, ddberr.Errorf("Index out of range.")
		}
		pos := make([]int, 0, hi-lo)
		for k := lo; k < hi; k++ {
			pos = append(pos, int(k))
		}
		return pos, true, nil
	case *value.Vector:
		if idx.T == value.Bool {
			if idx.Len() != n {
				return nil, true, ddberr.Errorf("Incompatible vector size")
			}
			var pos []int
			for k, b := range idx.I8 {
				if b == 1 {
					pos = append(pos, k)
				}
			}
			return pos, true, nil
		}
		if idx.T.Category() != value.CatIntegral {
			return nil, true, ddberr.Errorf("Invalid index.")
		}
		raw, nulls := operator.Ints(idx)
		pos := make([]int, len(raw))
		for k, r := range raw {
			if nulls[k] || r < 0 || r >= int64(n) {
				return nil, true, ddberr.Errorf("Index out of range.")
			}
			pos[k] = int(r)
		}
		return pos, true, nil
	}
	return nil, false, nil
}

// assignPositions stores v at the positions of x: a scalar everywhere, a
// vector element by element (of the positions' length, or of x's length
// read at the same positions).
func AssignPositions(x *value.Vector, pos []int, v value.Value) error {
	if x.T.IsArray() {
		return assignArrayRows(x, pos, v)
	}
	var src *value.Vector
	bcast := false
	switch t := v.(type) {
	case *value.Scalar:
		if t.Null && t.T == value.Void {
			for _, p := range pos {
				x.SetNull(p)
			}
			return nil
		}
		src, bcast = t.Vector(), true
	case *value.Vector:
		src = t
	default:
		return ddberr.Errorf("The value to assign must be a scalar or a vector.")
	}
	if x.T == value.Any {
		for k, p := range pos {
			switch {
			case bcast:
				x.Any[p] = src.Elem(0)
			case src.Len() == len(pos):
				x.Any[p] = src.Elem(k)
			default:
				x.Any[p] = src.Elem(p)
			}
		}
		return nil
	}
	if !bcast && src.Len() != len(pos) && src.Len() != x.Len() {
		return ddberr.Errorf("Incompatible vector size")
	}
	conv, err := insert.ConvertForVector(src, x.T, x.Scale)
	if err != nil {
		return err
	}
	for k, p := range pos {
		switch {
		case bcast:
			x.SetFrom(p, conv, 0)
		case conv.Len() == len(pos):
			x.SetFrom(p, conv, k)
		default:
			x.SetFrom(p, conv, p)
		}
	}
	return nil
}

// assignArrayRows is AssignPositions into an array vector, whose element
// is a row (progr/data_types_forms/arrayVector.md): v is read as rows the
// way append! reads them (a scalar or a plain vector is one row, NULL a
// row of one NULL cell, a tuple or an array vector its rows), and each
// position's row is replaced whole, as rows vary in length.
func assignArrayRows(x *value.Vector, pos []int, v value.Value) error {
	rows := value.NewVector(x.T, 0, 1)
	rows.Scale = x.Scale
	if err := insert.AppendToArrayVector(rows, v); err != nil {
		return err
	}
	n := rows.Len()
	if n != 1 && n != len(pos) && n != x.Len() {
		return ddberr.Errorf("Incompatible vector size")
	}
	o := insert.NewOverwrite([]*value.Vector{x})
	for k, p := range pos {
		switch {
		case n == 1:
			o.Set(0, p, rows, 0)
		case n == len(pos):
			o.Set(0, p, rows, k)
		default:
			o.Set(0, p, rows, p)
		}
	}
	o.Apply()
	return nil
}
