//go:build unix

package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/mtw"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

const mtwRows = 1_000_000

// mtwNames are the symbols of the benchmark rows.
var mtwNames = [8]string{"AAPL", "MSFT", "IBM", "GOOG", "TSLA", "AMZN", "NVDA", "META"}

// mtwEpoch is the first row's timestamp (ms).
const mtwEpoch = 1704067200000

// mtwSource describes the rows the benchmark inserts: row i is (id INT =
// i, sym SYMBOL = mtwNames[i%8], price DOUBLE = i*0.01, ts TIMESTAMP =
// mtwEpoch+i ms), produced on the fly as Go values (int32, string,
// float64, time.Time) the way an application hands rows to Insert.
type mtwSource struct{}

func newMTWSource() *mtwSource { return &mtwSource{} }

// insertAll inserts every row into w.
func (s *mtwSource) insertAll(w *mtw.Writer) {
	for k := 0; k < mtwRows; k++ {
		w.Insert(int32(k), mtwNames[k&7], float64(k)*0.01, time.UnixMilli(mtwEpoch+int64(k)).UTC())
	}
}

// batches serializes the rows as the writers send them: requests of
// 65535 rows calling fn with one table argument.
func (s *mtwSource) batches(fn string) [][]byte {
	var out [][]byte
	for lo := 0; lo < mtwRows; lo += 65535 {
		hi := min(lo+65535, mtwRows)
		n := hi - lo
		ids, syms, prices, ts := make([]int32, n), make([]string, n), make([]float64, n), make([]int64, n)
		for i := range n {
			k := lo + i
			ids[i], syms[i], prices[i], ts[i] = int32(k), mtwNames[k&7], float64(k)*0.01, mtwEpoch+int64(k)
		}
		t := value.NewTable([]string{"id", "sym", "price", "ts"}, []*value.Vector{
			value.NewInts(ids), value.NewStrings(value.Symbol, syms), value.NewDoubles(prices), {T: value.Timestamp, I64: ts},
		})
		args, err := wire.Marshal(t, &wire.EncodeOptions{Symbols: wire.SymbolBase})
		if err != nil {
			panic(err)
		}
		body := "function\n" + fn + "\n1\n1"
		frame := []byte("API2 1 " + strconv.Itoa(len(body)) + " / 32_1_4_64\n" + body)
		out = append(out, append(frame, args...))
	}
	return out
}

// rawSend writes the frames over n loopback connections to a listener
// that discards them, and returns the time until the sink read the last
// byte.
func rawSend(b *testing.B, frames [][]byte, n int) time.Duration {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(b, err)
	defer l.Close()
	total := 0
	for _, f := range frames {
		total += len(f)
	}
	var got sync.WaitGroup
	got.Add(n)
	go func() {
		for k := 0; k < n; k++ {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer got.Done()
				defer c.Close()
				io.Copy(io.Discard, bufio.NewReaderSize(c, 64<<10))
			}()
		}
	}()
	conns := make([]net.Conn, n)
	for k := range conns {
		conns[k], err = net.Dial("tcp", l.Addr().String())
		require.NoError(b, err)
	}
	start := time.Now()
	var sent sync.WaitGroup
	for k, c := range conns {
		sent.Add(1)
		go func() {
			defer sent.Done()
			for i := k; i < len(frames); i += n {
				if _, err := c.Write(frames[i]); err != nil {
					panic(err)
				}
			}
			c.Close()
		}()
	}
	sent.Wait()
	got.Wait()
	return time.Since(start)
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkMTW inserts 1M rows one Insert at a time through the
// MultithreadedTableWriter into a shared in-memory table and into a DFS
// HASH table of a server on loopback, with 1, 2 and 4 writer goroutines,
// and reports rows/s and the ratio (x-raw) of its time to a raw TCP send
// of the same serialized batches to a discarding listener in the same run.
// cpu-ns/row is the CPU time of the whole process (application goroutine,
// conversion, writers and the server, which runs in-process) per row:
// unlike rows/s it does not depend on what else the machine runs.
func BenchmarkMTW(b *testing.B) {
	src := newMTWSource()
	for _, target := range []string{"memory", "dfs"} {
		for _, threads := range []int{1, 2, 4} {
			b.Run(fmt.Sprintf("%s/threads=%d", target, threads), func(b *testing.B) {
				benchMTW(b, src, target, threads)
			})
		}
	}
}

func benchMTW(b *testing.B, src *mtwSource, target string, threads int) {
	ts := server.RunT(b)
	ctx := context.Background()
	c, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(b, err)
	defer c.Close()
	var mtwTime, rawTime, cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		cfg := mtw.Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456",
			BatchSize: 65535, Throttle: 10 * time.Millisecond, ThreadCount: threads, PartitionCol: "id"}
		from := ""
		if target == "memory" {
			name := "bench" + strconv.Itoa(i)
			_, err = c.Run(ctx, "t = table("+strconv.Itoa(mtwRows)+":0, `id`sym`price`ts, [INT,SYMBOL,DOUBLE,TIMESTAMP]); share t as "+name)
			cfg.TableName, from = name, name
		} else {
			db := "dfs://bench" + strconv.Itoa(i)
			_, err = c.Run(ctx, `db = database("`+db+`", HASH, [INT, 10]); db.createPartitionedTable(table(1:0, `+
				"`id`sym`price`ts, [INT,SYMBOL,DOUBLE,TIMESTAMP]), `pt, `id)")
			cfg.DBPath, cfg.TableName, from = db, "pt", `loadTable("`+db+`","pt")`
		}
		require.NoError(b, err)
		w, err := mtw.New(cfg)
		require.NoError(b, err)
		runtime.GC()
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		src.insertAll(w)
		w.WaitForThreadCompletion()
		mtwTime += time.Since(start)
		cpu += cpuTime() - cpu0
		b.StopTimer()
		st := w.GetStatus()
		require.True(b, st.Succeed(), st.String())
		require.Equal(b, mtwRows, st.SentRows)
		v, err := c.Run(ctx, "exec count(*) from "+from)
		require.NoError(b, err)
		n, _ := v.(*value.Scalar).Int64()
		require.EqualValues(b, mtwRows, n)
		fn := "tableInsert{" + from + "}"
		frames := src.batches(fn)
		runtime.GC()
		rawTime += rawSend(b, frames, threads)
		b.StartTimer()
	}
	b.ReportMetric(float64(mtwRows)*float64(b.N)/mtwTime.Seconds(), "rows/s")
	b.ReportMetric(float64(mtwRows)*float64(b.N)/rawTime.Seconds(), "raw-rows/s")
	b.ReportMetric(float64(mtwTime)/float64(rawTime), "x-raw")
	b.ReportMetric(float64(cpu.Nanoseconds())/(float64(mtwRows)*float64(b.N)), "cpu-ns/row")
	b.ReportMetric(0, "ns/op")
}
