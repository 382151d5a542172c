package server

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
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

	v := testkit.Query(t, admin, "select * from getSessionMemoryStat() where sessionId = "+vid+"l")
	tb := v.(*value.Table)
	require.Equal(t, 1, tb.Rows())
	require.Equal(t, "admin", tb.Column("userId").Str[0])
	require.Equal(t, "127.0.0.1", tb.Column("remoteIP").Str[0])
	require.Greater(t, tb.Column("remotePort").I32[0], int32(0))

	done := inBackground(victim, "do {} while(true)")
	eventuallyCount(t, admin, "exec count(*) from getConsoleJobs() where sessionId = "+vid+"l", 1)
	testkit.Query(t, admin, "closeSessions("+strconv.FormatInt(sid, 10)+"l)")
	require.Error(t, ended(t, done, "closeSessions did not end the session's request"))
	eventuallyCount(t, admin, "exec count(*) from getSessionMemoryStat() where sessionId = "+vid+"l", 0)
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
	done := inBackground(worker, "t = table(1..1000 as x); do { select sum(x) from t } while(true)")
	eventuallyCount(t, admin, "exec count(*) from getRunningQueries() where sessionID = "+wid+"l", 1)
	testkit.Query(t, admin, "cancelConsoleJob(exec rootJobId from getConsoleJobs() where sessionId = "+wid+"l)")
	require.EqualError(t, ended(t, done, "cancelConsoleJob did not stop the query loop"), "The job was cancelled.")
	v, err := worker.Run(ctx, "exec sum(x) from t")
	require.NoError(t, err)
	require.Equal(t, "500500", v.String())
}

// inBackground runs script over c in a goroutine; its error (nil when it
// succeeds) arrives on the returned channel.
func inBackground(c *client.Conn, script string) <-chan error {
	done := make(chan error, 1)
	go func() {
		_, err := c.Run(context.Background(), script)
		done <- err
	}()
	return done
}

// eventuallyCount waits up to 15 s for script, a count, to give n over c.
// A request cancelled while it builds a 50M-element vector ends only
// after the building, which on a loaded two-core machine (CI runs the
// packages side by side) can take several seconds.
func eventuallyCount(t *testing.T, c *client.Conn, script string, n int64) {
	t.Helper()
	require.Eventually(t, func() bool {
		v := testkit.Query(t, c, script)
		got, _ := v.(*value.Scalar).Int64()
		return got == n
	}, 15*time.Second, 10*time.Millisecond)
}

// ended returns the error that arrives on done, failing with msg when
// none arrives within 5 s.
func ended(t *testing.T, done <-chan error, msg string) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal(msg)
		return nil
	}
}
