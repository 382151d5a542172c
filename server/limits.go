package server

import (
	"bufio"
	"fmt"
	"net"
	"sync/atomic"
	"time"
)

// Connection limits (issue 12): without them 1,000 idle or half-sent
// connections were held forever and 16 concurrent 240 MiB uploads took
// 5.6 GB. The server now
//   - refuses connections past maxConnections (engine.MaxConnections,
//     raised by setMaxConnections) with DolphinDB's S00006 text;
//   - sets TCP keep-alive and TCP_USER_TIMEOUT (tcpUserTimeout) on client
//     sockets, so dead peers are dropped;
//   - gives a request that has begun tcpUserTimeout between reads to send
//     its next bytes (Options.StallTimeout), so half-sent requests end;
//   - bounds the bytes of requests being received across all connections
//     (Options.MaxReceiving): a request that would pass it is refused
//     and its connection closed, instead of the process growing.

// DefaultMaxReceiving is the default server-wide budget of request bytes
// held at once.
const DefaultMaxReceiving = 1 << 30

// bodyBudget is the server-wide budget of request bytes being received
// or executed.
type bodyBudget struct {
	limit int64
	used  atomic.Int64
}

func (b *bodyBudget) take(n int64) bool {
	if b.used.Add(n) > b.limit {
		b.used.Add(-n)
		return false
	}
	return true
}

func (b *bodyBudget) give(n int64) { b.used.Add(-n) }

// exceeded is the error of a request refused for the budget; the
// connection is closed after the reply, as the rest of the request is
// not read.
func (b *bodyBudget) exceeded() error { return &budgetExceeded{limit: b.limit} }

// budgetExceeded is a read refused for the receive budget.
type budgetExceeded struct{ limit int64 }

func (e *budgetExceeded) Error() string {
	return fmt.Sprintf("Out of memory: the requests being received exceed the server's limit of %d bytes; retry later or send smaller requests.", e.limit)
}

// maxConnectionsText is DolphinDB's S00006 error.
func maxConnectionsText(n int) string {
	return fmt.Sprintf("Maximum connections %d reached. Close unused connections or increase maxConnections limit. RefId:S00006", n)
}

// tuneTCP turns on keep-alive and sets TCP_USER_TIMEOUT on a client
// socket.
func (s *Server) tuneTCP(nc net.Conn) {
	tc, ok := nc.(*net.TCPConn)
	if !ok {
		return
	}
	tc.SetKeepAlive(true)
	tc.SetKeepAlivePeriod(30 * time.Second)
	if t := s.eng.TCPUserTimeout(); t > 0 {
		setUserTimeout(tc, t)
	}
}

// stallTimeout is how long a begun request may pause between reads.
func (s *Server) stallTimeout() time.Duration {
	if s.opts.StallTimeout != 0 {
		return max(s.opts.StallTimeout, 0)
	}
	return s.eng.TCPUserTimeout()
}

// rejectOverLimit answers the first request of a connection accepted past
// maxConnections with the S00006 error and closes it.
func (c *conn) rejectOverLimit(src *source) {
	c.tr = &tcpTransport{bw: bufio.NewWriterSize(c.nc, 4<<10), net: c.sess}
	// read the request (bounded small: it is only answered) so that the
	// client, which sends before it reads, gets the error
	_, _ = src.readRequest(64 << 10)
	if c.tr.sendReply(errorReply(c.sid, c.reject)) == nil {
		c.lingeringClose()
	}
}
