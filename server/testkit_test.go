package server_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value"
)

// failures is a testing.TB that records failures instead of failing, to
// test that the Check helpers fail when they must.
type failures struct {
	testing.TB
	mu   sync.Mutex
	msgs []string
}

func (f *failures) Helper() {}
func (f *failures) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.msgs = append(f.msgs, fmt.Sprintf(format, args...))
}
func (f *failures) Fatalf(format string, args ...any) { f.Errorf(format, args...) }

func TestCheckRowsAndCount(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	testkit.Query(t, c, "share table(1 2 as id, `AAPL`MSFT as sym, 10.5 NULL as px, 2024.01.02 2024.01.03 as d) as trades")

	ts.CheckRows(t, "trades", [][]any{{1, "AAPL", 10.5, "2024.01.02"}, {2, "MSFT", nil, "2024.01.03"}})
	ts.CheckCount(t, "trades", 2)

	for name, check := range map[string]func(tb testing.TB){
		"value": func(tb testing.TB) {
			ts.CheckRows(tb, "trades", [][]any{{1, "AAPL", 10.5, "2024.01.02"}, {2, "MSFT", 1.0, "2024.01.03"}})
		},
		"row count":    func(tb testing.TB) { ts.CheckRows(tb, "trades", [][]any{{1, "AAPL", 10.5, "2024.01.02"}}) },
		"column count": func(tb testing.TB) { ts.CheckRows(tb, "trades", [][]any{{1, "AAPL"}, {2, "MSFT"}}) },
		"no table":     func(tb testing.TB) { ts.CheckRows(tb, "nosuch", nil) },
		"count":        func(tb testing.TB) { ts.CheckCount(tb, "trades", 3) },
		"count table":  func(tb testing.TB) { ts.CheckCount(tb, "nosuch", 0) },
	} {
		f := &failures{TB: t}
		check(f)
		require.Len(t, f.msgs, 1, name)
	}
	f := &failures{TB: t}
	ts.CheckRows(f, "trades", [][]any{{1, "AAPL", 10.5, "2024.01.02"}, {2, "MSFT", 1.0, "2024.01.03"}})
	require.Contains(t, f.msgs[0], `row 1 column 2 is "", want "1"`)
}

func TestRestartKeepsDFSData(t *testing.T) {
	ts := server.RunT(t, server.WithPersistence())
	addr := ts.Addr
	c := ts.Dial(t)
	testkit.Query(t, c, `db = database("dfs://restart", VALUE, 1..3); t = table(1 2 3 as id, 1.5 2.5 3.5 as v); db.createPartitionedTable(t, "pt", "id").append!(t); share table(1 as x) as mem`)
	ts.Restart()
	require.Equal(t, addr, ts.Addr)
	_, err := c.Run(context.Background(), "1")
	require.Error(t, err, "the old connection is closed by the restart")
	c = ts.Dial(t)
	ts.CheckCount(t, `loadTable("dfs://restart", "pt")`, 3)
	_, err = c.Run(context.Background(), "select * from mem")
	require.Error(t, err, "shared in-memory tables do not survive a restart")

	// Without persistence a restart starts empty.
	mem := server.RunT(t)
	testkit.Query(t, mem.Dial(t), `db = database("dfs://gone", VALUE, 1..3); t = table(1 2 3 as id); db.createPartitionedTable(t, "pt", "id").append!(t)`)
	mem.Restart()
	require.Equal(t, "false", testkit.Query(t, mem.Dial(t), `existsDatabase("dfs://gone")`).String())
}

func TestSetError(t *testing.T) {
	ts := server.RunT(t)
	ts.SetError("injected failure")
	c := ts.Dial(t) // logging in is spared
	_, err := c.Run(context.Background(), "1+1")
	require.EqualError(t, err, "injected failure")
	_, err = c.Run(context.Background(), "2+2")
	require.EqualError(t, err, "injected failure")
	ts.SetError("")
	require.Equal(t, "2", testkit.Query(t, c, "1+1").String())
}

func TestFailNext(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	ts.FailNext(2, "Out of memory")
	for range 2 {
		_, err := c.Run(context.Background(), "1+1")
		require.EqualError(t, err, "Out of memory")
	}
	require.Equal(t, "2", testkit.Query(t, c, "1+1").String())
	_, err := c.RunFunc(context.Background(), "add", value.NewInt(1), value.NewInt(2))
	require.NoError(t, err)
}

func TestDropAfter(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	ts.DropAfter(20)
	_, err := c.Run(context.Background(), "x = 1; "+strings.Repeat("x = x + 1; ", 10))
	require.Error(t, err, "the connection is dropped in the middle of the request")
	require.Equal(t, "2", testkit.Query(t, ts.Dial(t), "1+1").String(), "it fires once: a new connection works")
}

func TestStallAfter(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	release := ts.StallAfter(10)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := c.Run(ctx, "1 + 1 + 1 + 1 + 1")
	require.ErrorIs(t, err, context.DeadlineExceeded)
	release()
	require.Equal(t, "2", testkit.Query(t, ts.Dial(t), "1+1").String())
}

func TestSetNow(t *testing.T) {
	at := time.Date(2024, 3, 15, 9, 30, 0, 0, time.UTC)
	ts := server.RunT(t, server.WithNow(at))
	c := ts.Dial(t)
	require.Equal(t, "2024.03.15", testkit.Query(t, c, "today()").String())
	ts.SetNow(at.AddDate(0, 0, 1))
	require.Equal(t, "2024.03.16", testkit.Query(t, c, "today()").String())
	require.Equal(t, "2024.03.16T09:30:00.000", testkit.Query(t, c, "now()").String())
}

func TestSeed(t *testing.T) {
	draw := func(opts ...server.TestOption) string {
		ts := server.RunT(t, opts...)
		return testkit.Query(t, ts.Dial(t), "rand(1000000, 8)").String()
	}
	require.Equal(t, draw(server.WithSeed(42)), draw(server.WithSeed(42)))
	require.NotEqual(t, draw(server.WithSeed(42)), draw(server.WithSeed(43)))
	ts := server.RunT(t)
	ts.SetSeed(7)
	a := testkit.Query(t, ts.Dial(t), "rand(1000000, 8)").String()
	require.Equal(t, draw(server.WithSeed(7)), a)
}
