package engine

import (
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestPruneFilterKeepsOnlyMatchingValuePartitions(t *testing.T) {
	e, err := Open(Options{InMemory: true})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	_, err = s.Run("db = database(\"dfs://p\", VALUE, 2024.01.01..2024.01.05)\n" +
		"pt = db.createPartitionedTable(table(1:0, `date`v, [DATE, INT]), `pt, `date)")
	require.NoError(t, err)
	v, _ := s.Get("pt")
	pt := v.(*ptable)
	in := &interp{s: s, frame: s.vars}
	eval := func(x sqlparse.Expr, tb *value.Table) (value.Value, error) { return in.withTable(tb, x) }
	for _, tc := range []struct {
		where string
		keep  []bool
	}{
		{"date >= 2024.01.04", []bool{false, false, false, true, true}},
		{"date = 2024.01.02", []bool{false, true, false, false, false}},
		{"v > 1", nil}, // not on the partitioning column: no pruning
	} {
		w, err := sqlparse.ParseExpr(tc.where)
		require.NoError(t, err)
		f := pt.PruneFilter(eval, []sqlparse.Expr{w})
		if tc.keep == nil {
			require.Nil(t, f, tc.where)
			continue
		}
		require.NotNil(t, f, tc.where)
		for i, want := range tc.keep {
			require.Equal(t, want, f([]int{i}), "%s partition %d", tc.where, i)
		}
	}
}
