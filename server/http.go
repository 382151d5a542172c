package server

import (
	"bufio"
	"embed"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"sync"
	"time"
)

// The HTTP side of the API port: a connection whose first bytes are an
// HTTP request (rather than "API") is served by net/http. It answers the
// WebSocket upgrade of the JavaScript API and the console, the web
// console's page at /, Prometheus metrics at /metrics, and, with
// Options.Pprof, Go's profiler at /debug/pprof/.

//go:embed console
var consoleFiles embed.FS

// maxHTTPHeader caps the request line and headers of an HTTP request.
const maxHTTPHeader = 64 << 10

// isHTTP reports whether a connection's first bytes start an HTTP
// request; DolphinDB's binary requests start with "API".
func isHTTP(head []byte) bool {
	for _, m := range []string{"GET ", "POST", "HEAD", "PUT ", "DELE", "OPTI", "PATC"} {
		if len(head) >= 4 && string(head[:4]) == m {
			return true
		}
	}
	return false
}

// httpHandler is the server's HTTP routes, built once.
func (s *Server) httpHandler() http.Handler {
	s.httpOnce.Do(func() {
		mux := http.NewServeMux()
		static, err := fs.Sub(consoleFiles, "console")
		if err != nil {
			panic(err) // the embedded directory is part of the binary
		}
		mux.Handle("GET /", http.FileServerFS(static))
		mux.HandleFunc("GET /metrics", s.serveMetrics)
		if s.opts.Pprof {
			registerPprof(mux)
		}
		s.httpMux = mux
	})
	return s.httpMux
}

// serveHTTP serves the connection with net/http until it closes or is
// upgraded to a WebSocket that ends. br holds the bytes read so far.
func (c *conn) serveHTTP(br *bufio.Reader) {
	// HTTP requests past the budget are refused as before: net/http ends
	// the connection on the failed read
	c.src.cr.lenient = false
	done := make(chan struct{})
	var finish sync.Once
	end := func() { finish.Do(func() { close(done) }) }
	mux := c.srv.httpHandler()
	hs := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if isWebSocket(r) {
				// A refused upgrade (403) is still to be written when the
				// handler returns: ending here would close it unsent.
				if c.serveWebSocket(w, r) {
					end()
				}
				return
			}
			mux.ServeHTTP(w, r)
		}),
		MaxHeaderBytes:    maxHTTPHeader,
		ReadHeaderTimeout: 30 * time.Second,
		IdleTimeout:       c.srv.opts.ReadTimeout,
		ErrorLog:          log.New(io.Discard, "", 0),
		ConnState: func(_ net.Conn, st http.ConnState) {
			switch st {
			case http.StateActive:
				c.setActive()
			case http.StateIdle:
				c.src.cr.release()
				// Shutdown closes idle connections; one that turns idle
				// during a shutdown is closed here.
				if !c.setIdle() {
					c.nc.Close()
				}
			case http.StateClosed:
				end()
			}
		},
	}
	l := &oneConnListener{conn: &bufferedConn{Conn: c.nc, r: br}, done: done}
	_ = hs.Serve(l)
	<-done
}

// bufferedConn reads through the bufio.Reader that peeked at the first
// bytes.
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (b *bufferedConn) Read(p []byte) (int, error) { return b.r.Read(p) }

// oneConnListener hands net/http one connection, then blocks until the
// connection is done.
type oneConnListener struct {
	mu   sync.Mutex
	conn net.Conn
	done chan struct{}
}

func (l *oneConnListener) Accept() (net.Conn, error) {
	l.mu.Lock()
	c := l.conn
	l.conn = nil
	l.mu.Unlock()
	if c != nil {
		return c, nil
	}
	<-l.done
	return nil, net.ErrClosed
}

func (l *oneConnListener) Close() error { return nil }

func (l *oneConnListener) Addr() net.Addr { return dummyAddr{} }

type dummyAddr struct{}

func (dummyAddr) Network() string { return "tcp" }
func (dummyAddr) String() string  { return "porpoise" }
