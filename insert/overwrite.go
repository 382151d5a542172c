package insert

import (
	"slices"

	"github.com/porpoisedb/porpoise/value"
)

// Overwrite collects the cells an upsert writes into existing rows of a
// table's columns. Fixed-width cells are written at once; an array
// vector's rows vary in length, so writing one in place would spill into
// its neighbours (value.Vector.SetFrom copies flat elements): such a
// column is rebuilt once, by Apply, with the new rows in place.
type Overwrite struct {
	cols []*value.Vector
	rows map[int]map[int]rowRef // column -> row -> its new content
}

type rowRef struct {
	src *value.Vector
	j   int
}

// NewOverwrite starts a batch of writes into cols.
func NewOverwrite(cols []*value.Vector) *Overwrite {
	return &Overwrite{cols: cols}
}

// Set writes element j of src (same type) into row i of column c; a later
// Set of the same cell wins.
func (o *Overwrite) Set(c, i int, src *value.Vector, j int) {
	col := o.cols[c]
	if !col.T.IsArray() {
		col.SetFrom(i, src, j)
		return
	}
	if o.rows == nil {
		o.rows = map[int]map[int]rowRef{}
	}
	if o.rows[c] == nil {
		o.rows[c] = map[int]rowRef{}
	}
	o.rows[c][i] = rowRef{src, j}
}

// Apply rebuilds the array-vector columns written to, keeping each column's
// identity (the table holds the same *value.Vector); rows appended since
// the Sets are kept. Rows between the written ones are copied a run at a
// time.
func (o *Overwrite) Apply() {
	for c, rows := range o.rows {
		col := o.cols[c]
		at := make([]int, 0, len(rows))
		for r := range rows {
			at = append(at, r)
		}
		slices.Sort(at)
		out := value.NewVector(col.T, 0, col.Len())
		out.Scale = col.Scale
		prev := 0
		for _, r := range at {
			out.AppendVector(col.Slice(prev, r))
			out.AppendFrom(rows[r].src, rows[r].j)
			prev = r + 1
		}
		out.AppendVector(col.Slice(prev, col.Len()))
		*col = *out
	}
	o.rows = nil
}

// SetRow writes element j of src (same type) into row i of col: in place
// for fixed-width cells; an array vector, whose rows vary in length, is
// rebuilt with the new row (value.Vector.SetFrom would write flat cells).
// A caller writing many rows of one array vector batches them with an
// Overwrite instead.
func SetRow(col *value.Vector, i int, src *value.Vector, j int) {
	if !col.T.IsArray() {
		col.SetFrom(i, src, j)
		return
	}
	o := NewOverwrite([]*value.Vector{col})
	o.Set(0, i, src, j)
	o.Apply()
}

// SetNullRows writes NULL into the rows of col; an array vector's NULL row
// holds one NULL cell, as append! stores an empty row (arrayVector.md),
// and the column is rebuilt once.
func SetNullRows(col *value.Vector, rows []int) {
	if !col.T.IsArray() {
		for _, r := range rows {
			col.SetNull(r)
		}
		return
	}
	null := nullRow(col)
	o := NewOverwrite([]*value.Vector{col})
	for _, r := range rows {
		o.Set(0, r, null, 0)
	}
	o.Apply()
}

// nullRow is an array vector of col's type holding one NULL row.
func nullRow(col *value.Vector) *value.Vector {
	null := value.NewVector(col.T, 0, 1)
	null.Scale = col.Scale
	_ = appendArrayRow(null, value.NewNullVector(col.T.Elem(), 1))
	return null
}

// RowIsNull reports whether row i of v is NULL: for an array vector, a
// row with no non-NULL cell (an empty row, which append! stores as one
// NULL cell, or a row of NULLs), as ffill and bfill treat it.
func RowIsNull(v *value.Vector, i int) bool {
	if !v.T.IsArray() {
		return v.IsNull(i)
	}
	row := v.Row(i)
	for k, n := 0, row.Len(); k < n; k++ {
		if !row.IsNull(k) {
			return false
		}
	}
	return true
}
