package engine

import (
	"errors"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Appending to containers as arrayVector.md and the examples
// document: onto an array vector append! takes a scalar (one row of one
// cell), a tuple (one row per element, an empty element becoming a row
// holding one NULL), an array vector (its rows) or a plain vector (one
// row); onto a tuple (ANY vector) a plain vector is one element.

// appendToArrayVector appends data's rows to the array vector x.
func appendToArrayVector(x *value.Vector, data value.Value) error {
	switch d := data.(type) {
	case *value.Scalar:
		return appendArrayRow(x, d.Vector())
	case *value.Pair:
		return appendArrayRow(x, d.V)
	case *value.Vector:
		switch {
		case d.T == value.Any:
			for _, e := range d.Any {
				var row *value.Vector
				switch r := e.(type) {
				case *value.Scalar:
					row = r.Vector()
				case *value.Vector:
					row = r
				default:
					return insert.IncompatibleError(x.T, e.Type())
				}
				if err := appendArrayRow(x, row); err != nil {
					return err
				}
			}
			return nil
		case d.T.IsArray():
			conv, err := cast.Vector(d, x.T, x.Scale)
			if err != nil {
				return insert.IncompatibleError(x.T, d.T)
			}
			x.AppendVector(conv)
			return nil
		}
		return appendArrayRow(x, d)
	}
	return insert.IncompatibleError(x.T, data.Type())
}

// appendArrayRow appends one row (its cells converted to x's element
// type); an empty row is stored as one NULL cell.
func appendArrayRow(x *value.Vector, row *value.Vector) error {
	if row.Len() > 0 && (row.T.IsArray() || row.T == value.Any) {
		return insert.IncompatibleError(x.T, row.T)
	}
	elem := x.T.Elem()
	cells := row
	if row.T == value.Void || row.Len() == 0 {
		cells = value.NewNullVector(elem, 1)
	} else if row.T != elem {
		conv, err := insert.ConvertForVector(row, elem, x.Scale)
		if err != nil {
			return err
		}
		cells = conv
	}
	flat := *x
	flat.T, flat.Offsets = elem, nil
	flat.AppendVector(cells)
	offsets := append(x.Offsets, int64(flat.Len()))
	t := x.T
	*x = flat
	x.T, x.Offsets = t, offsets
	return nil
}

// appendWhole appends data to the tuple x as one element (a copy, so the
// tuple never aliases the caller's vector).
func appendWhole(x *value.Vector, data value.Value) error {
	if x.T != value.Any {
		return errors.New("appendWhole needs a tuple")
	}
	x.Any = append(x.Any, value.DeepCopy(data))
	return nil
}

// indexPositions resolves a vector index of x[i] = v: a BOOL vector of x's
// length selects the true positions (x[x>4000] = NULL, null_in_tb.md), an
// integral vector lists positions, a pair lo:hi is the range [lo, hi).
// ok is false for a scalar index.
func indexPositions(x *value.Vector, i value.Value) ([]int, bool, error) {
	n := x.Len()
	switch idx := i.(type) {
	case *value.Pair:
		lo, lok := idx.V.At(0).Int64()
		hi, hok := idx.V.At(1).Int64()
		if !lok {
			lo = 0
		}
		if !hok {
			hi = int64(n)
		}
		if lo < 0 || hi > int64(n) || lo > hi {
			return nil, true, errors.New("Index out of range.")
		}
		pos := make([]int, 0, hi-lo)
		for k := lo; k < hi; k++ {
			pos = append(pos, int(k))
		}
		return pos, true, nil
	case *value.Vector:
		if idx.T == value.Bool {
			if idx.Len() != n {
				return nil, true, errors.New("Incompatible vector size")
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
			return nil, true, errors.New("Invalid index.")
		}
		raw, nulls := ints(idx)
		pos := make([]int, len(raw))
		for k, r := range raw {
			if nulls[k] || r < 0 || r >= int64(n) {
				return nil, true, errors.New("Index out of range.")
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
func assignPositions(x *value.Vector, pos []int, v value.Value) error {
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
		return errors.New("The value to assign must be a scalar or a vector.")
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
		return errors.New("Incompatible vector size")
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
