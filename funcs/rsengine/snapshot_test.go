package rsengine_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// snapMetric is a metric of the property test and its output column's
// type.
type snapMetric struct{ code, typ string }

// snapMetrics are stateful metrics of every kind the engine keeps: node
// states (cum*, ema, ffill, the iterate functions, the generic ones'
// results and times among them, an inlined @state function), window
// rows (m*, prev, deltas, move, tmsum) and, with msumTopN or cummed
// among them, the whole history.
var snapMetrics = []snapMetric{
	{"cumsum(v)", "INT"}, {"mavg(x, 3)", "DOUBLE"}, {"mstd(x, 4)", "DOUBLE"}, {"ema(x, 3)", "DOUBLE"},
	{"prev(v)", "INT"}, {"msumTopN(x, y, 4, 2)", "DOUBLE"}, {"stateIterate(x, y, 2, msum{, 3}, [0.5, 0.5])", "DOUBLE"},
	{"emaGap(x)", "DOUBLE"}, {"ffill(x)", "DOUBLE"}, {"cumcount(x)", "INT"}, {"cummax(s)", "STRING"},
	{"cumnunique(v)", "INT"}, {"conditionalIterate(v > 3, x, mmax{, 2})", "DOUBLE"}, {"deltas(x, 2)", "DOUBLE"},
	{"cumavg(x)", "DOUBLE"}, {"cumstd(x)", "DOUBLE"}, {"tmsum(time, x, 6)", "DOUBLE"}, {"move(x, 2)", "DOUBLE"},
	{"mcorr(x, y, 4)", "DOUBLE"}, {"ema(cumsum(x) - cummin(x), 3)", "DOUBLE"}, {"cummed(x)", "DOUBLE"},
	{"conditionalIterate(v < 2, y, cumlastNot)", "DOUBLE"}, {"stateIterate(x, y, 3, move{, 1}, [1, -0.5])", "DOUBLE"},
	{"cumprod(v % 3 + 1)", "LONG"}, {"cumfirstNot(x)", "DOUBLE"}, {"ffill(tag)", "SYMBOL"}, {"cummin(tag)", "SYMBOL"},
	{"ffill(d)", "DECIMAL64(2)"}, {"cummax(d)", "DECIMAL64(2)"}, {"mavg(d, 3)", "DOUBLE"},
	{"genericStateIterate(x, y, 2, genAvg{,})", "DOUBLE"}, {"genericStateIterate([], y, 0, genDecay)", "DOUBLE"},
	{"genericTStateIterate(time, [x, v], y, 5, genPair{,,}, true)", "DOUBLE"}, {"genericTStateIterate(time, x, y, 40ms, genAvg{,})", "DOUBLE"},
}

// emaGap is the test's @state function, which the engine inlines.
const emaGap = "@state\ndef emaGap(x){\n\td = ema(x, 2) - prev(x)\n\treturn d\n}\n"

// snapEngine is one engine of the property test: its create call after
// name, dummyTable and outputTable, and its output table.
type snapEngine struct {
	fn, args, out string
	// keys is how many keys the stream has at most
	keys int
}

// randomEngine picks a wide, narrow or dual ownership engine with a
// few of snapMetrics, keyed or not, with a filter or a keyPurgeFilter
// now and then.
func randomEngine(r *rand.Rand) snapEngine {
	pick := func() []snapMetric {
		var ms []snapMetric
		for _, i := range r.Perm(len(snapMetrics))[:2+r.Intn(5)] {
			ms = append(ms, snapMetrics[i])
		}
		return ms
	}
	codes := func(ms []snapMetric) string {
		var cs []string
		for _, m := range ms {
			cs = append(cs, "<"+m.code+">")
		}
		return "[" + strings.Join(cs, ", ") + "]"
	}
	cols := func(prefix string, ms []snapMetric) (names, types string) {
		for i, m := range ms {
			names += fmt.Sprintf("`%s%d", prefix, i)
			types += ", " + m.typ
		}
		return names, types
	}
	ms := pick()
	switch r.Intn(5) {
	case 0:
		ms2 := pick()
		n1, t1 := cols("a", ms)
		n2, t2 := cols("b", ms2)
		args := fmt.Sprintf("metrics1=%s, metrics2=%s, keyColumn1=`sym, keyColumn2=`grp", codes(ms), codes(ms2))
		return snapEngine{"createDualOwnershipReactiveStateEngine", args, "table(1:0, `sym`grp" + n1 + n2 + ", [SYMBOL, INT" + t1 + t2 + "])", 8}
	case 1:
		// the named metrics' values share a DOUBLE column: the STRING
		// ones go first, among the others
		var strs, nums []snapMetric
		for _, m := range ms {
			if m.typ == "STRING" || m.typ == "SYMBOL" {
				strs = append(strs, m)
			} else {
				nums = append(nums, m)
			}
		}
		if len(nums) == 0 {
			nums = append(nums, snapMetrics[1])
		}
		ms = append(strs, nums...)
		k := 1 + r.Intn(len(nums))
		var names []string
		for i := range k {
			names = append(names, fmt.Sprintf("`m%d", i))
		}
		n, t := cols("p", ms[:len(ms)-k])
		args := fmt.Sprintf("metrics=%s, metricNames=%s, keyColumn=`sym", codes(ms), strings.Join(names, ""))
		if r.Intn(3) == 0 {
			args += ", filter=<v != 2>"
		}
		if r.Intn(3) == 0 {
			args += ", keyPurgeFilter=<isNull(value)>"
		}
		return snapEngine{"createNarrowReactiveStateEngine", args, "table(1:0, `sym" + n + "`metricName`value, [SYMBOL" + t + ", STRING, DOUBLE])", 8}
	}
	purge := r.Intn(4) == 1
	if purge {
		// keys are purged once they have 3 values, and start again
		ms = append([]snapMetric{{"cumcount(x)", "INT"}}, ms...)
	}
	n, t := cols("c", ms)
	args := "metrics=" + codes(ms)
	out := "table(1:0, `sym" + n + ", [SYMBOL" + t + "])"
	switch {
	case purge:
		args += ", keyColumn=`sym, keyPurgeFilter=<c0 >= 3>"
	case r.Intn(3) == 0:
		// no key: one group
		out = "table(1:0, " + n + ", [" + strings.TrimPrefix(t, ", ") + "])"
	default:
		args += ", keyColumn=`sym"
	}
	if r.Intn(4) == 0 {
		args += ", filter=<x > 2 or v == NULL>"
	}
	keys := 8
	if purge {
		// more than ten keys: those that meet the filter wait for a
		// tenth of the keys to
		keys = 12 + r.Intn(20)
	}
	return snapEngine{"createReactiveStateEngine", args, out, keys}
}

// randomAppends is a stream of appends of a few keys' rows, times
// rising, NULLs and now and then an infinity among the values.
func randomAppends(r *rand.Rand, maxKeys int) ([]string, []int) {
	t := int64(0)
	keys := 1 + r.Intn(maxKeys)
	return testkit.SnapshotBatches(r, 20, func(rows int) string {
		times, syms, grps, vs, xs, ys, ss := make([]string, rows), make([]string, rows), make([]string, rows), make([]string, rows), make([]string, rows), make([]string, rows), make([]string, rows)
		tags, ds := make([]string, rows), make([]string, rows)
		null := func(s string) string {
			if r.Intn(6) == 0 {
				return "NULL"
			}
			return s
		}
		for j := range times {
			t += int64(r.Intn(4))
			times[j] = fmt.Sprint(t)
			syms[j] = fmt.Sprintf(`"k%d"`, r.Intn(keys))
			grps[j] = fmt.Sprint(r.Intn(3))
			vs[j] = null(fmt.Sprint(r.Intn(7) - 1))
			xs[j] = null(fmt.Sprintf("%.2f", r.Float64()*10-1))
			if r.Intn(40) == 0 {
				// an infinity or an overflow, which the cum* states hold
				xs[j] = []string{"exp(1000)", "-exp(1000)", "1e308"}[r.Intn(3)]
			}
			ys[j] = fmt.Sprintf("%.2f", r.Float64()*4)
			ss[j] = null(`"` + string(rune('p'+r.Intn(6))) + `"`)
			tags[j] = null(`"` + string(rune('A'+r.Intn(5))) + `"`)
			ds[j] = null(fmt.Sprintf("%.2f", r.Float64()*20-5))
		}
		return fmt.Sprintf("table(2024.01.02T09:30:00.000 + [%s] as time, symbol([%s]) as sym, int([%s]) as grp, int([%s]) as v, double([%s]) as x, [%s] as y, string([%s]) as s, symbol(string([%s])) as tag, decimal64([%s], 2) as d)",
			strings.Join(times, ","), strings.Join(syms, ","), strings.Join(grps, ","), strings.Join(vs, ","), strings.Join(xs, ","), strings.Join(ys, ","), strings.Join(ss, ","),
			strings.Join(tags, ","), strings.Join(ds, ","))
	})
}

// For random streams and engines: an engine snapshotted after a random
// append, dropped, created again from the snapshot and fed the rest of
// the stream outputs what an engine fed the whole stream uninterrupted
// outputs.
func TestSnapshotRestoresState(t *testing.T) {
	const dummy = "table(1:0, `time`sym`grp`v`x`y`s`tag`d, [TIMESTAMP, SYMBOL, INT, INT, DOUBLE, DOUBLE, STRING, SYMBOL, DECIMAL64(2)])"
	rows := testkit.SnapshotProperty(t, emaGap+genFuncs, 60, func(r *rand.Rand) testkit.SnapshotTrial {
		c := randomEngine(r)
		appends, sizes := randomAppends(r, c.keys)
		return testkit.SnapshotTrial{
			Create: func(name, out, snap string) string {
				return fmt.Sprintf("%s(name=%q, dummyTable=%s, outputTable=%s, %s%s)", c.fn, name, dummy, out, c.args, snap)
			},
			Out: c.out, Appends: appends, Sizes: sizes, Cut: 1 + r.Intn(len(appends)-1), Note: c.fn + "(" + c.args + ")",
			Same: []string{"exec numGroups, numRows from getStreamEngineStat()[`ReactiveStreamEngine] where name = %q"},
		}
	})
	require.Greater(t, rows, 1000)
}

// keyPurgeFilter's bookkeeping is in the snapshot: a key that met the
// filter before the snapshot, when fewer than a tenth of the keys did,
// is purged with the next one after the restore, and starts again.
func TestSnapshotKeepsPurgeBookkeeping(t *testing.T) {
	const create = "eng = createReactiveStateEngine(name=\"purgeSnap\", metrics=<cumcount(x)>, dummyTable=table(1:0, `sym`x, [SYMBOL, DOUBLE]), outputTable=out, keyColumn=\"sym\", snapshotDir=\"snap\", snapshotIntervalInMsgCount=1, keyPurgeFilter=<c0 >= 3>)\n"
	_, s := testkit.Started(t, `mkdir("snap")
out = table(1:0, `+"`sym`c0"+`, [SYMBOL, INT])
keys = symbol("k" + string(0..19))
`+create+`appendMsg(eng, table(keys as sym, take(1.0, 20) as x), 19)
appendMsg(eng, table(keys as sym, take(1.0, 20) as x), 39)
appendMsg(eng, table(`+"`k0"+` as sym, 1.0 as x), 40)`)
	// one key of twenty meets the filter: not yet a tenth
	require.Equal(t, "[20]", testkit.Run(t, s, "exec numGroups from getStreamEngineStat()[`ReactiveStreamEngine]"))
	testkit.Run(t, s, `dropStreamEngine("purgeSnap")
`+create+"eng.append!(table(`k1 as sym, 1.0 as x))")
	require.Equal(t, "[18]", testkit.Run(t, s, "exec numGroups from getStreamEngineStat()[`ReactiveStreamEngine]"))
	testkit.Run(t, s, "eng.append!(table(`k0 as sym, 1.0 as x))")
	require.Equal(t, "1", testkit.Run(t, s, "last(exec c0 from out where sym = `k0)"))
}

// A snapshot restores only into an engine of the same metrics' state
// functions: another engine of the name fails to load it.
func TestSnapshotOfOtherMetrics(t *testing.T) {
	const create = "createReactiveStateEngine(name=\"otherSnap\", metrics=%s, dummyTable=table(1:0, `sym`x, [SYMBOL, DOUBLE]), outputTable=table(1:0, `sym`m, [SYMBOL, DOUBLE]), keyColumn=\"sym\", snapshotDir=\"snap\", snapshotIntervalInMsgCount=1)"
	_, s := testkit.Started(t, `mkdir("snap")
eng = `+fmt.Sprintf(create, "<ema(x, 3)>")+`
appendMsg(eng, table(`+"`a"+` as sym, 1.0 as x), 0)
dropStreamEngine("otherSnap")`)
	_, err := s.Run(fmt.Sprintf(create, "<cumsum(x)>"))
	require.ErrorContains(t, err, "=> Failed to load the snapshot of the stream engine [otherSnap]: the snapshot does not hold the state of this engine")
	_, err = s.Run(`createDualOwnershipReactiveStateEngine(name="otherSnap", metrics1=<ema(x, 3)>, metrics2=<ema(x, 3)>, dummyTable=table(1:0, ` + "`sym`x" + `, [SYMBOL, DOUBLE]), outputTable=table(1:0, ` + "`sym`x`m1`m2" + `, [SYMBOL, DOUBLE, DOUBLE, DOUBLE]), keyColumn1="sym", keyColumn2="x", snapshotDir="snap")`)
	require.ErrorContains(t, err, "=> Failed to load the snapshot of the stream engine [otherSnap]: the snapshot does not hold the state of this engine")
	testkit.Run(t, s, "eng = "+fmt.Sprintf(create, "<ema(x, 3)>"))
	require.Equal(t, "0", testkit.Run(t, s, "getSnapshotMsgId(eng)"))
}
