package server

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// Request flag bits.
const (
	flagUrgent     = 1
	flagSecondary  = 2
	flagAsync      = 4
	flagPickle     = 8
	flagClearMem   = 16
	flagAPIClient  = 32
	flagCompress   = 64
	flagPython     = 2048
	flagQ          = 4096
	flagPickleList = 32768
	flagReverse    = 131072
)

// maxHeaderLine caps the request header line; real headers are < 200 bytes.
const maxHeaderLine = 4096

// request is one parsed API request (§1.2-§1.4).
type request struct {
	apiType string // "API" or "API2"
	sid     string // session id field as sent (ignored)
	hasOpts bool   // the " / options" part was present
	flags   int64
	// option fields 1..8; parsed for tolerance, mostly informational
	cancellable, priority, parallelism int
	rootID                             string
	fetchSize                          int64
	clientID                           string
	seqNo                              int64
	optErr                             error // malformed option text (reported after reading the request)

	cmd       string   // connect, script, function, variable, or anything else
	body      string   // the whole body
	lines     []string // body lines after the command (function, variable, connect)
	script    string   // script requests: everything after the first LF
	bigEndian bool     // arguments are big endian
	args      []value.Value
	size      int64 // bytes of header line, body and arguments

	// room for the lines and arguments of usual requests, saving two
	// allocations per request
	lineBuf [4]string
	argBuf  [2]value.Value
}

// async reports whether the request is answered with nothing. A connect
// request is always answered: the C++ and Python APIs of an asynchronous
// session (enableASYNC) set the flag on their connect too and wait for its
// reply.
func (r *request) async() bool { return r.flags&flagAsync != 0 && r.cmd != "connect" }

// protoError is a request the server cannot process. When fatal, the
// stream position is lost (or the peer is hostile) and the connection is
// closed after the error reply.
type protoError struct {
	msg   string
	fatal bool
}

func (e *protoError) Error() string { return e.msg }

func fatalf(format string, args ...any) error {
	return &protoError{msg: fmt.Sprintf(format, args...), fatal: true}
}

// source is where requests are read from: a buffered stream and a way to
// know how many bytes of it have been consumed (for the frame cap).
type source struct {
	br       *bufio.Reader
	rd       *wire.Reader    // object decoder sharing br
	cr       *countingReader // the connection's reader (nil for bytes)
	consumed func() int64
}

// countingReader counts the bytes read from the connection; the bytes
// consumed by the parser are n minus what is still buffered.
type countingReader struct {
	r   io.Reader
	n   int64
	eng *engine.Engine // counts the bytes received (getPerf); nil: not counted

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
	// stall, when positive and conn set, is how long a read may wait for
	// the next bytes of a request that has begun (limits.go).
	stall time.Duration
	conn  net.Conn
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.stall > 0 && c.conn != nil {
		c.conn.SetReadDeadline(time.Now().Add(c.stall))
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if n > 0 {
		if c.eng != nil {
			c.eng.CountNetwork(0, int64(n))
		}
		if c.budget != nil {
			if c.lenient {
				c.budget.used.Add(int64(n))
			} else if !c.budget.take(int64(n)) {
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

func newStreamSource(r io.Reader, eng *engine.Engine) *source {
	cr := &countingReader{r: r, eng: eng}
	br := bufio.NewReaderSize(cr, 64<<10)
	return &source{br: br, rd: wire.NewReader(br), cr: cr, consumed: func() int64 { return cr.n - int64(br.Buffered()) }}
}

func newBytesSource(b []byte) *source {
	rdr := bytes.NewReader(b)
	br := bufio.NewReaderSize(rdr, 64<<10)
	return &source{br: br, rd: wire.NewReader(br), consumed: func() int64 {
		return int64(len(b)) - int64(rdr.Len()) - int64(br.Buffered())
	}}
}

// readLine reads one LF-terminated line of at most max bytes (LF
// excluded). A clean EOF before any byte is io.EOF.
func readLine(br *bufio.Reader, max int) (string, error) {
	var acc []byte
	for {
		b, err := br.ReadSlice('\n')
		if len(acc)+len(b) > max+1 {
			return "", fatalf("The request header is longer than %d bytes.", max)
		}
		if err == nil {
			if acc == nil {
				return string(b[:len(b)-1]), nil
			}
			acc = append(acc, b...)
			return string(acc[:len(acc)-1]), nil
		}
		if err == bufio.ErrBufferFull {
			acc = append(acc, b...)
			continue
		}
		if err == io.EOF && len(acc) == 0 && len(b) == 0 {
			return "", io.EOF
		}
		if err == io.EOF {
			return "", io.ErrUnexpectedEOF
		}
		return "", err
	}
}

// readRequest reads one request: header line, body, arguments. maxFrame
// bounds all of it and is checked before anything is allocated. Errors
// are io.EOF (clean end), *protoError, or I/O errors.
func readRequest(src *source, maxFrame int64) (*request, error) {
	start := src.consumed()
	line, err := readLine(src.br, maxHeaderLine)
	if err != nil {
		return nil, err
	}
	req := &request{priority: 4, parallelism: 64, cancellable: 1}
	// "<type> <sid> <length>[ / <options>]", the options possibly holding
	// spaces
	apiType, rest, ok1 := strings.Cut(line, " ")
	sid, rest, ok2 := strings.Cut(rest, " ")
	length, rest, more := strings.Cut(rest, " ")
	if !ok1 || !ok2 {
		return nil, fatalf("Invalid request header: %s", quoteHeader(line))
	}
	req.apiType, req.sid = apiType, sid
	if req.apiType != "API" && req.apiType != "API2" {
		return nil, fatalf("Invalid request header: %s", quoteHeader(line))
	}
	n, err := strconv.ParseInt(length, 10, 64)
	if err != nil || n < 0 {
		return nil, fatalf("Invalid request body length: %s", quoteHeader(length))
	}
	if more {
		slash, opts, hasOpts := strings.Cut(rest, " ")
		if slash != "/" {
			return nil, fatalf("Invalid request header: %s", quoteHeader(line))
		}
		req.hasOpts = true
		if hasOpts {
			req.optErr = req.parseOptions(opts)
		}
	}
	headerLen := int64(len(line) + 1)
	if n > maxFrame-headerLen {
		return nil, fatalf("The request of %d bytes exceeds the limit of %d bytes.", headerLen+n, maxFrame)
	}
	body, err := readBody(src.br, n)
	if err != nil {
		return nil, err
	}
	// body is fresh and never written again: the string can view it.
	req.body = unsafe.String(unsafe.SliceData(body), len(body))
	req.cmd, _, _ = strings.Cut(req.body, "\n")
	var argc int
	switch req.cmd {
	case "script":
		if i := strings.IndexByte(req.body, '\n'); i >= 0 {
			req.script = req.body[i+1:]
		}
	case "connect":
		req.lines = bodyLines(req.lineBuf[:0], req.body)
	case "function", "variable":
		req.lines = bodyLines(req.lineBuf[:0], req.body)
		if len(req.lines) < 3 {
			return nil, fatalf("Invalid %s request: the body must hold a name, an argument count and the byte order.", req.cmd)
		}
		c, err := strconv.Atoi(strings.TrimSpace(req.lines[1]))
		if err != nil || c < 0 {
			return nil, fatalf("Invalid %s request: bad argument count %s.", req.cmd, quoteHeader(req.lines[1]))
		}
		switch strings.TrimSpace(req.lines[2]) {
		case "1":
		case "0":
			req.bigEndian = true
		default:
			return nil, fatalf("Invalid %s request: bad byte order %s.", req.cmd, quoteHeader(req.lines[2]))
		}
		argc = c
	}
	if argc > 0 {
		budget := maxFrame - (src.consumed() - start)
		// every object takes at least 3 bytes (a VOID scalar)
		if int64(argc) > budget/3 {
			return nil, fatalf("The request's %d arguments exceed the limit of %d bytes.", argc, maxFrame)
		}
		src.rd.SetBigEndian(req.bigEndian)
		req.args = req.argBuf[:0]
		if argc > len(req.argBuf) {
			req.args = make([]value.Value, 0, min(argc, 1024))
		}
		for i := 0; i < argc; i++ {
			budget := maxFrame - (src.consumed() - start)
			if budget <= 0 {
				return nil, fatalf("The request exceeds the limit of %d bytes.", maxFrame)
			}
			src.rd.MaxFrame = budget
			v, err := src.rd.ReadObject()
			if err != nil {
				return nil, argError(i, err, maxFrame)
			}
			req.args = append(req.args, v)
		}
	}
	req.size = src.consumed() - start
	return req, nil
}

// readBody reads exactly n bytes, growing the buffer as data arrives so
// that a header announcing a large body costs memory only when the bytes
// are really sent.
func readBody(br *bufio.Reader, n int64) ([]byte, error) {
	const chunk = 1 << 20
	buf := make([]byte, 0, min(n, chunk))
	for int64(len(buf)) < n {
		if len(buf) == cap(buf) {
			grown := make([]byte, len(buf), len(buf)+int(min(n-int64(len(buf)), int64(len(buf)))))
			copy(grown, buf)
			buf = grown
		}
		k := min(n-int64(len(buf)), int64(cap(buf)-len(buf)))
		old := len(buf)
		buf = buf[:old+int(k)]
		if _, err := io.ReadFull(br, buf[old:]); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
	return buf, nil
}

func argError(i int, err error, maxFrame int64) error {
	var pe *protoError
	if errors.As(err, &pe) {
		return pe
	}
	switch {
	case errors.Is(err, wire.ErrLimit):
		return fatalf("Failed to deserialize argument %d: the request exceeds the limit of %d bytes (%v).", i+1, maxFrame, err)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return io.ErrUnexpectedEOF
	}
	return fatalf("Failed to deserialize argument %d: %v", i+1, err)
}

// bodyLines appends to lines the body's lines after the command (split on
// LF), dropping one trailing empty line (Go and JS end function bodies
// with LF).
func bodyLines(lines []string, body string) []string {
	_, rest, ok := strings.Cut(body, "\n")
	if !ok {
		return nil
	}
	for {
		line, tail, more := strings.Cut(rest, "\n")
		lines = append(lines, line)
		if !more {
			break
		}
		rest = tail
	}
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// parseOptions reads flag_cancellable_priority_parallelism_rootId_fetchSize_
// _clientId_seqNo; empty fields keep defaults.
func (r *request) parseOptions(s string) error {
	// Fields after the ninth are ignored.
	var buf [9]string
	parts := buf[:0]
	for len(parts) < len(buf) {
		p, rest, more := strings.Cut(s, "_")
		parts = append(parts, p)
		if !more {
			break
		}
		s = rest
	}
	num := func(i int, dst *int64) error {
		if i >= len(parts) || parts[i] == "" {
			return nil
		}
		v, err := strconv.ParseInt(parts[i], 10, 64)
		if err != nil {
			return fmt.Errorf("Invalid request option %s.", quoteHeader(parts[i]))
		}
		*dst = v
		return nil
	}
	var flags, canc, prio, par, fetch, seq int64 = 0, 1, 4, 64, 0, 0
	for i, dst := range []*int64{&flags, &canc, &prio, &par} {
		if err := num(i, dst); err != nil {
			return err
		}
	}
	if len(parts) > 4 {
		r.rootID = parts[4]
	}
	if err := num(5, &fetch); err != nil {
		return err
	}
	if len(parts) > 7 {
		r.clientID = parts[7]
	}
	if err := num(8, &seq); err != nil {
		return err
	}
	if flags < 0 {
		return fmt.Errorf("Invalid request flag %d.", flags)
	}
	r.flags, r.cancellable, r.priority, r.parallelism, r.fetchSize, r.seqNo = flags, int(canc), int(prio), int(par), fetch, seq
	return nil
}

// quoteHeader renders (a prefix of) untrusted header text for an error.
func quoteHeader(s string) string {
	if len(s) > 64 {
		s = s[:64] + "..."
	}
	return strconv.Quote(s)
}

// oneLine makes an error text fit the reply's single status line (§5).
func oneLine(s string) string {
	if s == "" {
		return "Unknown error"
	}
	if s == "OK" {
		return "Error: OK"
	}
	if strings.ContainsAny(s, "\r\n") {
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

// appendReplyHeader appends "<sid> <count> 1\n".
func appendReplyHeader(b []byte, sid string, count int) []byte {
	b = append(b, sid...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(count), 10)
	return append(b, " 1\n"...)
}

// errorReply is the complete error reply (§5).
func errorReply(sid, msg string) []byte {
	b := appendReplyHeader(nil, sid, 0)
	b = append(b, oneLine(msg)...)
	return append(b, '\n')
}

// msgRecord is one print-output record "MSG\n<text>\0".
func msgRecord(text string) []byte {
	text = strings.TrimSuffix(text, "\n")
	b := make([]byte, 0, len(text)+5)
	b = append(b, "MSG\n"...)
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == 0 {
			c = ' '
		}
		b = append(b, c)
	}
	return append(b, 0)
}
