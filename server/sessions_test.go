package server

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// Wire sessions are listed by getSessionMemoryStat under the session id
// the client sees, with the client's address; closeSessions from another
// connection cancels the session's running loop and closes its
// connection, and the server serves on.
func TestCloseSessionsOverTheWire(t *testing.T) {
	ts := RunT(t)
	ctx := context.Background()
	admin := ts.Dial(t)
	victim := ts.Dial(t)
	// the client's lock is held while it runs a request: read the id first
	vid := victim.SessionID()
	sid, err := strconv.ParseInt(vid, 10, 64)
	require.NoError(t, err)

	v, err := admin.Run(ctx, "select * from getSessionMemoryStat() where sessionId = "+vid+"l")
	require.NoError(t, err)
	tb := v.(*value.Table)
	require.Equal(t, 1, tb.Rows())
	require.Equal(t, "admin", tb.Column("userId").Str[0])
	require.Equal(t, "127.0.0.1", tb.Column("remoteIP").Str[0])
	require.Greater(t, tb.Column("remotePort").I32[0], int32(0))

	done := make(chan error, 1)
	go func() {
		_, err := victim.Run(ctx, "do {} while(true)")
		done <- err
	}()
	require.Eventually(t, func() bool {
		v, err := admin.Run(ctx, "exec count(*) from getConsoleJobs() where sessionId = "+vid+"l")
		require.NoError(t, err)
		n, _ := v.(*value.Scalar).Int64()
		return n == 1
	}, 5*time.Second, 10*time.Millisecond)
	_, err = admin.Run(ctx, "closeSessions("+strconv.FormatInt(sid, 10)+"l)")
	require.NoError(t, err)
	select {
	case err := <-done:
		require.Error(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("closeSessions did not end the session's request")
	}
	require.Eventually(t, func() bool {
		v, err := admin.Run(ctx, "exec count(*) from getSessionMemoryStat() where sessionId = "+vid+"l")
		require.NoError(t, err)
		n, _ := v.(*value.Scalar).Int64()
		return n == 0
	}, 5*time.Second, 10*time.Millisecond)
	v, err = admin.Run(ctx, "1+1")
	require.NoError(t, err)
	require.Equal(t, "2", v.String())
}

// cancelConsoleJob over the wire: the cancelled client gets DolphinDB's
// cancel text and its connection stays usable.
func TestCancelConsoleJobOverTheWire(t *testing.T) {
	ts := RunT(t)
	ctx := context.Background()
	admin := ts.Dial(t)
	worker := ts.Dial(t)
	wid := worker.SessionID()
	done := make(chan error, 1)
	go func() {
		_, err := worker.Run(ctx, "t = table(1..1000 as x); do { select sum(x) from t } while(true)")
		done <- err
	}()
	require.Eventually(t, func() bool {
		v, err := admin.Run(ctx, "exec count(*) from getRunningQueries() where sessionID = "+wid+"l")
		require.NoError(t, err)
		n, _ := v.(*value.Scalar).Int64()
		return n == 1
	}, 5*time.Second, 10*time.Millisecond)
	_, err := admin.Run(ctx, "cancelConsoleJob(exec rootJobId from getConsoleJobs() where sessionId = "+wid+"l)")
	require.NoError(t, err)
	select {
	case err := <-done:
		require.EqualError(t, err, "The job was cancelled.")
	case <-time.After(5 * time.Second):
		t.Fatal("cancelConsoleJob did not stop the query loop")
	}
	v, err := worker.Run(ctx, "exec sum(x) from t")
	require.NoError(t, err)
	require.Equal(t, "500500", v.String())
}
