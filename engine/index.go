package engine

import (
	"github.com/porpoisedb/porpoise/access"
	"github.com/porpoisedb/porpoise/value"
)

// indexValue is x[i]; a DFS or partitioned table is read whole first,
// which package access, seeing only values, cannot do.
func indexValue(x, i value.Value) (value.Value, error) {
	if t, ok := x.(Table); ok {
		v, err := scanAll(t)
		if err != nil {
			return nil, err
		}
		x = v
	}
	return access.Index(x, i)
}
