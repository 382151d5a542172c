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
