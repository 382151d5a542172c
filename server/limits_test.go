package server

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// Issue 12: there was no connection limit. Past maxConnections a new
// connection's first request gets DolphinDB's S00006 error and the
// connection is closed; once a connection ends there is room again, and
// setMaxConnections raises the limit at run time.
func TestMaxConnections(t *testing.T) {
	ts := RunT(t, WithConfig("maxConnections", "2"))
	ctx := context.Background()
	a := ts.Dial(t)
	b := dialRaw(t, ts.Addr)
	b.ok(goScript(t, "1"))

	over := dialRaw(t, ts.Addr)
	over.send(goScript(t, "1"))
	r := over.readReply()
	require.Equal(t, "Maximum connections 2 reached. Close unused connections or increase maxConnections limit. RefId:S00006", r.status)
	over.expectClosed()

	b.nc.Close()
	require.Eventually(t, func() bool {
		c := dialRaw(t, ts.Addr)
		defer c.nc.Close()
		c.send(goScript(t, "1"))
		r, err := c.tryReply(5 * time.Second)
		return err == nil && r.status == "OK"
	}, 5*time.Second, 20*time.Millisecond)

	testkit.Query(t, a, "setMaxConnections(3)")
	b2 := dialRaw(t, ts.Addr)
	b2.ok(goScript(t, "1"))
	v, err := a.Run(ctx, "1+1")
	require.NoError(t, err)
	require.Equal(t, "2", v.String())
}

// Issue 12: a half-sent request held its connection forever. A request
// that stops sending for longer than the stall timeout ends its
// connection; an idle connection (between requests) is kept.
func TestHalfSentRequestTimesOut(t *testing.T) {
	ts := RunT(t, WithOptions(Options{StallTimeout: 200 * time.Millisecond}))
	idle := dialRaw(t, ts.Addr)
	half := dialRaw(t, ts.Addr)
	full := goScript(t, "1+1")
	half.send(full[:len(full)-2])
	start := time.Now()
	half.expectClosed()
	require.Less(t, time.Since(start), 4*time.Second)
	time.Sleep(300 * time.Millisecond)
	idle.ok(goScript(t, "1+1"))
}

// Issue 12: 16 concurrent 240 MiB uploads took 5.6 GB. Request bytes held
// at once are bounded server-wide: uploads that would pass the budget are
// refused with an error (their connections closed), the others succeed,
// and the budget is given back once requests have run.
func TestReceiveBudget(t *testing.T) {
	const budget = 4 << 20
	ts := RunT(t, WithOptions(Options{MaxReceiving: budget, MaxFrame: 8 << 20}))
	ctx := context.Background()
	big := value.NewVector(value.Long, 1<<18, 1<<18) // 2 MiB
	// a request larger than the whole budget can never run
	c, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	huge := value.NewVector(value.Long, 5<<17, 5<<17) // 5 MiB
	err = c.Upload(ctx, map[string]value.Value{"x": huge})
	require.ErrorContains(t, err, "Out of memory: the requests being received exceed the server's limit")
	c.Close()

	// 8 concurrent 2 MiB uploads through a 4 MiB budget: some may be
	// refused, none crashes the server, and every refusal is the budget's
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, refused := 0, 0
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
			if err != nil {
				return
			}
			defer c.Close()
			_, err = c.RunFunc(ctx, "size", big)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				ok++
			case strings.Contains(err.Error(), "Out of memory"):
				refused++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}()
	}
	wg.Wait()
	require.Positive(t, ok)
	require.Equal(t, 8, ok+refused)
	// all given back: sequential uploads of the same size all pass
	for range 4 {
		c, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
		require.NoError(t, err)
		v, err := c.RunFunc(ctx, "size", big)
		require.NoError(t, err)
		require.Equal(t, "262144", v.String())
		c.Close()
	}
	require.Eventually(t, func() bool { return ts.Server.budget.used.Load() < 64<<10 }, 5*time.Second, 10*time.Millisecond)
}

// The flaky failure of TestReceiveBudget: while other connections held
// the budget, a connection's next request was refused by the read that
// waits for it, which answered nothing and closed the socket on the
// unread upload, so the client got "connection reset by peer" instead
// of the budget's error; the refused request's bytes also stayed taken
// until the connection ended. Now the wait only counts, the request's
// own read is refused and answered, and its bytes are given back before
// the reply.
func TestReceiveBudgetFullWhileIdle(t *testing.T) {
	const budget = 4 << 20
	ts := RunT(t, WithOptions(Options{MaxReceiving: budget, MaxFrame: 8 << 20}))
	ctx := context.Background()
	c, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	defer c.Close()
	require.Zero(t, ts.Server.budget.used.Load())

	ts.Server.budget.used.Add(budget) // other connections' uploads
	big := value.NewVector(value.Long, 1<<18, 1<<18)
	for range 3 {
		_, err = c.RunFunc(ctx, "size", big)
		require.ErrorContains(t, err, "Out of memory: the requests being received exceed the server's limit")
		require.EqualValues(t, budget, ts.Server.budget.used.Load(), "the refused request's bytes are given back before the reply")
		// the connection was closed after the reply: dial again
		c.Close()
		c, err = client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
		require.NoError(t, err)
	}

	ts.Server.budget.used.Add(-budget)
	for range 10 {
		v, err := c.RunFunc(ctx, "size", big)
		require.NoError(t, err)
		require.Equal(t, "262144", v.String())
		require.Zero(t, ts.Server.budget.used.Load(), "a request's bytes are given back before its reply")
	}
}

// Issue 12: the receive budget did not cover WebSocket requests. Their
// bytes count against it and go back once each message is answered; a
// request the budget refuses closed the WebSocket without a word, and
// now gets the budget's error before the close.
func TestReceiveBudgetWebSocket(t *testing.T) {
	const budget = 4 << 20
	ts := RunT(t, WithOptions(Options{MaxReceiving: budget, MaxFrame: 8 << 20}))
	ws, _ := dialWS(t, ts.Addr, "")
	big := value.NewVector(value.Long, 1<<18, 1<<18) // 2 MiB
	for range 4 {
		ws.send(req(t, "API2", "0", "0_1_4_64", "function\nsize\n1\n1\n", nil, big))
		r := parseReply(t, ws.readBinary())
		require.Equal(t, "OK", r.status)
		require.Equal(t, "262144", r.obj.String())
		require.Zero(t, ts.Server.budget.used.Load(), "a message's bytes are given back once it is answered")
	}

	ts.Server.budget.used.Add(budget) // other connections' uploads
	defer ts.Server.budget.used.Add(-budget)
	ws.send(req(t, "API2", "0", "0_1_4_64", "function\nsize\n1\n1\n", nil, big))
	r := parseReply(t, ws.readBinary())
	require.Contains(t, r.status, "Out of memory: the requests being received exceed the server's limit")
	op, _ := ws.read()
	require.Equal(t, byte(wsOpClose), op)
}
