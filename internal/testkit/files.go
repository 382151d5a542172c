package testkit

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// DirNames is the names of the entries in dir, sorted (os.ReadDir's
// order).
func DirNames(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := make([]string, 0, len(es))
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}
