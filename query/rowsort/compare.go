package rowsort

import (
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// Compare compares rows a and b by order items (NULL is the smallest
// value unless the item says nulls first/last).
func Compare(keys []*value.Vector, items []sqlparse.OrderItem, a, b int) int {
	for i, k := range keys {
		na, nb := k.IsNull(a), k.IsNull(b)
		var c int
		switch {
		case na && nb:
			c = 0
		case na || nb:
			c = -1
			if nb {
				c = 1
			}
			if items[i].Nulls != "" {
				// explicit placement ignores the direction
				if (items[i].Nulls == "last") == na {
					return 1
				}
				return -1
			}
			if items[i].Desc {
				c = -c
			}
		default:
			c = value.CompareElems(k, a, b)
			if items[i].Desc {
				c = -c
			}
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// Ranked returns keys with each coded SYMBOL key replaced by its rows'
// ranks (value.SymbolRankVector), which Compare orders as integers in
// the texts' order, NULLs as NULLs; keys itself is not changed.
func Ranked(keys []*value.Vector) []*value.Vector {
	out := keys
	for i, k := range keys {
		if r, ok := k.SymbolRankVector(); ok {
			if &out[0] == &keys[0] {
				out = append([]*value.Vector(nil), keys...)
			}
			out[i] = r
		}
	}
	return out
}
