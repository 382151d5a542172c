package bench

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// dfsRows is the seed's large-data scenario size; PORPOISE_BENCH_ROWS
// scales it down for quick runs.
func dfsRows() int { return envRows("PORPOISE_BENCH_ROWS", 30_000_000) }

// envRows is the row count the environment variable env sets, or def.
func envRows(env string, def int) int {
	if s := os.Getenv(env); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			return n
		}
	}
	return def
}

// compoTable builds n rows of (date DATE over 3 days, time SECOND, sym
// SYMBOL of 6 names, val INT), as the seed's script does: take(dates, n),
// 00:00:00 + 1..n, rand(`A`B`C`D`E`F, n), rand(100, n). Random symbols
// and values matter: they decide how well the blocks compress, so how
// many bytes reach Pebble.
func compoTable(n int, day int32) *value.Table {
	r := rand.New(rand.NewPCG(uint64(n), uint64(day+2)))
	dates := make([]int32, n)
	secs := make([]int32, n)
	syms := make([]string, n)
	vals := make([]int32, n)
	names := []string{"A", "B", "C", "D", "E", "F"}
	base := int32(value.DaysFromCivil(2024, 1, 1))
	for i := range dates {
		if day < 0 {
			dates[i] = base + int32(i%3)
		} else {
			dates[i] = base + day
		}
		secs[i] = int32((i + 1) % 86400)
		syms[i] = names[r.IntN(len(names))]
		vals[i] = int32(r.IntN(100))
	}
	return value.NewTable([]string{"date", "time", "sym", "val"}, []*value.Vector{
		{T: value.Date, I32: dates}, {T: value.Second, I32: secs}, value.NewStrings(value.Symbol, syms), value.NewInts(vals),
	})
}

const compoSetup = `db1 = database("",VALUE,2024.01.01..2024.01.03)
db2 = database("",HASH,[SYMBOL,4])
db = database("dfs://big", COMPO, [db1,db2],,"TSDB")
pt = db.createPartitionedTable(table(1:0, ` + "`date`time`sym`val" + `, [DATE,SECOND,SYMBOL,INT]),` + "`pt,`date`sym,,`time" + `,ALL)`

// encodedKVs reads back every key/value pair the engine stored for its
// chunks (blocks, symbol bases, chunk metas): the exact encoded bytes of
// the append, for the raw baseline to write.
func encodedKVsT(b testing.TB, dir string) (keys, vals [][]byte, size int) {
	db, err := pebble.Open(dir, &pebble.Options{ReadOnly: true, Logger: quietLogger{}})
	require.NoError(b, err)
	defer db.Close()
	it, err := db.NewIter(&pebble.IterOptions{LowerBound: []byte("C"), UpperBound: []byte("D")})
	require.NoError(b, err)
	defer it.Close()
	for it.First(); it.Valid(); it.Next() {
		v, err := it.ValueAndErr()
		require.NoError(b, err)
		keys = append(keys, append([]byte(nil), it.Key()...))
		vals = append(vals, append([]byte(nil), v...))
		size += len(it.Key()) + len(v)
	}
	require.NoError(b, it.Error())
	return keys, vals, size
}

// quietLogger keeps Pebble's WAL-replay notices out of benchmark output.
type quietLogger struct{}

func (quietLogger) Infof(string, ...any)  {}
func (quietLogger) Errorf(string, ...any) {}
func (quietLogger) Fatalf(format string, args ...any) {
	panic(fmt.Sprintf("pebble: "+format, args...))
}

// rawPebble writes those same key/value pairs as one synced Pebble batch,
// as the engine's TRANS commit does: the floor any engine built on Pebble
// pays for these bytes.
func rawPebble(b *testing.B, keys, vals [][]byte, size int) time.Duration {
	db, err := pebble.Open(b.TempDir(), &pebble.Options{Logger: quietLogger{}})
	require.NoError(b, err)
	defer db.Close()
	start := time.Now()
	batch := db.NewBatchWithSize(size + 1024)
	for i := range keys {
		require.NoError(b, batch.Set(keys[i], vals[i], nil))
	}
	require.NoError(b, batch.Commit(pebble.Sync))
	return time.Since(start)
}

// BenchmarkDFSAppendCompoTSDB appends the seed's large-data scenario (COMPO
// of VALUE date and HASH symbol, TSDB, 4 columns) as one tableInsert and as
// three per-date jobs, and reports rows/s of each beside a raw Pebble
// write of the same encoded bytes (read back from the engine's store) in
// the same run, and the process's CPU seconds (user+system, all threads)
// each append took: on a loaded machine the steadier figure.
func BenchmarkDFSAppendCompoTSDB(b *testing.B) {
	n := dfsRows()
	var single, jobs spent
	var raw time.Duration
	var encoded int
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		e, err := engine.Open(engine.Options{DataDir: dir})
		require.NoError(b, err)
		s := e.NewSession()
		_, err = s.Run(compoSetup)
		require.NoError(b, err)
		pt, _ := s.Get("pt")
		// Each scenario has only its own input in memory, as a server that
		// decoded it from the wire would: 30M symbol strings are a large
		// part of what the garbage collector scans.
		whole := compoTable(n, -1)
		var got int
		single.time(func() { got, err = s.TableInsert(pt, whole) })
		require.NoError(b, err)
		require.Equal(b, n, got)
		whole = nil
		stored, err := s.Run(`exec count(*) from pt`)
		require.NoError(b, err)
		require.Equal(b, fmt.Sprint(n), stored.String())
		require.NoError(b, e.Close())
		keys, vals, size := encodedKVsT(b, dir)
		encoded = size
		runtime.GC()
		raw += rawPebble(b, keys, vals, size)
		keys, vals = nil, nil
		e, err = engine.Open(engine.Options{DataDir: dir})
		require.NoError(b, err)
		s = e.NewSession()
		_, err = s.Run(`dropDatabase("dfs://big")`)
		require.NoError(b, err)
		_, err = s.Run(compoSetup)
		require.NoError(b, err)
		for k := range 3 {
			s.Set(fmt.Sprintf("t%d", k), compoTable(n/3, int32(k)))
		}
		var v value.Value
		jobs.time(func() {
			v, err = s.Run(`submitJob("j0", "", tableInsert, pt, t0)
submitJob("j1", "", tableInsert, pt, t1)
submitJob("j2", "", tableInsert, pt, t2)
getJobReturn("j0", true) + getJobReturn("j1", true) + getJobReturn("j2", true)`)
		})
		require.NoError(b, err)
		require.Equal(b, fmt.Sprint(3*(n/3)), v.String())
		for k := range 3 {
			s.Undef(fmt.Sprintf("t%d", k))
		}
		require.NoError(b, e.Close())
	}
	rows := float64(n) * float64(b.N)
	b.ReportMetric(rows/single.wall.Seconds(), "rows/s-single")
	b.ReportMetric(rows/jobs.wall.Seconds(), "rows/s-jobs")
	b.ReportMetric(rows/raw.Seconds(), "rows/s-rawpebble")
	b.ReportMetric(float64(single.wall)/float64(raw), "x-rawpebble")
	b.ReportMetric(float64(encoded)/float64(n), "encoded-B/row")
	b.ReportMetric(single.cpu.Seconds()/float64(b.N), "cpu-s-single")
	b.ReportMetric(jobs.cpu.Seconds()/float64(b.N), "cpu-s-jobs")
	b.ReportMetric(0, "ns/op")
}
