package orderkey

import (
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Keys returns the sort keys of the columns keys ordered by items (one
// item a column): the item's direction, NULL smallest unless the item
// says nulls first or last.
func Keys(keys []*value.Vector, items []ast.OrderItem) []rowsort.Key {
	out := make([]rowsort.Key, len(keys))
	for i, k := range keys {
		nulls := rowsort.NullsLow
		switch items[i].Nulls {
		case "first":
			nulls = rowsort.NullsFirst
		case "last":
			nulls = rowsort.NullsLast
		}
		out[i] = rowsort.Column(k, items[i].Desc, nulls)
	}
	return out
}

// Grouped returns keys preceded by the key of each row's group id:
// sorting by them lists the groups by id, each group's rows ordered by
// keys, in one sort over all rows instead of a sort a group.
func Grouped(ids []int32, keys []rowsort.Key) []rowsort.Key {
	return append([]rowsort.Key{rowsort.Column(value.NewInts(ids), false, rowsort.NullsLow)}, keys...)
}
