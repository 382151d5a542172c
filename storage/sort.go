package storage

import (
	"bytes"
	"fmt"

	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/value"
)

// KeepPolicy is a TSDB table's keepDuplicates setting: which rows survive
// among rows whose sort-column values are all equal within a chunk.
type KeepPolicy uint8

// keepDuplicates values.
const (
	// KeepAll keeps every row (DolphinDB's default ALL).
	KeepAll KeepPolicy = iota
	// KeepFirst keeps the oldest row of each key (FIRST).
	KeepFirst
	// KeepLast keeps the newest row of each key (LAST).
	KeepLast
)

// String returns the DolphinDB spelling (ALL, FIRST, LAST).
func (k KeepPolicy) String() string {
	switch k {
	case KeepAll:
		return "ALL"
	case KeepFirst:
		return "FIRST"
	case KeepLast:
		return "LAST"
	}
	return fmt.Sprintf("KeepPolicy(%d)", uint8(k))
}

// sortCol is one sort-key column: a vector, or SYMBOL ids with a lookup of
// the id's text (ids are < nsym).
type sortCol struct {
	v    *value.Vector
	ids  []int32
	sym  func(int32) string
	nsym int
}

// sortable reports whether a column of type t can be a sort column.
func sortable(t value.Type) bool {
	if t.IsArray() {
		return false
	}
	switch t.Storage() {
	case value.StInt8, value.StInt16, value.StInt32, value.StInt64, value.StFloat32, value.StFloat64,
		value.StString, value.StBytes16:
		return true
	}
	return false
}

// key is the column's ascending sort key.
func (c sortCol) key() rowsort.Key {
	if c.v == nil {
		return rowsort.SymbolIDs(c.ids, c.sym, c.nsym)
	}
	return rowsort.Column(c.v, false, rowsort.NullsLow)
}

// order is a sort's outcome (see rowsort.Order).
type order = rowsort.Order

// sortRows returns the row order that sorts n rows stably by cols and
// applies keep to runs of equal keys.
func sortRows(cols []sortCol, n int, keep KeepPolicy) order {
	keys := make([]rowsort.Key, len(cols))
	for i, c := range cols {
		keys[i] = c.key()
	}
	return rowsort.Sort(keys, n, keep.rowsort())
}

// rowsort returns the policy as rowsort's.
func (k KeepPolicy) rowsort() rowsort.Keep {
	switch k {
	case KeepFirst:
		return rowsort.KeepFirst
	case KeepLast:
		return rowsort.KeepLast
	}
	return rowsort.KeepAll
}

// gatherVec returns the rows of v at perm.
func gatherVec(v *value.Vector, perm []int32) *value.Vector {
	if v.T.IsArray() || v.T.Storage() == value.StPair2F64 || v.T.Storage() == value.StAny {
		idx := make([]int, len(perm))
		for i, p := range perm {
			idx[i] = int(p)
		}
		return v.Gather(idx)
	}
	return v.Reorder(&value.Vector{}, perm, nil)
}

// constant reports whether all elements of a plain vector are equal.
func constant(v *value.Vector) bool {
	if v.T.IsArray() {
		return false
	}
	switch v.T.Storage() {
	case value.StString:
		return allEqual(v.Strings())
	case value.StFloat32, value.StFloat64, value.StPair2F64:
		return false // -0/+0 and NaN make bitwise and == equality differ
	}
	b, w := v.FixedBytes()
	if w == 0 {
		return false
	}
	// w-byte elements are all equal when the bytes repeat with period w.
	return len(b) <= w || bytes.Equal(b[w:], b[:len(b)-w])
}

func allEqual[T comparable](s []T) bool {
	for _, x := range s {
		if x != s[0] {
			return false
		}
	}
	return true
}

// scatterVec returns the rows of v moved to the positions inv gives.
func scatterVec(v *value.Vector, inv []int32) *value.Vector {
	out := (&encoder{}).reordered(v, order{Inv: inv})
	return out.Clone()
}

// reorderInto puts the rows of s in order o into dst (reusing its memory).
func reorderInto[T any](dst, s []T, o order) []T {
	switch {
	case o.Perm != nil:
		return gatherInto(dst[:0], s, o.Perm)
	case o.Inv != nil:
		dst, _ = extend(dst[:0], len(s))
		for j, i := range o.Inv {
			dst[i] = s[j]
		}
		return dst
	}
	return append(dst[:0], s...)
}

// gatherInto appends the elements of s at perm to dst.
func gatherInto[T any](dst, s []T, perm []int32) []T {
	dst, tail := extend(dst, len(perm))
	for i, p := range perm {
		tail[i] = s[p]
	}
	return dst
}
