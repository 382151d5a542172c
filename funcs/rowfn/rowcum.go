package rowfn

import (
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// cumCells is X of a row-wise cumulative function (funcs/r/rowCumsum.md
// and siblings) as one flat vector of cells: prev[i] is the cell before
// cell i in its row (-1 at a row's start), always < i, so one pass in
// storage order accumulates every row. wrap gives a result vector of the
// same cells X's form back.
type cumCells struct {
	flat *value.Vector
	prev []int32
	wrap func(*value.Vector) value.Value
}

// cumCellsOf reads a matrix (its rows run across its columns), an array
// vector or columnar tuple (each row its own cells; the result is an
// array vector) or a tuple of vectors of one length (the vectors are the
// columns; the result is a tuple).
func cumCellsOf(fn string, x value.Value) (*cumCells, error) {
	switch v := x.(type) {
	case *value.Matrix:
		return &cumCells{flat: v.V, prev: stridePrev(v.V.Len(), v.Rows), wrap: func(r *value.Vector) value.Value { return v.WithData(r) }}, nil
	case *value.Vector:
		switch {
		case v.T.IsArray():
			return arrayCells(v), nil
		case v.Columnar:
			// The pages print a columnar tuple's result as an array vector.
			return arrayCells(v.ColumnarArray()), nil
		case v.T == value.Any && len(v.Any) > 0:
			return tupleCells(fn, v)
		}
	}
	return nil, ddberr.Errorf("X of %s must be a matrix, an array vector or a tuple of vectors.", fn)
}

// stridePrev links each cell to the one stride before it (a column-major
// matrix's row neighbour).
func stridePrev(n, stride int) []int32 {
	prev := make([]int32, n)
	for i := range prev {
		prev[i] = int32(i - stride)
		if i < stride {
			prev[i] = -1
		}
	}
	return prev
}

// arrayCells lays out an array vector's rows; the result is an array
// vector of the same row ends.
func arrayCells(a *value.Vector) *cumCells {
	flat := *a
	flat.T, flat.Offsets = a.T.Elem(), nil
	prev := make([]int32, flat.Len())
	lo := 0
	for _, end := range a.Offsets {
		for i := lo; i < int(end); i++ {
			prev[i] = int32(i - 1)
		}
		if lo < int(end) {
			prev[lo] = -1
		}
		lo = int(end)
	}
	return &cumCells{flat: &flat, prev: prev, wrap: func(r *value.Vector) value.Value {
		r.T, r.Offsets = value.ArrayOffset+r.T, a.Offsets
		return r
	}}
}

// tupleCells lays out a tuple of vectors of one length and type as the
// columns of a matrix; the result is a tuple of the result's columns.
func tupleCells(fn string, t *value.Vector) (*cumCells, error) {
	first, ok := t.Any[0].(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The tuple argument of %s must hold vectors.", fn)
	}
	n := first.Len()
	flat := value.NewVector(first.T, 0, n*len(t.Any))
	for _, e := range t.Any {
		c, ok := e.(*value.Vector)
		if !ok || c.T == value.Any || c.T.IsArray() || c.T != first.T {
			return nil, ddberr.Errorf("The tuple argument of %s must hold vectors.", fn)
		}
		if c.Len() != n {
			return nil, ddberr.Errorf("The arguments of %s must have the same number of rows.", fn)
		}
		flat.AppendVector(c)
	}
	return &cumCells{flat: flat, prev: stridePrev(flat.Len(), n), wrap: func(r *value.Vector) value.Value {
		cols := make([]value.Value, len(t.Any))
		for j := range cols {
			cols[j] = r.Slice(j*n, (j+1)*n)
		}
		return value.NewTuple(cols)
	}}, nil
}

// foldCells writes into out each cell's fold with the cells before it in
// its row: NULL cells (and NaN) repeat the row's fold so far, NULL until
// the row's first non-NULL cell.
func foldCells[T int64 | float64](xs, out []T, prev []int32, null T, step func(acc, x T) T) {
	for i, x := range xs {
		p := prev[i]
		switch {
		case x == null || x != x:
			out[i] = null
			if p >= 0 {
				out[i] = out[p]
			}
		case p >= 0 && out[p] != null:
			out[i] = step(out[p], x)
		default:
			out[i] = x
		}
	}
}

// rowCumFn is rowCumsum, rowCumprod, rowCummax or rowCummin: integral X
// (temporal X where intType keeps it) folds as LONG and gives intType(X's
// type), floating X folds as DOUBLE and gives floatType(X's type).
func rowCumFn(fn string, intType, floatType func(value.Type) value.Type, ints func(a, x int64) int64, floats func(a, x float64) float64) funcs.Impl {
	return func(_ funcs.Env, args []value.Value) (value.Value, error) {
		c, err := cumCellsOf(fn, args[0])
		if err != nil {
			return nil, err
		}
		v := c.flat
		// temporal X folds as integers where the result keeps X's type
		// (rowCummax, rowCummin)
		if funcs.IsIntegralVec(v) || v.T.IsTemporal() && intType(v.T) == v.T {
			out := make([]int64, v.Len())
			foldCells(funcs.LongsOf(v), out, c.prev, value.NullInt64, ints)
			return c.wrap(funcs.FromLongs(intType(v.T), out)), nil
		}
		if (v.T == value.Decimal32 || v.T == value.Decimal64) && floatType(v.T) == v.T {
			// rowCummax and rowCummin keep a decimal exactly: fold its raw
			// values (one scale: the cells are one vector's)
			raw, _ := rawAt(v, v.Scale)
			out := make([]int64, len(raw))
			foldCells(raw, out, c.prev, value.NullInt64, ints)
			r := value.NewLongs(out)
			r.T, r.Scale = value.Decimal64, v.Scale
			if v.T == value.Decimal32 {
				if r, err = cast.Vector(r, value.Decimal32, v.Scale); err != nil {
					return nil, err
				}
			}
			return c.wrap(r), nil
		}
		if !funcs.IsNumericVec(v) {
			return nil, ddberr.Errorf("X of %s must be a numeric vector.", fn)
		}
		xs, err := funcs.DoublesOf(fn, v)
		if err != nil {
			return nil, err
		}
		out := make([]float64, len(xs))
		foldCells(xs, out, c.prev, value.NullFloat64, floats)
		r := value.NewDoubles(funcs.Finite(out))
		if t := floatType(v.T); t != value.Double {
			if r, err = mathfn.FromDoubles(r, &value.Vector{T: t}); err != nil {
				return nil, err
			}
		}
		return c.wrap(r), nil
	}
}

// rowCumwsum is the running sum of X*Y along each row of X and Y (of one
// shape); a cell where either is NULL repeats the sum so far.
func rowCumwsum(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "rowCumwsum"
	cx, err := cumCellsOf(fn, args[0])
	if err != nil {
		return nil, err
	}
	cy, err := cumCellsOf(fn, args[1])
	if err != nil {
		return nil, err
	}
	if !slices.Equal(cx.prev, cy.prev) {
		return nil, ddberr.Errorf("The arguments of %s must have the same shape.", fn)
	}
	xs, ys, err := funcs.DoublesOf2(fn, cx.flat, cy.flat)
	if err != nil {
		return nil, err
	}
	prods := make([]float64, len(xs))
	for i, x := range xs {
		prods[i] = x * ys[i]
		if funcs.IsNullF(x) || funcs.IsNullF(ys[i]) {
			prods[i] = value.NullFloat64
		}
	}
	out := make([]float64, len(xs))
	foldCells(prods, out, cx.prev, value.NullFloat64, func(a, p float64) float64 { return a + p })
	return cx.wrap(value.NewDoubles(funcs.Finite(out))), nil
}
