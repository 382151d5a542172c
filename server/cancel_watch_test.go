package server

import (
	"context"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/stretchr/testify/require"
)

// Issue 12: `do {} while(true)` ran on after its client hung up, and the
// server's shutdown then waited for it. Closing the connection now
// cancels the request: the loop stops counting.
func TestDisconnectCancelsRunningRequest(t *testing.T) {
	ts := RunT(t)
	ctx := context.Background()
	admin := ts.Dial(t)
	testkit.Query(t, admin, "share dict(INT,LONG) as ticks; ticks[0] = 0")

	raw := dialRaw(t, ts.Addr)
	raw.send(goScript(t, "do { ticks[0] = ticks[0] + 1 } while(true)"))
	count := func() int64 {
		v, err := admin.Run(ctx, "ticks[0]")
		require.NoError(t, err)
		n, _ := v.(interface{ Int64() (int64, bool) }).Int64()
		return n
	}
	require.Eventually(t, func() bool { return count() > 0 }, 5*time.Second, 10*time.Millisecond)
	raw.nc.Close()
	var last int64 = -1
	require.Eventually(t, func() bool {
		n := count()
		stopped := n == last
		last = n
		return stopped
	}, 5*time.Second, 100*time.Millisecond, "the loop goes on after its client hung up")
}

// Issue 12: RunT's cleanup failed the test when a request was still
// running. It now cancels the request and shuts down within seconds.
func TestRunTCleanupCancelsRunningWork(t *testing.T) {
	start := time.Now()
	t.Run("leaves a loop running", func(t *testing.T) {
		ts := RunT(t)
		c, err := client.Dial(context.Background(), ts.Addr, client.Options{})
		require.NoError(t, err)
		go c.Run(context.Background(), "do {} while(true)")
		time.Sleep(100 * time.Millisecond)
	})
	require.Less(t, time.Since(start), 8*time.Second)
}
