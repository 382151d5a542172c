package rsengine_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// genFuncs are the user functions the generic iterate tests call.
const genFuncs = `def genAvg(w, x){ return avg(w) * 0.5 + x }
def genPair(w, a, b){ return avg(w) * 0.5 + a - b }
def genDecay(p){ return p * 0.9 + 1 }
@state
def genState(v, w){
	g = genericStateIterate(cumsum(v), w, 2, genAvg{,})
	return ema(g, 3)
}
`

// genMetrics are generic iterate metrics of every shape: X a column, a
// tuple and [], window 0 and more, time windows over a TIMESTAMP and an
// INT column, closed on the left or not, one nested in moving windows,
// one in a @state function over a cumulative one.
var genMetrics = []string{
	"genericStateIterate(v, w, 3, genAvg{,})",
	"genericStateIterate([], w, 0, genDecay)",
	"genericStateIterate([v, w], w, 2, genPair{,,})",
	"genericStateIterate(v, w, 0, genAvg{,})",
	"genericTStateIterate(ts, v, w, 5s, genAvg{,})",
	"genericTStateIterate(ts, [v, w], w, 5s, genPair{,,}, true)",
	"genericTStateIterate(ti, v, w, 7, genAvg{,}, false)",
	"mavg(genericStateIterate(v, w, 1, genAvg{,}), 2) + prev(v)",
	"genState(v, w)",
}

// The generic iterate functions computed from each key's latest results
// give what they give over each key's whole history (a context by
// query), over batches of every size, with late rows among the times and
// a bounded history. A late row is every tenth: one key's rows are four
// apart, so a late row always follows a later time of its key (random late
// rows would sometimes follow only late rows and not be late at all).
func TestGenericNodesMatchQuery(t *testing.T) {
	e := testkit.InMemory(t)
	s := e.NewSession()
	var metrics, exp, cols, types []string
	for i, m := range genMetrics {
		metrics = append(metrics, "<"+m+">")
		exp = append(exp, fmt.Sprintf("%s as m%d", m, i))
		cols = append(cols, fmt.Sprintf("`m%d", i))
		types = append(types, "DOUBLE")
	}
	testkit.Run(t, s, genFuncs+`n = 3000
late = (0..(n-1)) % 10 == 7
data = table(take(`+"`a`b`c`d"+`, n) as k, 2024.01.02T09:30:00.000 + 700 * (0..(n-1)) - 30000 * late as ts, (0..(n-1)) / 2 - 20 * late as ti, take(1 NULL 3 4 5, n) * rand(10, n) as v, rand(10.0, n) as w)
out = table(1:0, `+"`k"+strings.Join(cols, "")+`, [SYMBOL, `+strings.Join(types, ", ")+`])
eng = createReactiveStateEngine(name="rseGeneric", metrics=[`+strings.Join(metrics, ", ")+`], dummyTable=table(1:0, `+"`k`ts`ti`v`w"+`, [SYMBOL, TIMESTAMP, INT, INT, DOUBLE]), outputTable=out, keyColumn="k")
i = 0
sizes = 1 7 30 500 2 1000
for (z in 0..40) { if (i < n) { j = min(n, i + sizes[z % 6]); eng.append!(data[i:j]); i = j } }
data[`+"`i"+`] = 0..(n-1)
exp = select i, `+strings.Join(exp, ", ")+` from data context by k
exp = select * from exp order by i`)
	require.Equal(t, "3000", testkit.Run(t, s, "size(out)"))
	for i, m := range genMetrics {
		c := fmt.Sprintf("m%d", i)
		require.Equal(t, "true", testkit.Run(t, s, "eqObj(out."+c+", exp."+c+", 9)"), m)
	}
	// late rows are NULL
	require.Equal(t, "true", testkit.Run(t, s, "all(isNull((exec m4 from out)[late && 0..(n-1) >= 4]))"))
	// 4 keys of two rows each are kept, and their latest results: the
	// whole history would take 120000 bytes
	require.Equal(t, "true", testkit.Run(t, s, "(exec memoryInUsed from getStreamEngineStat()[`ReactiveStreamEngine] where name = `rseGeneric)[0] < 20000"))
	testkit.Run(t, s, "dropStreamEngine(`rseGeneric)")
}

// Errors of func and of the arguments stop the append that meets them,
// in the engine as in a query.
func TestGenericErrors(t *testing.T) {
	_, s := testkit.Started(t, genFuncs+`def genVec(w, x){ return w }
def genFail(w, x){ throw "genFail broke" }
data = table(`+"`a`a`a"+` as k, 2024.01.02T09:30:00.000 + [0, 1000, NULL] as ts, 1 2 3 as v, 1.0 2 3 as w)`)
	for _, c := range []struct{ metric, err string }{
		{"genericStateIterate(v, w, 1, genVec{,})", "The function of genericStateIterate must return a numeric scalar."},
		{"genericStateIterate(v, w, 1, genFail{,})", "genFail broke"},
		{"genericStateIterate(v, w, -1, genAvg{,})", "The argument [window] of genericStateIterate must be a non-negative integer."},
		{"genericTStateIterate(ts, v, w, 1s, genAvg{,})", "The argument [T] of genericTStateIterate must be"},
	} {
		_, qerr := s.Run("select " + c.metric + " from data context by k")
		require.ErrorContains(t, qerr, c.err, c.metric)
		testkit.Run(t, s, "out = table(1:0, `k`m, [SYMBOL, DOUBLE])\neng = createReactiveStateEngine(name=\"rseGenErr\", metrics=<"+c.metric+">, dummyTable=data, outputTable=out, keyColumn=\"k\")")
		_, err := s.Run("eng.append!(data)")
		testkit.Run(t, s, "dropStreamEngine(`rseGenErr)")
		require.ErrorContains(t, err, c.err, c.metric)
	}
}

// BenchmarkGenericIterate feeds 100k rows of 1k keys, 1000 rows an
// append, to an engine computing one iterate metric of a window of 10:
// genericStateIterate calling a user function, genericTStateIterate
// over the last 10 ms, and stateIterate (msum{, 10}) over the same
// stream for scale.
func BenchmarkGenericIterate(b *testing.B) {
	e := testkit.InMemory(b)
	s := e.NewSession()
	testkit.Run(b, s, genFuncs+`n = 100000
data = table(symbol("k" + string(0..(n-1) % 1000)) as k, 2024.01.02T09:30:00.000 + (0..(n-1)) / 1000 as ts, rand(10, n) as v, rand(10.0, n) as w)`)
	for _, m := range []string{
		"stateIterate(v, w, 10, msum{, 10}, [0.5, 0.5])",
		"genericStateIterate(v, w, 10, genAvg{,})",
		"genericTStateIterate(ts, v, w, 10, genAvg{,})",
	} {
		b.Run(strings.Split(m, "(")[0], func(b *testing.B) {
			for range b.N {
				testkit.Run(b, s, `out = table(1:0, `+"`k`m"+`, [SYMBOL, DOUBLE])
eng = createReactiveStateEngine(name="rseGenBench", metrics=<`+m+`>, dummyTable=data, outputTable=out, keyColumn="k")
for (i in 0..99) eng.append!(data[(i*1000):((i+1)*1000)])
dropStreamEngine("rseGenBench")`)
			}
		})
	}
}
