package engine

import (
	"context"
	"testing"

	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/query"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// pruneFixture is a VALUE-partitioned table over 2024.01.01..2024.01.05
// holding rows only up to 2024.01.03, so clauses whose answer depends on
// the rows present (max(date)) would prune wrongly if evaluated over the
// partition values.
func pruneFixture(t *testing.T) (*Session, *ptable, func(string) PartitionFilter) {
	t.Helper()
	return prunedTable(t, "db = database(\"dfs://p\", VALUE, 2024.01.01..2024.01.05)\n"+
		"pt = db.createPartitionedTable(table(1:0, `date`v, [DATE, INT]), `pt, `date)\n"+
		"pt.append!(table(2024.01.01..2024.01.03 as date, 1..3 as v))")
}

// prunedTable runs setup, which makes a partitioned table pt, in a new
// in-memory session and returns the session, pt and the partition filter
// pt's pruner makes of a where-clause.
func prunedTable(t *testing.T, setup string) (*Session, *ptable, func(string) PartitionFilter) {
	t.Helper()
	s := memSession(t, setup)
	v, _ := s.Get("pt")
	pt := v.(*ptable)
	in := &interp{s: s, ctx: context.Background(), frame: s.vars}
	eval := func(x ast.Expr, tb *value.Table) (value.Value, error) { return in.EvalIn(query.NewScope(tb), x) }
	return s, pt, func(where string) PartitionFilter {
		w, err := sqlparse.ParseExpr(where)
		require.NoError(t, err, where)
		return PartitionFilter(pt.Table.PruneFilter(dfs.Evaluator{Eval: eval}, []ast.Expr{w}))
	}
}

func TestPruneFilterKeepsOnlyMatchingValuePartitions(t *testing.T) {
	s, _, filter := pruneFixture(t)
	_, err := s.Run("def isValidDay(x) { return x == max(x) }\n" +
		"def top(x) { return x == max(x) }\n" +
		"dv = 2024.01.05 2024.01.04 2024.01.03 2024.01.02 2024.01.01\n" +
		"d3 = 2024.01.03")
	require.NoError(t, err)
	for _, tc := range []struct {
		where string
		keep  []bool // nil: no filter
	}{
		{"date >= 2024.01.04", []bool{false, false, false, true, true}},
		{"date = 2024.01.02", []bool{false, true, false, false, false}},
		{"DATE = 2024.01.02", []bool{false, true, false, false, false}}, // names resolve ignoring case
		{"date == d3", []bool{false, false, true, false, false}},
		{"date == NULL", []bool{false, false, false, false, false}},
		{"date <= NULL", []bool{false, false, false, false, false}},
		{"date > NULL", nil},
		{"date in []", []bool{false, false, false, false, false}},
		{"date like \"%\"", nil},
		{"v > 1", nil}, // not on the partitioning column: no pruning
		// each row's answer depends on other rows, or on position
		{"date == max(date)", nil},
		{"top(date)", nil},
		{"isValidDay(date)", nil}, // another user function (none may shadow a built-in: S06005)
		{"date == dv", nil},
		{"date in (select date from pt)", nil},
		{"date > rand(2024.01.05, 1)[0]", nil},
	} {
		f := filter(tc.where)
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

func TestPruneFilterKeepsPartitionsAddedLater(t *testing.T) {
	_, _, filter := pruneFixture(t)
	f := filter("date == 2024.01.02")
	require.NotNil(t, f)
	require.False(t, f([]int{0}))
	// a partition added after the filter was built (newValuePartitionPolicy
	// add, addValuePartitions) is beyond what the filter knows
	require.True(t, f([]int{7}))
}

func TestPruneHookCountsPartitionsRead(t *testing.T) {
	s, pt, _ := pruneFixture(t)
	hook := &dfs.PruneHook{}
	pt.SetPruneHook(hook)
	defer pt.SetPruneHook(nil)
	v := mustRun(t, s, "select * from pt where date >= 2024.01.03")
	require.Equal(t, 1, v.(*value.Table).Rows())
	require.EqualValues(t, 3, hook.Read.Load())
	hook.Off.Store(true)
	hook.Read.Store(0)
	mustRun(t, s, "select * from pt where date >= 2024.01.03")
	require.EqualValues(t, 5, hook.Read.Load())
}

// Test-only built-ins in the funcs registry: doubling is element-wise and
// pure, so the pruner may evaluate it on partition values; the impure
// twin computes the same but may not be.
func init() {
	double := func(_ funcs.Env, args []value.Value) (value.Value, error) {
		return funcs.MapFloat("pruneTestDouble", args[0], func(x float64) float64 { return 2 * x })
	}
	funcs.Register(
		funcs.Spec{Name: "pruneTestDouble", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Fn: double},
		funcs.Spec{Name: "pruneTestImpure", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise, Fn: double},
	)
}

// The pruner reads "safe to evaluate on partition values" from the funcs
// registry's properties.
func TestPruneFilterReadsRegistryProps(t *testing.T) {
	s, _, filter := prunedTable(t, "db = database(\"dfs://reg\", VALUE, 1..5)\n"+
		"pt = db.createPartitionedTable(table(1:0, `id`v, [INT, INT]), `pt, `id)\n"+
		"pt.append!(table(1..5 as id, 1..5 as v))")
	for _, tc := range []struct {
		where string
		keep  []bool // nil: no filter
		rows  string // the query's answer, pruned or not
	}{
		{"pruneTestDouble(id) == 4", []bool{false, true, false, false, false}, "[2]"}, // evaluated on the values
		{"id == pruneTestDouble(2)", []bool{false, false, false, true, false}, "[4]"}, // folded to a constant
		{"pruneTestImpure(id) == 4", nil, "[2]"},
		{"id == pruneTestImpure(2)", nil, "[4]"},
	} {
		f := filter(tc.where)
		if tc.keep == nil {
			require.Nil(t, f, tc.where)
		}
		for i, want := range tc.keep {
			require.Equal(t, want, f([]int{i}), "%s partition %d", tc.where, i)
		}
		res := mustRun(t, s, "exec id from pt where "+tc.where)
		require.Equal(t, tc.rows, res.String(), tc.where)
	}
}
