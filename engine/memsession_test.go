package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// memEngine opens an in-memory engine, closed when t ends.
func memEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := Open(Options{InMemory: true})
	require.NoError(t, err)
	t.Cleanup(func() { e.Close() })
	return e
}

// memSession opens an in-memory engine, closed when t ends, and returns a
// new session of it after running setup there ("" runs nothing).
func memSession(t testing.TB, setup string) *Session {
	t.Helper()
	s := memEngine(t).NewSession()
	if setup != "" {
		mustRun(t, s, setup)
	}
	return s
}

// mustRun runs script in s, failing t on an error, and returns its value.
func mustRun(t testing.TB, s *Session, script string) value.Value {
	t.Helper()
	v, err := s.Run(script)
	require.NoError(t, err, script)
	return v
}
