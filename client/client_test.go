package client_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// served starts a server for t and returns a connection to it, logged in
// as admin unless opts say otherwise.
func served(t *testing.T, opts ...func(*client.Options)) *client.Conn {
	t.Helper()
	return dial(t, server.RunT(t).Addr, opts...)
}

func dial(t *testing.T, addr string, opts ...func(*client.Options)) *client.Conn {
	t.Helper()
	o := client.Options{User: "admin", Password: "123456"}
	for _, f := range opts {
		f(&o)
	}
	c, err := client.Dial(context.Background(), addr, o)
	require.NoError(t, err)
	t.Cleanup(func() { c.Close() })
	return c
}

func TestRunAndSession(t *testing.T) {
	ts := server.RunT(t)
	c := dial(t, ts.Addr)
	ctx := context.Background()
	require.NotEmpty(t, c.SessionID())

	v, err := c.Run(ctx, "1+1")
	require.NoError(t, err)
	require.Equal(t, "2", v.String())

	v, err = c.Run(ctx, "x = 10")
	require.NoError(t, err)
	require.Nil(t, v, "a statement returns no object")

	v, err = c.Run(ctx, "x * 2")
	require.NoError(t, err)
	require.Equal(t, "20", v.String())

	v, err = c.Run(ctx, "t = table(1 2 3 as id, symbol(`a`b`a) as sym); t")
	require.NoError(t, err)
	tb := v.(*value.Table)
	require.Equal(t, []string{"id", "sym"}, tb.Names)
	require.Equal(t, value.Symbol, tb.Cols[1].T)

	// another connection is another session
	c2 := dial(t, ts.Addr)
	_, err = c2.Run(ctx, "x")
	require.Error(t, err)
}

func TestServerErrorTextIsExact(t *testing.T) {
	ts := server.RunT(t)
	c := dial(t, ts.Addr)
	ctx := context.Background()
	for _, script := range []string{"nosuchfunc", "1 2 3 +", `loadTable("dfs://none", "pt")`} {
		_, want := ts.Engine.NewSession().Run(script)
		require.Error(t, want)
		_, err := c.Run(ctx, script)
		var se *client.ServerError
		require.True(t, errors.As(err, &se), "%T", err)
		require.Equal(t, want.Error(), err.Error())
	}
	// the connection stays usable after error replies
	v, err := c.Run(ctx, "3")
	require.NoError(t, err)
	require.Equal(t, "3", v.String())
}

func TestLogin(t *testing.T) {
	ts := server.RunT(t)
	_, err := client.Dial(context.Background(), ts.Addr, client.Options{User: "admin", Password: "wrong"})
	require.EqualError(t, err, `login("admin", "wrong") => The user name or password is incorrect.`)

	ts2 := server.RunT(t, server.WithUsers(map[string]string{"o'brien": `p\'w`}))
	dial(t, ts2.Addr, func(o *client.Options) { o.User, o.Password = "o'brien", `p\'w` })

	// without a user the session is not logged in: databases are off limits
	guest := dial(t, ts.Addr, func(o *client.Options) { o.User = "" })
	_, err = guest.Run(context.Background(), `database("dfs://guest", VALUE, 1 2 3)`)
	require.Error(t, err)
}

func TestRunFuncPartialApplication(t *testing.T) {
	ts := server.RunT(t)
	c := dial(t, ts.Addr)
	ctx := context.Background()
	_, err := c.Run(ctx, "share table(1:0, `id`sym`price`ts, [INT, SYMBOL, DOUBLE, TIMESTAMP]) as trades")
	require.NoError(t, err)
	batch := value.NewTable([]string{"id", "sym", "price", "ts"}, []*value.Vector{
		value.NewInts([]int32{1, 2}),
		value.NewStrings(value.Symbol, []string{"A", "B"}),
		value.NewDoubles([]float64{1.5, 2.5}),
		{T: value.Timestamp, I64: []int64{1700000000000, 1700000000001}},
	})
	v, err := c.RunFunc(ctx, `tableInsert{"trades"}`, batch)
	require.NoError(t, err)
	require.Equal(t, "2", v.String())
	v, err = c.RunFunc(ctx, "tableInsert{trades}", batch)
	require.NoError(t, err)
	require.Equal(t, "2", v.String())

	v, err = c.RunFunc(ctx, "add", value.NewInt(1), value.NewInt(2))
	if err == nil {
		require.Equal(t, "3", v.String())
	}
	v, err = c.RunFunc(ctx, "size", value.NewInts([]int32{1, 2, 3}))
	require.NoError(t, err)
	require.Equal(t, "3", v.String())

	_, err = c.RunFunc(ctx, "bad\nname")
	require.Error(t, err)
}

func TestUpload(t *testing.T) {
	c := served(t)
	ctx := context.Background()
	tb := value.NewTable([]string{"id", "v"}, []*value.Vector{value.NewInts([]int32{1, 2, 3}), value.NewDoubles([]float64{1, 2, 3})})
	require.NoError(t, c.Upload(ctx, map[string]value.Value{"a": value.NewInt(5), "tb": tb, "s": value.NewString("hi")}))
	v, err := c.Run(ctx, "a + size(tb) + strlen(s)")
	require.NoError(t, err)
	require.Equal(t, "10", v.String())
	require.Error(t, c.Upload(ctx, map[string]value.Value{"a,b": value.NewInt(1)}))
	require.NoError(t, c.Upload(ctx, nil))
}

func TestCompressedUpload(t *testing.T) {
	ts := server.RunT(t)
	for _, m := range []wire.Compression{wire.CompressLZ4, wire.CompressDelta} {
		t.Run(m.String(), func(t *testing.T) {
			c := dial(t, ts.Addr, func(o *client.Options) { o.Compression = m })
			ctx := context.Background()
			n := 20000
			ids := make([]int32, n)
			ts := make([]int64, n)
			px := make([]float64, n)
			syms := make([]string, n)
			for i := range ids {
				ids[i] = int32(i)
				ts[i] = 1700000000000 + int64(i)
				px[i] = float64(i) / 4
				syms[i] = []string{"AAPL", "MSFT", ""}[i%3]
			}
			tb := value.NewTable([]string{"id", "ts", "px", "sym"}, []*value.Vector{
				value.NewInts(ids), {T: value.Timestamp, I64: ts}, value.NewDoubles(px), value.NewStrings(value.Symbol, syms)})
			require.NoError(t, c.Upload(ctx, map[string]value.Value{"u": tb}))
			v, err := c.Run(ctx, "u")
			require.NoError(t, err)
			got := v.(*value.Table)
			require.Equal(t, tb.Names, got.Names)
			require.Equal(t, ids, got.Cols[0].I32)
			require.Equal(t, value.Timestamp, got.Cols[1].T)
			require.Equal(t, ts, got.Cols[1].I64)
			require.Equal(t, px, got.Cols[2].F64)
			require.Equal(t, value.Symbol, got.Cols[3].T)
			require.Equal(t, syms, got.Cols[3].Str)
			v, err = c.RunFunc(ctx, "size", tb.Cols[0])
			require.NoError(t, err)
			require.Equal(t, "20000", v.String())
		})
	}
}

func TestPrintOutput(t *testing.T) {
	ts := server.RunT(t)
	var out strings.Builder
	c := dial(t, ts.Addr, func(o *client.Options) { o.Output = &out })
	v := testkit.Query(t, c, `print("hello"); 1`)
	require.Equal(t, "1", v.String())
	require.Equal(t, "hello\n", out.String())
}

func TestContextCancelBreaksTheConnection(t *testing.T) {
	ts := server.RunT(t)
	c := dial(t, ts.Addr)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := c.Run(ctx, "sleep(2000); 1")
	require.ErrorIs(t, err, context.DeadlineExceeded)
	_, err = c.Run(context.Background(), "1")
	require.Error(t, err, "the reply stream is out of step: the connection is unusable")

	cctx, ccancel := context.WithCancel(context.Background())
	ccancel()
	c2 := dial(t, ts.Addr)
	_, err = c2.Run(cctx, "1")
	require.ErrorIs(t, err, context.Canceled)
	v, err := c2.Run(context.Background(), "1")
	require.NoError(t, err, "a call refused before sending leaves the connection intact")
	require.Equal(t, "1", v.String())
}

func TestConcurrentMisuseIsSerialised(t *testing.T) {
	c := served(t)
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				v, err := c.RunFunc(context.Background(), "size", value.NewInts(make([]int32, i+1)))
				if err != nil {
					t.Error(err)
					return
				}
				if v.String() != value.NewInt(int32(i+1)).String() {
					t.Errorf("got %v, want %d", v, i+1)
				}
			}
		}(i)
	}
	wg.Wait()
}

func TestClose(t *testing.T) {
	c := served(t)
	require.NoError(t, c.Close())
	require.NoError(t, c.Close())
	_, err := c.Run(context.Background(), "1")
	require.ErrorIs(t, err, client.ErrClosed)
}

func TestDialErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err := client.Dial(ctx, "127.0.0.1:1", client.Options{})
	require.Error(t, err)
}
