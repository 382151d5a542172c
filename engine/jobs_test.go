package engine

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// A job keeps calling a user function while its session goes on defining
// functions; under -race a definitions map shared between the two would
// be reported.
func TestJobDefinitionsAreASnapshot(t *testing.T) {
	e, err := Open(Options{InMemory: true})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	_, err = s.Run(`def f(n) { s = 0; for (i in 1..n) { s = s + g(i) }; return s }
def g(x) { return x }
submitJob("j", "", f, 20000)`)
	require.NoError(t, err)
	for k := 0; k < 200; k++ {
		_, err := s.Run(fmt.Sprintf("def h%d(x) { return x + %d }", k, k))
		require.NoError(t, err)
	}
	// redefining g after submission does not change the running job
	_, err = s.Run("def g(x) { return 0 }")
	require.NoError(t, err)
	v, err := s.Run(`getJobReturn("j", true)`)
	require.NoError(t, err)
	require.Equal(t, "200010000", v.String())
}
