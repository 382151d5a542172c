package dbadmin

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestChunkPathMatch(t *testing.T) {
	for _, c := range []struct {
		path, pat string
		want      bool
	}{
		{"/db/20240101/pt", "%", true},
		{"/db/20240101/pt", "*", true},
		{"/db/20240101/pt", "/db/*/pt", true},
		{"/db/20240101/pt", "/db/%/pt", true},
		{"/db/20240101/pt", "/db/2024010?/pt", true},
		{"/db/20240101/pt", "/other/*", false},
		{"dfs://db", "dfs://d?", true},
	} {
		require.Equal(t, c.want, chunkPathMatch(c.path, c.pat), "%q ~ %q", c.path, c.pat)
	}
}
