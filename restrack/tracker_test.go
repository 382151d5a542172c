package restrack

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestLogsPersistAcrossReopen(t *testing.T) {
	dir := t.TempDir()
	tr, err := Open(dir, 3600, func() []Usage { return nil })
	require.NoError(t, err)
	tr.addSample(100, []Usage{{User: "admin", Requests: 2, Memory: 64, Send: 300, Recv: 40}, {User: "guest", Memory: 8}})
	ctx := NewContext(context.Background(), tr, Request{User: func() string { return "admin" }})
	r1 := "r1"
	require.NotNil(t, QueryTable(ctx, &r1, "dfs://db", "pt", func() string { return `select count(x) from pt where s = "a,b"` }))
	require.NoError(t, tr.Close())

	b, err := os.ReadFile(filepath.Join(dir, "access.log"))
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(b), "timestamp,rootQueryId,userId,database,table,type,value,script\n"))

	// A row written before send and recv were counted still loads.
	f, err := os.OpenFile(filepath.Join(dir, "hardware.log"), os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString("200,u1,1,16\n")
	require.NoError(t, err)
	require.NoError(t, f.Close())

	tr, err = Open(dir, 3600, func() []Usage { return nil })
	require.NoError(t, err)
	defer tr.Close()
	require.Equal(t, []hardwareRec{
		{at: 100, Usage: Usage{User: "admin", Requests: 2, Memory: 64, Send: 300, Recv: 40}},
		{at: 100, Usage: Usage{User: "guest", Memory: 8}},
		{at: 200, Usage: Usage{User: "u1", Requests: 1, Memory: 16}},
	}, tr.hardware.Recs)
	require.Len(t, tr.access.Recs, 1)
	require.Equal(t, accessRec{at: tr.access.Recs[0].at, rootID: "r1", user: "admin", db: "dfs://db", table: "pt", kind: "sql", value: 1, script: `select count(x) from pt where s = "a,b"`}, tr.access.Recs[0])
}

func TestNothingIsRecordedWhileOff(t *testing.T) {
	tr, err := Open("", 3600, func() []Usage { return nil })
	require.NoError(t, err)
	defer tr.Close()
	tr.SetOn(false)
	tr.addSample(1, []Usage{{User: "admin"}})
	ctx := NewContext(context.Background(), tr, Request{})
	id := ""
	q := QueryTable(ctx, &id, "dfs://db", "pt", func() string { return "select * from pt" })
	require.Nil(t, q)
	require.Empty(t, id)
	q.Read(value.NewTable([]string{"x"}, []*value.Vector{value.NewInts([]int32{1})})) // a nil query records nothing
	require.Empty(t, tr.hardware.Recs)
	require.Empty(t, tr.access.Recs)
}

func TestLogsAreBounded(t *testing.T) {
	tr, err := Open(t.TempDir(), 3600, func() []Usage { return nil })
	require.NoError(t, err)
	defer tr.Close()
	tr.hardware.Max = 10
	for i := range 25 {
		tr.addSample(int64(i), []Usage{{User: "admin"}})
	}
	require.LessOrEqual(t, len(tr.hardware.Recs), 10)
	require.Equal(t, int64(24), tr.hardware.Recs[len(tr.hardware.Recs)-1].at)
}

func TestUnconfiguredTrackerIsOff(t *testing.T) {
	tr, err := Open("", -1, nil)
	require.NoError(t, err)
	require.False(t, tr.Configured())
	require.NoError(t, tr.Close())
}

// A query's reads of a table: one sql record when it starts, then a
// rowCount and a memUsage record per read, all under the query's root
// id (the same for another table of the query) and the request's user; partitions added concurrently are one read.
func TestTableQueryRecordsReads(t *testing.T) {
	tr, err := Open("", 3600, func() []Usage { return nil })
	require.NoError(t, err)
	defer tr.Close()
	ctx := NewContext(context.Background(), tr, Request{User: func() string { return "" }})
	id := ""
	q := QueryTable(ctx, &id, "dfs://db", "pt", func() string { return "select * from pt" })
	require.Len(t, id, 36) // a UUID, the query's own
	first := id
	QueryTable(ctx, &id, "dfs://db", "pt2", func() string { return "select * from pt" })
	require.Equal(t, first, id)
	require.Equal(t, id, tr.access.Recs[1].rootID)
	tr.access.Recs = tr.access.Recs[:1] // pt2's sql record: the rest is pt's
	ints := func(n int) *value.Table {
		return value.NewTable([]string{"x"}, []*value.Vector{value.NewInts(make([]int32, n))})
	}
	q.Read(ints(3))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); q.Add(ints(5)) }()
	}
	wg.Wait()
	q.Flush()
	q.Flush() // nothing added since: no records
	q.Read(ints(0))

	type rec struct {
		kind  string
		value int64
	}
	var got []rec
	for _, r := range tr.access.Recs {
		require.Equal(t, id, r.rootID)
		require.Equal(t, "guest", r.user)
		require.Equal(t, "dfs://db", r.db)
		require.Equal(t, "pt", r.table)
		require.Equal(t, r.kind == "sql", r.script != "")
		got = append(got, rec{r.kind, r.value})
	}
	require.Equal(t, []rec{{"sql", 1}, {"rowCount", 3}, {"memUsage", 12}, {"rowCount", 20}, {"memUsage", 80}, {"rowCount", 0}, {"memUsage", 0}}, got)
}
