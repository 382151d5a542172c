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

// batches serializes the rows as n writers send them: row k goes to
// writer route(k), which sends requests of at most 65535 rows calling fn
// with one table argument.
func (s *mtwSource) batches(fn string, n int, route func(k int) int) [][][]byte {
	rows := make([][]int, n)
	for k := 0; k < mtwRows; k++ {
		rows[route(k)] = append(rows[route(k)], k)
	}
	out := make([][][]byte, n)
	for w, ks := range rows {
		for lo := 0; lo < len(ks); lo += 65535 {
			part := ks[lo:min(lo+65535, len(ks))]
			ids, syms, prices, ts := make([]int32, len(part)), make([]string, len(part)), make([]float64, len(part)), make([]int64, len(part))
			for i, k := range part {
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
			out[w] = append(out[w], append(frame, args...))
		}
	}
	return out
}

// rawSend writes the frames of each writer over its own loopback
// connection to a listener that discards them, and returns the time until
// the sink read the last byte.
func rawSend(b *testing.B, frames [][][]byte) time.Duration {
	n := len(frames)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(b, err)
	defer l.Close()
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
			for _, f := range frames[k] {
				if _, err := c.Write(f); err != nil {
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

// replay sends the frames of each writer over its own loopback
// connection to the server at addr, logged in first and waiting for every
// reply as a writer does, and adds to took the time and the process CPU
// time (mostly the server's: decoding and inserting) until the last reply.
func replay(b *testing.B, addr string, frames [][][]byte, took *spent) {
	n := len(frames)
	type session struct {
		nc net.Conn
		rd *bufio.Reader
	}
	request := func(s session, frame []byte) error {
		if _, err := s.nc.Write(frame); err != nil {
			return err
		}
		_, err := wire.ReadResponse(s.rd)
		return err
	}
	sessions := make([]session, n)
	for k := range sessions {
		nc, err := net.Dial("tcp", addr)
		require.NoError(b, err)
		defer nc.Close()
		s := session{nc, bufio.NewReaderSize(nc, 64<<10)}
		login := "script\nlogin('admin','123456')"
		require.NoError(b, request(s, []byte("API2  8 / 32_1_4_64\nconnect\n")))
		require.NoError(b, request(s, []byte("API2  "+strconv.Itoa(len(login))+" / 32_1_4_64\n"+login)))
		sessions[k] = s
	}
	errs := make(chan error, n)
	took.time(func() {
		for k, s := range sessions {
			go func() {
				for _, f := range frames[k] {
					if err := request(s, f); err != nil {
						errs <- err
						return
					}
				}
				errs <- nil
			}()
		}
		for range sessions {
			require.NoError(b, <-errs)
		}
	})
}

// BenchmarkMTW inserts 1M rows one Insert at a time through the
// MultithreadedTableWriter into a shared in-memory table and into a DFS
// HASH table of a server on loopback, with 1, 2 and 4 writer goroutines,
// and reports beside its rows/s, in the same run:
//
//   - raw-rows/s and x-raw: a raw TCP send of the same serialized batches
//     to a listener that discards them, and the ratio of the writer's
//     time to it;
//   - replay-rows/s: the same batches sent straight to the server by as
//     many connections, each waiting for its replies: what the server
//     alone can take;
//   - cpu-ns/row: the process's CPU time per row while the writer runs
//     (application goroutine, conversion, writers and the in-process
//     server); server-cpu-ns/row the same during the replay, nearly all
//     of it the server's; client-cpu-ns/row their difference, the
//     writer's own cost. Unlike rows/s, CPU per row does not depend on
//     what else the machine runs.
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
	run := func(script string) value.Value {
		v, err := c.Run(ctx, script)
		require.NoError(b, err, script)
		return v
	}
	// create makes an empty target table and returns the expression
	// naming it and the script dropping it.
	create := func(name string) (from, drop string) {
		if target == "memory" {
			run("share table(" + strconv.Itoa(mtwRows) + ":0, `id`sym`price`ts, [INT,SYMBOL,DOUBLE,TIMESTAMP]) as " + name)
			return name, "undef(`" + name + ")"
		}
		db := "dfs://" + name
		run(`db = database("` + db + `", HASH, [INT, 10]); db.createPartitionedTable(table(1:0, ` +
			"`id`sym`price`ts, [INT,SYMBOL,DOUBLE,TIMESTAMP]), `pt, `id)")
		return `loadTable("` + db + `","pt")`, `dropDatabase("` + db + `")`
	}
	// The writers' routing (mtw.md §4): hash(id, threads) for the
	// in-memory table, the HASH 10 partition id mod 10 then mod threads for
	// the DFS table, so that replayed batches, like the writers', never
	// lock one partition from two connections.
	route := func(k int) int { return k % threads }
	if target == "dfs" {
		route = func(k int) int { return k % 10 % threads }
	}
	count := func(from string) {
		n, _ := run("exec count(*) from " + from).(*value.Scalar).Int64()
		require.EqualValues(b, mtwRows, n)
	}
	var written, replayed spent
	var rawTime time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		name := "bench" + strconv.Itoa(i)
		from, drop := create(name)
		cfg := mtw.Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456", TableName: name,
			BatchSize: 65535, Throttle: 10 * time.Millisecond, ThreadCount: threads, PartitionCol: "id"}
		if target == "dfs" {
			cfg.DBPath, cfg.TableName = "dfs://"+name, "pt"
		}
		w, err := mtw.New(cfg)
		require.NoError(b, err)
		b.StartTimer()
		written.time(func() {
			src.insertAll(w)
			w.WaitForThreadCompletion()
		})
		b.StopTimer()
		st := w.GetStatus()
		require.True(b, st.Succeed(), st.String())
		require.Equal(b, mtwRows, st.SentRows)
		count(from)
		run(drop)

		frames := src.batches("tableInsert{"+from+"}", threads, route)
		runtime.GC()
		rawTime += rawSend(b, frames)

		from, drop = create(name + "r")
		frames = src.batches("tableInsert{"+from+"}", threads, route)
		replay(b, ts.Addr, frames, &replayed)
		count(from)
		run(drop)
		b.StartTimer()
	}
	rows := float64(mtwRows) * float64(b.N)
	b.ReportMetric(rows/written.wall.Seconds(), "rows/s")
	b.ReportMetric(rows/rawTime.Seconds(), "raw-rows/s")
	b.ReportMetric(float64(written.wall)/float64(rawTime), "x-raw")
	b.ReportMetric(rows/replayed.wall.Seconds(), "replay-rows/s")
	b.ReportMetric(float64(written.cpu.Nanoseconds())/rows, "cpu-ns/row")
	b.ReportMetric(float64(replayed.cpu.Nanoseconds())/rows, "server-cpu-ns/row")
	b.ReportMetric(float64((written.cpu-replayed.cpu).Nanoseconds())/rows, "client-cpu-ns/row")
	b.ReportMetric(0, "ns/op")
}
