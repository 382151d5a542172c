package engine

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMillionTermChains: a chain of a million operators evaluates, and
// its metacode prints, without exhausting the Go stack (the printer used
// to recurse once per operator and kill the process).
func TestMillionTermChains(t *testing.T) {
	n := 1000000
	if raceEnabled {
		n = 100000
	}
	e, err := Open(Options{InMemory: true, Seed: 1})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()

	v, err := s.Run("1" + strings.Repeat("+1", n))
	require.NoError(t, err)
	require.Equal(t, strconv.Itoa(n+1), v.String())

	v, err = s.Run("<1" + strings.Repeat("+1", n) + ">")
	require.NoError(t, err)
	require.Equal(t, "< 1"+strings.Repeat(" + 1", n)+" >", v.String())

	// metacode nested deeper than any script, built in a loop
	v, err = s.Run("x = <1>; for(i in 0:20000) x = expr(1, +, x); x")
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(v.String(), "< 1 + (1 + (1 + "))
}
