package bench

import (
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/stretchr/testify/require"
)

// scriptLoops are statements that run a loop body many times, each
// timed in a session that also holds a tuple of a million scalars (what
// loop returns) and, as the baseline, in one that does not. A
// statement's cost should not grow with the variables it does not
// touch. Binding a value to a variable must copy it when another
// variable still reaches its storage; looking for one walks every
// variable, a tuple's elements included, and took 500-1200x as long with
// the tuple. The shape of the assigned expression now bounds which
// variables can share it, and the walk looks at plain variables before
// tuples.
var scriptLoops = []struct{ name, script string }{
	{"table-append", "t = table(1:0, `a`b, [INT, DOUBLE]); for (i in 0:2000) { t.append!(table(i as a, i*1.0 as b)) }"},
	{"table-of-vector", "v = 1 2 3; for (i in 0:2000) { u = table(v as a) }"},
	{"assign-vector", "for (i in 0:2000) { w = 1..10 }"},
	{"assign-kernel", "v = 1..10; for (i in 0:2000) { w = cumsum(v) + i }"},
	{"assign-copy", "v = 1..10; for (i in 0:2000) { w = v }"},
}

// BenchmarkScriptLoops reports each loop's CPU milliseconds with the
// large tuple present and its ratio to the same loop without it.
func BenchmarkScriptLoops(b *testing.B) {
	plain := testkit.InMemory(b).NewSession()
	loaded := testkit.InMemory(b).NewSession()
	_, err := loaded.Run("bigTuple = loop(def(a){ return a * 2 }, 1..1000000)")
	require.NoError(b, err)
	for _, c := range scriptLoops {
		b.Run(c.name, func(b *testing.B) {
			var with, without spent
			for i := 0; i < b.N; i++ {
				with.time(func() { _, err = loaded.Run(c.script) })
				require.NoError(b, err, c.script)
				without.time(func() { _, err = plain.Run(c.script) })
				require.NoError(b, err, c.script)
			}
			b.ReportMetric(msPerOp(with.cpu, b.N), "cpu-ms/op")
			b.ReportMetric(float64(with.cpu)/float64(without.cpu), "x-no-tuple")
		})
	}
}
