package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
)

const wrongPassword = "The user name or password is incorrect."

func TestWrongPassword(t *testing.T) {
	ts := vecServer(t)
	// a script's login statement prefixes the text; the function-call
	// and connect requests give it bare
	_, engineErr := ts.Engine.NewSession().Run("login('admin','nope')")
	require.EqualError(t, engineErr, `login("admin", "nope") => `+wrongPassword)

	t.Run("go script", func(t *testing.T) {
		c := dialRaw(t, ts.Addr)
		c.send(vec(t, "01"))
		c.readReply()
		c.send(goScript(t, "login('admin','nope')"))
		require.Equal(t, errReply(vecSID, `login("admin", "nope") => `+wrongPassword), c.readReply().raw)
		c.send(goScript(t, "login('nobody','123456')"))
		require.Equal(t, errReply(vecSID, `login("nobody", "123456") => `+wrongPassword), c.readReply().raw)
	})
	t.Run("cpp encrypted", func(t *testing.T) {
		c := dialRaw(t, ts.Addr)
		r := cppHandshake(t, c, "admin", "nope")
		require.Equal(t, errReply(vecSID, wrongPassword), r.raw)
	})
	t.Run("cpp plain", func(t *testing.T) {
		c := dialRaw(t, ts.Addr)
		c.send(vec(t, "02"))
		c.readReply()
		c.send(cppFunc(t, 32, "login", value.NewString("admin"), value.NewString("x"), value.NewBool(false)))
		require.Equal(t, errReply(vecSID, wrongPassword), c.readReply().raw)
	})
	t.Run("javascript", func(t *testing.T) {
		ws, _ := dialWS(t, ts.Addr, "")
		ws.send(req(t, "API2", "0", "0_1_4_64", "connect\nlogin\nadmin\nnope", nil))
		require.Equal(t, errReply(vecSID, wrongPassword), ws.readBinary())
	})
	t.Run("client", func(t *testing.T) {
		_, err := client.Dial(context.Background(), ts.Addr, client.Options{User: "admin", Password: "nope"})
		require.EqualError(t, err, `login("admin", "nope") => `+wrongPassword)
	})
}

// seedDFS creates dfs://auth/pt with two rows as admin.
func seedDFS(t *testing.T, ts *TestServer) {
	t.Helper()
	_, err := ts.Engine.NewSession().Run(`db = database("dfs://auth", VALUE, 1 2 3)
pt = db.createPartitionedTable(table(1:0, ` + "`id`v" + `, [INT, DOUBLE]), "pt", "id")
pt.tableInsert(table(1 2 as id, 0.5 1.5 as v))`)
	require.NoError(t, err)
}

func TestNotLoggedIn(t *testing.T) {
	ts := vecServer(t)
	seedDFS(t, ts)
	c := dialRaw(t, ts.Addr)
	c.send(vec(t, "01"))
	c.readReply()

	// in-memory work needs no login
	c.send(vec(t, "07"))
	require.Equal(t, vec(t, "08"), c.readReply().raw)

	batch := value.NewTable([]string{"id", "v"}, []*value.Vector{value.NewInts([]int32{3}), value.NewDoubles([]float64{2.5})})
	c.send(goFunc(t, `tableInsert{loadTable("dfs://auth","pt")}`, batch))
	r := c.readReply()
	require.NotEqual(t, "OK", r.status, "writes before login are refused")
	require.Contains(t, r.status, "login")

	c.send(goScript(t, `select * from loadTable("dfs://auth","pt")`))
	r = c.readReply()
	require.NotEqual(t, "OK", r.status, "reads before login are refused")
	require.Contains(t, r.status, "login")

	c.send(goScript(t, `exec count(*) from loadTable("dfs://auth","pt")`))
	require.NotEqual(t, "OK", c.readReply().status)

	// after login both work
	c.send(vec(t, "04"))
	require.Equal(t, vec(t, "05"), c.readReply().raw)
	c.send(goFunc(t, `tableInsert{loadTable("dfs://auth","pt")}`, batch))
	require.Equal(t, objReply(t, vecSID, value.NewInt(1), nil), c.readReply().raw)
	r = c.ok(goScript(t, `exec count(*) from loadTable("dfs://auth","pt")`))
	n, _ := r.obj.(*value.Scalar).Int64()
	require.EqualValues(t, 3, n)
}

func TestAsyncFlagSendsNoReply(t *testing.T) {
	ts := vecServer(t)
	c := dialGo(t, ts.Addr)
	async := func(script string) []byte {
		return req(t, "API2", strconv.Itoa(vecSID), "4_1_4_64", "script\n"+script, nil)
	}
	c.send(async("x = 42; print(\"not sent\"); x"))
	c.send(async("syntax error ((("))
	c.send(async("y = x + 1"))
	_, err := c.tryReply(300 * time.Millisecond)
	var ne net.Error
	require.True(t, errors.As(err, &ne) && ne.Timeout(), "async requests get no reply, got %v", err)
	c.send(goScript(t, "y"))
	r := c.readReply()
	require.Empty(t, r.msgs)
	require.Equal(t, objReply(t, vecSID, value.NewInt(43), nil), r.raw)

	// C++ asynTask: flag 32+4 on a function call
	c.send(cppFunc(t, 36, "append!{v}", value.NewInts([]int32{9})))
	c.send(goScript(t, "v = [1]"))
	require.Equal(t, okReply(vecSID), c.readReply().raw)
}

func TestPrintIsSentAsMSG(t *testing.T) {
	ts := vecServer(t)
	c := dialGo(t, ts.Addr)
	c.send(goScript(t, "print(\"hello\"); print(1 2 3); 5"))
	r := c.readReply()
	require.Equal(t, []string{"hello", "[1,2,3]"}, r.msgs)
	want := append([]byte("MSG\nhello\x00MSG\n[1,2,3]\x00"), objReply(t, vecSID, value.NewInt(5), nil)...)
	require.Equal(t, want, r.raw)

	// JavaScript gets each record as its own message
	ws, _ := dialWS(t, ts.Addr, "")
	ws.send(vec(t, "50"))
	ws.readBinary()
	ws.send(req(t, "API2", "1", "0_1_4_64", "script\nprint(`a); 1", nil))
	require.Equal(t, []byte("MSG\na\x00"), ws.readBinary())
	require.Equal(t, objReply(t, vecSID, value.NewInt(1), nil), ws.readBinary())
}

func TestConcurrentSessions(t *testing.T) {
	ts := RunT(t)
	_, err := ts.Engine.NewSession().Run("share table(1:0, `k`v, [INT, DOUBLE]) as shared_t")
	require.NoError(t, err)
	const n = 24
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ctx := context.Background()
			c, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			if _, err := c.Run(ctx, fmt.Sprintf("x = %d", i)); err != nil {
				errs <- err
				return
			}
			for j := 0; j < 20; j++ {
				batch := value.NewTable([]string{"k", "v"}, []*value.Vector{value.NewInts([]int32{int32(i), int32(i)}), value.NewDoubles([]float64{1, 2})})
				if _, err := c.RunFunc(ctx, `tableInsert{"shared_t"}`, batch); err != nil {
					errs <- err
					return
				}
			}
			v, err := c.Run(ctx, "x")
			if err != nil {
				errs <- err
				return
			}
			if got, _ := v.(*value.Scalar).Int64(); got != int64(i) {
				errs <- fmt.Errorf("session %d sees x = %d", i, got)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	v, err := ts.Engine.NewSession().Run("exec count(*) from shared_t")
	require.NoError(t, err)
	cnt, _ := v.(*value.Scalar).Int64()
	require.EqualValues(t, n*20*2, cnt)
}

func TestGarbageClosesOnlyItsConnection(t *testing.T) {
	ts := vecServer(t)
	good := dialRaw(t, ts.Addr)
	goLogin(t, good)

	garbage := [][]byte{
		[]byte("HELLO WORLD\r\n\r\n"),
		[]byte("API2 0 notanumber / 0_1_4_64\nconnect\n"),
		[]byte("API2 0 -5\n"),
		[]byte("API2\n"),
		[]byte("API2 0 99999999999999999999\n"),
		[]byte("API2 0 8 % 0_1_4_64\nconnect\n"),
		[]byte("API2 0 20 / 0_1_4_64\nfunction\nadd\nzz\n1\n"),
		[]byte("API2 0 19 / 0_1_4_64\nfunction\nadd\n2\n7\n"),
		append([]byte("API2 0 17 / 0_1_4_64\nfunction\nadd\n1\n1\n"), 0x04, 0x07, 0xFF), // bad data form
		append([]byte("API2 0 17 / 0_1_4_64\nfunction\nadd\n1\n1\n"), 0x12, 0x01, 0xFF, 0xFF, 0xFF, 0x7F, 1, 0, 0, 0), // 2^31 strings
		append([]byte("API2 0 17 / 0_1_4_64\nfunction\nadd\n1\n1\n"), 0x19, 0x01, 0x01, 0, 0, 0, 1, 0, 0, 0),          // truncated tuple
		[]byte(strings.Repeat("A", 100000)),
		{0, 0, 0, 0, 0xFF, 0xFE},
	}
	for i, g := range garbage {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			bad := dialRaw(t, ts.Addr)
			bad.send(g)
			if tcp, ok := bad.nc.(*net.TCPConn); ok {
				tcp.CloseWrite()
			}
			bad.nc.SetReadDeadline(time.Now().Add(5 * time.Second))
			rest, err := io.ReadAll(bad.br)
			require.NoError(t, err, "the server closes a connection that sent garbage")
			if len(rest) > 0 {
				require.Contains(t, string(rest), " 0 1\n", "an error reply")
				require.NotContains(t, string(rest), "\nOK\n")
			}
			good.send(vec(t, "07"))
			require.Equal(t, vec(t, "08"), good.readReply().raw)
		})
	}
}

func TestRecoverableErrorsKeepTheConnection(t *testing.T) {
	ts := vecServer(t)
	c := dialGo(t, ts.Addr)
	for _, r := range [][]byte{
		req(t, "API2", "", "0_1_4_64", "frobnicate\nx", nil),
		req(t, "API2", "", "x_1_4_64", "script\n1", nil),
		req(t, "API2", "", "0_1_4_64", "variable\na,b\n1\n1", nil, value.NewInt(1)),
		req(t, "API2", "", "0_1_4_64", "variable\n9a\n1\n1", nil, value.NewInt(1)),
		req(t, "API2", "", "2048_1_4_64", "script\n1+1", nil), // python parser
		req(t, "API2", "", "0_1_4_64", "script\nsyntax (((", nil),
	} {
		c.send(r)
		rep := c.readReply()
		require.NotEqual(t, "OK", rep.status)
		require.Equal(t, 0, rep.count)
	}
	c.send(vec(t, "07"))
	require.Equal(t, vec(t, "08"), c.readReply().raw)
	// every option field the clients send is tolerated
	for _, opts := range []string{"", "0", "0_1_4_64", "0_1_8_64__8192", "32_1_4_64__0", "32_1_4_64__0__8d8c0a1e-0000-4000-8000-000000000001_7", "16_0_9_2_root_0_", "1_1_8_64", "524288_1_4_64", "131072_1_4_64"} {
		c.send(req(t, "API2", "", opts, "script\n1+1", nil))
		require.Equal(t, vec(t, "08"), c.readReply().raw, "options %q", opts)
	}
}

func TestRetriedRequestIsNotRunTwice(t *testing.T) {
	ts := vecServer(t)
	_, err := ts.Engine.NewSession().Run("share table(1:0, `a, [INT]) as dedup_t")
	require.NoError(t, err)
	batch := value.NewTable([]string{"a"}, []*value.Vector{value.NewInts([]int32{1, 2})})
	const client = "5f8a3a3e-4c8d-4f0e-9d55-0b0f2b6f4a11"
	send := func(c *rawConn, seq int) reply {
		c.send(req(t, "API2", strconv.Itoa(vecSID), "32_1_4_64__0__"+client+"_"+strconv.Itoa(seq), "function\ntableInsert{dedup_t}\n1\n1", nil, batch))
		return c.readReply()
	}
	c := dialRaw(t, ts.Addr)
	cppHandshake(t, c, "admin", "123456")
	require.Equal(t, objReply(t, vecSID, value.NewInt(2), nil), send(c, 1).raw)
	c.nc.Close()
	// reconnect and retry seq 1 (negated): same reply, no second insert
	c2 := dialRaw(t, ts.Addr)
	cppHandshake(t, c2, "admin", "123456")
	require.Equal(t, objReply(t, vecSID, value.NewInt(2), nil), send(c2, -1).raw)
	// a retry of a request the server never saw runs
	require.Equal(t, objReply(t, vecSID, value.NewInt(2), nil), send(c2, -2).raw)
	v, err := ts.Engine.NewSession().Run("exec count(*) from dedup_t")
	require.NoError(t, err)
	n, _ := v.(*value.Scalar).Int64()
	require.EqualValues(t, 4, n)
}

// waitRunning waits until a request running script is among s's console
// jobs, so that a shutdown started next finds it running however slow
// the machine is.
func waitRunning(t *testing.T, s *Server, script string) {
	t.Helper()
	sess := s.Engine().NewSession()
	defer sess.Close()
	require.Eventually(t, func() bool {
		v, err := sess.Run(`exec count(*) from getConsoleJobs() where desc = "` + script + `"`)
		require.NoError(t, err)
		n, _ := v.(*value.Scalar).Int64()
		return n == 1
	}, 10*time.Second, time.Millisecond)
}

func TestShutdownFinishesInFlightRequest(t *testing.T) {
	ts := vecServer(t)
	busy := dialRaw(t, ts.Addr)
	goLogin(t, busy)
	idle := dialRaw(t, ts.Addr)
	goLogin(t, idle)

	busy.send(goScript(t, "sleep(400); 7"))
	waitRunning(t, ts.Server, "sleep(400); 7")
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- ts.Server.Shutdown(context.Background()) }()

	// the idle connection is closed at once
	idle.expectClosed()
	require.Less(t, time.Since(start), 300*time.Millisecond)

	// the in-flight request completes and its reply arrives
	require.Equal(t, objReply(t, vecSID, value.NewInt(7), nil), busy.readReply().raw)
	busy.expectClosed()
	require.NoError(t, <-done)

	_, err := net.DialTimeout("tcp", ts.Addr, time.Second)
	require.Error(t, err, "no more connections are accepted")
}

func TestShutdownDeadlineCancelsRequests(t *testing.T) {
	ts := vecServer(t)
	busy := dialRaw(t, ts.Addr)
	goLogin(t, busy)
	busy.send(goScript(t, "sleep(10000); 7"))
	waitRunning(t, ts.Server, "sleep(10000); 7")
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	require.ErrorIs(t, ts.Server.Shutdown(ctx), context.DeadlineExceeded)
	require.Less(t, time.Since(start), 2*time.Second)
	busy.expectClosed()
}

func TestFrameCap(t *testing.T) {
	ts := vecServer(t, WithOptions(Options{MaxFrame: 64 << 10, SessionID: func() int64 { return vecSID }}))
	t.Run("body", func(t *testing.T) {
		c := dialRaw(t, ts.Addr)
		c.refused([]byte("API2 0 1048576 / 0_1_4_64\nscript\n"), "exceeds the limit of 65536 bytes")
	})
	t.Run("arguments", func(t *testing.T) {
		c := dialGo(t, ts.Addr)
		big := value.NewStrings(value.String, []string{strings.Repeat("x", 70<<10)})
		c.refused(goFunc(t, "size", big), "limit")
	})
	t.Run("within", func(t *testing.T) {
		c := dialGo(t, ts.Addr)
		small := value.NewStrings(value.String, []string{strings.Repeat("x", 60<<10)})
		c.send(goFunc(t, "size", small))
		require.Equal(t, objReply(t, vecSID, value.NewInt(1), nil), c.readReply().raw)
	})
	t.Run("websocket", func(t *testing.T) {
		ws, _ := dialWS(t, ts.Addr, "")
		ws.send(make([]byte, 70<<10))
		op, p := ws.read()
		require.Equal(t, byte(wsOpClose), op)
		require.Equal(t, []byte{0x03, 0xF1}, p[:2], "1009 message too big")
	})
}

// TestFrameCapBeforeAllocation sends a vector that claims 60M INT rows
// (240 MB, below the default cap) but stops after a few bytes: the server
// must not allocate the claimed size up front.
func TestFrameCapBeforeAllocation(t *testing.T) {
	ts := vecServer(t)
	c := dialGo(t, ts.Addr)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	hdr := []byte("API2 1 17 / 0_1_4_64\nfunction\nsize\n1\n1\n")
	c.send(append(hdr, 0x04, 0x01, 0x00, 0x87, 0x93, 0x03, 0x01, 0x00, 0x00, 0x00, 1, 2, 3, 4))
	c.nc.(*net.TCPConn).CloseWrite()
	c.expectClosed()
	runtime.ReadMemStats(&ms)
	require.Less(t, ms.TotalAlloc-before, uint64(100<<20), "allocated %d MB", (ms.TotalAlloc-before)>>20)

	// a body announced at 200 MB (below the cap) but never sent costs
	// nothing up front either
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before = ms.TotalAlloc
	c1 := dialRaw(t, ts.Addr)
	c1.send([]byte("API2 0 200000000 / 0_1_4_64\nscript\n1+1"))
	c1.nc.(*net.TCPConn).CloseWrite()
	c1.expectClosed()
	runtime.ReadMemStats(&ms)
	require.Less(t, ms.TotalAlloc-before, uint64(100<<20), "allocated %d MB", (ms.TotalAlloc-before)>>20)

	// a header claiming more than the cap is refused outright
	c2 := dialRaw(t, ts.Addr)
	c2.refused([]byte("API2 0 9000000000 / 0_1_4_64\nscript\n"), "exceeds the limit")
}

func TestWebSocketFraming(t *testing.T) {
	ts := vecServer(t)
	login := func(t *testing.T) *wsClient {
		ws, _ := dialWS(t, ts.Addr, "")
		ws.send(vec(t, "50"))
		require.Equal(t, vec(t, "03"), ws.readBinary())
		return ws
	}
	script := req(t, "API2", "1", "0_1_4_64", "script\n1+1", nil)
	t.Run("ping", func(t *testing.T) {
		ws := login(t)
		ws.frame(true, wsOpPing, []byte("hi"))
		op, p := ws.read()
		require.Equal(t, byte(wsOpPong), op)
		require.Equal(t, []byte("hi"), p)
	})
	t.Run("fragmented with interleaved ping", func(t *testing.T) {
		ws := login(t)
		ws.frame(false, wsOpBinary, script[:5])
		ws.frame(true, wsOpPing, nil)
		ws.frame(false, wsOpContinue, script[5:12])
		ws.frame(true, wsOpContinue, script[12:])
		op, _ := ws.read()
		require.Equal(t, byte(wsOpPong), op)
		require.Equal(t, vec(t, "08"), ws.readBinary())
	})
	t.Run("text frame", func(t *testing.T) {
		ws := login(t)
		ws.frame(true, wsOpText, script)
		require.Equal(t, vec(t, "08"), ws.readBinary())
	})
	t.Run("large message", func(t *testing.T) {
		ws := login(t)
		s := "x = \"" + strings.Repeat("a", 100000) + "\"; strlen(x)"
		ws.send(req(t, "API2", "1", "0_1_4_64", "script\n"+s, nil))
		require.Equal(t, objReply(t, vecSID, value.NewInt(100000), nil), ws.readBinary())
	})
	t.Run("bad request keeps the connection", func(t *testing.T) {
		ws := login(t)
		ws.send([]byte("garbage"))
		r := parseReply(t, ws.readBinary())
		require.NotEqual(t, "OK", r.status)
		ws.send(script)
		require.Equal(t, vec(t, "08"), ws.readBinary())
	})
	t.Run("unmasked frame", func(t *testing.T) {
		ws := login(t)
		ws.nc.Write([]byte{0x82, 0x01, 0x00})
		op, p := ws.read()
		require.Equal(t, byte(wsOpClose), op)
		require.Equal(t, []byte{0x03, 0xEA}, p[:2], "1002 protocol error")
	})
	t.Run("close", func(t *testing.T) {
		ws := login(t)
		ws.frame(true, wsOpClose, []byte{0x03, 0xE8})
		op, p := ws.read()
		require.Equal(t, byte(wsOpClose), op)
		require.Equal(t, []byte{0x03, 0xE8}, p)
	})
	t.Run("subprotocol echoed", func(t *testing.T) {
		_, head := dialWS(t, ts.Addr, "Sec-WebSocket-Protocol: streaming\r\n")
		require.Contains(t, strings.ToLower(head), "sec-websocket-protocol: streaming\r\n")
	})
	t.Run("plain HTTP gets the web console", func(t *testing.T) {
		c := dialRaw(t, ts.Addr)
		c.send([]byte("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
		c.nc.SetReadDeadline(time.Now().Add(5 * time.Second))
		b, err := io.ReadAll(c.br)
		require.NoError(t, err)
		require.True(t, strings.HasPrefix(string(b), "HTTP/1.1 200 "), string(b))
		require.Contains(t, string(b), "<title>Porpoise console</title>")
	})
}

func TestRunT(t *testing.T) {
	ts := RunT(t, WithConfig("newValuePartitionPolicy", "add"))
	require.Equal(t, "127.0.0.1", ts.Host)
	require.Positive(t, ts.Port)
	require.Equal(t, net.JoinHostPort(ts.Host, strconv.Itoa(ts.Port)), ts.Addr)
	require.Equal(t, ts.Addr, ts.Server.Addr().String())
	require.Equal(t, "add", ts.Engine.Config().NewValuePartitionPolicy)
	c, err := client.Dial(context.Background(), ts.Addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	v := testkit.Query(t, c, `getConfig("newValuePartitionPolicy")`)
	require.Equal(t, "add", v.(*value.Scalar).S)
	c.Close()
}

// An asynchronous session's connect carries the async flag and still gets
// its reply (the Python API's enableASYNC waited forever for it).
func TestAsyncConnectIsAnswered(t *testing.T) {
	ts := vecServer(t)
	c := dialRaw(t, ts.Addr)
	c.ok(req(t, "API", "0", "36_1_4_2", "connect\nlogin\nadmin\n123456\nfalse", nil))
}
