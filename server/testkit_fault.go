package server

import (
	"net"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// SetError makes every request fail with msg (as a DolphinDB error reply)
// until SetError("") is called. Connecting and logging in still work, so
// a client sees the error on its first real request.
func (ts *TestServer) SetError(msg string) {
	ts.faults.mu.Lock()
	defer ts.faults.mu.Unlock()
	ts.faults.errMsg = msg
}

// FailNext makes the next n requests fail with msg; requests after them
// run normally. Like SetError it spares the login handshake.
func (ts *TestServer) FailNext(n int, msg string) {
	ts.faults.mu.Lock()
	defer ts.faults.mu.Unlock()
	ts.faults.failN, ts.faults.failMsg = n, msg
}

// DropAfter closes the connection that makes the server read more than n
// further bytes, before the server sees the byte past the n-th (so a
// request can be cut in the middle); it fires once. Clients see a broken
// connection, as when a network path fails, and can reconnect.
func (ts *TestServer) DropAfter(n int64) {
	ts.faults.mu.Lock()
	defer ts.faults.mu.Unlock()
	ts.faults.drop = n
	ts.faults.armed.Store(true)
}

// StallAfter stops reading from the connection that makes the server read
// more than n further bytes, as a hung network path does: the client's
// writes eventually block and its reads time out. The connection resumes
// when release is called, on Restart, or when the test ends. It fires
// once.
func (ts *TestServer) StallAfter(n int64) (release func()) {
	ts.faults.mu.Lock()
	defer ts.faults.mu.Unlock()
	ts.faults.stall = n
	ts.faults.armed.Store(true)
	ch := make(chan struct{})
	ts.faults.stallChs = append(ts.faults.stallChs, ch)
	return func() {
		ts.faults.mu.Lock()
		defer ts.faults.mu.Unlock()
		closeOnce(ch)
	}
}

// closeOnce closes ch unless it is closed; callers hold faults.mu.
func closeOnce(ch chan struct{}) {
	select {
	case <-ch:
	default:
		close(ch)
	}
}

// handshake are the functions clients call to log in (the C++, Python and
// Java APIs) or to learn about the server right after; fault injection
// spares them so that a client can connect and see the fault on its own
// requests.
var handshake = map[string]bool{
	"login": true, "scramClientFirst": true, "scramClientFinal": true,
	"getDynamicPublicKey": true, "isNodeInitialized": true, "version": true,
}

// hook is the server's execHook: it answers a request with the injected
// error, if any.
func (f *faults) hook(c *conn, req *wire.Request) (value.Value, error, bool) {
	switch req.Command {
	case "script":
		if strings.HasPrefix(strings.TrimSpace(req.Script), "login(") {
			return nil, nil, false
		}
	case "function":
		if handshake[strings.TrimSpace(req.Function)] {
			return nil, nil, false
		}
	case "variable":
	default:
		return nil, nil, false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failN > 0 {
		f.failN--
		return nil, ddberr.New(f.failMsg), true
	}
	if f.errMsg != "" {
		return nil, ddberr.New(f.errMsg), true
	}
	return nil, nil, false
}

// consume accounts for n bytes just read and says how many of them the
// server may see and, when a fault fires inside them, which.
func (f *faults) consume(n int) (allowed int, action int, stall chan struct{}) {
	if !f.armed.Load() {
		return n, actNone, nil // no fault set: no lock on every read
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	allowed, action = n, actNone
	if f.stall >= 0 && f.stall < int64(allowed) {
		allowed, action, stall = int(f.stall), actStall, f.stallChs[len(f.stallChs)-1]
	}
	if f.drop >= 0 && f.drop < int64(allowed) {
		allowed, action, stall = int(f.drop), actDrop, nil
	}
	if f.drop >= 0 {
		f.drop -= int64(allowed)
		if action == actDrop {
			f.drop = -1
		}
	}
	if f.stall >= 0 {
		f.stall -= int64(allowed)
		if action == actStall {
			f.stall = -1
		}
	}
	f.armed.Store(f.drop >= 0 || f.stall >= 0)
	return allowed, action, stall
}

// releaseStalls lets every stalled connection go on (stop, Restart).
func (f *faults) releaseStalls() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, ch := range f.stallChs {
		closeOnce(ch)
	}
	f.stallChs = nil
	f.stall = -1
	f.armed.Store(f.drop >= 0)
}

const (
	actNone = iota
	actDrop
	actStall
)

// faultListener hands out connections whose reads obey DropAfter and
// StallAfter.
type faultListener struct {
	net.Listener
	f *faults
}

func (l *faultListener) Accept() (net.Conn, error) {
	nc, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &faultConn{Conn: nc, f: l.f}, nil
}

// faultConn counts the bytes the server reads; when DropAfter or
// StallAfter fires inside a read, the server gets the bytes before the
// limit, and the fault happens on its next read.
type faultConn struct {
	net.Conn
	f *faults

	action  int           // a fault to apply on the next Read
	stall   chan struct{} // closed when a stall is released
	pending []byte        // bytes read past a stall's limit, served after it
	pendErr error         // the error of the read that filled pending
}

func (c *faultConn) Read(p []byte) (int, error) {
	switch c.action {
	case actDrop:
		c.Conn.Close()
		return 0, net.ErrClosed
	case actStall:
		<-c.stall
		c.action, c.stall = actNone, nil
	}
	if len(c.pending) > 0 {
		n := copy(p, c.pending)
		c.pending = c.pending[n:]
		if len(c.pending) == 0 {
			return n, c.pendErr
		}
		return n, nil
	}
	n, err := c.Conn.Read(p)
	allowed, action, stall := c.f.consume(n)
	if action == actNone {
		return n, err
	}
	c.action, c.stall = action, stall
	if action == actStall {
		c.pending, c.pendErr = append([]byte(nil), p[allowed:n]...), err
	}
	if allowed == 0 {
		return c.Read(p)
	}
	return allowed, nil
}

// CloseWrite half-closes the connection as the server's lingering close
// expects of a TCP connection.
func (c *faultConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return c.Conn.Close()
}
