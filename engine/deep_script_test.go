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

	v := mustRun(t, s, "1"+strings.Repeat("+1", n))
	require.Equal(t, strconv.Itoa(n+1), v.String())

	require.Equal(t, "< 1"+strings.Repeat(" + 1", n)+" >", mustRun(t, s, "<1"+strings.Repeat("+1", n)+">").String())

	// metacode nested deeper than any script, built in a loop
	v = mustRun(t, s, "x = <1>; for(i in 0:20000) x = expr(1, +, x); x")
	require.True(t, strings.HasPrefix(v.String(), "< 1 + (1 + (1 + "))
}
