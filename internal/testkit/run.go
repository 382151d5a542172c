package testkit

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
)

// Run runs script in s and returns its value as printed, "" when the
// script has no value.
func Run(t testing.TB, s *engine.Session, script string) string {
	t.Helper()
	v, err := s.Run(script)
	require.NoError(t, err, script)
	if v == nil {
		return ""
	}
	return v.String()
}

// RunAll runs scripts one after another in a new session of e and returns
// what the last one printed.
func RunAll(t testing.TB, e *engine.Engine, scripts ...string) string {
	t.Helper()
	s := e.NewSession()
	out := ""
	for _, sc := range scripts {
		out = Run(t, s, sc)
	}
	return out
}

// Query runs script over c and returns its value.
func Query(t testing.TB, c *client.Conn, script string) value.Value {
	t.Helper()
	v, err := c.Run(context.Background(), script)
	require.NoError(t, err, script)
	return v
}

// InMemory opens an engine that keeps everything in memory and closes it
// when the test ends.
func InMemory(t testing.TB) *engine.Engine {
	t.Helper()
	e, err := engine.Open(engine.Options{InMemory: true})
	require.NoError(t, err)
	t.Cleanup(func() { e.Close() })
	return e
}

// OnDisk opens an engine over the data directory dir; the test closes
// it, and may open dir again to see what outlives a restart.
func OnDisk(t testing.TB, dir string) *engine.Engine {
	t.Helper()
	e, err := engine.Open(engine.Options{DataDir: dir})
	require.NoError(t, err)
	return e
}

// Started opens an in-memory engine and runs script in a new session of
// it: the start of an engine test, which creates its tables and engines
// there and reads what the other sessions left from it.
func Started(t testing.TB, script string) (*engine.Engine, *engine.Session) {
	t.Helper()
	e := InMemory(t)
	s := e.NewSession()
	Run(t, s, script)
	return e, s
}

// Go runs body(i, s) for each i of 0..n-1 in a new session s of e, all
// at once; wait returns when every one is done. The caller may work in
// between, while they run.
func Go(e *engine.Engine, n int, body func(i int, s *engine.Session)) (wait func()) {
	var wg sync.WaitGroup
	for i := range n {
		s := e.NewSession()
		wg.Add(1)
		go func() {
			defer wg.Done()
			body(i, s)
		}()
	}
	return wg.Wait
}

// Concurrently runs scripts, in order, rounds times over in each of n
// new sessions of e at once, and returns when every session is done:
// the race tests' appenders.
func Concurrently(t testing.TB, e *engine.Engine, n, rounds int, scripts ...string) {
	t.Helper()
	Go(e, n, func(_ int, s *engine.Session) {
		for range rounds {
			for _, sc := range scripts {
				Run(t, s, sc)
			}
		}
	})()
}

// RunIn opens an engine on the data directory dir, runs scripts one
// after another in one session of it, closes it, and returns what the
// last one printed: one life of an engine in a test of what outlives a
// restart.
func RunIn(t testing.TB, dir string, scripts ...string) string {
	t.Helper()
	e := OnDisk(t, dir)
	defer func() { require.NoError(t, e.Close()) }()
	return RunAll(t, e, scripts...)
}
