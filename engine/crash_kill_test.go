package engine

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// ackNotes is a note function for crashtest.KillOnce: a line "<prefix>N" adds
// batch N to the set registered for that prefix (e.g. "ack ").
func ackNotes(t *testing.T, sets map[string]map[int64]bool) func(string) {
	return func(l string) {
		for prefix, m := range sets {
			if n, found := strings.CutPrefix(l, prefix); found {
				k, err := strconv.ParseInt(n, 10, 64)
				require.NoError(t, err)
				m[k] = true
			}
		}
	}
}
