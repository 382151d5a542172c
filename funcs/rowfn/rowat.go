package rowfn

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// rowCells is X of rowAt as rows of cells: cell j of row i is element
// at(i, j) of flat, or missing when j is past the row's end.
type rowCells struct {
	flat *value.Vector
	rows int
	at   func(i, j int) (int, bool)
	// width is the number of cells of row i.
	width func(i int) int
}

func rowCellsOf(x value.Value) (*rowCells, bool) {
	switch v := x.(type) {
	case *value.Matrix:
		return &rowCells{
			flat:  v.V,
			rows:  v.Rows,
			width: func(int) int { return v.Cols },
			at: func(i, j int) (int, bool) {
				return j*v.Rows + i, j >= 0 && j < v.Cols
			},
		}, true
	case *value.Vector:
		if !v.T.IsArray() {
			return nil, false
		}
		flat := *v
		flat.T, flat.Offsets = v.T.Elem(), nil
		start := func(i int) int {
			if i == 0 {
				return 0
			}
			return int(v.Offsets[i-1])
		}
		width := func(i int) int { return int(v.Offsets[i]) - start(i) }
		return &rowCells{
			flat:  &flat,
			rows:  len(v.Offsets),
			width: width,
			at: func(i, j int) (int, bool) {
				return start(i) + j, j >= 0 && j < width(i)
			},
		}, true
	}
	return nil, false
}

// rowAt picks from each row of X (a matrix or an array vector) the cells
// Y names: one column index per row (a vector), several (an array
// vector), or the cells where a BOOL matrix or array vector of X's shape
// is true; without Y, X is BOOL and the result lists each row's true
// columns (funcs/r/rowAt.md). An index past the row is NULL.
func rowAt(env funcs.Env, args []value.Value) (value.Value, error) {
	if ct, ok := args[0].(*value.Vector); ok && ct.Columnar {
		// a columnar tuple is read as the array vector it reads like,
		// and answers as a columnar tuple (rowAt.md: rowAt(x, x > 1) is
		// ([2,3],[4,5,6]))
		a := append([]value.Value{ct.ColumnarArray()}, args[1:]...)
		if y, ok := funcs.Arg(a, 1).(*value.Vector); ok && y.T == value.Any && y.ColumnarRows() {
			a[1] = y.ColumnarArray()
		}
		r, err := rowAt(env, a)
		if av, ok := r.(*value.Vector); ok && err == nil && av.T.IsArray() {
			rows := make([]value.Value, av.Len())
			for i := range rows {
				rows[i] = av.Row(i).Clone()
			}
			tp := value.NewTuple(rows)
			tp.Columnar = true
			return tp, nil
		}
		return r, err
	}
	x, ok := rowCellsOf(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [X] of rowAt must be a matrix or an array vector.")
	}
	y := funcs.Arg(args, 1)
	if y == nil {
		if x.flat.T != value.Bool {
			return nil, ddberr.Errorf("The argument [Y] of rowAt must be given unless X is BOOL.")
		}
		return trueColumns(x), nil
	}
	if mask, ok := rowCellsOf(y); ok && mask.flat.T == value.Bool {
		if mask.rows != x.rows {
			return nil, ddberr.Errorf("The arguments of %s must have the same number of rows.", "rowAt")
		}
		return pickCells(x, func(i int, pick func(j int)) {
			for j := 0; j < mask.width(i); j++ {
				if p, _ := mask.at(i, j); mask.flat.I8[p] == 1 {
					pick(j)
				}
			}
		}), nil
	}
	yv, ok := y.(*value.Vector)
	if !ok || yv.T.Elem().Category() != value.CatIntegral {
		return nil, ddberr.Errorf("The argument [Y] of rowAt must be an integral vector or array vector, or a BOOL matrix or array vector.")
	}
	if yv.T.IsArray() {
		idx, _ := rowCellsOf(yv)
		if idx.rows != x.rows {
			return nil, ddberr.Errorf("The arguments of %s must have the same number of rows.", "rowAt")
		}
		cols, err := cast.Vector(idx.flat, value.Long, 0)
		if err != nil {
			return nil, err
		}
		return pickCells(x, func(i int, pick func(j int)) {
			for k := 0; k < idx.width(i); k++ {
				p, _ := idx.at(i, k)
				pick(columnIndex(cols.I64[p]))
			}
		}), nil
	}
	if yv.Len() != x.rows {
		return nil, ddberr.Errorf("The arguments of %s must have the same number of rows.", "rowAt")
	}
	cols, err := cast.Vector(yv, value.Long, 0)
	if err != nil {
		return nil, err
	}
	pos := make([]int, x.rows)
	for i, c := range cols.I64 {
		pos[i] = cellPos(x, i, columnIndex(c))
	}
	return withNullCell(x.flat).Gather(pos), nil
}

// columnIndex is a column index as an int, -1 (past any row) for NULL.
func columnIndex(c int64) int {
	if c == value.NullInt64 || c < 0 || c > int64(^uint32(0)>>1) {
		return -1
	}
	return int(c)
}

// cellPos is the position of cell (i, j) in withNullCell(x.flat): the
// NULL appended at its end when j is past the row.
func cellPos(x *rowCells, i, j int) int {
	if p, ok := x.at(i, j); ok {
		return p
	}
	return x.flat.Len()
}

// withNullCell is flat followed by one NULL, the cell an index past the
// row reads.
func withNullCell(flat *value.Vector) *value.Vector {
	out := flat.Clone()
	out.AppendNull()
	return out
}

// pickCells gathers, for each row i, the cells each(i, pick) picks, into
// an array vector of X's element type.
func pickCells(x *rowCells, each func(i int, pick func(j int))) *value.Vector {
	var pos []int
	ends := make([]int64, x.rows)
	for i := 0; i < x.rows; i++ {
		each(i, func(j int) { pos = append(pos, cellPos(x, i, j)) })
		ends[i] = int64(len(pos))
	}
	out := withNullCell(x.flat).Gather(pos)
	out.T += value.ArrayOffset
	out.Offsets = ends
	return out
}

// trueColumns lists, for each row of a BOOL X, the columns that are true,
// as an INT array vector.
func trueColumns(x *rowCells) *value.Vector {
	out := &value.Vector{T: value.Int + value.ArrayOffset, I32: []int32{}, Offsets: make([]int64, x.rows)}
	for i := 0; i < x.rows; i++ {
		for j := 0; j < x.width(i); j++ {
			if p, _ := x.at(i, j); x.flat.I8[p] == 1 {
				out.I32 = append(out.I32, int32(j))
			}
		}
		out.Offsets[i] = int64(len(out.I32))
	}
	return out
}
