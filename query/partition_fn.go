package query

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

var errPartitionWhere = ddberr.Errorf("partition() can only be used in the where clause of a query on a partitioned table.")

func init() {
	// partition(col, keys) is only meaningful as a where-clause of a query
	// on a partitioned table, where whereMask answers it (partition.md).
	funcs.Register(funcs.Spec{Name: "partition", Params: []string{"partitionCol", "keys"}, Min: 2, Max: 2,
		Category: "sql", Fn: func(funcs.Env, []value.Value) (value.Value, error) {
			return nil, errPartitionWhere
		}})
}
