package dataproc

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"math"
)

// cut splits a vector into pieces of size elements, or at the given
// start positions (anything before the first position is dropped); a
// matrix is split by columns and a table by rows.
func cut(_ funcs.Env, args []value.Value) (value.Value, error) {
	x := args[0]
	var n int
	single := false // size 1 splits a vector into scalars
	var slice func(lo, hi int) value.Value
	switch v := x.(type) {
	case *value.Scalar:
		if s, ok := funcs.ScalarArg(args[1]); !ok || s.I != 1 {
			return nil, ddberr.Errorf("The size of cut must be 1 when X is a scalar.")
		}
		return value.NewTuple([]value.Value{v}), nil
	case *value.Vector:
		n = v.Len()
		slice = func(lo, hi int) value.Value {
			if single && v.T != value.Any && !v.T.IsArray() {
				return v.At(lo)
			}
			return v.Slice(lo, hi)
		}
	case *value.Matrix:
		n = v.Cols
		slice = func(lo, hi int) value.Value {
			m := &value.Matrix{V: v.V.Slice(lo*v.Rows, hi*v.Rows), Rows: v.Rows, Cols: hi - lo, RowLabels: v.RowLabels}
			if v.ColLabels != nil {
				m.ColLabels = v.ColLabels.Slice(lo, hi)
			}
			return m
		}
	case *value.Table:
		n = v.Rows()
		slice = func(lo, hi int) value.Value { return v.Slice(lo, hi) }
	default:
		return nil, ddberr.Errorf("The argument [X] of cut must be a scalar, vector, matrix or table.")
	}
	var bounds []int
	switch p := args[1].(type) {
	case *value.Scalar:
		// a floating size of a whole value counts: the manual's
		// syms.cut(ceil(cnt/2.0)) (tutorials/hf_factor_streaming.md)
		if p.T.Category() == value.CatFloating && !p.Null {
			if f := p.Float64(); f == math.Trunc(f) && math.Abs(f) < 1<<53 {
				p = value.NewLong(int64(f))
			}
		}
		size, err := funcs.IntArg("cut", "size", p, 0)
		if err != nil {
			return nil, err
		}
		if size <= 0 || int(size) > n {
			return nil, ddberr.Errorf("The size of cut must be positive and no more than the size of X.")
		}
		single = size == 1
		for lo := 0; lo < n; lo += int(size) {
			bounds = append(bounds, lo)
		}
	case *value.Vector:
		pos, _, _, err := intOrTemporal("cut", "cutPositions", p)
		if err != nil {
			return nil, err
		}
		for i, q := range pos {
			if q < 0 || q > int64(n) || (i > 0 && q <= pos[i-1]) {
				return nil, ddberr.Errorf("The cut positions must be increasing and within the size of X.")
			}
			bounds = append(bounds, int(q))
		}
	default:
		return nil, ddberr.Errorf("The second argument of cut must be a size or a vector of cut positions.")
	}
	out := make([]value.Value, 0, len(bounds))
	for i, lo := range bounds {
		hi := n
		if i+1 < len(bounds) {
			hi = bounds[i+1]
		}
		if lo < hi {
			out = append(out, slice(lo, hi))
		}
	}
	return value.NewTuple(out), nil
}
