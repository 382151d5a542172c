package query

import (
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

func (h host) Source(from ast.Expr) (value.Value, error) { return h.ex.sourceValue(from) }

func (h host) Run(n *ast.SelectExpr) (value.Value, error) { return h.ex.evalSelect(n) }

func (h host) Partitions(from value.Value, where []ast.Expr) (int, bool, error) {
	dt, ok := h.ex.env.DFSTable(from)
	if !ok {
		return 0, false, nil
	}
	stored, err := dt.StoredPaths()
	if err != nil {
		return 0, true, err
	}
	have := make(map[string]bool, len(stored))
	for _, p := range stored {
		have[p] = true
	}
	n := 0
	for _, p := range dt.PartitionPaths(h.ex.pruneFilter(dt, where)) {
		if have[p] {
			n++
		}
	}
	return n, true, nil
}
