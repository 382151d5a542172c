package server

import (
	"bufio"
	"io"
	"net"
	"sync/atomic"
	"time"

	"github.com/porpoisedb/porpoise/wire"
)

// source is a connection's request stream: the counting reader under a
// buffer, and wire's reader over it.
type source struct {
	br *bufio.Reader
	rd *wire.Reader
	cr *countingReader
}

// netCounter counts the bytes a connection's session sends and receives
// (*engine.Session: getPerf and getUserHardwareUsage).
type netCounter interface {
	CountNetwork(sent, recv int64)
}

// countingReader counts the bytes read from the connection.
type countingReader struct {
	r   io.Reader
	net netCounter

	// budget, when set, is the server-wide budget of request bytes being
	// received; held is what this connection has taken from it since its
	// last release (limits.go).
	budget *bodyBudget
	held   atomic.Int64 // released from net/http's state hook too
	// lenient, while a binary-protocol connection waits for a request or
	// watches for a hang-up, counts the bytes without refusing them: a
	// refusal there could not be answered (the request is not being
	// read), so the connection would close on unread bytes and reset the
	// peer. What it lets through is bounded by the connection's buffer;
	// the request's next read is refused instead, and answered.
	lenient bool
	// draining is set once a refused request's remaining bytes are read
	// only to be discarded before the connection closes (the WebSocket
	// close handshake skips them): they are counted but not held, so they
	// take nothing from the budget, and the peer still writing them is
	// not reset.
	draining atomic.Bool
	// refused keeps the bytes of the read the budget refused; a drain
	// reads them first: a reader that skips the rest of the message, as
	// the WebSocket close handshake does, must see them to stay in step
	// with the stream.
	refused []byte
	// stall, when positive and conn set, is how long a read may wait for
	// the next bytes of a request that has begun (limits.go).
	stall time.Duration
	conn  net.Conn
}

func (c *countingReader) Read(p []byte) (int, error) {
	if len(c.refused) > 0 && c.draining.Load() {
		n := copy(p, c.refused)
		c.refused = c.refused[n:]
		return n, nil
	}
	if c.stall > 0 && c.conn != nil {
		c.conn.SetReadDeadline(time.Now().Add(c.stall))
	}
	n, err := c.r.Read(p)
	if n > 0 {
		c.net.CountNetwork(0, int64(n))
		if c.budget != nil && !c.draining.Load() {
			if c.lenient {
				c.budget.used.Add(int64(n))
			} else if !c.budget.take(int64(n)) {
				c.refused = append(c.refused[:0], p[:n]...)
				return 0, c.budget.exceeded()
			}
			c.held.Add(int64(n))
		}
	}
	return n, err
}

// release gives back to the budget what the connection took.
func (c *countingReader) release() {
	if c.budget != nil {
		if n := c.held.Swap(0); n > 0 {
			c.budget.give(n)
		}
	}
}

func newStreamSource(r io.Reader, net netCounter) *source {
	cr := &countingReader{r: r, net: net}
	br := bufio.NewReaderSize(cr, 64<<10)
	return &source{br: br, rd: wire.NewReader(br), cr: cr}
}

// readRequest reads the next request, at most maxFrame bytes of it
// (header, body and arguments; wire.Reader.ReadRequest).
func (s *source) readRequest(maxFrame int64) (*wire.Request, error) {
	s.rd.MaxFrame, s.rd.MaxBody = maxFrame, int(maxFrame)
	return s.rd.ReadRequest()
}
