package engine

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzRun feeds arbitrary scripts to one session: any input must come back
// as a value or an error (never a panic or hang), and the session must
// still run a good script afterwards.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob("../conformance/testdata/*.test")
	more, _ := filepath.Glob("../conformance/testdata/*/*.test")
	files = append(files, more...)
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
	// generated scripts: every deep shape nested past the parser's limit
	// and long operator chains
	for _, shape := range deepShapes {
		f.Add(shape(1500))
	}
	e, err := Open(Options{InMemory: true, Seed: 1})
	require.NoError(f, err)
	f.Cleanup(func() { e.Close() })
	f.Fuzz(func(t *testing.T, script string) {
		if len(script) > 1<<16 || strings.Contains(script, "for") || strings.Contains(script, "while") ||
			strings.Contains(script, "sleep") || strings.Contains(script, "..") || strings.Contains(script, "take") ||
			strings.Contains(script, "rand") || strings.Contains(script, "array") || strings.Contains(script, "til") {
			// loops, ranges and sized allocations can legitimately run long
			// or allocate much; the fuzzer looks for panics, not for slow
			// scripts.
			return
		}
		s := e.NewSession()
		v, err := s.Run(script)
		if v != nil {
			_ = v.String() // printing the answer must not crash either
		}
		// a Go panic the session recovered is a bug too: a script gets a
		// value or DolphinDB's error
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("%q: %v", script, err)
		}
		require.Equal(t, "2", mustRun(t, s, "1 + 1").String())
	})
}

// deepShapes build scripts of one repeated structure, n levels deep or n
// terms long.
var deepShapes = []func(n int) string{
	func(n int) string { return "1" + strings.Repeat("+1", n) },
	func(n int) string { return "x = 1 2 3; x" + strings.Repeat(" * 2 - 1", n) },
	func(n int) string { return strings.Repeat("(", n) + "1" + strings.Repeat(")", n) },
	func(n int) string { return strings.Repeat("abs(", n) + "-1" + strings.Repeat(")", n) },
	func(n int) string { return "x = 1 2 3; x" + strings.Repeat("[0 1 2]", n) },
	func(n int) string { return strings.Repeat("[", n) + "1" + strings.Repeat("]", n) },
	func(n int) string { return strings.Repeat("-", n) + "1" },
	func(n int) string { return strings.Repeat("if(true) ", n) + "x = 1" },
	func(n int) string { return strings.Repeat("{a:", n) + "1" + strings.Repeat("}", n) },
	func(n int) string { return strings.Repeat("def(x) -> ", n) + "1" },
	func(n int) string { return "1" + strings.Repeat(" && true", n) },
	func(n int) string { return "t = table(1 2 as a); select a" + strings.Repeat("+a", n) + " from t" },
	func(n int) string { return "<1" + strings.Repeat("+1", n) + ">" },
	func(n int) string { return "1" + strings.Repeat(" <- 1", n) },
	func(n int) string { return strings.Repeat("not ", n) + "true" },
	func(n int) string { return strings.Repeat("!", n) + "true" },
	func(n int) string { return strings.Repeat("- ", n) + "1" },
	func(n int) string { return strings.Repeat("if(false) x = 1 else ", n) + "x = 2" },
	func(n int) string { return strings.Repeat("x -> ", n) + "1" },
	func(n int) string { return strings.Repeat("{x -> ", n) + "1" + strings.Repeat("}", n) },
	func(n int) string { return strings.Repeat("add{1}{", n) + strings.Repeat("}", n) },
	func(n int) string { return strings.Repeat("(true ? ", n) + "1" + strings.Repeat(" : 2)", n) },
	func(n int) string { return strings.Repeat("<", n) + "1" + strings.Repeat(">", n) },
	func(n int) string { return strings.Repeat("(1,", n) + "1" + strings.Repeat(")", n) },
	func(n int) string {
		return "select case" + strings.Repeat(" when a > 1 then 1", n) + " else 0 end from table(1 as a)"
	},
	func(n int) string {
		return "t = table(1 as a); select a from t" + strings.Repeat(" union select a from t", n)
	},
	func(n int) string { return "x = 1 2 3; x" + strings.Repeat(".abs()", n) },
	func(n int) string { return "x = <1>; for(i in 0:" + strconv.Itoa(n) + ") x = expr(1, +, x); x" },
}

// FuzzDeepScripts runs scripts that are very long or very deeply nested:
// each must come back as a value or an error without exhausting the Go
// stack, which would kill the server, and the session must stay usable.
func FuzzDeepScripts(f *testing.F) {
	for i := range deepShapes {
		f.Add(uint8(i), uint32(10))
		f.Add(uint8(i), uint32(3000))
		if !raceEnabled {
			f.Add(uint8(i), uint32(60_000))
		}
	}
	e, err := Open(Options{InMemory: true, Seed: 1})
	require.NoError(f, err)
	f.Cleanup(func() { e.Close() })
	f.Fuzz(func(t *testing.T, shape uint8, n uint32) {
		s := e.NewSession()
		if v, _ := s.Run(deepShapes[int(shape)%len(deepShapes)](int(n % 300_000))); v != nil {
			_ = v.String()
		}
		require.Equal(t, "2", mustRun(t, s, "1 + 1").String())
	})
}
