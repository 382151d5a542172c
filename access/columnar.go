package access

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Columnar tuples are read by column, as array vectors are
// (progr/data_types_forms/columnarTuple.md): ctp[j] is cell j of every
// row, ctp[lo:hi] the cells lo..hi-1 of every row. A row past its end
// gives NULL and a scalar row gives its value at every position.

// columnarIndex reads columnar tuple v at i: a position or a range; other
// indexes read it as the tuple it also is.
func columnarIndex(v *value.Vector, i value.Value) (value.Value, bool, error) {
	switch k := i.(type) {
	case *value.Scalar:
		p, ok := k.Int64()
		if !ok {
			return nil, false, nil
		}
		flat, _ := columnarCells(v, p, p+1)
		return flat, true, nil
	case *value.Pair:
		lo, hi := funcs.PairRange(k, 0)
		t := v.ColumnarType()
		if k.V.At(1).IsNull() || t == value.String || t == value.Symbol {
			// an open end or text rows: each row's cells from lo, still
			// a columnar tuple
			out := value.NewVector(value.Any, 0, v.Len())
			out.Columnar = true
			for _, r := range v.Any {
				if rv, ok := r.(*value.Vector); ok {
					r = rv.Slice(min(int(lo), rv.Len()), rv.Len()).Clone()
				}
				out.Any = append(out.Any, r)
			}
			return out, true, nil
		}
		if hi < lo {
			return nil, true, ddberr.Errorf("Invalid index.")
		}
		flat, offsets := columnarCells(v, lo, hi)
		av := *flat
		av.T = value.ArrayOffset + flat.T
		av.Offsets = offsets
		return &av, true, nil
	}
	return nil, false, nil
}

// columnarCells is the cells lo..hi-1 of every row of v, one row after
// another, and the end of each row's cells.
func columnarCells(v *value.Vector, lo, hi int64) (*value.Vector, []int64) {
	n := int(hi - lo)
	flat := value.NewVector(v.ColumnarType(), 0, n*v.Len())
	offsets := make([]int64, 0, v.Len())
	for _, r := range v.Any {
		for p := lo; p < hi; p++ {
			switch x := r.(type) {
			case *value.Scalar:
				flat.AppendScalar(x)
			case *value.Vector:
				if p >= 0 && int(p) < x.Len() {
					flat.AppendFrom(x, int(p))
				} else {
					flat.AppendNull()
				}
			default:
				flat.AppendNull()
			}
		}
		offsets = append(offsets, int64(flat.Len()))
	}
	return flat, offsets
}
