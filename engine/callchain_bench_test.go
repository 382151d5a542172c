package engine_test

import (
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/stretchr/testify/require"
)

// BenchmarkSharedCallChain is a script function calling another that
// reads a shared table: each statement plans its locks through the
// functions it calls, so this measures what that planning costs against
// the call itself (BenchmarkLocalCallChain, the same chain on a local table).
func BenchmarkSharedCallChain(b *testing.B) {
	benchCallChain(b, "share table(1..10 as x) as stChain", "stChain")
}

// BenchmarkLocalCallChain is BenchmarkSharedCallChain's chain passing a
// session-local table as an argument: no shared object to plan.
func BenchmarkLocalCallChain(b *testing.B) {
	benchCallChain(b, "lt = table(1..10 as x)", "")
}

func benchCallChain(b *testing.B, setup, shared string) {
	_, s := testkit.Started(b, setup)
	defs, loop := "def f(t) { return size(t) }\ndef g(t) { return f(t) }", "for (i in 0:10000) { g(lt) }"
	if shared != "" {
		defs, loop = "def f() { return size("+shared+") }\ndef g() { return f() }", "for (i in 0:10000) { g() }"
	}
	testkit.Run(b, s, defs)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, err := s.Run(loop)
		require.NoError(b, err)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*10000), "ns/call")
}
