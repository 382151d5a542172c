package client

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestContextError covers the moments a call's timeout can be seen in:
// the socket deadline fires before, while or after the context's timer
// marks it done. A call must report context.DeadlineExceeded in each.
func TestContextError(t *testing.T) {
	timeout := &net.OpError{Op: "read", Net: "tcp", Err: os.ErrDeadlineExceeded}
	expired, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	<-expired.Done()
	running, cancel2 := context.WithTimeout(context.Background(), time.Hour)
	defer cancel2()
	// A deadline past but not yet marked done: its timer has not run.
	pastUnmarked := deadlineOnly{time.Now().Add(-time.Second)}
	cancelled, cancel3 := context.WithCancel(context.Background())
	cancel3()

	for _, tc := range []struct {
		name  string
		ctx   context.Context
		ended bool
		err   error
		want  error
	}{
		{"no error", expired, true, nil, nil},
		{"watcher saw the end", expired, true, io.EOF, context.DeadlineExceeded},
		{"socket deadline, context marked later", expired, false, timeout, context.DeadlineExceeded},
		{"socket deadline, context not yet marked", pastUnmarked, false, timeout, context.DeadlineExceeded},
		{"cancelled", cancelled, true, io.ErrUnexpectedEOF, context.Canceled},
		{"other error, context running", running, false, io.EOF, io.EOF},
		{"socket timeout before the deadline", running, false, timeout, timeout},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := contextError(tc.ctx, tc.ended, tc.err)
			if tc.want == nil {
				require.NoError(t, got)
				return
			}
			require.True(t, errors.Is(got, tc.want), "got %v", got)
		})
	}
}

// deadlineOnly is a context whose deadline has passed while its Err is
// still nil, as a context is between its deadline and its timer's run.
type deadlineOnly struct{ d time.Time }

func (c deadlineOnly) Deadline() (time.Time, bool) { return c.d, true }
func (deadlineOnly) Done() <-chan struct{}         { return nil }
func (deadlineOnly) Err() error                    { return nil }
func (deadlineOnly) Value(any) any                 { return nil }
