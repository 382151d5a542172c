package value

// ColumnarRows reports whether tuple v may be a columnar tuple
// (progr/data_types_forms/columnarTuple.md): its elements are scalars or
// plain vectors, all of one type.
func (v *Vector) ColumnarRows() bool {
	if v.T != Any {
		return false
	}
	t := Void
	for _, r := range v.Any {
		switch x := r.(type) {
		case *Scalar:
		case *Vector:
			if x.T == Any || x.T.IsArray() {
				return false
			}
		default:
			return false
		}
		if t == Void {
			t = r.Type()
		} else if r.Type() != t && r.Type() != Void {
			return false
		}
	}
	return true
}

// ColumnarType is the type of a columnar tuple's cells: its first
// non-VOID row's (VOID when it has none).
func (v *Vector) ColumnarType() Type {
	for _, r := range v.Any {
		if t := r.Type(); t != Void {
			return t
		}
	}
	return Void
}

// ColumnarArray is columnar tuple v as the array vector it reads like: a
// vector element is a row, a scalar a row of one cell.
func (v *Vector) ColumnarArray() *Vector {
	t := v.ColumnarType()
	flat := NewVector(t, 0, len(v.Any))
	offsets := make([]int64, 0, len(v.Any))
	for _, r := range v.Any {
		switch x := r.(type) {
		case *Scalar:
			flat.AppendScalar(x)
		case *Vector:
			flat.AppendVector(x)
		}
		offsets = append(offsets, int64(flat.Len()))
	}
	flat.T, flat.Offsets = ArrayOffset+t, offsets
	return flat
}

// SetColumnarRows writes the rows of array vector a back into columnar
// tuple v, a row that was a scalar staying one.
func (v *Vector) SetColumnarRows(a *Vector) {
	for i := range v.Any {
		row := a.Row(i).Clone()
		if _, ok := v.Any[i].(*Scalar); ok && row.Len() == 1 {
			v.Any[i] = row.At(0)
			continue
		}
		v.Any[i] = row
	}
}
