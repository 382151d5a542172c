package client

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// Options configures Dial.
type Options struct {
	// User and Password log the session in after connecting; with an
	// empty User the session stays logged out.
	User, Password string
	// Compression, when not CompressNone, sends every TABLE argument and
	// uploaded table with its columns compressed by this method (LZ4 or
	// DELTA; DELTA applies to SHORT/INT/LONG-based columns, others use
	// LZ4; SYMBOL columns stay plain), setting the compression flag of the
	// request as the C++ API does. A CompressedTable argument chooses its
	// own methods per column instead.
	Compression wire.Compression
	// Flags are request flag bits sent with every request, e.g.
	// wire.FlagAPIClient|wire.FlagCompress as the C++ API's
	// MultithreadedTableWriter sends them. Only the flags the server acts
	// on change its behaviour.
	Flags wire.Flag
	// Symbols is how non-empty SYMBOL vectors of arguments are sent: the
	// Go API's plain strings (the zero value) or the C++ API's symbol
	// bases, which are smaller and cheaper for the server to decode when
	// values repeat.
	Symbols wire.SymbolMode
	// Output receives the server's print output (MSG records), one Write
	// per record: its text and a newline; nil discards it.
	Output io.Writer
	// MaxReply caps the size of one reply object; 0 means
	// wire.DefaultMaxFrame.
	MaxReply int64
	// Dialer dials the TCP connection; nil uses a zero net.Dialer.
	Dialer *net.Dialer
	// TLS, when set, runs the session over TLS with this configuration
	// (the server's useSSL / enableSSL).
	TLS *tls.Config
}

// ServerError is an error reply: Error() is exactly the server's text;
// it is the ddberr.Error an embedded engine returns for the same failure,
// with the code and kind read from the text.
type ServerError = ddberr.Error

// ErrClosed is returned by calls on a closed or broken Conn.
var ErrClosed = errors.New("client: connection closed")

// Conn is one session on a DolphinDB-compatible server. See the package
// documentation for its concurrency rules.
type Conn struct {
	mu     sync.Mutex
	nc     net.Conn
	br     *bufio.Reader
	rd     *wire.Reader
	wr     *wire.Writer
	body   bytes.Buffer // encoded arguments of the request being sent
	hdr    []byte       // header line and body of the request being sent
	opts   Options
	sid    string
	broken error
}

// Dial connects to addr ("host:port"), sends connect and, when
// opts.User is set, logs in with the script login('user','password').
func Dial(ctx context.Context, addr string, opts Options) (*Conn, error) {
	d := opts.Dialer
	if d == nil {
		d = &net.Dialer{}
	}
	nc, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	if opts.TLS != nil {
		tc := tls.Client(nc, opts.TLS)
		if err := tc.HandshakeContext(ctx); err != nil {
			nc.Close()
			return nil, err
		}
		nc = tc
	}
	c := &Conn{nc: nc, opts: opts}
	c.br = bufio.NewReaderSize(nc, 64<<10)
	c.rd = wire.NewReader(c.br)
	if opts.MaxReply > 0 {
		c.rd.MaxFrame = opts.MaxReply
	}
	if opts.Output != nil {
		c.rd.Message = func(text string) { opts.Output.Write([]byte(text + "\n")) }
	}
	c.wr = wire.NewWriter(&c.body, &wire.EncodeOptions{Symbols: opts.Symbols})
	if _, err := c.do(ctx, &wire.Request{Kind: wire.KindConnect}); err != nil {
		nc.Close()
		return nil, err
	}
	if opts.User != "" {
		if err := c.login(ctx, opts.User, opts.Password); err != nil {
			nc.Close()
			return nil, err
		}
	}
	return c, nil
}

func (c *Conn) login(ctx context.Context, user, pw string) error {
	if strings.ContainsAny(user+pw, "'\\\n\x00") {
		// The Go API pastes the credentials into a script; use the
		// function form when that would not parse.
		_, err := c.RunFunc(ctx, "login", value.NewString(user), value.NewString(pw))
		return err
	}
	_, err := c.Run(ctx, "login('"+user+"','"+pw+"')")
	return err
}

// SessionID is the id the server gave the session.
func (c *Conn) SessionID() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sid
}

// Close closes the connection.
func (c *Conn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.broken == ErrClosed {
		return nil
	}
	c.broken = ErrClosed
	return c.nc.Close()
}

// Run runs a script and returns the value of its last statement (nil
// when the server returns no object).
func (c *Conn) Run(ctx context.Context, script string) (value.Value, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.do(ctx, &wire.Request{Kind: wire.KindScript, Script: script})
}

// CompressedTable is a table argument of RunFunc or Upload sent with its
// columns compressed, as the C++ API's
// MultithreadedTableWriter sends batches: column i with Methods[i]. LZ4
// compresses any column; DELTA applies to SHORT/INT/LONG-based columns
// (temporal types, DECIMAL32/64) and falls back to LZ4 elsewhere; SYMBOL,
// array-vector and ANY columns, columns marked wire.CompressNone and
// columns past the end of Methods are sent plain. The request carries
// the compression flag.
type CompressedTable struct {
	*value.Table
	Methods []wire.Compression
}

// frame completes q's header as the Go API writes it: an empty session
// id for connect and scripts, and no options for uploads without flags.
func (c *Conn) frame(q *wire.Request, flags wire.Flag) {
	q.API = "API2"
	if q.Kind != wire.KindScript && q.Kind != wire.KindConnect {
		q.SessionID = c.sid
	}
	q.HasOptions = flags != 0 || q.Kind != wire.KindVariable
	q.Options = wire.DefaultOptions()
	q.Options.Flags = flags
}

// RunFunc calls a function with arguments. name may be any expression
// evaluating to a function, e.g. a partial application such as
// `tableInsert{"t"}` or `upsert!{t,,true}`. A *CompressedTable argument
// is sent compressed.
func (c *Conn) RunFunc(ctx context.Context, name string, args ...value.Value) (value.Value, error) {
	if strings.ContainsAny(name, "\n\x00") {
		return nil, errors.New("client: the function name must not contain line breaks or NUL")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.do(ctx, &wire.Request{Kind: wire.KindFunction, Function: name, TrailingLF: true, Args: args})
}

// Upload assigns session variables on the server; a *CompressedTable
// value is sent compressed.
func (c *Conn) Upload(ctx context.Context, vars map[string]value.Value) error {
	if len(vars) == 0 {
		return nil
	}
	names := make([]string, 0, len(vars))
	for n := range vars {
		if n == "" || strings.ContainsAny(n, ",\n\x00 ") {
			return fmt.Errorf("client: invalid variable name %q", n)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	args := make([]value.Value, len(names))
	for i, n := range names {
		args[i] = vars[n]
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err := c.do(ctx, &wire.Request{Kind: wire.KindVariable, Names: names, Args: args})
	return err
}

// do sends one request and reads its reply; c.mu is held.
func (c *Conn) do(ctx context.Context, q *wire.Request) (v value.Value, err error) {
	if c.broken != nil {
		return nil, c.broken
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Encode the arguments first: an unencodable value fails the call
	// without touching the stream.
	flags := c.opts.Flags
	c.body.Reset()
	if len(q.Args) > 0 {
		c.wr.Reset(&c.body)
		for _, a := range q.Args {
			f, err := c.writeArg(a)
			if err != nil {
				return nil, fmt.Errorf("client: encode argument: %w", err)
			}
			flags |= f
		}
		if err := c.wr.Flush(); err != nil {
			return nil, fmt.Errorf("client: encode argument: %w", err)
		}
	}
	stop := c.watch(ctx)
	defer func() {
		err = contextError(ctx, stop(), err)
		if err != nil {
			var se *ServerError
			if !errors.As(err, &se) {
				c.broken = fmt.Errorf("client: connection unusable after an earlier error: %w", err)
				c.nc.Close()
			}
		}
	}()
	c.frame(q, flags)
	if c.hdr, err = q.AppendHeader(c.hdr[:0]); err != nil {
		return nil, err
	}
	// One gathered write: the encoded arguments (megabytes for a batch)
	// are not copied into a socket buffer.
	bufs := net.Buffers{c.hdr, c.body.Bytes()}
	_, err = bufs.WriteTo(c.nc)
	if c.body.Cap() > maxKeptBuffer {
		c.body = bytes.Buffer{}
	}
	if err != nil {
		return nil, err
	}
	return c.readReply()
}

// contextError is the error a call reports when its I/O failed with err:
// ctx's own error when ctx ended the I/O (ended) or when the socket
// deadline taken from ctx fired. The socket deadline can fire a moment
// before the context's timer marks it done, and the timer can mark it
// done while this runs, so ctx is asked once.
func contextError(ctx context.Context, ended bool, err error) error {
	if err == nil || !ended && !errors.Is(err, os.ErrDeadlineExceeded) {
		return err
	}
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	if d, ok := ctx.Deadline(); ok && !time.Now().Before(d) {
		return context.DeadlineExceeded
	}
	return err
}

// maxKeptBuffer bounds the argument buffer a Conn keeps between calls.
const maxKeptBuffer = 16 << 20

// writeArg encodes one argument and returns the request flags it needs.
func (c *Conn) writeArg(a value.Value) (wire.Flag, error) {
	var t *value.Table
	var methods []wire.Compression
	switch x := a.(type) {
	case *CompressedTable:
		if x == nil || x.Table == nil {
			return 0, errors.New("nil CompressedTable")
		}
		if len(x.Methods) > x.NumCols() {
			return 0, fmt.Errorf("%d compression methods for a table of %d columns", len(x.Methods), x.NumCols())
		}
		t, methods = x.Table, make([]wire.Compression, len(x.Methods))
		copy(methods, x.Methods)
	case CompressedTable:
		return c.writeArg(&x)
	case *value.Table:
		if c.opts.Compression == wire.CompressNone {
			return 0, c.wr.WriteObject(a)
		}
		t, methods = x, make([]wire.Compression, x.NumCols())
		for i := range methods {
			methods[i] = c.opts.Compression
		}
	default:
		return 0, c.wr.WriteObject(a)
	}
	for i, m := range methods {
		switch m {
		case wire.CompressNone, wire.CompressLZ4:
		case wire.CompressDelta:
			if !wire.DeltaEncodes(t.Cols[i].T) {
				methods[i] = wire.CompressLZ4
			}
		default:
			return 0, fmt.Errorf("column %d: unknown compression method %d", i, m)
		}
	}
	return wire.FlagCompress, c.wr.WriteTable(t, methods)
}

// watch makes the connection's I/O follow ctx: its deadline, and an
// immediate deadline on cancellation. stop reports whether ctx ended the
// I/O.
func (c *Conn) watch(ctx context.Context) (stop func() bool) {
	if d, ok := ctx.Deadline(); ok {
		c.nc.SetDeadline(d)
	}
	if ctx.Done() == nil {
		return func() bool {
			if _, ok := ctx.Deadline(); ok {
				c.nc.SetDeadline(time.Time{})
			}
			return false
		}
	}
	done := make(chan struct{})
	fired := make(chan bool, 1)
	go func() {
		select {
		case <-ctx.Done():
			c.nc.SetDeadline(time.Unix(1, 0))
			fired <- true
		case <-done:
			fired <- false
		}
	}()
	return func() bool {
		close(done)
		f := <-fired
		c.nc.SetDeadline(time.Time{})
		return f || ctx.Err() != nil
	}
}

// readReply reads the reply (print records go to Options.Output as
// they arrive); an error reply is a *ServerError.
func (c *Conn) readReply() (value.Value, error) {
	resp, err := c.rd.ReadResponse()
	if resp != nil {
		c.sid = resp.SessionID
	}
	var se *wire.ServerError
	switch {
	case errors.As(err, &se):
		return nil, ddberr.New(se.Msg)
	case err == io.EOF:
		return nil, io.ErrUnexpectedEOF
	case errors.Is(err, wire.ErrMalformed), errors.Is(err, wire.ErrLimit), errors.Is(err, wire.ErrUnsupported):
		return nil, fmt.Errorf("client: decode reply: %w", err)
	case err != nil:
		return nil, err
	}
	return resp.Value, nil
}
