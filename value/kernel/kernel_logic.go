package kernel

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// logicKernel is and/or over operands read as BOOL (non-zero is true).
// and gives NULL when either side is NULL, as arithmetic does
// (progr/data_mani/func_null.md: true && 00i is NULL; process_null.md
// names or, not and, among the exceptions); or gives NULL only when both
// sides are NULL (process_null.md, logicOrIgnoreNull=true), || when
// either is (funcs/o/or.md).
func logicKernel(op Op, x, y Operand, n int) (*value.Vector, error) {
	x, y, err := castOperands(x, y, value.Bool)
	if err != nil {
		return nil, err
	}
	out := value.NewVector(value.Bool, n, n)
	switch op {
	case OpAnd:
		broadcast(out.I8, x.V.I8, y.V.I8, mask(x), mask(y), andLoop)
	case OpOr:
		broadcast(out.I8, x.V.I8, y.V.I8, mask(x), mask(y), orLoop)
	default:
		broadcast(out.I8, x.V.I8, y.V.I8, mask(x), mask(y), orNullLoop)
	}
	return out, nil
}

// andLoop is and over equal-length BOOL bytes: NULL when either is NULL.
func andLoop(o, a, b []int8) {
	a, b = a[:len(o)], b[:len(o)]
	for i := range o {
		// & of the two bytes, not &&: no branch on unpredictable data.
		p, q := a[i], b[i]
		r := BoolAs[int8](p == 1) & BoolAs[int8](q == 1)
		if p == value.NullInt8 || q == value.NullInt8 {
			r = value.NullInt8
		}
		o[i] = r
	}
}

// orLoop is or over equal-length BOOL bytes: NULL only when both are NULL.
func orLoop(o, a, b []int8) {
	a, b = a[:len(o)], b[:len(o)]
	for i := range o {
		p, q := a[i], b[i]
		r := BoolAs[int8](p == 1) | BoolAs[int8](q == 1)
		if p == value.NullInt8 && q == value.NullInt8 {
			r = value.NullInt8
		}
		o[i] = r
	}
}

// orNullLoop is || over equal-length BOOL bytes: NULL when either is NULL.
func orNullLoop(o, a, b []int8) {
	a, b = a[:len(o)], b[:len(o)]
	for i := range o {
		p, q := a[i], b[i]
		r := BoolAs[int8](p == 1) | BoolAs[int8](q == 1)
		if p == value.NullInt8 || q == value.NullInt8 {
			r = value.NullInt8
		}
		o[i] = r
	}
}

// Not is the logical negation of a vector read as BOOL: 0 gives true,
// NULL stays NULL, anything else gives false (not.md).
func Not(v *value.Vector) (*value.Vector, error) {
	if v.T.IsArray() {
		flat, err := Not(flatten(v))
		if err != nil {
			return nil, err
		}
		return withOffsets(flat, v), nil
	}
	if v.T == value.Void {
		return value.NewNullVector(value.Bool, v.Len()), nil
	}
	if !v.T.IsNumeric() && !v.T.IsTemporal() {
		return nil, ddberr.Errorf("The operator ! doesn't support %s.", v.T)
	}
	b, err := cast.Vector(v, value.Bool, 0)
	if err != nil {
		return nil, err
	}
	n := b.Len()
	out := value.NewVector(value.Bool, n, n)
	for i, x := range b.I8 {
		r := BoolAs[int8](x == 0)
		if x == value.NullInt8 {
			r = value.NullInt8
		}
		out.I8[i] = r
	}
	return out, nil
}

// flatten is an array vector's cells as one plain vector (shared memory).
func flatten(v *value.Vector) *value.Vector {
	f := *v
	f.T = v.T.Elem()
	f.Offsets = nil
	return &f
}

// withOffsets makes flat (cells) an array vector with like's row offsets.
func withOffsets(flat, like *value.Vector) *value.Vector {
	out := *flat
	out.T = flat.T + value.ArrayOffset
	out.Offsets = append([]int64(nil), like.Offsets...)
	return &out
}

// arrayBinary applies op to array-vector operands cell by cell, keeping
// the rows: with a scalar every cell, with a plain vector (one element per
// row) each row's cells, with an array vector of the same shape cell by
// cell.
func arrayBinary(op Op, x, y Operand) (*value.Vector, error) {
	like := x.V
	if !like.T.IsArray() {
		like = y.V
	}
	side := func(o Operand) (Operand, error) {
		switch {
		case o.V.T.IsArray():
			if o.V != like && !sameOffsets(o.V, like) {
				return o, ErrSizeMismatch
			}
			return Operand{V: flatten(o.V)}, nil
		case o.Scalar:
			return o, nil
		}
		return Operand{V: expandRows(o.V, like.Offsets)}, nil
	}
	a, err := side(x)
	if err != nil {
		return nil, err
	}
	b, err := side(y)
	if err != nil {
		return nil, err
	}
	flat, err := Binary(op, a, b)
	if err != nil {
		return nil, err
	}
	return withOffsets(flat, like), nil
}

func sameOffsets(a, b *value.Vector) bool {
	if len(a.Offsets) != len(b.Offsets) {
		return false
	}
	for i, o := range a.Offsets {
		if b.Offsets[i] != o {
			return false
		}
	}
	return true
}

// expandRows repeats element i of v once per cell of row i.
func expandRows(v *value.Vector, offsets []int64) *value.Vector {
	idx := make([]int, 0, len(offsets))
	lo := int64(0)
	for i, hi := range offsets {
		for k := lo; k < hi; k++ {
			idx = append(idx, i)
		}
		lo = hi
	}
	return v.Gather(idx)
}
