package convert

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseRadix(t *testing.T) {
	v, null, ok := parseRadix("  -1A2", 11)
	require.True(t, ok)
	require.False(t, null)
	require.Equal(t, int64(-233), v)
	_, null, ok = parseRadix("   ", 10)
	require.True(t, ok && null)
	_, _, ok = parseRadix("x1", 10)
	require.False(t, ok)
}
