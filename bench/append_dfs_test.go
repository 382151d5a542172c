package bench

import (
	"encoding/binary"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/cockroachdb/pebble"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// dfsRows is the seed's large-data scenario size; PORPOISE_BENCH_ROWS
// scales it down for quick runs.
func dfsRows() int {
	if s := os.Getenv("PORPOISE_BENCH_ROWS"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			return n
		}
	}
	return 30_000_000
}

// compoTable builds n rows of (date DATE over 3 days, time SECOND, sym
// SYMBOL of 6 names, val INT), as the seed's script does.
func compoTable(n int, day int32) *value.Table {
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
		secs[i] = int32(i % 86400)
		syms[i] = names[(i*7)%len(names)]
		vals[i] = int32(i % 100)
	}
	return value.NewTable([]string{"date", "time", "sym", "val"}, []*value.Vector{
		{T: value.Date, I32: dates}, {T: value.Second, I32: secs}, value.NewStrings(value.Symbol, syms), value.NewInts(vals),
	})
}

const compoSetup = `db1 = database("",VALUE,2024.01.01..2024.01.03)
db2 = database("",HASH,[SYMBOL,4])
db = database("dfs://big", COMPO, [db1,db2],,"TSDB")
pt = db.createPartitionedTable(table(1:0, ` + "`date`time`sym`val" + `, [DATE,SECOND,SYMBOL,INT]),` + "`pt,`date`sym,,`time" + `,ALL)`

// rawPebble writes the same column bytes (16 bytes a row, little endian)
// with plain Pebble batches of 1M rows, synced: the floor any engine built
// on Pebble pays.
func rawPebble(b *testing.B, t *value.Table) time.Duration {
	db, err := pebble.Open(b.TempDir(), &pebble.Options{})
	require.NoError(b, err)
	defer db.Close()
	n := t.Rows()
	start := time.Now()
	const block = 1 << 20
	for lo, k := 0, 0; lo < n; lo, k = lo+block, k+1 {
		hi := min(lo+block, n)
		batch := db.NewBatch()
		for c, col := range t.Cols {
			buf := make([]byte, 0, 4*(hi-lo))
			for i := lo; i < hi; i++ {
				switch {
				case col.I32 != nil:
					buf = binary.LittleEndian.AppendUint32(buf, uint32(col.I32[i]))
				default:
					buf = binary.LittleEndian.AppendUint32(buf, uint32(len(col.Str[i])))
				}
			}
			require.NoError(b, batch.Set([]byte(fmt.Sprintf("blk/%08d/%d", k, c)), buf, nil))
		}
		require.NoError(b, batch.Commit(pebble.Sync))
	}
	return time.Since(start)
}

// BenchmarkDFSAppendCompoTSDB appends the seed's large-data scenario (COMPO
// of VALUE date and HASH symbol, TSDB, 4 columns) as one tableInsert and as
// three per-date jobs, and reports rows/s of each beside a raw Pebble
// write of the same column bytes in the same run.
func BenchmarkDFSAppendCompoTSDB(b *testing.B) {
	n := dfsRows()
	whole := compoTable(n, -1)
	perDay := []*value.Table{compoTable(n/3, 0), compoTable(n/3, 1), compoTable(n/3, 2)}
	var single, jobs, raw time.Duration
	for i := 0; i < b.N; i++ {
		e, err := engine.Open(engine.Options{DataDir: b.TempDir()})
		require.NoError(b, err)
		s := e.NewSession()
		_, err = s.Run(compoSetup)
		require.NoError(b, err)
		pt, _ := s.Get("pt")
		runtime.GC()
		start := time.Now()
		got, err := s.TableInsert(pt, whole)
		single += time.Since(start)
		require.NoError(b, err)
		require.Equal(b, n, got)
		_, err = s.Run(`dropDatabase("dfs://big")`)
		require.NoError(b, err)
		_, err = s.Run(compoSetup)
		require.NoError(b, err)
		for k, t := range perDay {
			s.Set(fmt.Sprintf("t%d", k), t)
		}
		runtime.GC()
		start = time.Now()
		v, err := s.Run(`submitJob("j0", "", tableInsert, pt, t0)
submitJob("j1", "", tableInsert, pt, t1)
submitJob("j2", "", tableInsert, pt, t2)
getJobReturn("j0", true) + getJobReturn("j1", true) + getJobReturn("j2", true)`)
		jobs += time.Since(start)
		require.NoError(b, err)
		require.Equal(b, fmt.Sprint(3*(n/3)), v.String())
		require.NoError(b, e.Close())
		runtime.GC()
		raw += rawPebble(b, whole)
	}
	rows := float64(n) * float64(b.N)
	b.ReportMetric(rows/single.Seconds(), "rows/s-single")
	b.ReportMetric(rows/jobs.Seconds(), "rows/s-jobs")
	b.ReportMetric(rows/raw.Seconds(), "rows/s-rawpebble")
	b.ReportMetric(float64(single)/float64(raw), "x-rawpebble")
	b.ReportMetric(0, "ns/op")
}
