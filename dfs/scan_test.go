package dfs

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// scanTable is a table over VALUE 1..4 (dfs:// in an in-memory store, or
// an in-memory database for path ""), holding ten rows in partitions 1,
// 2 and 4 (3 stays empty).
func scanTable(t *testing.T, path string) *Table {
	t.Helper()
	_, _, db := valueDatabase(t, Config{}, path, "TRANS", 1, 2, 3, 4)
	schema := value.NewTable([]string{"id", "v"}, []*value.Vector{value.NewInts(nil), value.NewDoubles(nil)})
	tb, err := db.CreateTable(TableSpec{Name: "pt", Schema: schema, PartitionColumns: []string{"id"}})
	require.NoError(t, err)
	ids := []int32{4, 1, 2, 1, 4, 2, 1, 1, 4, 2}
	vs := make([]float64, len(ids))
	for i := range vs {
		vs[i] = float64(i)
	}
	n, err := tb.Append(context.Background(), value.NewTable([]string{"id", "v"}, []*value.Vector{
		value.NewInts(ids), value.NewDoubles(vs)}), false)
	require.NoError(t, err)
	require.Equal(t, len(ids), n)
	return tb
}

// TestEachPartitionVisitsEachOnce: every partition holding data is handed
// over once, with only the asked-for columns, and ScanColumns is their
// concatenation in partition order.
func TestEachPartitionVisitsEachOnce(t *testing.T) {
	for _, path := range []string{"dfs://scan", ""} {
		t.Run(path, func(t *testing.T) {
			tb := scanTable(t, path)
			var mu sync.Mutex
			got := map[int]string{}
			require.NoError(t, tb.EachPartition(nil, []string{"v"}, func(i int, part *value.Table) error {
				mu.Lock()
				defer mu.Unlock()
				require.Equal(t, []string{"v"}, part.Names)
				got[i] = part.Cols[0].String()
				return nil
			}))
			require.Equal(t, map[int]string{0: "[1,3,6,7]", 1: "[2,5,9]", 3: "[0,4,8]"}, got)

			all, err := tb.ScanColumns(nil, []string{"v", "id"})
			require.NoError(t, err)
			require.Equal(t, []string{"v", "id"}, all.Names)
			require.Equal(t, "[1,3,6,7,2,5,9,0,4,8]", all.Cols[0].String())
			require.Equal(t, "[1,1,1,1,2,2,2,4,4,4]", all.Cols[1].String())

			one, err := tb.ScanColumns(func(idx []int) bool { return idx[0] == 1 }, nil)
			require.NoError(t, err)
			require.Equal(t, "[2,5,9]", one.Cols[1].String())
		})
	}
}

// TestEachPartitionOwnedColumns: changing a handed-over partition leaves
// the table as it was (in-memory partitions are copied).
func TestEachPartitionOwnedColumns(t *testing.T) {
	for _, path := range []string{"dfs://scan", ""} {
		tb := scanTable(t, path)
		require.NoError(t, tb.EachPartition(nil, nil, func(_ int, part *value.Table) error {
			part.Cols[1].F64[0] = -1
			return nil
		}))
		all, err := tb.Scan(nil)
		require.NoError(t, err)
		vs := append([]float64(nil), all.Cols[1].F64...)
		sort.Float64s(vs)
		require.Equal(t, 0.0, vs[0], path)
	}
}

// TestEachPartitionStopsOnError: the first error from fn is returned.
func TestEachPartitionStopsOnError(t *testing.T) {
	tb := scanTable(t, "dfs://scan")
	boom := errors.New("boom")
	err := tb.EachPartition(nil, nil, func(int, *value.Table) error { return boom })
	require.ErrorIs(t, err, boom)
}

// TestPartitionsReadCoded: a dfs:// partition's SYMBOL column comes
// coded, in the chunk's own base, and a scan of several partitions
// translates them into one base of its own.
func TestPartitionsReadCoded(t *testing.T) {
	_, _, db := valueDatabase(t, Config{}, "dfs://scan", "TRANS", 1, 2)
	schema := value.NewTable([]string{"id", "s"}, []*value.Vector{value.NewInts(nil), value.NewStrings(value.Symbol, nil)})
	tb, err := db.CreateTable(TableSpec{Name: "pt", Schema: schema, PartitionColumns: []string{"id"}})
	require.NoError(t, err)
	_, err = tb.Append(context.Background(), value.NewTable([]string{"id", "s"}, []*value.Vector{
		value.NewInts([]int32{1, 2, 1, 2}), value.NewStrings(value.Symbol, []string{"x", "y", "", "x"})}), false)
	require.NoError(t, err)
	var mu sync.Mutex
	got := map[int][]string{}
	bases := map[int]*value.SymbolBase{}
	require.NoError(t, tb.EachPartitionWith(nil, []string{"id", "s"}, storage.ReadOptions{}, func(i int, part *value.Table) error {
		mu.Lock()
		defer mu.Unlock()
		got[i], bases[i] = part.Cols[1].Strings(), part.Cols[1].Syms
		return nil
	}))
	require.Equal(t, map[int][]string{0: {"x", ""}, 1: {"y", "x"}}, got)
	require.Equal(t, []string{"", "x"}, bases[0].Strs())
	require.Equal(t, []string{"", "y", "x"}, bases[1].Strs())

	all, err := tb.Scan(nil)
	require.NoError(t, err)
	s := all.Column("s")
	require.Equal(t, []string{"x", "", "y", "x"}, s.Strings())
	require.Equal(t, []int32{1, 0, 2, 1}, s.I32, "one base for the column")
}

// TestMapPartitionsInPartitionOrder: fn's results come back indexed by
// partition, the empty partition (3) holding the zero value, and fn's
// first error is returned.
func TestMapPartitionsInPartitionOrder(t *testing.T) {
	for _, path := range []string{"dfs://scan", ""} {
		tb := scanTable(t, path)
		got, err := MapPartitions(tb, nil, []string{"v"}, storage.ReadOptions{}, func(_ int, part *value.Table) (string, error) {
			return part.Cols[0].String(), nil
		})
		require.NoError(t, err)
		require.Equal(t, []string{"[1,3,6,7]", "[2,5,9]", "", "[0,4,8]"}, got, path)
		boom := errors.New("boom")
		_, err = MapPartitions(tb, nil, nil, storage.ReadOptions{}, func(int, *value.Table) (int, error) { return 0, boom })
		require.ErrorIs(t, err, boom)
	}
}

// TestScanColumnsByNameAfterDrop: columns named against an older schema
// are resolved against the one the scan reads with; a dropped name is
// left out (the first column stands in when none is left), names match
// case-insensitively.
func TestScanColumnsByNameAfterDrop(t *testing.T) {
	tb := scanTable(t, "dfs://scan")
	ctx := context.Background()
	require.NoError(t, tb.AddColumns(ctx, []string{"w"}, []value.Type{value.Int}, []int32{0}))
	require.NoError(t, tb.DropColumn(ctx, "v"))
	for _, c := range []struct {
		cols, want []string
	}{
		{nil, []string{"id", "w"}},
		{[]string{"v", "w"}, []string{"w"}},
		{[]string{"W", "ID"}, []string{"w", "id"}},
		{[]string{"v"}, []string{"id"}},
	} {
		got, err := tb.ScanColumns(nil, c.cols)
		require.NoError(t, err)
		require.Equal(t, c.want, got.Names, "%v", c.cols)
		require.Equal(t, 10, got.Rows(), "%v", c.cols)
	}
}

// TestRewritePanicFreesChunks: a rewrite whose fn panics leaves no chunk
// locked, so a column change that waits for every chunk still runs.
func TestRewritePanicFreesChunks(t *testing.T) {
	tb := scanTable(t, "dfs://scan")
	ctx := context.Background()
	require.Panics(t, func() {
		_, _ = tb.RewriteChunks(ctx, nil, func(*value.Table) (*value.Table, int, error) { panic("boom") })
	})
	done := make(chan error, 1)
	go func() { done <- tb.DropColumn(ctx, "v") }()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("dropColumns! waits for a chunk the panicked rewrite kept locked")
	}
}

// TestColSchemaPositions: names resolve case-insensitively in the order
// given, missing ones are left out (position 0 when none is left), on a
// narrow schema and on a wide one (looked up through an index).
func TestColSchemaPositions(t *testing.T) {
	wide := make([]string, 40)
	for i := range wide {
		wide[i] = fmt.Sprintf("c%d", i)
	}
	for _, c := range []struct {
		schema, names []string
		want          []int
	}{
		{[]string{"id", "v"}, nil, []int{0, 1}},
		{[]string{"id", "v"}, []string{"V", "gone", "id"}, []int{1, 0}},
		{[]string{"id", "v"}, []string{"gone"}, []int{0}},
		{wide, []string{"C39", "gone", "c0", "c7", "c8", "c9", "c10", "c11", "c12", "c13"}, []int{39, 0, 7, 8, 9, 10, 11, 12, 13}},
		{wide, []string{"x1", "x2", "x3", "x4", "x5", "x6", "x7"}, []int{0}},
	} {
		require.Equal(t, c.want, (&colSchema{names: c.schema}).positions(c.names), "%v", c.names)
	}
}
