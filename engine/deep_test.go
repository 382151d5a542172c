package engine

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Scripts whose trees are very long or very deep must give a result or an
// error, never exhaust the Go stack (which kills the whole server).
func TestDeepScripts(t *testing.T) {
	s := memSession(t, "")

	v, err := s.Run("1" + strings.Repeat("+1", 1_000_000))
	require.NoError(t, err)
	require.Equal(t, "1000001", v.String())

	v, err = s.Run("x = 1 2 3\nx" + strings.Repeat("[0 1 2]", 100_000))
	require.Error(t, err)
	require.Nil(t, v)

	mustRun(t, s, "def f(n) { return 1"+strings.Repeat("-1", 10_000)+" }\nf(1)")

	// the session stays usable
	require.Equal(t, "3", mustRun(t, s, "1 + 2").String())
}
