package remote_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/server"
)

// enableSSL=true runs the remote session over TLS on the server's one
// port, as DolphinDB's servers accept both.
func TestXdbOverTLS(t *testing.T) {
	ts := server.RunT(t)
	s := ts.Engine.NewSession()
	v, err := s.Run(`h = xdb(getNodeHost(), getNodePort(), "admin", "123456", true); remoteRun(h, "1 + 1")`)
	require.NoError(t, err)
	require.Equal(t, "2", v.String())
}

// Cancelling the job that waits on a remote call ends the wait, and the
// remote session's script with it: the connection is closed.
func TestRemoteRunStopsWhenCancelled(t *testing.T) {
	ts := server.RunT(t)
	s := ts.Engine.NewSession()
	_, err := s.Run(`h = xdb(getNodeHost(), getNodePort(), "admin", "123456")`)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = s.RunContext(ctx, `remoteRun(h, "sleep(60000); 1")`)
	require.Error(t, err)
	require.Less(t, time.Since(start), 20*time.Second)
}
