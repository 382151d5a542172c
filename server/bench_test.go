package server

import (
	"context"
	"flag"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/value"
)

var (
	benchSessions = flag.Int("server.sessions", 50, "concurrent client sessions of BenchmarkTableInsertSessions")
	benchRows     = flag.Int("server.rows", 1000, "rows per tableInsert batch of BenchmarkTableInsertSessions")
	benchDuration = flag.Duration("server.duration", 0, "run BenchmarkTableInsertSessions for this long instead of b.N batches (e.g. 30s)")
)

// benchBatch is a batch of n rows (INT, SYMBOL, DOUBLE, TIMESTAMP).
func benchBatch(session, n int) *value.Table {
	ids := make([]int32, n)
	syms := make([]string, n)
	px := make([]float64, n)
	ts := make([]int64, n)
	names := []string{"AAPL", "MSFT", "IBM", "GOOG", "AMZN", "TSLA", "NVDA", "META"}
	for i := range n {
		ids[i] = int32(session*n + i)
		syms[i] = names[(session+i)%len(names)]
		px[i] = 100 + float64(i%1000)/8
		ts[i] = 1700000000000 + int64(i)
	}
	return value.NewTable([]string{"id", "sym", "price", "ts"}, []*value.Vector{
		value.NewInts(ids), value.NewStrings(value.Symbol, syms), value.NewDoubles(px), {T: value.Timestamp, I64: ts},
	})
}

// BenchmarkTableInsertSessions has many client sessions insert batches
// into one shared in-memory table with tableInsert{"t"}, as Go's
// MultiGoroutineTable does. b.N is the number of batches (so -benchtime
// drives it: 10s, 5000x); -server.duration runs for a fixed time instead.
// Reported: rows/s, p50/p99 batch latency and errors.
func BenchmarkTableInsertSessions(b *testing.B) {
	ts := RunT(b)
	if _, err := ts.Engine.NewSession().Run("share table(1:0, `id`sym`price`ts, [INT, SYMBOL, DOUBLE, TIMESTAMP]) as t"); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	n := *benchSessions
	conns := make([]*client.Conn, n)
	batches := make([]*value.Table, n)
	for i := range conns {
		c, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
		batches[i] = benchBatch(i, *benchRows)
	}

	var (
		next    atomic.Int64
		errs    atomic.Int64
		mu      sync.Mutex
		lat     []time.Duration
		wg      sync.WaitGroup
		firstEr atomic.Value
	)
	total := int64(b.N)
	var deadline time.Time
	if *benchDuration > 0 {
		deadline = time.Now().Add(*benchDuration)
		total = 1 << 62
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := range conns {
		wg.Add(1)
		go func(c *client.Conn, batch *value.Table) {
			defer wg.Done()
			var mine []time.Duration
			for next.Add(1) <= total {
				if !deadline.IsZero() && time.Now().After(deadline) {
					break
				}
				t0 := time.Now()
				_, err := c.RunFunc(ctx, `tableInsert{"t"}`, batch)
				mine = append(mine, time.Since(t0))
				if err != nil {
					errs.Add(1)
					firstEr.CompareAndSwap(nil, err.Error())
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}(conns[i], batches[i])
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()

	if len(lat) == 0 {
		return
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	rows := float64(len(lat)-int(errs.Load())) * float64(*benchRows)
	b.ReportMetric(rows/elapsed.Seconds(), "rows/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(errs.Load()), "errors")
	if e := firstEr.Load(); e != nil {
		b.Logf("first error: %v", e)
	}
	if errs.Load() > 0 {
		b.Errorf("%d of %d batches failed", errs.Load(), len(lat))
	}
	v, err := ts.Engine.NewSession().Run("exec count(*) from t")
	if err != nil {
		b.Fatal(err)
	}
	if got, _ := v.(*value.Scalar).Int64(); float64(got) != rows {
		b.Errorf("table holds %d rows, %.0f were acknowledged", got, rows)
	}
}
