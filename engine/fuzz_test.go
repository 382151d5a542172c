package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzRun feeds arbitrary scripts to one session: any input must come back
// as a value or an error (never a panic or hang), and the session must
// still run a good script afterwards.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob("../conformance/testdata/*.test")
	for _, path := range files {
		data, err := os.ReadFile(path)
		require.NoError(f, err)
		for _, block := range strings.Split(string(data), "\n\n") {
			lines := strings.Split(block, "\n")
			if len(lines) > 1 && (strings.HasPrefix(lines[0], "statement") || strings.HasPrefix(lines[0], "query")) {
				script := strings.Join(lines[1:], "\n")
				script, _, _ = strings.Cut(script, "----")
				f.Add(script)
			}
		}
	}
	f.Add("x = 1 2 3; x.append!(7.2); x[1:2]")
	f.Add("def f(a, b=2){ return a + b }; f(1)")
	e, err := Open(Options{InMemory: true, Seed: 1})
	require.NoError(f, err)
	f.Cleanup(func() { e.Close() })
	f.Fuzz(func(t *testing.T, script string) {
		if len(script) > 4096 || strings.Contains(script, "for") || strings.Contains(script, "while") ||
			strings.Contains(script, "sleep") || strings.Contains(script, "..") || strings.Contains(script, "take") ||
			strings.Contains(script, "rand") || strings.Contains(script, "array") || strings.Contains(script, "til") {
			// loops, ranges and sized allocations can legitimately run long
			// or allocate much; the fuzzer looks for panics, not for slow
			// scripts.
			return
		}
		s := e.NewSession()
		_, _ = s.Run(script)
		v, err := s.Run("1 + 1")
		require.NoError(t, err)
		require.Equal(t, "2", v.String())
	})
}
