package storage

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// benchRows is the size of one benchmark append (the lead's benchmark
// appends 30M rows; 3M keeps this one quick).
const benchRows = 3_000_000

var benchChunk = ChunkID{DB: "dfs://bench", Table: "trades", Partition: "/20240102"}

var benchOpts = ChunkOptions{SortColumns: []int{2, 1}} // sortColumns=`sym`time

// benchData is one trading day: DATE, SECOND (09:30-16:00, ascending),
// SYMBOL (5000 names, random) and INT, as the engine hands a partition over.
func benchData() []*value.Vector {
	rng := rand.New(rand.NewPCG(42, 42))
	names := make([]string, 5000)
	for i := range names {
		names[i] = "S" + strconv.Itoa(100000+i)
	}
	date := make([]int32, benchRows)
	sec := make([]int32, benchRows)
	sym := make([]string, benchRows)
	qty := make([]int32, benchRows)
	for i := range benchRows {
		date[i] = 19724
		sec[i] = int32(34200 + i*23400/benchRows)
		sym[i] = names[rng.IntN(len(names))]
		qty[i] = int32(rng.IntN(100000))
	}
	return []*value.Vector{
		{T: value.Date, I32: date},
		{T: value.Second, I32: sec},
		value.NewStrings(value.Symbol, sym),
		{T: value.Int, I32: qty},
	}
}

var benchNames = []string{"date", "time", "sym", "qty"}

// seedChunkData is one chunk of the seed's DFS scenario (bench's
// BenchmarkDFSAppendCompoTSDB): its rows come from take(dates, n) and
// 00:00:00 + 1..n, so the SECOND sort column climbs in runs that wrap at
// midnight, and sorting it is real work.
func seedChunkData() []*value.Vector {
	cols := benchData()
	for i := range cols[1].I32 {
		cols[1].I32[i] = int32((3*i + 1) % 86400)
	}
	return cols
}

// seedChunkOpts sorts by time alone, as the seed's table does.
var seedChunkOpts = ChunkOptions{SortColumns: []int{1}}

// cpuTime is the process's user+system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportRates reports rows/s of wall time and rows per CPU-second (all
// threads, including Pebble's background work): the second is meaningful
// on a loaded machine.
func reportRates(b *testing.B, cpu0 time.Duration) {
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	if cpu > 0 {
		b.ReportMetric(float64(benchRows)*float64(b.N)/cpu.Seconds(), "rows/cpu-s")
	}
}

// BenchmarkAppend3M commits one 3M-row, 4-column append per iteration to
// a dir-backed, synced store: TSDB sorted by sym and time (time ascending),
// OLAP, and TSDB-seed sorted by a wrapping time column.
func BenchmarkAppend3M(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts ChunkOptions
		data func() []*value.Vector
	}{{"TSDB", benchOpts, benchData}, {"OLAP", ChunkOptions{}, benchData}, {"TSDB-seed", seedChunkOpts, seedChunkData}} {
		b.Run(bc.name, func(b *testing.B) {
			cols := bc.data()
			s, err := Open(Options{Dir: b.TempDir()})
			require.NoError(b, err)
			defer s.Close()
			b.ResetTimer()
			cpu0 := cpuTime()
			for i := 0; b.Loop(); i++ {
				c := benchChunk
				c.Partition += "/" + strconv.Itoa(i)
				tx := s.Begin()
				if err := tx.Append(c, benchNames, cols, bc.opts); err != nil {
					b.Fatal(err)
				}
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			reportRates(b, cpu0)
		})
	}
}

// encodedBatch returns the key/value pairs Commit would write for one
// benchmark append.
func encodedBatch(b *testing.B) (keys, vals [][]byte, size int) {
	s, err := Open(Options{InMemory: true})
	require.NoError(b, err)
	defer s.Close()
	tx := s.Begin()
	require.NoError(b, tx.Append(benchChunk, benchNames, benchData(), benchOpts))
	_, err = tx.prepare()
	require.NoError(b, err)
	r := tx.batch.Reader()
	for {
		kind, k, v, ok, err := r.Next()
		require.NoError(b, err)
		if !ok {
			break
		}
		require.Equal(b, pebble.InternalKeyKindSet, kind)
		keys = append(keys, bytes.Clone(k))
		vals = append(vals, bytes.Clone(v))
		size += len(k) + len(v)
	}
	tx.Rollback()
	return keys, vals, size
}

// BenchmarkRawPebbleBatch writes the bytes BenchmarkAppend3M/TSDB encodes
// with a bare Pebble batch per iteration (same options, synced): the floor
// for the append path.
func BenchmarkRawPebbleBatch(b *testing.B) {
	keys, vals, size := encodedBatch(b)
	db, err := pebble.Open(b.TempDir(), pebbleOptions(false))
	require.NoError(b, err)
	defer db.Close()
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu0 := cpuTime()
	var prefix []byte
	for i := 0; b.Loop(); i++ {
		batch := db.NewBatch()
		prefix = binary.BigEndian.AppendUint32(append(prefix[:0], 'R'), uint32(i))
		for k := range keys {
			if err := batch.Set(append(prefix, keys[k]...), vals[k], nil); err != nil {
				b.Fatal(err)
			}
		}
		if err := db.Apply(batch, pebble.Sync); err != nil {
			b.Fatal(err)
		}
		_ = batch.Close()
	}
	reportRates(b, cpu0)
	b.ReportMetric(float64(size), "encoded-bytes")
}

// BenchmarkReadChunk3M reads back one 3M-row TSDB chunk written by one
// append, so already in key order.
func BenchmarkReadChunk3M(b *testing.B) { benchReadChunk(b, 1) }

// BenchmarkReadChunk3MAppends reads back a 3M-row TSDB chunk written by
// three appends of 1M rows whose keys interleave, so the appends' sorted
// runs must be put in one order.
func BenchmarkReadChunk3MAppends(b *testing.B) { benchReadChunk(b, 3) }

// benchReadChunk writes benchData to one chunk in the given number of
// appends and times reading it back.
func benchReadChunk(b *testing.B, appends int) {
	s, err := Open(Options{InMemory: true})
	require.NoError(b, err)
	defer s.Close()
	cols := benchData()
	for k := range appends {
		part := make([]*value.Vector, len(cols))
		for i, v := range cols {
			part[i] = v.Slice(k*benchRows/appends, (k+1)*benchRows/appends)
		}
		tx := s.Begin()
		require.NoError(b, tx.Append(benchChunk, benchNames, part, benchOpts))
		require.NoError(b, tx.Commit())
	}
	schema := []value.Type{value.Date, value.Second, value.Symbol, value.Int}
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := s.ReadChunk(benchChunk, nil, schema); err != nil {
			b.Fatal(err)
		}
	}
	reportRates(b, cpu0)
}
