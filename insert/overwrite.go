package insert

import "github.com/porpoisedb/porpoise/value"

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
// the Sets are kept.
func (o *Overwrite) Apply() {
	for c, rows := range o.rows {
		col := o.cols[c]
		out := value.NewVector(col.T, 0, col.Len())
		out.Scale = col.Scale
		for r, n := 0, col.Len(); r < n; r++ {
			if ref, ok := rows[r]; ok {
				out.AppendFrom(ref.src, ref.j)
			} else {
				out.AppendFrom(col, r)
			}
		}
		*col = *out
	}
	o.rows = nil
}
