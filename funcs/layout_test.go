package funcs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The package comment's layout lists every family, so a newcomer finds
// each subpackage there.
func TestDocListsEveryFamily(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if gos, _ := filepath.Glob(filepath.Join(e.Name(), "*.go")); len(gos) == 0 {
			continue
		}
		require.True(t, strings.Contains(string(doc), "//\tfuncs/"+e.Name()+" "), "funcs/doc.go does not list funcs/%s", e.Name())
	}
}
