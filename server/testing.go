package server

import (
	"context"
	"errors"
	"net"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/engine"
)

// TestServer is a server started by RunT on 127.0.0.1 at a free port,
// with helpers in the spirit of miniredis: CheckRows and CheckCount to
// assert table contents, Restart, SetError and FailNext to fail requests,
// DropAfter and StallAfter to break connections, SetNow and SetSeed to
// make now(), today() and rand() reproducible.
type TestServer struct {
	// Addr is "host:port", ready for client.Dial or any DolphinDB API. It
	// stays the same across Restart.
	Addr string
	Host string
	Port int
	// Engine gives tests direct access to seed or inspect data; Restart
	// replaces it.
	Engine *engine.Engine
	// Server is the running server; Restart replaces it.
	Server *Server

	t    testing.TB
	tc   *testConfig
	done chan error

	faults faults
}

// TestOption configures RunT.
type TestOption func(*testConfig)

type testConfig struct {
	eng     engine.Options
	cfg     config.Config
	cfgSet  [][2]string
	srvOpts Options
	persist bool
}

// WithConfig sets a dolphindb.cfg key of the engine (e.g.
// "newValuePartitionPolicy", "add"); an unknown key fails the test.
func WithConfig(key, val string) TestOption {
	return func(c *testConfig) { c.cfgSet = append(c.cfgSet, [2]string{key, val}) }
}

// WithUsers seeds the engine's users (name to password); admin always
// exists, with password 123456 unless users says otherwise.
func WithUsers(users map[string]string) TestOption {
	return func(c *testConfig) { c.eng.Users = users }
}

// WithEngineOptions sets the engine options (in memory unless DataDir is
// set; Config is combined with WithConfig keys).
func WithEngineOptions(o engine.Options) TestOption {
	return func(c *testConfig) {
		c.eng = o
		if o.Config != nil {
			c.cfg = *o.Config
		}
	}
}

// WithOptions sets the server options.
func WithOptions(o Options) TestOption {
	return func(c *testConfig) { c.srvOpts = o }
}

// WithPersistence stores dfs:// databases in Pebble in a temporary
// directory of the test, so that Restart keeps them.
func WithPersistence() TestOption {
	return func(c *testConfig) { c.persist = true }
}

// WithSeed seeds rand(): the same sessions opened in the same order draw
// the same numbers in every run.
func WithSeed(seed int64) TestOption {
	return func(c *testConfig) { c.eng.Seed = seed }
}

// WithNow pins the clock of now() and today() (see SetNow).
func WithNow(t time.Time) TestOption {
	return func(c *testConfig) { c.eng.Now = func() time.Time { return t } }
}

// RunT starts a server over a fresh engine (in memory unless
// WithPersistence or a DataDir is given) on 127.0.0.1:0 and stops both
// when the test ends (t.Cleanup).
func RunT(t testing.TB, opts ...TestOption) *TestServer {
	t.Helper()
	tc := &testConfig{cfg: config.Default()}
	for _, o := range opts {
		o(tc)
	}
	for _, kv := range tc.cfgSet {
		if err := tc.cfg.Set(kv[0], kv[1]); err != nil {
			t.Fatalf("server.RunT: %v", err)
		}
	}
	cfg := tc.cfg
	tc.eng.Config = &cfg
	if tc.persist && tc.eng.DataDir == "" {
		tc.eng.DataDir = t.TempDir()
	}
	if tc.eng.DataDir != "" {
		tc.eng.InMemory = false
	}
	ts := &TestServer{t: t, tc: tc, faults: faults{drop: -1, stall: -1}}
	ts.start("127.0.0.1:0")
	t.Cleanup(func() { ts.stop() })
	return ts
}

// start opens the engine and serves it on addr.
func (ts *TestServer) start(addr string) {
	t := ts.t
	t.Helper()
	eng, err := engine.Open(ts.tc.eng)
	if err != nil {
		t.Fatalf("server.RunT: open engine: %v", err)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		eng.Close()
		t.Fatalf("server.RunT: listen: %v", err)
	}
	srv := New(eng, ts.tc.srvOpts)
	srv.execHook = ts.faults.hook
	ts.done = make(chan error, 1)
	go func() { ts.done <- srv.Serve(&faultListener{Listener: l, f: &ts.faults}) }()
	for i := 0; srv.Addr() == nil && i < 1000; i++ {
		time.Sleep(time.Millisecond)
	}
	host, portText, _ := net.SplitHostPort(l.Addr().String())
	port, _ := strconv.Atoi(portText)
	ts.Addr, ts.Host, ts.Port, ts.Engine, ts.Server = l.Addr().String(), host, port, eng, srv
}

// stop shuts the server down and closes the engine; a second call does
// nothing.
func (ts *TestServer) stop() {
	t := ts.t
	if ts.Server == nil {
		return
	}
	ts.faults.releaseStalls()
	// A request still running after a short grace (a test that left a
	// loop going) is cancelled, as Shutdown does when its context ends;
	// that is not the test's failure. The connections then end promptly.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := ts.Server.Shutdown(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("server.RunT: shutdown: %v", err)
	}
	drained := make(chan struct{})
	go func(s *Server) { s.wg.Wait(); close(drained) }(ts.Server)
	select {
	case <-drained:
	case <-time.After(10 * time.Second):
		t.Errorf("server.RunT: shutdown: requests still running 10s after they were cancelled")
	}
	if err := <-ts.done; err != nil && !errors.Is(err, ErrServerClosed) {
		t.Errorf("server.RunT: serve: %v", err)
	}
	if err := ts.Engine.Close(); err != nil {
		t.Errorf("server.RunT: close engine: %v", err)
	}
	ts.Server = nil
}

// Restart stops the server (open connections are closed, as when a
// DolphinDB node restarts) and starts a new engine and server on the same
// address. With WithPersistence (or a DataDir) dfs:// databases are kept;
// in-memory tables, shared objects and sessions are gone, as they are
// after a real restart. Fault settings (SetError, FailNext ...) are kept.
func (ts *TestServer) Restart() {
	ts.t.Helper()
	ts.stop()
	ts.start(ts.Addr)
}

// Dial connects a Go client logged in as admin; it is closed when the
// test ends.
func (ts *TestServer) Dial(t testing.TB) *client.Conn {
	t.Helper()
	c, err := client.Dial(context.Background(), ts.Addr, client.Options{User: "admin", Password: "123456"})
	if err != nil {
		t.Fatalf("dial %s: %v", ts.Addr, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// SetNow pins the clock of now() and today() to t for every session.
func (ts *TestServer) SetNow(t time.Time) {
	ts.Engine.SetNow(func() time.Time { return t })
	ts.tc.eng.Now = func() time.Time { return t } // kept across Restart
}

// SetSeed seeds rand() for the sessions opened from now on (each new
// connection opens one); see WithSeed.
func (ts *TestServer) SetSeed(seed int64) {
	ts.Engine.SetSeed(seed)
	ts.tc.eng.Seed = seed
}

// faults is the fault injection state of a TestServer.
type faults struct {
	mu       sync.Mutex
	errMsg   string // SetError: every request fails with it
	failN    int    // FailNext: this many requests fail ...
	failMsg  string // ... with this text
	drop     int64  // DropAfter: bytes left before a connection is closed, -1 off
	stall    int64  // StallAfter: bytes left before a connection stalls, -1 off
	stallChs []chan struct{}
	armed    atomic.Bool // drop or stall is set (read without mu)
}
