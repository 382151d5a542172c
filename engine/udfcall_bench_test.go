package engine_test

import (
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// The UDF call benchmarks each make calls script functions calls many
// times over: the cost they measure is the call's (a frame, its
// arguments), not the body's one addition. ns/call divides by the calls.
var udfCallBenches = []struct {
	name, setup, run string
	calls            int
}{
	{"ScriptLoop", "def f(x) { return x + 1 }", "s = 0; for (i in 0:10000) { s = f(s) }; s", 10000},
	{"EachUDF", "def f(x) { return x + 1 }\nv = 1..100000", "each(f, v); 0", 100000},
	{"EachLambda", "v = 1..100000", "each(x -> x + 1, v); 0", 100000},
	{"ThreeArgs", "def g(a, b, c) { return a + b + c }", "s = 0; for (i in 0:10000) { s = g(s, 1, 2) }; s", 10000},
	{"Fib20", "def fib(n) { if (n < 2) { return n }; return fib(n - 1) + fib(n - 2) }", "fib(20)", 21891},
	{"Partial", "def g(a, b) { return a + b }\nv = 1..100000", "each(g{1}, v); 0", 100000},
}

func BenchmarkUDFCall(b *testing.B) {
	for _, bc := range udfCallBenches {
		b.Run(bc.name, func(b *testing.B) {
			_, s := testkit.Started(b, bc.setup)
			for b.Loop() {
				if _, err := s.Run(bc.run); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*bc.calls), "ns/call")
		})
	}
}
