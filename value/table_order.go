package value

import (
	"sort"

	"github.com/tidwall/btree"
)

// An indexed table keeps, besides its hash of keys, an ordered index of
// its rows by key (DolphinDB keeps a red-black tree; a B-tree serves the
// same prefix and range scans). It is built on the first ordered query
// and kept up to date by KeysAppended; operations that move rows drop it.

// orderItem is a row of the table, or (probe != nil) a search key: one
// value (element 0) per leading key column.
type orderItem struct {
	row   int
	probe []*Vector
}

// OrderedIndex is an indexed table's rows in key order.
type OrderedIndex struct {
	t    *Table
	tree *btree.BTreeG[orderItem]
}

// compareItems orders rows by the key columns. A probe compares only its
// own columns and then sorts before every row sharing its prefix (with
// prefix set, it compares equal to them instead): the B-tree's search
// then lands on the first such row.
func (t *Table) compareItems(a, b orderItem, prefix bool) int {
	for k, col := range t.KeyCols {
		c := t.Cols[col]
		va, ia, vb, ib := c, a.row, c, b.row
		if a.probe != nil {
			if k >= len(a.probe) {
				if prefix {
					return 0
				}
				return -1
			}
			va, ia = a.probe[k], 0
		}
		if b.probe != nil {
			if k >= len(b.probe) {
				if prefix {
					return 0
				}
				return 1
			}
			vb, ib = b.probe[k], 0
		}
		if r := CompareAcross(va, ia, vb, ib); r != 0 {
			return r
		}
	}
	return 0
}

// lessItems orders the tree: by key, then by row, as distinct keys may
// compare equal (0 and -0, NaNs of two payloads) and the tree keeps one
// item of each order; a probe (row -1) sorts before its equal rows.
func (t *Table) lessItems(a, b orderItem) bool {
	if c := t.compareItems(a, b, false); c != 0 {
		return c < 0
	}
	return a.row < b.row
}

// Ordered returns the table's ordered key index, building it on first
// use. The caller holds the table's read lock (a shared table) or is its
// only user.
func (t *Table) Ordered() *OrderedIndex {
	t.orderMu.Lock()
	defer t.orderMu.Unlock()
	if t.ordered != nil && t.ordered.tree.Len() == t.Rows() {
		return t.ordered
	}
	rows := make([]int, t.Rows())
	for i := range rows {
		rows[i] = i
	}
	sort.Slice(rows, func(a, b int) bool { return t.lessItems(orderItem{row: rows[a]}, orderItem{row: rows[b]}) })
	tree := btree.NewBTreeG(t.lessItems)
	for _, r := range rows {
		tree.Load(orderItem{row: r})
	}
	t.ordered = &OrderedIndex{t: t, tree: tree}
	return t.ordered
}

// Scan calls f for the rows, in key order, from the first whose leading
// key columns are >= from (nil: the first row) while f returns true. from
// holds one element per leading key column, typed as the key columns.
func (o *OrderedIndex) Scan(from []*Vector, f func(row int) bool) {
	iter := func(it orderItem) bool { return f(it.row) }
	if from == nil {
		o.tree.Scan(iter)
		return
	}
	o.tree.Ascend(orderItem{row: -1, probe: from}, iter)
}

// CompareRow compares row's leading key columns with probe (one element
// per leading key column).
func (o *OrderedIndex) CompareRow(row int, probe []*Vector) int {
	return o.t.compareItems(orderItem{row: row}, orderItem{row: -1, probe: probe}, true)
}

// putOrdered adds a new row to the ordered index when one is built.
func (t *Table) putOrdered(row int) {
	if t.ordered != nil {
		t.ordered.tree.Set(orderItem{row: row})
	}
}
