package dfs

import (
	"context"
	"testing"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// valueDatabase is the database path over VALUE ids, in a catalog with
// cfg over an in-memory store that closes when the test ends.
func valueDatabase(t *testing.T, cfg Config, path, atomic string, ids ...int32) (*storage.Store, *Catalog, *Database) {
	t.Helper()
	st, err := storage.Open(storage.Options{InMemory: true})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	cat, err := Open(st, cfg)
	require.NoError(t, err)
	dom, err := partition.NewValue(value.NewInts(ids))
	require.NoError(t, err)
	db, err := cat.CreateDatabase(path, dom, "OLAP", atomic)
	require.NoError(t, err)
	return st, cat, db
}

// addPolicyTable is a dfs:// table over VALUE 1..3 with
// newValuePartitionPolicy=add, holding three-column rows in partition 1.
func addPolicyTable(t *testing.T, atomic string) (*storage.Store, *Catalog, *Table) {
	t.Helper()
	st, cat, db := valueDatabase(t, Config{NewValuePartitionPolicy: "add", AllowMissingPartitions: true}, "dfs://add", atomic, 1, 2, 3)
	schema := value.NewTable([]string{"id", "v", "w"}, []*value.Vector{
		value.NewInts(nil), value.NewInts(nil), value.NewInts(nil)})
	tb, err := db.CreateTable(TableSpec{Name: "pt", Schema: schema, PartitionColumns: []string{"id"}})
	require.NoError(t, err)
	n, err := tb.Append(context.Background(), value.NewTable([]string{"id", "v", "w"}, []*value.Vector{
		value.NewInts([]int32{1}), value.NewInts([]int32{10}), value.NewInts([]int32{100})}), false)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	return st, cat, tb
}

// An append that adds a VALUE partition and then fails (fewer columns
// than the chunk it also writes) leaves the scheme as it was, in memory
// and on disk: the catalog change commits with the data or not at all.
func TestAddPolicyCatalogCommitsWithData(t *testing.T) {
	for _, atomic := range []string{"TRANS", "CHUNK"} {
		t.Run(atomic, func(t *testing.T) {
			st, cat, tb := addPolicyTable(t, atomic)
			narrow := value.NewTable([]string{"id", "v"}, []*value.Vector{
				value.NewInts([]int32{1, 7}), value.NewInts([]int32{11, 70})})
			_, err := tb.Append(context.Background(), narrow, false)
			require.ErrorIs(t, err, storage.ErrFewerColumns)
			require.Equal(t, 3, tb.db.Levels()[0].Len(), "scheme in memory")
			again, err := Open(st, cat.cfg)
			require.NoError(t, err)
			db, err := again.Lookup("dfs://add")
			require.NoError(t, err)
			require.Equal(t, 3, db.Levels()[0].Len(), "scheme on disk")

			// a successful append adds the partition in both
			wide := value.NewTable([]string{"id", "v", "w"}, []*value.Vector{
				value.NewInts([]int32{7}), value.NewInts([]int32{70}), value.NewInts([]int32{700})})
			n, err := tb.Append(context.Background(), wide, false)
			require.NoError(t, err)
			require.Equal(t, 1, n)
			require.Equal(t, 4, tb.db.Levels()[0].Len())
			again, err = Open(st, cat.cfg)
			require.NoError(t, err)
			db, err = again.Lookup("dfs://add")
			require.NoError(t, err)
			require.Equal(t, 4, db.Levels()[0].Len())
			rows, err := tb.RowCount()
			require.NoError(t, err)
			require.EqualValues(t, 2, rows)
		})
	}
}

// A TRANS append that adds a partition but finds a chunk locked by another
// transaction fails whole, the new partition included.
func TestAddPolicyLockConflictAddsNothing(t *testing.T) {
	st, cat, tb := addPolicyTable(t, "TRANS")
	holder := st.Begin()
	require.NoError(t, holder.Lock(tb.chunkID("/1")))
	defer holder.Rollback()
	rows := value.NewTable([]string{"id", "v", "w"}, []*value.Vector{
		value.NewInts([]int32{1, 8}), value.NewInts([]int32{1, 2}), value.NewInts([]int32{1, 2})})
	_, err := tb.Append(context.Background(), rows, false)
	var lockErr *storage.LockError
	require.ErrorAs(t, err, &lockErr)
	require.Equal(t, 3, tb.db.Levels()[0].Len())
	again, err := Open(st, cat.cfg)
	require.NoError(t, err)
	db, err := again.Lookup("dfs://add")
	require.NoError(t, err)
	require.Equal(t, 3, db.Levels()[0].Len())
}

// sliceTable is a TSDB table over VALUE 1..3 on id, sorted by ts, with a
// SYMBOL column, keeping the last of duplicate (ts) rows.
func sliceTable(t *testing.T, st *storage.Store, name string) *Table {
	t.Helper()
	cat, err := Open(st, Config{})
	require.NoError(t, err)
	dom, err := partition.NewValue(value.NewInts([]int32{1, 2, 3}))
	require.NoError(t, err)
	db, err := cat.CreateDatabase("dfs://"+name, dom, "TSDB", "TRANS")
	require.NoError(t, err)
	schema := value.NewTable([]string{"id", "ts", "sym", "v"}, []*value.Vector{
		value.NewInts(nil), value.NewInts(nil), value.NewStrings(value.Symbol, nil), value.NewInts(nil)})
	tb, err := db.CreateTable(TableSpec{Name: "pt", Schema: schema, PartitionColumns: []string{"id"},
		SortColumns: []string{"ts"}, KeepDuplicates: "LAST", KeepGiven: true})
	require.NoError(t, err)
	return tb
}

// An append written a few rows at a time in its one transaction (as
// appends of more than regroupRows are) stores what the same append
// written whole does: the same rows per chunk, duplicates across slices
// resolved as within one write, SYMBOL columns coded or not.
func TestSlicedAppendStoresWhatWholeDoes(t *testing.T) {
	for _, coded := range []bool{false, true} {
		st, err := storage.Open(storage.Options{InMemory: true})
		require.NoError(t, err)
		defer st.Close()
		whole, sliced := sliceTable(t, st, "whole"), sliceTable(t, st, "sliced")
		n := 40
		ids, ts, vals := make([]int32, n), make([]int32, n), make([]int32, n)
		syms := make([]string, n)
		for i := range n {
			ids[i], ts[i], vals[i] = int32(1+i%3), int32((n-i)%7), int32(i)
			syms[i] = []string{"A", "B", "", "CC"}[i%4]
		}
		sym := value.NewStrings(value.Symbol, syms)
		if coded {
			sym = value.NewSymbols(syms)
		}
		src := value.NewTable([]string{"id", "ts", "sym", "v"}, []*value.Vector{
			value.NewInts(ids), value.NewInts(ts), sym, value.NewInts(vals)})
		got, err := whole.Append(context.Background(), src, false)
		require.NoError(t, err)
		require.Equal(t, n, got)

		full, err := sliced.convert(src)
		require.NoError(t, err)
		r, g, err := sliced.route(full)
		require.NoError(t, err)
		order, err := sliced.lockOrder(r, full.NumCols())
		require.NoError(t, err)
		res, err := sliced.writeTrans(order, g, func(txn *storage.Txn) (insert.Result, error) {
			return sliced.writeSlices(txn, order, full, full.NumCols(), r, 3)
		})
		require.NoError(t, err)
		require.Equal(t, n, res.Inserted)
		for _, path := range order {
			want, err := whole.ReadPartition(path)
			require.NoError(t, err)
			have, err := sliced.ReadPartition(path)
			require.NoError(t, err)
			require.Equal(t, want.String(), have.String(), path)
			require.Less(t, have.Rows(), n/3, "duplicates dropped in %s", path)
		}
	}
}
