package server_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire/streammsg"
)

const tradesTable = "share streamTable(10000:0, `time`sym`price`id, [TIMESTAMP,SYMBOL,DOUBLE,INT]) as trades; " +
	"setStreamTableFilterColumn(trades, `sym)"

// appendTrades appends n rows to trades with ids from, from..from+n-1,
// syms cycling over a, b, c.
func appendTrades(t *testing.T, c *client.Conn, from, n int) {
	t.Helper()
	_, err := c.Run(context.Background(), fmt.Sprintf(
		"ids = %d..%d; tableInsert(trades, 2024.01.01T00:00:00.000 + ids, take(`a`b`c, %d)[ids %% 3], ids * 0.5, ids)", from, from+n-1, n))
	require.NoError(t, err)
}

// subscribe subscribes a client connection to trades.
func subscribe(t *testing.T, ts *server.TestServer, o client.SubscribeOptions) *client.Subscription {
	t.Helper()
	if o.Table == "" {
		o.Table = "trades"
	}
	s, err := client.Subscribe(context.Background(), ts.Addr, client.Options{}, o)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// receive reads the schema, then messages until n rows came, checking
// that each message's offset is its last row's and that rows come in
// order once; it returns the ids and syms received.
func receive(t *testing.T, s *client.Subscription, firstID int64, n int) (ids []int32, syms []string) {
	t.Helper()
	m, err := s.Next()
	require.NoError(t, err)
	schema, ok := m.Body.(*value.Table)
	require.True(t, ok, "the schema comes first")
	require.Equal(t, 0, schema.Rows())
	require.Equal(t, []string{"time", "sym", "price", "id"}, schema.Names)
	require.Equal(t, s.Topic, m.Topics)
	next := firstID
	for len(ids) < n {
		m, err := s.Next()
		require.NoError(t, err)
		rows := m.Rows()
		require.LessOrEqual(t, rows, streammsg.MaxRows)
		require.Equal(t, next+int64(rows)-1, m.LastID)
		next = m.LastID + 1
		cols := m.Body.(*value.Vector).Any
		require.Len(t, cols, 4)
		ids = append(ids, cols[3].(*value.Vector).I32...)
		syms = append(syms, cols[1].(*value.Vector).Strings()...)
	}
	require.Len(t, ids, n)
	return ids, syms
}

func seq(from, n int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(from + i)
	}
	return out
}

func TestSubscribeFromClientOffsets(t *testing.T) {
	for _, tc := range []struct {
		name   string
		offset int64
		// want: the first id delivered (ids are offsets here)
		first int
	}{
		{"from the first message", 0, 0},
		{"from the next message", -1, 5},
		{"from message 3", 3, 3},
		{"past the end starts at the next", 100, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := server.RunT(t)
			c := ts.Dial(t)
			testkit.Query(t, c, tradesTable)
			appendTrades(t, c, 0, 5)
			s := subscribe(t, ts, client.SubscribeOptions{Action: "act", Offset: tc.offset})
			require.Equal(t, []string{"time", "sym", "price", "id"}, s.Columns)
			require.Contains(t, s.Topic, "/trades/act")
			// 3000 more rows: several messages of at most 1024 rows
			appendTrades(t, c, 5, 1000)
			appendTrades(t, c, 1005, 2000)
			n := 3005 - tc.first
			ids, _ := receive(t, s, int64(tc.first), n)
			require.Equal(t, seq(tc.first, n), ids)
		})
	}
}

func TestSubscribeFromClientFilter(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	testkit.Query(t, c, tradesTable)
	s := subscribe(t, ts, client.SubscribeOptions{Offset: -1, Filter: value.NewStrings(value.String, []string{"b"})})
	appendTrades(t, c, 0, 3000)
	m, err := s.Next() // schema
	require.NoError(t, err)
	require.Equal(t, 0, m.Rows())
	var ids []int32
	for len(ids) < 1000 {
		m, err := s.Next()
		require.NoError(t, err)
		cols := m.Body.(*value.Vector).Any
		for _, sym := range cols[1].(*value.Vector).Strings() {
			require.Equal(t, "b", sym)
		}
		ids = append(ids, cols[3].(*value.Vector).I32...)
	}
	for i, id := range ids {
		require.Equal(t, int32(3*i+1), id)
	}
}

func TestSubscribeFromClientErrors(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	ctx := context.Background()
	_, err := c.Run(ctx, tradesTable+"; t2 = streamTable(1:0, `a, [INT])")
	require.NoError(t, err)
	// from a script: only a connection can be a subscriber
	_, err = c.Run(ctx, `publishTable("localhost", 0, "trades", "a")`)
	require.EqualError(t, err, `publishTable("localhost", 0, "trades", "a") => `+
		ddberr.Errorf("publishTable is sent by the APIs' subscribe on a connection of its own; use subscribeTable in a script.").Error())
	d, err := client.Dial(ctx, ts.Addr, client.Options{})
	require.NoError(t, err)
	defer d.Close()
	for _, tc := range []struct {
		table string
		port  int32
		err   string
	}{
		{"nosuch", 0, "Cannot subscribe to the table nosuch. Share this table before subscribing. RefId: S03007"},
		{"t2", 0, "Cannot subscribe to the table t2. Share this table before subscribing. RefId: S03007"},
		// listening on a port of its own is the old form, not served
		{"trades", 9999, ddberr.Errorf("Porpoise publishes on the subscriber's own connection only: enable streaming without a listening port.").Error()},
	} {
		_, err = d.RunFunc(ctx, "publishTable", value.NewString("localhost"), value.NewInt(tc.port), value.NewString(tc.table), value.NewString("a"))
		require.EqualError(t, err, tc.err, tc.table)
	}
	_, err = client.Subscribe(ctx, ts.Addr, client.Options{}, client.SubscribeOptions{Table: "nosuch"})
	require.EqualError(t, err, "Cannot subscribe to the table nosuch. Share this table before subscribing. RefId: S03007")
	var de *ddberr.Error
	require.ErrorAs(t, err, &de)
	require.Equal(t, "S03007", de.Code)
	// a second subscription of the same subscriber, table and action
	subscribe(t, ts, client.SubscribeOptions{Action: "dup"})
	_, err = client.Subscribe(ctx, ts.Addr, client.Options{}, client.SubscribeOptions{Table: "trades", Action: "dup"})
	require.EqualError(t, err, "Subscription to table trades already exists on this node. Change an actionName or cancel the existing subscription first. RefId: S03002")
	// allowExists: the new connection replaces the old one, which the
	// server closes after its schema
	old := subscribe(t, ts, client.SubscribeOptions{Action: "again"})
	_, err = old.Next()
	require.NoError(t, err)
	again := subscribe(t, ts, client.SubscribeOptions{Action: "again", Offset: 0, AllowExists: true})
	_, err = old.Next()
	require.Error(t, err)
	appendTrades(t, c, 0, 3)
	ids, _ := receive(t, again, 0, 3)
	require.Equal(t, seq(0, 3), ids)
	// a local subscription of the same topic is another subscription
	testkit.Query(t, c, `subscribeTable(tableName="trades", actionName="dup", handler=def(msg){})`)
	testkit.Query(t, c, `unsubscribeTable(tableName="trades", actionName="dup")`)
}

// waitPublishers waits until getStreamingStat shows want subscribers
// of trades (a second at most; times are in nanoseconds).
func waitPublishers(t *testing.T, c *client.Conn, want int) {
	t.Helper()
	require.Eventually(t, func() bool {
		v := testkit.Query(t, c, `exec count(*) from getStreamingStat().pubTables where tableName="trades"`)
		return int(v.(*value.Scalar).I) == want
	}, 5e9, 1e7, "subscriptions to trades")
}

// settled waits for the goroutine count to come back to n; Eventually
// runs the condition on a goroutine of its own.
func settled(t *testing.T, n int) {
	t.Helper()
	require.Eventually(t, func() bool { return runtime.NumGoroutine() <= n+1 }, 5e9, 1e7, "goroutines leaked")
}

func TestSubscribeFromClientEnds(t *testing.T) {
	ctx := context.Background()
	before := runtime.NumGoroutine()
	ts := server.RunT(t)
	c := ts.Dial(t)
	testkit.Query(t, c, tradesTable)
	idle := runtime.NumGoroutine()

	// the client hangs up: the publisher stops
	s, err := client.Subscribe(ctx, ts.Addr, client.Options{}, client.SubscribeOptions{Table: "trades", Action: "a"})
	require.NoError(t, err)
	waitPublishers(t, c, 1)
	// the subscriber is a connection of this node, not a worker
	v := testkit.Query(t, c, `p = getStreamingStat().pubConns; string(p.client) + " " + string(p.queueDepthLimit) + " " + p.tables`)
	require.Equal(t, []string{"localhost:0 10000000 trades"}, v.(*value.Vector).Strings())
	v = testkit.Query(t, c, `exec subscriber from getStreamingStat().pubTables`)
	require.Equal(t, []string{"localhost:0"}, v.(*value.Vector).Strings())
	v = testkit.Query(t, c, `exec count(*) from getStreamingStat().subWorkers`)
	require.Equal(t, int64(0), v.(*value.Scalar).I)
	_, err = c.Run(ctx, "dropStreamTable(`trades)")
	require.EqualError(t, err, `dropStreamTable("trades") => All subscriptions to the stream table trades must be canceled before it can be dropped. Call getStreamingStat().pubTables to get the status of all stream tables. RefId: S03003`)
	require.NoError(t, s.Close())
	waitPublishers(t, c, 0)
	settled(t, idle)

	// stopPublishTable (the Java API's unsubscribe): the server hangs up
	s, err = client.Subscribe(ctx, ts.Addr, client.Options{}, client.SubscribeOptions{Table: "trades", Action: "b"})
	require.NoError(t, err)
	_, err = s.Next() // schema
	require.NoError(t, err)
	testkit.Query(t, c, `stopPublishTable("localhost", 0, "trades", "b")`)
	_, err = s.Next()
	require.Error(t, err)
	s.Close()
	waitPublishers(t, c, 0)
	settled(t, idle)

	// an idle subscriber costs no work: appends elsewhere go on
	s = subscribe(t, ts, client.SubscribeOptions{Action: "c"})
	appendTrades(t, c, 0, 10)
	ids, _ := receive(t, s, 0, 10)
	require.Equal(t, seq(0, 10), ids)

	// the server closes with a subscriber connected
	ts.Server.Close()
	_, err = s.Next()
	require.Error(t, err)
	ts.Engine.Close()
	settled(t, before)
}

// A subscriber that reads nothing holds up neither the appends nor the
// other subscribers: its messages wait in the stream table, not in the
// appending session.
func TestSubscribeFromClientSlowReader(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	testkit.Query(t, c, tradesTable)
	subscribe(t, ts, client.SubscribeOptions{Action: "stuck"}) // never read
	fast := subscribe(t, ts, client.SubscribeOptions{Action: "fast"})
	const rows = 500_000 // some 12 MB on the wire: more than the socket buffers hold
	for i := 0; i < rows; i += 50_000 {
		appendTrades(t, c, i, 50_000)
	}
	ids, _ := receive(t, fast, 0, rows)
	require.Equal(t, seq(0, rows), ids)
	v := testkit.Query(t, c, `exec queueDepth from getStreamingStat().pubConns`)
	require.Greater(t, v.(*value.Vector).I64[0], int64(0), "the stuck subscriber's rows wait")
}

// A subscriber more than maxPubQueueDepthPerSite messages behind is cut
// off: the server closes its connection and forgets the subscription.
func TestSubscribeFromClientOverflow(t *testing.T) {
	ts := server.RunT(t, server.WithConfig("maxPubQueueDepthPerSite", "1000"))
	c := ts.Dial(t)
	testkit.Query(t, c, tradesTable)
	stuck := subscribe(t, ts, client.SubscribeOptions{Action: "stuck"}) // reads nothing for now
	const rows = 500_000                                                // more than the socket buffers hold
	for i := 0; i < rows; i += 50_000 {
		appendTrades(t, c, i, 50_000)
	}
	waitPublishers(t, c, 0)
	// what was written before the cut arrives, then the end of the stream
	got := 0
	for {
		m, err := stuck.Next()
		if err != nil {
			break
		}
		got += m.Rows()
	}
	require.Less(t, got, rows)
	v := testkit.Query(t, c, `getConfig("maxPubQueueDepthPerSite")`)
	require.Equal(t, "1000", v.String())
}
