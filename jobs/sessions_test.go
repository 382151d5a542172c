package jobs

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Closing a session cancels the request it runs, which then ends with
// DolphinDB's cancel text; the session leaves the registry and its
// owner's close hook runs once.
func TestSessionCloseCancelsRequest(t *testing.T) {
	r := NewRegistry(time.Now)
	closed := 0
	s := r.NewSession(1, func() { closed++ })
	s.SetMeta(Meta{RemoteIP: "10.0.0.1"})
	r.Add(s)
	require.Equal(t, int64(1), s.Meta().ID)
	require.Equal(t, 1, r.Sessions())
	ctx, end := s.Begin(context.Background(), "script", "do {} while(true)", false)
	require.Len(t, r.runningJobs(), 1)
	require.True(t, s.Close())
	require.False(t, s.Close())
	<-ctx.Done()
	err := ctx.Err()
	end(&err)
	require.Equal(t, ErrCancelled, err)
	require.Equal(t, 1, closed)
	require.Equal(t, 0, r.Sessions())
	require.Empty(t, r.runningJobs())
}

// closeSessions closes only the sessions named, and their connections.
func TestCloseSessionsByPublicID(t *testing.T) {
	r := NewRegistry(time.Now)
	conns := map[int64]bool{}
	var keep []*Session // the registry holds sessions weakly
	for id := int64(1); id <= 3; id++ {
		s := r.NewSession(id, nil)
		s.SetMeta(Meta{ID: 100 + id, Close: func() { conns[100+id] = true }})
		r.Add(s)
		keep = append(keep, s)
	}
	r.closeSessions([]int64{102})
	require.Equal(t, map[int64]bool{102: true}, conns)
	require.Equal(t, 2, r.Sessions())
	runtime.KeepAlive(keep)
}
