package indexed

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// side is one dimension of an alignment: the positions each matrix
// contributes to the result's rows (or columns) and the result's labels.
type side struct {
	left, right []int
	labels      *value.Vector
}

// alignSide joins two label vectors for align; a nil how keeps the
// dimension, which must then have one size in both matrices.
func alignSide(a, b *value.Vector, na, nb int, how *joinKind, own *value.Vector) (side, error) {
	if how == nil {
		if na != nb {
			return side{}, ddberr.Errorf("The matrices to align must have the same size along the dimension not aligned.")
		}
		return side{left: value.Iota(na), right: value.Iota(nb), labels: own}, nil
	}
	if a == nil || b == nil {
		return side{}, ddberr.Errorf("The matrices to align must have the labels they are aligned by.")
	}
	j, err := joinLabels(a, b, *how)
	if err != nil {
		return side{}, err
	}
	return side{left: j.left, right: j.right, labels: j.labels}, nil
}

// align is align(left, right, [how='outer'], [byRow], [view=true])
// (funcs/a/align.md): the two matrices with their row labels, column
// labels or both joined as how says ("rows,columns" when both are joined
// differently), as a tuple of two plain matrices. Results are always new
// matrices: a view would only save the copy.
func align(_ funcs.Env, args []value.Value) (value.Value, error) {
	a, ok1 := args[0].(*value.Matrix)
	b, ok2 := funcs.Arg(args, 1).(*value.Matrix)
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The arguments [left] and [right] of align must be matrices.")
	}
	how, ok := funcs.OptStringArg(funcs.Arg(args, 2), "outer")
	if !ok {
		return nil, ddberr.Errorf("The argument [how] of align must be a string.")
	}
	byRow, both := false, true
	if x, ok := funcs.ScalarArg(funcs.Arg(args, 3)); ok && !x.Null {
		v, err := funcs.BoolArg("align", "byRow", x, false)
		if err != nil {
			return nil, err
		}
		byRow, both = v, false
	}
	rowHow, colHow, err := alignKinds(how, byRow, both)
	if err != nil {
		return nil, err
	}
	rows, err := alignSide(a.RowLabels, b.RowLabels, a.Rows, b.Rows, rowHow, nil)
	if err != nil {
		return nil, err
	}
	cols, err := alignSide(a.ColLabels, b.ColLabels, a.Cols, b.Cols, colHow, nil)
	if err != nil {
		return nil, err
	}
	out := func(m *value.Matrix, r, c []int, rl, cl *value.Vector) *value.Matrix {
		if rowHow == nil {
			rl = m.RowLabels
		}
		if colHow == nil {
			cl = m.ColLabels
		}
		return &value.Matrix{V: value.GatherOrNull(m.V, cells(m.Rows, r, c)), Rows: len(r), Cols: len(c), RowLabels: rl, ColLabels: cl}
	}
	return value.NewTuple([]value.Value{
		out(a, rows.left, cols.left, rows.labels, cols.labels),
		out(b, rows.right, cols.right, rows.labels, cols.labels),
	}), nil
}

// alignKinds reads align's how, one join or "rows,columns", for the
// dimensions byRow (both when both) selects; nil is a dimension not
// aligned.
func alignKinds(how string, byRow, both bool) (rows, cols *joinKind, err error) {
	names := strings.Split(how, ",")
	if len(names) > 2 {
		return nil, nil, ddberr.Errorf("The argument [how] of align must name one join, or two: rows,columns.")
	}
	kinds := make([]joinKind, len(names))
	for i, n := range names {
		k, ok := joinKinds[n]
		if !ok || k == rightJoin {
			return nil, nil, ddberr.Errorf("The argument [how] of align must be 'outer' ('fj'), 'inner' ('ej'), 'left' ('lj') or 'asof' ('aj').")
		}
		kinds[i] = k
	}
	r, c := &kinds[0], &kinds[len(kinds)-1]
	switch {
	case both:
		return r, c, nil
	case byRow:
		return r, nil, nil
	}
	return nil, c, nil
}

// merge is merge(left, right, [how='inner']) (funcs/m/merge.md): two
// indexed series, or two indexed matrices, joined on their row labels as
// how says, left's columns then right's.
func merge(_ funcs.Env, args []value.Value) (value.Value, error) {
	a, ok1 := args[0].(*value.Matrix)
	b, ok2 := args[1].(*value.Matrix)
	if !ok1 || !ok2 || a.Indexed == value.NotIndexed || a.Indexed != b.Indexed {
		return nil, ddberr.Errorf("The arguments [left] and [right] of merge must be both indexed series or both indexed matrices.")
	}
	kind := innerJoin
	if x := funcs.Arg(args, 2); x != nil {
		s, _ := funcs.StringArg(x)
		k, ok := joinKinds[s]
		if !ok || s != "inner" && s != "outer" && s != "left" && s != "right" && s != "asof" {
			return nil, ddberr.Errorf("The argument [how] of merge must be 'inner', 'outer', 'left', 'right' or 'asof'.")
		}
		kind = k
	}
	rows, err := joinLabels(a.RowLabels, b.RowLabels, kind)
	if err != nil {
		return nil, err
	}
	x := value.GatherOrNull(a.V, cells(a.Rows, rows.left, value.Iota(a.Cols)))
	y := value.GatherOrNull(b.V, cells(b.Rows, rows.right, value.Iota(b.Cols)))
	data, err := funcs.JoinVectors(x, y)
	if err != nil {
		return nil, err
	}
	out := &value.Matrix{V: data, Rows: rows.labels.Len(), Cols: a.Cols + b.Cols, RowLabels: rows.labels}
	if a.ColLabels != nil && b.ColLabels != nil {
		if out.ColLabels, err = funcs.JoinVectors(a.ColLabels, b.ColLabels); err != nil {
			return nil, err
		}
		if increasing(out.ColLabels) && increasing(out.RowLabels) {
			out.Indexed = value.IndexedMatrix
		}
	}
	return out, nil
}
