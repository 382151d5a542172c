package query

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
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

// partitionMask is the where-clause partition(col, keys) over t's rows.
func (ex *executor) partitionMask(t *value.Table, col string, keys ast.Expr) ([]bool, error) {
	if ex.part == nil {
		return nil, errPartitionWhere
	}
	c := t.Column(col)
	if c == nil {
		return nil, join.ColumnMissing(col)
	}
	kv, err := ex.eval(keys)
	if err != nil {
		return nil, err
	}
	return ex.part.PartitionRowMask(col, c, kv)
}
