package mtw

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// conn is a writer goroutine's session: connect, login, then one
// function request per batch whose single argument is the batch table,
// compressed per column. It speaks the wire package's frames directly
// because client.Conn compresses every column of a table argument with one
// method, while compressMethods chooses one per column.
type conn struct {
	nc    net.Conn
	rd    *wire.Reader
	out   bytes.Buffer // encoded arguments of the request being sent
	enc   *wire.Writer // onto out
	hdr   []byte
	sid   string
	flags int
}

// dialConn connects and logs in (login('user','password') as a script,
// the way the client package and the Go API do).
func dialConn(ctx context.Context, addr, user, password string, compress bool) (*conn, error) {
	var d net.Dialer
	nc, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	if tc, ok := nc.(*net.TCPConn); ok {
		tc.SetNoDelay(true)
	}
	c := &conn{nc: nc, rd: wire.NewReader(bufio.NewReaderSize(nc, 64<<10))}
	// The API-client flag 32 as the C++/Python API sets it; 64 announces
	// compressed table arguments.
	c.flags = 32
	if compress {
		c.flags |= 64
	}
	c.enc = wire.NewWriter(&c.out, &wire.EncodeOptions{Symbols: wire.SymbolBase})
	if dl, ok := ctx.Deadline(); ok {
		nc.SetDeadline(dl)
		defer nc.SetDeadline(timeZero)
	}
	if _, err := c.request("connect\n", nil); err != nil {
		nc.Close()
		return nil, err
	}
	if user != "" {
		if strings.ContainsAny(user+password, "'\\\n\x00") {
			_, err = c.call("login", nil, nil, value.NewString(user), value.NewString(password))
		} else {
			_, err = c.request("script\nlogin('"+user+"','"+password+"')", nil)
		}
		if err != nil {
			nc.Close()
			return nil, err
		}
	}
	return c, nil
}

// call runs the function fn (any expression evaluating to a function)
// with args; a table argument is compressed with methods.
func (c *conn) call(fn string, t *value.Table, methods []wire.Compression, args ...value.Value) (value.Value, error) {
	c.out.Reset()
	c.enc.Reset(&c.out)
	n := len(args)
	if t != nil {
		n++
		if err := c.enc.WriteTable(t, methods); err != nil {
			return nil, err
		}
	}
	for _, a := range args {
		if err := c.enc.WriteObject(a); err != nil {
			return nil, err
		}
	}
	if err := c.enc.Flush(); err != nil {
		return nil, err
	}
	return c.request("function\n"+fn+"\n"+strconv.Itoa(n)+"\n1", c.out.Bytes())
}

// request sends one frame (header, body, encoded arguments) and reads
// the reply. A server error is returned as *wire.ServerError and leaves
// the connection usable; any other error breaks it.
func (c *conn) request(body string, args []byte) (value.Value, error) {
	h := append(c.hdr[:0], "API2 "...)
	h = append(h, c.sid...)
	h = append(h, ' ')
	h = strconv.AppendInt(h, int64(len(body)), 10)
	h = append(h, " / "...)
	h = strconv.AppendInt(h, int64(c.flags), 10)
	h = append(h, "_1_4_64\n"...)
	h = append(h, body...)
	c.hdr = h
	bufs := net.Buffers{h}
	if len(args) > 0 {
		bufs = append(bufs, args)
	}
	if _, err := bufs.WriteTo(c.nc); err != nil {
		return nil, err
	}
	resp, err := c.rd.ReadResponse()
	if resp != nil && resp.SessionID != "" {
		c.sid = resp.SessionID
	}
	if err != nil {
		return nil, err
	}
	return resp.Value, nil
}

func (c *conn) close() error { return c.nc.Close() }

// serverMessage returns the server's text of an error reply.
func serverMessage(err error) (string, bool) {
	var se *wire.ServerError
	if errors.As(err, &se) {
		return se.Msg, true
	}
	return "", false
}
