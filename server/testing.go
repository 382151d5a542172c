package server

import (
	"context"
	"errors"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/engine"
)

// TestServer is a server over an in-memory engine, listening on
// 127.0.0.1 at a free port, started by RunT.
type TestServer struct {
	// Addr is "host:port", ready for client.Dial or any DolphinDB API.
	Addr string
	Host string
	Port int
	// Engine gives tests direct access to seed or inspect data.
	Engine *engine.Engine
	// Server is the running server.
	Server *Server
}

// TestOption configures RunT.
type TestOption func(*testConfig)

type testConfig struct {
	eng     engine.Options
	cfg     engine.Config
	cfgSet  [][2]string
	srvOpts Options
}

// WithConfig sets a dolphindb.cfg key of the engine (e.g.
// "newValuePartitionPolicy", "add"); an unknown key fails the test.
func WithConfig(key, val string) TestOption {
	return func(c *testConfig) { c.cfgSet = append(c.cfgSet, [2]string{key, val}) }
}

// WithUsers replaces the engine's users (default admin/123456).
func WithUsers(users map[string]string) TestOption {
	return func(c *testConfig) { c.eng.Users = users }
}

// WithEngineOptions sets the engine options (InMemory is forced on unless
// DataDir is set; Config is combined with WithConfig keys).
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

// RunT starts a server over a fresh in-memory engine on 127.0.0.1:0 and
// stops both when the test ends (t.Cleanup).
func RunT(t testing.TB, opts ...TestOption) *TestServer {
	t.Helper()
	tc := &testConfig{cfg: engine.DefaultConfig()}
	for _, o := range opts {
		o(tc)
	}
	for _, kv := range tc.cfgSet {
		if err := tc.cfg.Set(kv[0], kv[1]); err != nil {
			t.Fatalf("server.RunT: %v", err)
		}
	}
	eo := tc.eng
	cfg := tc.cfg
	eo.Config = &cfg
	if eo.DataDir == "" {
		eo.InMemory = true
	}
	eng, err := engine.Open(eo)
	if err != nil {
		t.Fatalf("server.RunT: open engine: %v", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		eng.Close()
		t.Fatalf("server.RunT: listen: %v", err)
	}
	srv := New(eng, tc.srvOpts)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	for i := 0; srv.Addr() == nil && i < 1000; i++ {
		time.Sleep(time.Millisecond)
	}
	host, portText, _ := net.SplitHostPort(l.Addr().String())
	port, _ := strconv.Atoi(portText)
	ts := &TestServer{Addr: l.Addr().String(), Host: host, Port: port, Engine: eng, Server: srv}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("server.RunT: shutdown: %v", err)
		}
		if err := <-done; err != nil && !errors.Is(err, ErrServerClosed) {
			t.Errorf("server.RunT: serve: %v", err)
		}
		if err := eng.Close(); err != nil {
			t.Errorf("server.RunT: close engine: %v", err)
		}
	})
	return ts
}
