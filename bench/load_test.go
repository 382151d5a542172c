package bench

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/crashtest"
	"github.com/porpoisedb/porpoise/server"
	"github.com/stretchr/testify/require"
)

// TestLoad is issue 12's load test: PORPOISE_LOAD_SESSIONS (200)
// concurrent sessions mix writes (shared in-memory and DFS tables) and
// queries for PORPOISE_LOAD_SECONDS (60), while some of their scripts are
// cancelled with cancelConsoleJob from another session and some clients
// hang up mid-request. It reports throughput, p50/p99 latency and peak
// RSS beside a baseline of one session running the same mix in the same
// run, and fails on any error other than the expected ones (the cancel
// text for cancelled scripts, a closed connection for abandoned ones).
// Run with PORPOISE_LOAD=1.
func TestLoad(t *testing.T) {
	crashtest.SkipUnlessEnv(t, "PORPOISE_LOAD", "the load test")
	sessions := crashtest.EnvInt(t, "PORPOISE_LOAD_SESSIONS", 200)
	seconds := crashtest.EnvInt(t, "PORPOISE_LOAD_SECONDS", 60)
	ts := server.RunT(t)
	ctx := context.Background()
	setup := ts.Dial(t)
	_, err := setup.Run(ctx, `share table(1:0, ["k", "v"], [INT, DOUBLE]) as loadShared
db = database("dfs://load", VALUE, 0..19)
db.createPartitionedTable(table(1:0, ["p", "v"], [INT, DOUBLE]), "pt", "p")`)
	require.NoError(t, err)

	base := runLoad(t, ts.Addr, 1, time.Duration(max(seconds/10, 3))*time.Second)
	t.Logf("baseline, 1 session: %s", base)
	st := runLoad(t, ts.Addr, sessions, time.Duration(seconds)*time.Second)
	t.Logf("%d sessions: %s", sessions, st)
	require.Zero(t, st.unexpected, "unexpected errors: %v", st.firstErrs)
	require.Zero(t, base.unexpected, "unexpected errors: %v", base.firstErrs)
	require.Positive(t, st.cancelled)
	v, err := setup.Run(ctx, "1+1")
	require.NoError(t, err)
	require.Equal(t, "2", v.String())
}

// loadStats are one phase's figures.
type loadStats struct {
	ops, cancelled, dropped, unexpected int64
	// conflicts are DFS writes refused because another transaction holds
	// the partition, DolphinDB's answer to concurrent writers of one
	// partition (expected; the client retries)
	conflicts int64
	elapsed   time.Duration
	p50, p99  time.Duration
	peakRSS   uint64
	firstErrs []string
}

func (s *loadStats) String() string {
	return fmt.Sprintf("%d ops in %v = %.0f ops/s, p50 %v, p99 %v, %d cancelled, %d dropped, %d write conflicts, %d unexpected errors, peak RSS %d MB",
		s.ops, s.elapsed.Round(time.Millisecond), float64(s.ops)/s.elapsed.Seconds(), s.p50, s.p99, s.cancelled, s.dropped, s.conflicts, s.unexpected, s.peakRSS>>20)
}

// loadWorker is one simulated client.
type loadWorker struct {
	addr  string
	ctl   *controlPool
	c     *client.Conn
	sid   string
	rng   *rand.Rand
	lat   []time.Duration
	stats *loadStats
	mu    *sync.Mutex
}

// controlPool are the admin connections that cancel other sessions'
// scripts.
type controlPool struct {
	mu    sync.Mutex
	conns []*client.Conn
	next  int
}

func (p *controlPool) run(ctx context.Context, script string) error {
	p.mu.Lock()
	c := p.conns[p.next%len(p.conns)]
	p.next++
	p.mu.Unlock()
	_, err := c.Run(ctx, script)
	return err
}

func runLoad(t *testing.T, addr string, sessions int, d time.Duration) *loadStats {
	ctx := context.Background()
	ctl := &controlPool{}
	for range 4 {
		c, err := client.Dial(ctx, addr, client.Options{User: "admin", Password: "123456"})
		require.NoError(t, err)
		defer c.Close()
		ctl.conns = append(ctl.conns, c)
	}
	st := &loadStats{}
	var mu sync.Mutex
	var lat []time.Duration
	stop := make(chan struct{})
	var peak atomic.Uint64
	go func() {
		tick := time.NewTicker(500 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if r := processRSS(); r > peak.Load() {
					peak.Store(r)
				}
			}
		}
	}()
	deadline := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &loadWorker{addr: addr, ctl: ctl, rng: rand.New(rand.NewPCG(uint64(i), 7)), stats: st, mu: &mu}
			w.loop(deadline)
			mu.Lock()
			lat = append(lat, w.lat...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	close(stop)
	st.elapsed = time.Since(start)
	slices.Sort(lat)
	if len(lat) > 0 {
		st.p50 = lat[len(lat)/2]
		st.p99 = lat[len(lat)*99/100]
	}
	st.peakRSS = max(peak.Load(), processRSS())
	return st
}

func (w *loadWorker) fail(err error) {
	atomic.AddInt64(&w.stats.unexpected, 1)
	w.mu.Lock()
	if len(w.stats.firstErrs) < 5 {
		w.stats.firstErrs = append(w.stats.firstErrs, err.Error())
	}
	w.mu.Unlock()
}

func (w *loadWorker) dial() bool {
	c, err := client.Dial(context.Background(), w.addr, client.Options{User: "admin", Password: "123456"})
	if err != nil {
		w.fail(err)
		return false
	}
	w.c, w.sid = c, c.SessionID()
	return true
}

func (w *loadWorker) loop(deadline time.Time) {
	if !w.dial() {
		return
	}
	defer func() { w.c.Close() }()
	ctx := context.Background()
	for time.Now().Before(deadline) {
		op := w.rng.IntN(100)
		switch {
		case op < 2: // a script cancelled from another session
			w.cancelled(ctx)
			continue
		case op < 4: // a client that hangs up mid-request
			w.hangUp(ctx)
			if !w.dial() {
				return
			}
			continue
		}
		var script string
		switch {
		case op < 30:
			script = fmt.Sprintf("tableInsert(loadShared, %d..%d, rand(1.0, 100))", op, op+99)
		case op < 50:
			script = fmt.Sprintf(`tableInsert(loadTable("dfs://load", "pt"), table(take(%d, 100) as p, rand(1.0, 100) as v))`, op%20)
		case op < 75:
			script = "select count(*), sum(v) from loadShared where k < 50"
		default:
			script = fmt.Sprintf(`select count(*), sum(v) from loadTable("dfs://load", "pt") where p = %d`, op%20)
		}
		t0 := time.Now()
		_, err := w.c.Run(ctx, script)
		w.lat = append(w.lat, time.Since(t0))
		if err != nil {
			if strings.Contains(err.Error(), "is currently locked and in use by transaction") {
				atomic.AddInt64(&w.stats.conflicts, 1)
				continue
			}
			w.fail(err)
			continue
		}
		atomic.AddInt64(&w.stats.ops, 1)
	}
}

// cancelled runs a loop in this session and has a control connection
// cancel it; the loop must end with the cancel text.
func (w *loadWorker) cancelled(ctx context.Context) {
	done := make(chan error, 1)
	go func() {
		_, err := w.c.Run(ctx, "do { sleep(1) } while(true)")
		done <- err
	}()
	// the job appears once the request has reached the engine
	for i := 0; ; i++ {
		err := w.ctl.run(ctx, "cancelConsoleJob(exec rootJobId from getConsoleJobs() where sessionId = "+w.sid+"l)")
		if err != nil {
			w.fail(err)
		}
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "The job was cancelled.") {
				w.fail(fmt.Errorf("cancelled script ended with %v", err))
				return
			}
			atomic.AddInt64(&w.stats.cancelled, 1)
			return
		case <-time.After(20 * time.Millisecond):
		}
		if i == 500 {
			w.fail(errors.New("a script was not cancelled within 10 s"))
			return
		}
	}
}

// hangUp starts a long script and gives up on it: the client stops
// waiting and closes the connection, and the server must end the script.
func (w *loadWorker) hangUp(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	_, err := w.c.Run(ctx, "do { sleep(1) } while(true)")
	w.c.Close()
	if err == nil {
		w.fail(errors.New("a script survived its connection closing"))
		return
	}
	atomic.AddInt64(&w.stats.dropped, 1)
}
