package bench

import (
	"strconv"
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// keyedRows is the row count of the keyed and indexed table benchmark
// (1M); PORPOISE_BENCH_KEYED_ROWS scales it down.
func keyedRows() int { return envRows("PORPOISE_BENCH_KEYED_ROWS", 1_000_000) }

// keyedCase is one key layout: the table's schema, the statements that
// build it in batches of 10,000, upsert half new, half existing keys and
// look keys up, and the same work on a Go map.
type keyedCase struct {
	name, schema, keys string
	batch, upsert      string
	lookup             string
	// where selects rows by key through the hash index (package
	// query/keyindex); count is the number of rows it must find, from the
	// key vectors
	where, count string
	goMap        func(c *keyedData) (build, upsert, lookup func())
}

// keyedData is the keys of the benchmark as Go slices, for the Go maps:
// n keys to build, then the n upserted ones (the last n/2 built and n/2
// new), then every 10th built key looked up.
type keyedData struct {
	longs []int64
	syms  []string
	syms2 []string
	dates []int32
}

// goMapWork is the Go map baseline of one key type: inserts of the
// built keys, an upsert of the next n keys, a lookup of every 10th.
func goMapWork[K comparable](n int, key func(i int) K) (build, upsert, lookup func()) {
	var m map[K]int
	build = func() {
		m = make(map[K]int)
		for i := 0; i < n; i++ {
			m[key(i)] = i
		}
	}
	upsert = func() {
		for i := n / 2; i < n/2+n; i++ {
			k := key(i)
			if _, ok := m[k]; !ok {
				m[k] = len(m)
			}
		}
	}
	lookup = func() {
		out := make([]int, 0, n/10)
		for i := 0; i < n; i += 10 {
			out = append(out, m[key(i)])
		}
		_ = out
	}
	return build, upsert, lookup
}

type symDate struct {
	s string
	d int32
}

func keyedCases() []keyedCase {
	return []keyedCase{
		{name: "long", schema: "`k, 1:0, `k`v, [LONG, DOUBLE]", keys: "k",
			batch: "tableInsert(t, K[lo:hi], V[lo:hi])", upsert: "upsert!(t, table(K[u] as k, V[u] as v))",
			lookup: "find(t, K[q])",
			where:  "exec count(*) from t where k in QK", count: "size(q)",
			goMap: func(c *keyedData) (func(), func(), func()) {
				return goMapWork(len(c.longs)/3*2, func(i int) int64 { return c.longs[i] })
			}},
		{name: "symbol", schema: "`s, 1:0, `s`v, [SYMBOL, DOUBLE]", keys: "s",
			batch: "tableInsert(t, S[lo:hi], V[lo:hi])", upsert: "upsert!(t, table(S[u] as s, V[u] as v))",
			lookup: "find(t, S[q])",
			where:  "exec count(*) from t where s in QS", count: "size(q)",
			goMap: func(c *keyedData) (func(), func(), func()) {
				return goMapWork(len(c.syms)/3*2, func(i int) string { return c.syms[i] })
			}},
		// the upserted and looked up keys coded in another base than
		// the built ones (their texts the same): translated a distinct
		// code at a time
		{name: "symbol-rebased", schema: "`s, 1:0, `s`v, [SYMBOL, DOUBLE]", keys: "s",
			batch: "tableInsert(t, S[lo:hi], V[lo:hi])", upsert: "upsert!(t, table(R[u] as s, V[u] as v))",
			lookup: "find(t, R[q])",
			where:  "exec count(*) from t where s in QR", count: "size(q)",
			goMap: func(c *keyedData) (func(), func(), func()) {
				return goMapWork(len(c.syms)/3*2, func(i int) string { return c.syms[i] })
			}},
		{name: "symbol-date", schema: "`s`d, 1:0, `s`d`v, [SYMBOL, DATE, DOUBLE]", keys: "`s`d",
			batch: "tableInsert(t, S2[lo:hi], D2[lo:hi], V[lo:hi])", upsert: "upsert!(t, table(S2[u] as s, D2[u] as d, V[u] as v))",
			lookup: "find(t, (S2[q], D2[q]))",
			// STRING values for the SYMBOL key: every combination of 100
			// symbols and the days
			where: "exec count(*) from t where s in QS2, d in QD2",
			count: "sum(S2 in S2[0..99])",
			goMap: func(c *keyedData) (func(), func(), func()) {
				return goMapWork(len(c.syms)/3*2, func(i int) symDate { return symDate{c.syms2[i], c.dates[i]} })
			}},
	}
}

// BenchmarkKeyedTables builds keyed and indexed tables of keyedRows rows
// in batches of 10,000 (tableInsert), upserts keyedRows rows into them
// (half new keys), and finds a tenth of the keys, reporting each step's
// CPU milliseconds and its ratio to a Go map doing the same inserts and
// lookups in the same run; then selects rows by key values (where), CPU
// milliseconds only, its keys not those of the Go map's lookups. Run it
// with -benchtime=1x.
func BenchmarkKeyedTables(b *testing.B) {
	n := keyedRows()
	s := testkit.InMemory(b).NewSession()
	// 1.5n distinct keys: an odd multiplier is a bijection modulo 2^32,
	// so the LONG keys are distinct and in no order; R is S's symbols in
	// a base of their own; the SYMBOL, DATE pairs are 1000 symbols a day
	_, err := s.Run("n = " + strconv.Itoa(n) + "; m = n + n / 2; i = 0..(m - 1)" +
		"; K = long(i) * 2654435761 % 4294967296; S = symbol(\"s\" + string(K)); R = symbol(\"s\" + string(K)); V = rand(1.0, m)" +
		"; S2 = symbol(\"s\" + string(i % 1000)); D2 = 2000.01.01 + i / 1000" +
		"; u = (n / 2)..(n / 2 + n - 1); q = 10 * (0..((n - 1) / 10))" +
		// the where steps' keys, named unlike any column: a column's name
		// (case-insensitive) in a condition's constant side makes it a
		// scan
		"; QK = K[q]; QS = S[q]; QR = R[q]; QS2 = string(S2[0..99]); QD2 = distinct(D2)")
	require.NoError(b, err)
	var data keyedData
	for name, dst := range map[string]func(v *value.Vector){
		"K":  func(v *value.Vector) { data.longs = v.I64 },
		"S":  func(v *value.Vector) { data.syms = v.Strings() },
		"S2": func(v *value.Vector) { data.syms2 = v.Strings() },
		"D2": func(v *value.Vector) { data.dates = v.I32 },
	} {
		v, err := s.Run(name)
		require.NoError(b, err)
		dst(v.(*value.Vector))
	}
	for _, kind := range []string{"keyedTable", "indexedTable"} {
		for _, c := range keyedCases() {
			b.Run(kind+"-"+c.name, func(b *testing.B) {
				var build, upsert, lookup, where, goBuild, goUpsert, goLookup spent
				run := func(sp *spent, script string) {
					sp.time(func() { _, err = s.Run(script) })
					require.NoError(b, err, script)
				}
				for i := 0; i < b.N; i++ {
					_, err = s.Run("t = " + kind + "(" + c.schema + ")")
					require.NoError(b, err)
					run(&build, "for (j in 0:(n / 10000)) { lo = j * 10000; hi = lo + 10000; "+c.batch+" }")
					run(&upsert, c.upsert)
					run(&lookup, "r = "+c.lookup)
					run(&where, "w = "+c.where)
					got, err := s.Run("w == " + c.count)
					require.NoError(b, err)
					require.True(b, got.(*value.Scalar).Bool(), c.where)
					got, err = s.Run("long([t.size(), sum(r >= 0)])")
					require.NoError(b, err)
					require.Equal(b, []int64{int64(n + n/2), int64((n + 9) / 10)}, got.(*value.Vector).I64)
					gb, gu, gl := c.goMap(&data)
					goBuild.time(gb)
					goUpsert.time(gu)
					goLookup.time(gl)
				}
				for _, m := range []struct {
					name   string
					sp, gm spent
				}{{"build", build, goBuild}, {"upsert", upsert, goUpsert}, {"lookup", lookup, goLookup}} {
					b.ReportMetric(msPerOp(m.sp.cpu, b.N), m.name+"-cpu-ms/op")
					b.ReportMetric(float64(m.sp.cpu)/float64(m.gm.cpu), m.name+"-x-gomap")
				}
				b.ReportMetric(msPerOp(where.cpu, b.N), "where-cpu-ms/op")
			})
		}
	}
}

// BenchmarkDictUpdate runs dictUpdate!(d, add, keys, params) over
// keyedRows keys, each of them new then each held (distinct), and over
// keys of 1000 symbols repeated (repeated), reporting CPU milliseconds
// and the ratio to a Go map doing the same additions in the same run.
func BenchmarkDictUpdate(b *testing.B) {
	n := keyedRows()
	s := testkit.InMemory(b).NewSession()
	_, err := s.Run("n = " + strconv.Itoa(n) + "; dk = 0..(n - 1); dp = rand(100, n); rk = symbol(\"s\" + string(rand(1000, n)))")
	require.NoError(b, err)
	v, err := s.Run("dp")
	require.NoError(b, err)
	ps := v.(*value.Vector).I32
	v, err = s.Run("rk")
	require.NoError(b, err)
	syms := v.(*value.Vector).Strings()
	for _, c := range []struct {
		name, script string
		goMap        func()
	}{
		{"distinct", "d = dict(INT, INT); dictUpdate!(d, add, dk, dp); dictUpdate!(d, add, dk, dp)", func() {
			m := map[int32]int32{}
			for r := 0; r < 2; r++ {
				for i, p := range ps {
					m[int32(i)] += p
				}
			}
		}},
		{"repeated", "d = dict(SYMBOL, INT); dictUpdate!(d, add, rk, dp)", func() {
			m := map[string]int32{}
			for i, p := range ps {
				m[syms[i]] += p
			}
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var script, goMap spent
			for i := 0; i < b.N; i++ {
				script.time(func() { _, err = s.Run(c.script) })
				require.NoError(b, err, c.script)
				goMap.time(c.goMap)
			}
			b.ReportMetric(msPerOp(script.cpu, b.N), "cpu-ms/op")
			b.ReportMetric(float64(script.cpu)/float64(goMap.cpu), "x-gomap")
		})
	}
}
