package insert

import (
	"errors"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Appending to containers as arrayVector.md and the examples
// document: onto an array vector append! takes a scalar (one row of one
// cell), a tuple (one row per element, an empty element becoming a row
// holding one NULL), an array vector (its rows) or a plain vector (one
// row); onto a tuple (ANY vector) a plain vector is one element.

// AppendToArrayVector appends data's rows to the array vector x.
func AppendToArrayVector(x *value.Vector, data value.Value) error {
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
					return IncompatibleError(x.T, e.Type())
				}
				if err := appendArrayRow(x, row); err != nil {
					return err
				}
			}
			return nil
		case d.T.IsArray():
			conv, err := cast.Vector(d, x.T, x.Scale)
			if err != nil {
				return IncompatibleError(x.T, d.T)
			}
			x.AppendVector(conv)
			return nil
		}
		return appendArrayRow(x, d)
	}
	return IncompatibleError(x.T, data.Type())
}

// appendArrayRow appends one row (its cells converted to x's element
// type); an empty row is stored as one NULL cell.
func appendArrayRow(x *value.Vector, row *value.Vector) error {
	if row.Len() > 0 && (row.T.IsArray() || row.T == value.Any) {
		return IncompatibleError(x.T, row.T)
	}
	elem := x.T.Elem()
	cells := row
	if row.T == value.Void || row.Len() == 0 {
		cells = value.NewNullVector(elem, 1)
	} else if row.T != elem {
		conv, err := ConvertForVector(row, elem, x.Scale)
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

// AppendWhole appends data to the tuple x as one element (a copy, so the
// tuple never aliases the caller's vector).
func AppendWhole(x *value.Vector, data value.Value) error {
	if x.T != value.Any {
		return errors.New("appendWhole needs a tuple")
	}
	x.Any = append(x.Any, value.DeepCopy(data))
	return nil
}
