package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// memSession opens an in-memory engine, closed when t ends, and returns a
// new session of it after running setup there ("" runs nothing).
func memSession(t testing.TB, setup string) *Session {
	t.Helper()
	e, err := Open(Options{InMemory: true})
	require.NoError(t, err)
	t.Cleanup(func() { e.Close() })
	s := e.NewSession()
	if setup != "" {
		_, err = s.Run(setup)
		require.NoError(t, err, setup)
	}
	return s
}
