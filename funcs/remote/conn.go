package remote

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"syscall"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Conn is a connection xdb opened: a session on the remote server. A
// script may share it between jobs, so calls take turns.
type Conn struct {
	addr string
	mu   sync.Mutex
	c    *client.Conn
}

// Form implements value.Value.
func (h *Conn) Form() value.Form { return value.FormScalar }

// Type implements value.Value: a connection is a HANDLE, as a file is.
func (h *Conn) Type() value.Type { return value.Handle }

// String is how DolphinDB shows a connection: Conn[host:port:session].
func (h *Conn) String() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	sid := ""
	if h.c != nil {
		sid = h.c.SessionID()
	}
	return fmt.Sprintf("Conn[%s:%s]", h.addr, sid)
}

var errClosed = ddberr.Errorf("The connection has been closed.")

// CloseConn closes the connection; close(conn) calls it. Closing twice
// is not an error.
func (h *Conn) CloseConn() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.c == nil {
		return nil
	}
	err := h.c.Close()
	h.c = nil
	return err
}

// with runs f with the open client, one call at a time.
func (h *Conn) with(f func(c *client.Conn) (value.Value, error)) (value.Value, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.c == nil {
		return nil, errClosed
	}
	return f(h.c)
}

// dial opens a session on addr, logged in when user is set.
func dial(ctx context.Context, addr, user, password string, useTLS bool) (*Conn, error) {
	opts := client.Options{User: user, Password: password}
	if useTLS {
		// servers' certificates are self-signed unless an operator
		// installs others (DolphinDB and Porpoise write one on first
		// start), so there is no authority to check them against
		opts.TLS = &tls.Config{InsecureSkipVerify: true}
	}
	c, err := client.Dial(ctx, addr, opts)
	if err != nil {
		var se *client.ServerError
		if errors.As(err, &se) || ctx.Err() != nil {
			return nil, err
		}
		// DolphinDB reports the socket's errno (error_codes/s00019.md)
		code := int(syscall.ECONNREFUSED)
		var errno syscall.Errno
		if errors.As(err, &errno) {
			code = int(errno)
		}
		return nil, ddberr.Errorf("Failed to connect to host %s, with error code: %d. RefId: S00019", addr, code)
	}
	h := &Conn{addr: addr, c: c}
	// a connection the script drops without close() must not keep the
	// socket and the remote session for the server's lifetime
	runtime.SetFinalizer(h, func(h *Conn) { h.CloseConn() })
	return h, nil
}
