package value

import (
	"slices"
	"strings"
	"sync"

	"github.com/porpoisedb/porpoise/value/keyidx"
)

// TableKind distinguishes plain, keyed and indexed in-memory tables.
type TableKind uint8

// Table kinds.
const (
	PlainTable TableKind = iota
	KeyedTable
	IndexedTable
)

// Table is an in-memory DolphinDB table: named columns of equal length.
// Keyed and indexed tables also keep a unique index over KeyCols. Mu guards
// a table that is shared between sessions; callers that mutate a shared
// table hold it.
type Table struct {
	Names []string
	Cols  []*Vector

	Kind    TableKind
	KeyCols []int
	index   *keyidx.Rows // the unique index of keys to rows
	// ordered is an indexed table's key order, built on demand
	// (table_order.go); orderMu serializes its build by readers.
	ordered *OrderedIndex
	orderMu sync.Mutex

	// Shared is the name the table was shared under ("" if private);
	// ReadOnly is set by share(t, name, true).
	Shared   string
	ReadOnly bool
	Mu       sync.RWMutex

	// KeepFirst makes a keyed table drop an arriving row whose key is
	// already present instead of overwriting it (keyedStreamTable).
	KeepFirst bool
	// LatestCols are the time columns of a latest keyed or indexed table:
	// a row whose key is present overwrites it only when its time, compared
	// column by column (a date, then a time of day), is not earlier.
	LatestCols []int
	// Stream is set on a stream table: the append paths tell it of the
	// rows each append added, so it can publish them to subscribers.
	Stream Publisher
	// Refresh is set on a cached table: queries call it first, with call
	// running a function in the querying session. Handle marks an IPC
	// table, which assignment binds instead of copying.
	Refresh func(call func(fn Value, args ...Value) (Value, error)) error
	Handle  bool
}

// Publisher is the publishing side of a stream table (package stream).
type Publisher interface {
	// Published is called after rows [from, t.Rows()) were appended to t,
	// with t's lock held when t is shared.
	Published(t *Table, from int)
	// Undefining is asked before the shared table t is undefined; an
	// error (subscriptions remain) refuses it.
	Undefining(t *Table) error
}

// NewTable builds a plain table over the given columns (not copied).
func NewTable(names []string, cols []*Vector) *Table {
	return &Table{Names: names, Cols: cols}
}

// Form implements Value.
func (t *Table) Form() Form { return FormTable }

// Type implements Value; tables carry types per column.
func (t *Table) Type() Type { return Void }

// Rows is the number of rows.
func (t *Table) Rows() int {
	if len(t.Cols) == 0 {
		return 0
	}
	return t.Cols[0].Len()
}

// AddNullColumns appends one column of NULLs per name, of the given
// types and decimal scales, as long as the table (addColumn).
func (t *Table) AddNullColumns(names []string, types []Type, scales []int32) {
	rows := t.Rows()
	for i, n := range names {
		c := NewNullVector(types[i], rows)
		c.Scale = scales[i]
		t.Names = append(t.Names, n)
		t.Cols = append(t.Cols, c)
	}
}

// NumCols is the number of columns.
func (t *Table) NumCols() int { return len(t.Cols) }

// ColumnIndex finds a column by name, case-insensitively as DolphinDB does;
// -1 if absent.
func (t *Table) ColumnIndex(name string) int {
	for i, n := range t.Names {
		if n == name {
			return i
		}
	}
	for i, n := range t.Names {
		if strings.EqualFold(n, name) {
			return i
		}
	}
	return -1
}

// DuplicateName returns the first of names that repeats an earlier one,
// compared case-insensitively as column names are.
func DuplicateName(names []string) (string, bool) {
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		k := strings.ToLower(n)
		if seen[k] {
			return n, true
		}
		seen[k] = true
	}
	return "", false
}

// Column returns the named column or nil.
func (t *Table) Column(name string) *Vector {
	if i := t.ColumnIndex(name); i >= 0 {
		return t.Cols[i]
	}
	return nil
}

// Types lists the column types.
func (t *Table) Types() []Type {
	ts := make([]Type, len(t.Cols))
	for i, c := range t.Cols {
		ts[i] = c.T
	}
	return ts
}

// EmptyLike returns a plain table with t's names and types and no rows.
func (t *Table) EmptyLike(capacity int) *Table {
	cols := make([]*Vector, len(t.Cols))
	for i, c := range t.Cols {
		cols[i] = NewVector(c.T, 0, capacity)
		cols[i].Scale = c.Scale
	}
	return NewTable(append([]string(nil), t.Names...), cols)
}

// Gather returns a plain table of the rows at idx.
func (t *Table) Gather(idx []int) *Table {
	cols := make([]*Vector, len(t.Cols))
	for i, c := range t.Cols {
		cols[i] = c.Gather(idx)
	}
	return NewTable(append([]string(nil), t.Names...), cols)
}

// Slice returns rows [lo, hi) as a plain table sharing t's memory.
func (t *Table) Slice(lo, hi int) *Table {
	cols := make([]*Vector, len(t.Cols))
	for i, c := range t.Cols {
		cols[i] = c.Slice(lo, hi)
	}
	return NewTable(append([]string(nil), t.Names...), cols)
}

// IsKeyed reports whether the table has a unique key (keyed or indexed).
func (t *Table) IsKeyed() bool { return t.Kind != PlainTable }

// keyColumns is the key columns of src, a table laid out as t (or t), as
// columns of package keyidx; index is t's key index, made when absent,
// its SYMBOL keys homed in the bases their columns will have once src's
// rows are appended.
func (t *Table) keyColumns(src *Table) (cols []keyidx.Column, index *keyidx.Rows) {
	cols = make([]keyidx.Column, len(t.KeyCols))
	kinds := make([]keyidx.Kind, len(cols))
	for i, k := range t.KeyCols {
		cols[i] = src.Cols[k].KeyColumn()
		kinds[i] = cols[i].Kind
	}
	if t.index == nil {
		t.index = keyidx.NewRows(kinds, t.Rows())
	}
	for i, k := range t.KeyCols {
		// keys kept as codes of the base the column's rows are coded in
		// hash as integers, without reading texts
		var home keyidx.Symbols
		if b := t.Cols[k].keyBase(src.Cols[k]); b != nil {
			home = b
		}
		t.index.Home(i, home)
	}
	return cols, t.index
}

// KeyRow returns the row holding key (its key columns' AppendKey bytes,
// one after another) and whether it exists.
func (t *Table) KeyRow(key []byte) (int, bool) {
	if t.index == nil {
		return 0, false
	}
	r := t.index.FindBytes(key)
	return r, r >= 0
}

// FindKeys writes to rows the row holding each key of cols (a vector per
// key column, of its type), -1 for a key t doesn't hold.
func (t *Table) FindKeys(cols []*Vector, rows []int32) {
	if t.index == nil {
		for i := range rows {
			rows[i] = -1
		}
		return
	}
	kc := make([]keyidx.Column, len(cols))
	for i, c := range cols {
		kc[i] = c.KeyColumn()
	}
	t.index.Find(kc, 0, len(rows), rows)
}

// AddKeys gives each row of src (laid out as t, of its types) its row
// in t: a held key's row, or for a new key the next of t.Rows(),
// t.Rows()+1, ... in order of first appearance, whose src row is
// appended to first: the caller appends those rows in that order, then
// calls KeysAppended.
func (t *Table) AddKeys(src *Table, rows []int32, first []int) []int {
	cols, index := t.keyColumns(src)
	return index.Add(cols, 0, src.Rows(), rows, t.Rows(), first)
}

// PutKeys makes each row from.. of t the row of its key, held or not
// (appended rows, which a latest keyed stream table's keys move to), and
// adds them to the ordered index when one is built.
func (t *Table) PutKeys(from int) {
	cols, index := t.keyColumns(t)
	index.Put(cols, from, t.Rows())
	t.KeysAppended(from)
}

// KeysAppended adds rows from.. of t, whose keys AddKeys gave them, to
// the ordered index when one is built.
func (t *Table) KeysAppended(from int) {
	for r := from; r < t.Rows() && t.ordered != nil; r++ {
		t.putOrdered(r)
	}
}

// DropKeys forgets the keys of rows from.. (an append rolled back before
// its rows are truncated).
func (t *Table) DropKeys(from int) {
	cols, index := t.keyColumns(t)
	index.Drop(cols, from, t.Rows())
	t.ordered = nil
}

// KeepKeys moves old's key index to t, a table an update made from old
// by replacing other columns, and reports whether it could: t must hold
// old's rows and the very vectors of old's key columns, so every key
// still sits in its row. old then has no index and must not be used as
// a keyed table again.
func (t *Table) KeepKeys(old *Table) bool {
	if t == old {
		return t.index != nil
	}
	if old.index == nil || t.Kind != old.Kind || t.Rows() != old.Rows() || !slices.Equal(t.KeyCols, old.KeyCols) {
		return false
	}
	for _, k := range t.KeyCols {
		if k >= len(t.Cols) || k >= len(old.Cols) || t.Cols[k] != old.Cols[k] {
			return false
		}
	}
	// the ordered index compares through its own table: rebuilt on demand
	t.index, t.ordered = old.index, nil
	old.index, old.ordered = nil, nil
	return true
}

// RebuildKeys recomputes the key index from the rows, returning false if
// two rows share a key (the index then holds each key's first row).
func (t *Table) RebuildKeys() bool {
	t.ordered, t.index = nil, nil
	cols, index := t.keyColumns(t)
	return len(index.Add(cols, 0, t.Rows(), nil, 0, nil)) == t.Rows()
}
