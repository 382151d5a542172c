package server

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/ctxval"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/jobs"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/words"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
	"github.com/porpoisedb/porpoise/wire/pickle"
)

type connState uint8

const (
	stateIdle   connState = iota // waiting for the next request
	stateActive                  // reading or running a request, writing its reply
)

// transport sends replies and print records of one connection.
type transport interface {
	// sendMsg sends one print record (before the reply).
	sendMsg(rec []byte) error
	// sendReply sends one complete reply.
	sendReply(b []byte) error
}

// conn is one client connection and its engine session.
type conn struct {
	srv  *Server
	nc   net.Conn
	sid  string
	sess *engine.Session

	state  connState // guarded by srv.mu
	closed bool      // guarded by srv.mu

	ctx    context.Context
	cancel context.CancelFunc
	// reqCtx, when set, is the running request's context: cancelled also
	// when the peer hangs up (cancel_watch.go).
	reqCtx context.Context
	br     *bufio.Reader // the binary protocol's reader, for the watch
	src    *source       // the connection's stream (budget, stall timeout)
	// reject, when set, is the error the connection's first request gets
	// (accepted past maxConnections).
	reject string

	cpp     bool      // the client marshals like the C++ API (flag 32 / "API" connect)
	ws      bool      // JavaScript over WebSocket
	dialect wire.Flag // FlagPython/FlagQ chosen by the WebSocket sub-protocol

	tr      transport
	printTo transport // non-nil while a request may print
	out     bytes.Buffer
	enc     *wire.Writer
	pickled []byte // the last pickle reply, reused when small
	// pub is the sink of a publishTable request (publish.go).
	pub *publisher
}

func (s *Server) newConn(nc net.Conn) *conn {
	var id int64
	if s.opts.SessionID != nil {
		id = s.opts.SessionID()
	} else {
		id = rand.Int64N(1<<31-1) + 1
	}
	s.metrics.sessions.Add(1)
	ctx, cancel := context.WithCancel(s.baseCtx)
	c := &conn{srv: s, nc: nc, sid: strconv.FormatInt(id, 10), ctx: ctx, cancel: cancel}
	meta := engine.SessionMeta{ID: id, Close: func() {
		s.mu.Lock()
		c.closeLocked()
		s.mu.Unlock()
		cancel()
	}}
	if ta, ok := nc.RemoteAddr().(*net.TCPAddr); ok {
		meta.RemoteIP, meta.RemotePort = ta.IP.String(), ta.Port
	}
	c.sess = s.eng.OpenSession(meta)
	c.sess.SetOutput(printWriter{c})
	c.enc = wire.NewWriter(&c.out, nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutting {
		cancel()
		c.sess.Close()
		return nil
	}
	if max := s.eng.MaxConnections(); len(s.conns) >= max {
		c.reject = maxConnectionsText(max)
	}
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	return c
}

// closeLocked closes the network connection; srv.mu is held.
func (c *conn) closeLocked() {
	if !c.closed {
		c.closed = true
		c.nc.Close()
	}
}

// setIdle marks the connection as waiting for a request; it reports false
// when the server is shutting down (the connection must end).
func (c *conn) setIdle() bool {
	s := c.srv
	s.mu.Lock()
	defer s.mu.Unlock()
	c.state = stateIdle
	if s.shutting {
		s.signalIdle()
		return false
	}
	return true
}

// setActive marks the start of a request; false when shutting down.
func (c *conn) setActive() bool {
	s := c.srv
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutting || c.closed {
		return false
	}
	c.state = stateActive
	return true
}

func (c *conn) serve() {
	s := c.srv
	c.recordACL("newConnection")
	defer func() {
		if r := recover(); r != nil {
			st := debug.Stack()
			s.log.Error("connection panic", "remote", c.nc.RemoteAddr(), "panic", r, "stack", string(st))
			if s.onPanic != nil {
				s.onPanic(r, st)
			}
		}
		c.cancel()
		if c.pub != nil {
			c.pub.stop()
		}
		c.recordACL("closeConnection")
		c.sess.Close()
		if c.src != nil {
			c.src.cr.release()
		}
		s.mu.Lock()
		c.closeLocked()
		delete(s.conns, c)
		s.mu.Unlock()
		s.signalIdle()
		s.wg.Done()
	}()
	src := c.newSource(c.nc)
	if !c.waitRequest(src.br) {
		return
	}
	if first, err := src.br.Peek(1); err == nil && first[0] == tlsHandshakeRecord {
		tc, err := c.startTLS(src.br)
		if err != nil {
			s.log.Debug("TLS handshake failed", "remote", c.nc.RemoteAddr(), "err", err)
			return
		}
		s.mu.Lock()
		c.nc = tc
		s.mu.Unlock()
		c.src.cr.release()
		src = c.newSource(tc)
		if _, err := src.br.Peek(1); err != nil {
			return
		}
	}
	head, err := src.br.Peek(4)
	if err != nil && len(head) == 0 {
		return
	}
	if isHTTP(head) {
		if c.reject != "" {
			c.nc.Write([]byte("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " +
				strconv.Itoa(len(c.reject)) + "\r\n\r\n" + c.reject))
			return
		}
		c.serveHTTP(src.br)
		return
	}
	if c.reject != "" {
		c.rejectOverLimit(src)
		return
	}
	c.serveBinary(src)
}

// recordACL records newConnection or closeConnection in the ACL audit
// trail, with an empty opDetail as funcs/g/getaclauditlog.md lists them:
// by the session's user at the time (guest on a new connection, as the
// page's example shows; the page has no closeConnection row, so its user
// is the one logged in when the connection ends). A connection refused
// past maxConnections is not recorded: it never serves a request.
func (c *conn) recordACL(opType string) {
	if c.reject == "" {
		audit.RecordACL(c.sess.AuditContext(context.Background()), opType, "")
	}
}

// newSource makes the connection's request stream, counted against the
// server's budget.
func (c *conn) newSource(nc net.Conn) *source {
	src := newStreamSource(nc, c.sess)
	src.cr.budget = &c.srv.budget
	src.cr.conn = nc
	src.cr.lenient = true // until the protocol is known (serveBinary, serveHTTP)
	c.src = src
	return src
}

// waitRequest waits, idle, for the first byte of the next request.
func (c *conn) waitRequest(br *bufio.Reader) bool {
	if !c.setIdle() {
		return false
	}
	if t := c.srv.opts.ReadTimeout; t > 0 {
		c.nc.SetReadDeadline(time.Now().Add(t))
	}
	if _, err := br.Peek(1); err != nil {
		return false
	}
	return c.setActive()
}

// tcpTransport writes replies straight to the connection.
type tcpTransport struct {
	bw  *bufio.Writer
	net netCounter
}

func (t *tcpTransport) sendMsg(rec []byte) error {
	return t.sendReply(rec)
}

func (t *tcpTransport) sendReply(b []byte) error {
	if _, err := t.bw.Write(b); err != nil {
		return err
	}
	t.net.CountNetwork(int64(len(b)), 0)
	return t.bw.Flush()
}

// serveBinary runs the binary API protocol: one request after another.
func (c *conn) serveBinary(src *source) {
	c.tr = &tcpTransport{bw: bufio.NewWriterSize(c.nc, 64<<10), net: c.sess}
	c.br = src.br
	first := true
	for {
		if !first && !c.waitRequest(src.br) {
			return
		}
		first = false
		src.cr.stall, src.cr.lenient = c.srv.stallTimeout(), false
		req, err := src.readRequest(c.srv.opts.MaxFrame)
		src.cr.stall, src.cr.lenient = 0, true
		c.nc.SetReadDeadline(time.Time{})
		var re *wire.RequestError
		if err != nil && !(errors.As(err, &re) && re.Whole) {
			c.requestFailed(err)
			return
		}
		if !c.run(req, err) {
			return
		}
		if c.pub != nil && c.pub.sub != nil {
			c.publishTCP(c.pub)
			return
		}
	}
}

// requestFailed answers a request that could not be read, when that makes
// sense, before the connection is closed.
func (c *conn) requestFailed(err error) {
	if text, ok := refusalText(err); ok {
		c.srv.log.Warn("bad request", "remote", c.nc.RemoteAddr(), "err", text)
		// the request is dropped: its bytes go back to the budget before
		// the peer, told so, can send the next one
		c.src.cr.release()
		if c.tr.sendReply(errorReply(c.sid, text)) == nil {
			c.lingeringClose()
		}
		return
	}
	if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
		c.srv.log.Debug("connection read error", "remote", c.nc.RemoteAddr(), "err", err)
	}
}

// refusalText is the reply to a request that could not be read: the
// receive budget's error, or the protocol error wire reports; other
// errors (the peer went away) get no reply.
func refusalText(err error) (string, bool) {
	var be *budgetExceeded
	if errors.As(err, &be) {
		return be.Error(), true
	}
	var re *wire.RequestError
	if errors.As(err, &re) {
		return re.Error(), true
	}
	return "", false
}

// lingeringClose half-closes the connection and drains what the peer is
// still sending, so that closing does not reset the connection and
// destroy the error reply before the peer reads it: API clients send the
// whole request before they read. The drain ends at the peer's end of
// stream, after a second without bytes, or after MaxFrame bytes (no
// request is longer); the bytes are discarded, not held.
func (c *conn) lingeringClose() {
	cw, ok := c.nc.(interface{ CloseWrite() error })
	if !ok {
		return
	}
	if cw.CloseWrite() != nil {
		return
	}
	buf := make([]byte, 32<<10)
	for left := c.srv.opts.MaxFrame; left > 0; {
		c.nc.SetReadDeadline(time.Now().Add(time.Second))
		n, err := c.nc.Read(buf[:min(int64(len(buf)), left)])
		left -= int64(n)
		if err != nil {
			return
		}
	}
}

// run executes one request and sends its reply; false ends the
// connection. A request whose options were malformed (refused) is
// answered with that error.
func (c *conn) run(req *wire.Request, refused error) bool {
	opts := &req.Options
	if opts.Flags&wire.FlagAPIClient != 0 || req.API == "API" && req.Kind == wire.KindConnect {
		c.cpp = true
	}
	if opts.ClientID != "" && opts.SeqNo < 0 {
		if rest, ok := c.srv.dedup.lookup(dedupKey(opts.ClientID, c.sess.User()), -opts.SeqNo); ok {
			if c.src != nil {
				c.src.cr.release()
			}
			if req.Async() {
				return true
			}
			return c.tr.sendReply(append([]byte(c.sid), rest...)) == nil
		}
	}
	var reply []byte
	func() {
		defer func() {
			if r := recover(); r != nil {
				st := debug.Stack()
				c.srv.log.Error("request panic", "remote", c.nc.RemoteAddr(), "cmd", req.Command, "panic", r, "stack", string(st))
				if c.srv.onPanic != nil {
					c.srv.onPanic(r, st)
				}
				reply = errorReply(c.sid, fmt.Sprintf("internal error: %v", r))
			}
		}()
		if !req.Async() {
			c.printTo = c.tr
		}
		defer func() { c.printTo = nil }()
		if c.br != nil && !req.Async() {
			ctx, cancel := context.WithCancel(c.ctx)
			defer cancel()
			defer c.watchDisconnect(c.br, cancel)()
			c.reqCtx = ctx
			defer func() { c.reqCtx = nil }()
		}
		reply = c.execute(req, refused)
	}()
	if c.src != nil {
		// The request's bytes are garbage once it has run; given back
		// before the reply, so that the client's next request, sent once
		// it has the reply, finds the budget free.
		c.src.cr.release()
	}
	if opts.ClientID != "" && opts.SeqNo > 0 {
		// kept without the session id, which the retry's connection replaces
		c.srv.dedup.store(dedupKey(opts.ClientID, c.sess.User()), opts.SeqNo, reply[len(c.sid):])
	}
	if c.out.Cap() > 4<<20 {
		c.out = bytes.Buffer{}
	}
	if req.Async() {
		return true
	}
	return c.tr.sendReply(reply) == nil
}

// execute runs a request and returns the complete reply.
func (c *conn) execute(req *wire.Request, refused error) []byte {
	if refused != nil {
		return errorReply(c.sid, refused.Error())
	}
	flags := req.Options.Flags
	start := time.Now()
	ctx := c.ctx
	if c.reqCtx != nil {
		ctx = c.reqCtx
	}
	// getConsoleJobs shows the request's own priority and parallelism
	ctx = ctxval.With(ctx, jobs.Request{Priority: req.Options.Priority, Parallelism: req.Options.Parallelism})
	if t := c.srv.opts.RequestTimeout; t > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t)
		defer cancel()
	}
	if flags&wire.FlagClearMemory != 0 && (req.Kind == wire.KindScript || req.Kind == wire.KindFunction) {
		// deferred so that failed and panicking requests are cleared too
		defer c.dropNewVars(c.sess.VarNames())
	}
	var (
		v       value.Value
		err     error
		handled bool
	)
	if h := c.srv.execHook; h != nil {
		v, err, handled = h(c, req)
	}
	switch {
	case handled:
	case req.Kind == wire.KindConnect:
		v, err = c.connect(req)
	case req.Kind == wire.KindScript:
		var d words.Dialect
		if d, err = c.checkDialect(flags); err == nil {
			// the clients send their session's dialect with every request
			v, err = c.sess.RunContext(sqlparse.WithDialect(ctx, d), req.Script)
		}
	case req.Kind == wire.KindFunction:
		v, err = c.function(ctx, req)
	case req.Kind == wire.KindVariable:
		err = c.variable(req)
	default:
		err = ddberr.Errorf("Unknown request type %s.", wire.QuoteText(req.Command))
	}
	c.srv.metrics.request(req, start, v, err)
	if err != nil {
		return errorReply(c.sid, errorText(err))
	}
	if req.Options.FetchSize > 0 {
		return c.encodeReply(inBlocks(v, int64(req.Options.FetchSize)))
	}
	if flags&wire.FlagPickle != 0 {
		return c.encodePickleReply(v, flags&wire.FlagPickleTableAsList != 0)
	}
	return c.encodeReply(v)
}

// inBlocks answers a request with a fetchSize (the APIs' BlockReader): a
// table result goes as a tuple of tables of at most fetchSize rows each,
// which the client reads one block at a time (rows = blocks, columns = 1,
// then each table). Other results go as they are; the client then raises
// its own "Fetch size can only be set when executing scripts that return
// a table."
func inBlocks(v value.Value, fetchSize int64) value.Value {
	w, err := toWire(v)
	if err != nil {
		return v
	}
	t, ok := w.(*value.Table)
	if !ok {
		return v
	}
	n := int64(t.Rows())
	var blocks []value.Value
	for lo := int64(0); lo < n || lo == 0; lo += fetchSize {
		blocks = append(blocks, t.Slice(int(lo), int(min(lo+fetchSize, n))))
		if n == 0 {
			break
		}
	}
	return value.NewTuple(blocks)
}

// encodePickleReply answers a request with the pickle flag (8): a table
// whose columns the pickle encoder renders goes as a pickle stream
// (pickle.AppendTable; as a list of columns with flag 32768), every
// other object in the binary form, which the Python API decodes alike.
func (c *conn) encodePickleReply(v value.Value, asList bool) []byte {
	w, err := toWire(v)
	if err != nil {
		return errorReply(c.sid, err.Error())
	}
	t, ok := w.(*value.Table)
	if ok && pickle.HasBlob(t) {
		// DolphinDB refuses such a table rather than falling back to
		// the binary form
		return errorReply(c.sid, ddberr.Errorf("The pickle protocol does not support BLOB.").Error())
	}
	if !ok || !pickle.Renders(t) {
		return c.encodeReply(w)
	}
	b := wire.AppendResponseHeader(c.pickled[:0], c.sid, 1, false)
	b = pickle.AppendTable(b, t, asList)
	if cap(b) <= 4<<20 {
		c.pickled = b
	}
	return b
}

// dropNewVars undefines the session variables that are not in before:
// the clear-memory flag (16) drops what a request created, while
// variables it only reassigned keep their new values.
func (c *conn) dropNewVars(before []string) {
	after := c.sess.VarNames()
	if len(after) == 0 {
		return
	}
	old := make(map[string]struct{}, len(before))
	for _, n := range before {
		old[n] = struct{}{}
	}
	var created []string
	for _, n := range after {
		if _, ok := old[n]; !ok {
			created = append(created, n)
		}
	}
	if len(created) > 0 {
		c.sess.Undef(created...)
	}
}

// errorText is the text of an error reply: the engine's message as is.
func errorText(err error) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return "The request was cancelled: it ran longer than the server's request timeout."
	}
	if errors.Is(err, context.Canceled) {
		return "The request was cancelled: the server is shutting down."
	}
	return err.Error()
}

// checkDialect is the SQL dialect a script request asks for (bits 19-20:
// DolphinDB, Oracle, MySQL), refusing the Python and q parsers.
func (c *conn) checkDialect(flags wire.Flag) (words.Dialect, error) {
	switch {
	case flags&wire.FlagPython != 0:
		return 0, ddberr.Errorf("Porpoise does not support Python parser sessions.")
	case flags&wire.FlagQ != 0:
		return 0, ddberr.Errorf("Porpoise does not support kdb+/q sessions.")
	}
	d := words.Dialect(flags.SQLStandard())
	if d > words.MySQL {
		return 0, ddberr.Errorf("Unknown SQL standard %d.", int(d))
	}
	return d, nil
}

// The reply encodings; Writer.SetOptions copies them.
var (
	cppEncoding   = wire.EncodeOptions{Symbols: wire.SymbolBase}
	plainEncoding = wire.EncodeOptions{Symbols: wire.SymbolPlain}
)

// encodeOptions picks the SYMBOL encoding the client expects.
func (c *conn) encodeOptions() *wire.EncodeOptions {
	if c.cpp {
		return &cppEncoding
	}
	return &plainEncoding
}

// encodeReply builds "<sid> n 1\nOK\n[object]" in c.out and returns a
// view of it, valid until the next request: the reply is sent before
// that, and the retry cache keeps a copy.
func (c *conn) encodeReply(v value.Value) []byte {
	v, err := toWire(v)
	if err != nil {
		return errorReply(c.sid, err.Error())
	}
	c.out.Reset()
	count := 0
	if v != nil {
		count = 1
	}
	c.out.Write(wire.AppendResponseHeader(c.out.AvailableBuffer(), c.sid, count, false))
	if v != nil {
		c.enc.Reset(&c.out)
		c.enc.SetOptions(c.encodeOptions())
		if err := c.enc.WriteObject(v); err == nil {
			err = c.enc.Flush()
		}
		if err := c.enc.Err(); err != nil {
			c.enc.Reset(io.Discard)
			return errorReply(c.sid, "Failed to serialize the result: "+err.Error())
		}
	}
	return c.out.Bytes()
}

// connect answers the connect request; the JavaScript API logs in with it
// ("connect\nlogin\n<user>\n<password>").
func (c *conn) connect(req *wire.Request) (value.Value, error) {
	if req.User != "" || req.Password != "" {
		user, pw := req.User, req.Password
		if req.Encrypted {
			var err error
			if user, pw, err = c.srv.decryptCredentials(user, pw); err != nil {
				return nil, err
			}
		}
		if err := c.sess.Login(user, pw, req.Encrypted); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// variable assigns uploaded objects to session variables.
func (c *conn) variable(req *wire.Request) error {
	if len(req.Names) != len(req.Args) {
		return ddberr.Errorf("The number of variable names (%d) doesn't match the number of objects (%d).", len(req.Names), len(req.Args))
	}
	names := make([]string, len(req.Names))
	for i, n := range req.Names {
		if names[i] = trimSpace(n); !validName(names[i]) {
			return ddberr.Errorf("Invalid variable name %s.", wire.QuoteText(names[i]))
		}
	}
	for i, n := range names {
		c.sess.Set(n, req.Args[i])
	}
	return nil
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// validName reports whether s is a DolphinDB identifier.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= 0x80:
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// printWriter sends the session's print output as MSG records of the
// current request (dropped for async requests and between requests).
type printWriter struct{ c *conn }

func (p printWriter) Write(b []byte) (int, error) {
	if t := p.c.printTo; t != nil {
		if err := t.sendMsg(msgRecord(string(b))); err != nil {
			p.c.printTo = nil
		}
	}
	return len(b), nil
}

// errorReply is the complete error reply (§5); the server's replies are
// little endian.
func errorReply(sid, msg string) []byte { return wire.AppendError(nil, sid, msg, false) }

// msgRecord is the print-output record of text, without the line break
// print ends it with.
func msgRecord(text string) []byte {
	text = strings.TrimSuffix(text, "\n")
	return wire.AppendMessage(make([]byte, 0, len(text)+5), text)
}
