package server

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// A request in the middle of a big built-in (nunique of 50M distinct
// doubles, seconds of work, which checked nothing before) stops
// within seconds when its client hangs up, when closeSessions closes its
// session and when cancelConsoleJob cancels it: the node lists no job and
// the request's goroutines end.
func TestCancelledRequestReleasesServer(t *testing.T) {
	if testing.Short() || raceEnabled {
		// under the race detector building the 50M elements alone takes
		// longer than the test's waits; the engine's cancel tests run there
		t.Skip("works on 50M elements")
	}
	const heavy = "nunique(rand(1.0, 50000000))"
	running := `exec count(*) from getConsoleJobs() where desc = "` + heavy + `"`
	ts := RunT(t)
	admin := ts.Dial(t)
	dial := func(t *testing.T) *client.Conn {
		c, err := client.Dial(context.Background(), ts.Addr, client.Options{User: "admin", Password: "123456"})
		require.NoError(t, err)
		return c
	}
	for _, how := range []string{"disconnect", "closeSessions", "cancelConsoleJob"} {
		t.Run(how, func(t *testing.T) {
			base := runtime.NumGoroutine()
			switch how {
			case "disconnect":
				raw := dialRaw(t, ts.Addr)
				raw.send(goScript(t, heavy))
				eventuallyCount(t, admin, running, 1)
				time.Sleep(300 * time.Millisecond) // into nunique
				raw.nc.Close()
			case "closeSessions":
				c := dial(t)
				sid := c.SessionID()
				done := inBackground(c, heavy)
				eventuallyCount(t, admin, running, 1)
				time.Sleep(300 * time.Millisecond)
				testkit.Query(t, admin, "closeSessions("+sid+"l)")
				require.Error(t, ended(t, done, "closeSessions did not end the request"))
				c.Close()
			case "cancelConsoleJob":
				c := dial(t)
				done := inBackground(c, heavy)
				eventuallyCount(t, admin, running, 1)
				time.Sleep(300 * time.Millisecond)
				testkit.Query(t, admin, `cancelConsoleJob(exec rootJobId from getConsoleJobs() where desc = "`+heavy+`")`)
				require.EqualError(t, ended(t, done, "cancelConsoleJob did not stop the request"), "The job was cancelled.")
				c.Close()
			}
			eventuallyCount(t, admin, running, 0)
			testkit.RequireGoroutinesBack(t, base)
		})
	}
}
