package bench

import (
	"strconv"
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// dictRows is the key count of the dictionary and set benchmark (10M,
// the size the work was measured at); PORPOISE_BENCH_DICT_ROWS scales it
// down.
func dictRows() int { return envRows("PORPOISE_BENCH_DICT_ROWS", 10_000_000) }

// dictCase is a script and the same work done on Go maps.
type dictCase struct {
	name, script string
	goMap        func(ks []int64, strs []string)
}

// dictCases build and probe dictionaries and sets of dictRows random keys
// (k below 1e8, st strings of 1M values); sum(v) is the scale.
func dictCases() []dictCase {
	var longs map[int64]int32
	return []dictCase{
		{"dict-long", "d = dict(k, v)", func(ks []int64, _ []string) {
			longs = make(map[int64]int32)
			for i, k := range ks {
				longs[k] = int32(i)
			}
		}},
		{"dict-lookup-1M", "d[k[0:1000000]]", func(ks []int64, _ []string) {
			out := make([]int32, min(len(ks), 1000000))
			for i := range out {
				out[i] = longs[ks[i]]
			}
		}},
		{"dict-string", "ds = dict(st, v)", func(_ []int64, strs []string) {
			m := make(map[string]int32)
			for i, s := range strs {
				m[s] = int32(i)
			}
		}},
		{"set-long", "s = set(k)", func(ks []int64, _ []string) {
			longs = make(map[int64]int32)
			for _, k := range ks {
				longs[k] = 0
			}
		}},
		{"in-set", "k in s", func(ks []int64, _ []string) {
			out := make([]bool, len(ks))
			for i, k := range ks {
				_, out[i] = longs[k]
			}
		}},
		{"sum", "sum(v)", nil},
	}
}

// BenchmarkDictSet runs dictCases in an in-process session and, in the
// same run, their Go map baselines, reporting each script's CPU
// milliseconds and its ratio to the Go map doing the same work.
func BenchmarkDictSet(b *testing.B) {
	n := dictRows()
	s := testkit.InMemory(b).NewSession()
	_, err := s.Run("n = " + strconv.Itoa(n) + "; k = rand(100000000, n); v = rand(1.0, n); st = string(rand(1000000, n)); d = dict(k, v); s = set(k)")
	require.NoError(b, err)
	kv, err := s.Run("k")
	require.NoError(b, err)
	stv, err := s.Run("st")
	require.NoError(b, err)
	ks := make([]int64, n)
	for i, x := range kv.(*value.Vector).I32 {
		ks[i] = int64(x)
	}
	strs := stv.(*value.Vector).Strings()
	for _, c := range dictCases() {
		b.Run(c.name, func(b *testing.B) {
			var script, goMap spent
			for i := 0; i < b.N; i++ {
				script.time(func() { _, err = s.Run(c.script) })
				require.NoError(b, err, c.script)
				if c.goMap != nil {
					goMap.time(func() { c.goMap(ks, strs) })
				}
			}
			b.ReportMetric(msPerOp(script.cpu, b.N), "cpu-ms/op")
			b.ReportMetric(msPerOp(script.wall, b.N), "wall-ms/op")
			if c.goMap != nil {
				b.ReportMetric(msPerOp(goMap.cpu, b.N), "gomap-cpu-ms/op")
				b.ReportMetric(float64(script.cpu)/float64(goMap.cpu), "x-gomap")
			}
		})
	}
}
