package server

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
)

// getUserHardwareUsage's send and recv are the bytes each user's
// connections sent and received in a sampling interval: a user who
// fetches a large result is charged its size, and a connection that
// closes before the sample still counts.
func TestHardwareUsageCountsTrafficPerUser(t *testing.T) {
	ts := RunT(t, WithConfig("resourceSamplingInterval", "1"), WithUsers(map[string]string{"u1": "pw1"}))
	ctx := context.Background()
	admin := ts.Dial(t)

	u1, err := client.Dial(ctx, ts.Addr, client.Options{User: "u1", Password: "pw1"})
	require.NoError(t, err)
	script := `x = 1..200000; size(x)` // a 200k-row reply is sent back below
	testkit.Query(t, u1, script)
	v := testkit.Query(t, u1, "1..200000")
	require.Equal(t, 200000, v.(*value.Vector).Len())
	require.NoError(t, u1.Close()) // closes before the next sample

	var send, recv int64
	require.Eventually(t, func() bool {
		v := testkit.Query(t, admin, `select sum(send) as s, sum(recv) as r from getUserHardwareUsage() where userId = "u1"`)
		tb := v.(*value.Table)
		send, recv = tb.Column("s").I64[0], tb.Column("r").I64[0]
		return send > 0
	}, 10*time.Second, 100*time.Millisecond)
	require.GreaterOrEqual(t, send, int64(4*200000), "the INT vector's bytes")
	require.Less(t, send, int64(4*200000+4096))
	require.GreaterOrEqual(t, recv, int64(len(script)))
	require.Less(t, recv, int64(4096))

	// admin's own requests are admin's, not u1's
	v = testkit.Query(t, admin, `exec sum(send) from getUserHardwareUsage() where userId = "admin"`)
	adminSent, _ := v.(*value.Scalar).Int64()
	require.Greater(t, adminSent, int64(0))
}
