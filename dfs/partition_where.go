package dfs

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// partition(partitionCol, keys) in a where clause (progr/sql/partition.md)
// selects partitions of the level partitionCol partitions: VALUE keys are
// partition values, RANGE and LIST keys partition numbers from 0, HASH
// keys hash remainders.

// PartitionRowMask is partition(col, keys) over rows whose column col
// holds values: true where the row lies in one of the partitions keys name.
func (t *Table) PartitionRowMask(col string, values *value.Vector, keys value.Value) ([]bool, error) {
	dom, err := t.partitionLevel(col)
	if err != nil {
		return nil, err
	}
	want, err := partition.KeyMask(dom, keys)
	if err != nil {
		return nil, err
	}
	idx, err := dom.Map(values)
	if err != nil {
		return nil, err
	}
	out := make([]bool, len(idx))
	for i, p := range idx {
		out[i] = p >= 0 && int(p) < len(want) && want[p]
	}
	return out, nil
}

// partitionLevel is the domain of the level col partitions.
func (t *Table) partitionLevel(col string) (partition.Domain, error) {
	levels := t.db.Levels()
	s := t.sc()
	for l, c := range s.partCols {
		if l < len(levels) && strings.EqualFold(s.names[c], col) {
			return levels[l], nil
		}
	}
	return nil, ddberr.Errorf("The column %s of partition() is not a partitioning column.", col)
}

// partitionPred prunes to the partitions a where-clause partition(col,
// keys) names (nil, keeping all, when it cannot tell: the row-level mask
// then reports the error).
func (p *pruneCtx) partitionPred(col string, keys ast.Expr) keepPred {
	for l, c := range p.s.partCols {
		if l >= len(p.levels) || !strings.EqualFold(p.s.names[c], col) {
			continue
		}
		kv, err := p.eval(keys, p.none)
		if err != nil {
			return nil
		}
		want, err := partition.KeyMask(p.levels[l], kv)
		if err != nil {
			return nil
		}
		return maskPred(l, want)
	}
	return nil
}
