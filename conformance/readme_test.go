package conformance

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The README's package table names every package a newcomer meets, so
// that it stays a map of the tree: all but the commands, the interop
// programs, internal test helpers, the benchmarks and the built-in
// families (funcs/doc.go lays those out).
func TestReadmeListsEveryPackage(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	skip := []string{"cmd", "interop", "internal", "bench", "python", "docs"}
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || path == ".." {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, "../"))
		for _, s := range skip {
			if rel == s || strings.HasPrefix(rel, strings.TrimSuffix(s, "/")+"/") {
				return filepath.SkipDir
			}
		}
		if strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules" {
			return filepath.SkipDir
		}
		if strings.HasPrefix(rel, "funcs/") {
			return filepath.SkipDir
		}
		gos, _ := filepath.Glob(filepath.Join(path, "*.go"))
		for _, g := range gos {
			if !strings.HasSuffix(g, "_test.go") {
				require.Contains(t, string(readme), "`"+rel+"`", "README.md's package table does not name %s", rel)
				break
			}
		}
		return nil
	})
	require.NoError(t, err)
}
