package server

import (
	"bufio"
	"context"
	"errors"
	"net"
	"os"
	"time"
)

// A request runs on the connection's goroutine, which reads nothing from
// the socket until the reply is sent, so a client that hangs up
// mid-request would go unnoticed and a `do {} while(true)` would run on
// forever. While a binary-protocol request executes, watchDisconnect
// blocks in a one-byte Peek: end of stream or a reset cancels the
// request's context (loops and long built-ins check it); bytes of a
// pipelined next request just end the watch.

// watchDisconnect starts watching br for the peer hanging up; stop ends
// the watch before the connection is read again.
func (c *conn) watchDisconnect(br *bufio.Reader, cancel context.CancelFunc) (stop func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := br.Peek(1); err != nil && !isTimeout(err) {
			cancel()
		}
	}()
	return func() {
		// an immediate deadline wakes the Peek; bufio.Reader hands the
		// timeout error out once and keeps what it read
		c.nc.SetReadDeadline(time.Now())
		<-done
		c.nc.SetReadDeadline(time.Time{})
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}
