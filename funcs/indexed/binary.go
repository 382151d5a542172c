package indexed

import (
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// Binary runs the operator kernel op over a and b when Align pairs them;
// ok is false for other operands, which the operator's own rules take (an
// indexed operand with a scalar or a vector keeps its labels and mark
// there).
func Binary(op kernel.Op, a, b value.Value) (r value.Value, ok bool, err error) {
	x, y, wrap, ok, err := Align(a, b)
	if !ok || err != nil {
		return nil, ok, err
	}
	res, err := kernel.Binary(op, kernel.Operand{V: x}, kernel.Operand{V: y})
	if err != nil {
		return nil, true, err
	}
	return wrap(res), true, nil
}

// Align pairs the elements of a and b for an element-wise binary
// operation when one is an indexed series or matrix
// (funcs/i/indexedSeries.md, tutorials/panel_data.md): two indexed
// operands are aligned by an outer join of their row labels, and of their
// column labels when both are indexed matrices (a series meets every
// column of a matrix); an indexed series meets every column of a plain
// matrix of as many rows, which gives the plain matrix's shape and
// labels. x and y have one length and wrap gives a result over them the
// aligned shape, labels and mark; ok is false for other operands.
func Align(a, b value.Value) (x, y *value.Vector, wrap func(*value.Vector) value.Value, ok bool, err error) {
	return pair(a, b, outerJoin)
}

// AlignLeft pairs a and b as Align does but on a's row labels (a left
// join), as the moving functions of two series do (funcs/m/mcorr.md: the
// result has X's labels): a and b come back as matrices of one shape with
// a's labels.
func AlignLeft(a, b value.Value) (value.Value, value.Value, bool, error) {
	x, y, wrap, ok, err := pair(a, b, leftJoin)
	if !ok || err != nil {
		return a, b, ok, err
	}
	return wrap(x), wrap(y), true, nil
}

// pair is Align with the join of the row labels given.
func pair(a, b value.Value, rowJoin joinKind) (x, y *value.Vector, wrap func(*value.Vector) value.Value, ok bool, err error) {
	ma, aok := a.(*value.Matrix)
	mb, bok := b.(*value.Matrix)
	if !aok || !bok || ma.Indexed == value.NotIndexed && mb.Indexed == value.NotIndexed {
		return nil, nil, nil, false, nil
	}
	if ma.Indexed == value.NotIndexed || mb.Indexed == value.NotIndexed {
		x, y, wrap, ok = seriesOverMatrix(ma, mb)
		return x, y, wrap, ok, nil
	}
	rows, err := joinLabels(ma.RowLabels, mb.RowLabels, rowJoin)
	if err != nil {
		return nil, nil, nil, true, err
	}
	out := value.Matrix{Rows: rows.labels.Len(), RowLabels: rows.labels, Indexed: value.IndexedSeries}
	var colA, colB []int
	switch {
	case ma.Indexed == value.IndexedMatrix && mb.Indexed == value.IndexedMatrix:
		cols, err := joinLabels(ma.ColLabels, mb.ColLabels, outerJoin)
		if err != nil {
			return nil, nil, nil, true, err
		}
		colA, colB, out.ColLabels = cols.left, cols.right, cols.labels
	case ma.Indexed == value.IndexedMatrix:
		colA, colB, out.ColLabels = value.Iota(ma.Cols), make([]int, ma.Cols), ma.ColLabels
	case mb.Indexed == value.IndexedMatrix:
		colA, colB, out.ColLabels = make([]int, mb.Cols), value.Iota(mb.Cols), mb.ColLabels
	default:
		colA, colB, out.ColLabels = []int{0}, []int{0}, ma.ColLabels
	}
	if ma.Indexed == value.IndexedMatrix || mb.Indexed == value.IndexedMatrix {
		out.Indexed = value.IndexedMatrix
	}
	out.Cols = len(colA)
	x = value.GatherOrNull(ma.V, cells(ma.Rows, rows.left, colA))
	y = value.GatherOrNull(mb.V, cells(mb.Rows, rows.right, colB))
	return x, y, func(r *value.Vector) value.Value { return out.WithData(r) }, true, nil
}

// seriesOverMatrix pairs an indexed series with each column of a plain
// matrix (either side) of as many rows; ok is false otherwise.
func seriesOverMatrix(a, b *value.Matrix) (x, y *value.Vector, wrap func(*value.Vector) value.Value, ok bool) {
	series, plain := a, b
	if b.Indexed == value.IndexedSeries {
		series, plain = b, a
	}
	if series.Indexed != value.IndexedSeries || plain.Indexed != value.NotIndexed || series.Rows != plain.Rows || plain.Cols == 1 {
		return nil, nil, nil, false
	}
	x = value.GatherOrNull(series.V, cells(series.Rows, value.Iota(series.Rows), make([]int, plain.Cols)))
	y = plain.V
	if series == b {
		x, y = y, x
	}
	return x, y, func(r *value.Vector) value.Value { return plain.WithData(r) }, true
}
