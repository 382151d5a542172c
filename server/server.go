package server

import (
	"context"
	"crypto/rsa"
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// DefaultMaxFrame is the default cap on one request (header, body and
// arguments, or one WebSocket message).
const DefaultMaxFrame = 256 << 20

// ErrServerClosed is returned by Serve and ListenAndServe after Shutdown.
var ErrServerClosed = errors.New("server: Server closed")

// Options configures a Server. The zero value is usable.
type Options struct {
	// MaxFrame caps the bytes of one request (header line, body and
	// arguments; for WebSocket the whole message). Larger requests are
	// refused before their data is allocated and their connection is
	// closed. 0 means DefaultMaxFrame.
	MaxFrame int64
	// ReadTimeout, when positive, bounds the time a connection may take to
	// send its next request (waiting included); 0 waits forever, which is
	// what pooled clients (MultithreadedTableWriter) expect.
	ReadTimeout time.Duration
	// RequestTimeout, when positive, cancels a request's execution after
	// that long (the engine stops between statements).
	RequestTimeout time.Duration
	// Logger receives connection-level events (protocol errors, panics);
	// nil discards them.
	Logger *slog.Logger
	// RSAKey is the key whose public half getDynamicPublicKey hands to
	// C++/Python clients for encrypted login; nil uses a 2048-bit key
	// generated once per process.
	RSAKey *rsa.PrivateKey
	// Pprof serves Go's profiler at /debug/pprof/ on the HTTP side of the
	// port (porpoise --pprof); off by default, as profiles expose the
	// process's internals to anyone who can reach the port.
	Pprof bool
	// SessionID, when set, supplies the session id of each new connection
	// (tests use it to compare replies byte for byte); the default is a
	// random positive 31-bit number.
	SessionID func() int64
	// StallTimeout bounds the wait for the next bytes of a request that
	// has begun (a half-sent request); 0 uses the engine's tcpUserTimeout
	// (DolphinDB's default 300 s), negative waits forever.
	StallTimeout time.Duration
	// MaxReceiving is the server-wide budget of request bytes received
	// and not yet executed; a request that would pass it is refused and
	// its connection closed. 0 means DefaultMaxReceiving (at least
	// MaxFrame).
	MaxReceiving int64
	// WebSocketOrigins, when not empty, is the allow-list of the Origin
	// header of WebSocket upgrades: host patterns in path.Match syntax
	// ("console.example.com", "*.example.com"). Empty accepts any origin,
	// as DolphinDB does; a request without an Origin header (not from a
	// browser) and a page served by this server are always accepted.
	WebSocketOrigins []string
	// TLS serves TLS clients (useSSL=True) on the same port with this
	// configuration; nil makes a self-signed certificate on the first TLS
	// connection.
	TLS *tls.Config
}

// Server serves the DolphinDB API protocol over one engine.
type Server struct {
	eng  *engine.Engine
	opts Options
	log  *slog.Logger

	baseCtx context.Context
	cancel  context.CancelFunc

	mu        sync.Mutex
	listeners map[net.Listener]struct{}
	conns     map[*conn]struct{}
	shutting  bool
	idleCh    chan struct{} // signalled when a connection ends or turns idle during shutdown
	wg        sync.WaitGroup

	dedup dedupCache
	// budget bounds the request bytes held by all connections (limits.go).
	budget bodyBudget

	// The HTTP side of the port (http.go): routes built once, counters.
	httpOnce sync.Once
	httpMux  http.Handler
	metrics  metrics

	// onPanic, when set (tests, fuzzing), is told about recovered panics.
	onPanic func(v any, stack []byte)
	// execHook, when set (fuzzing, tests), may answer a request instead
	// of the engine; it runs on the connection's goroutine.
	execHook func(c *conn, req *wire.Request) (v value.Value, err error, handled bool)
}

// New returns a server over eng; it does not listen yet.
func New(eng *engine.Engine, opts Options) *Server {
	if opts.MaxFrame <= 0 {
		opts.MaxFrame = DefaultMaxFrame
	}
	lg := opts.Logger
	if lg == nil {
		lg = slog.New(slog.DiscardHandler)
	}
	if opts.MaxReceiving <= 0 {
		opts.MaxReceiving = max(DefaultMaxReceiving, opts.MaxFrame)
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Server{
		budget:    bodyBudget{limit: opts.MaxReceiving},
		eng:       eng,
		opts:      opts,
		log:       lg,
		baseCtx:   ctx,
		cancel:    cancel,
		listeners: map[net.Listener]struct{}{},
		conns:     map[*conn]struct{}{},
		idleCh:    make(chan struct{}, 1),
		dedup:     dedupCache{m: map[string]dedupEntry{}},
	}
}

// Engine returns the engine the server runs requests on.
func (s *Server) Engine() *engine.Engine { return s.eng }

// ListenAndServe listens on the TCP address addr and serves it.
func (s *Server) ListenAndServe(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(l)
}

// Serve accepts connections on l until Shutdown (then it returns
// ErrServerClosed) or an accept error. It closes l.
func (s *Server) Serve(l net.Listener) error {
	s.mu.Lock()
	if s.shutting {
		s.mu.Unlock()
		l.Close()
		return ErrServerClosed
	}
	s.listeners[l] = struct{}{}
	s.mu.Unlock()
	s.eng.SetSite(s.siteFor(l.Addr()))
	defer func() {
		s.mu.Lock()
		delete(s.listeners, l)
		s.mu.Unlock()
		l.Close()
	}()
	var delay time.Duration
	for {
		nc, err := l.Accept()
		if err != nil {
			s.mu.Lock()
			shutting := s.shutting
			s.mu.Unlock()
			if shutting {
				return ErrServerClosed
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				delay = min(max(2*delay, 5*time.Millisecond), time.Second)
				time.Sleep(delay)
				continue
			}
			return err
		}
		delay = 0
		s.tuneTCP(nc)
		c := s.newConn(nc)
		if c == nil {
			nc.Close()
			continue
		}
		go c.serve()
	}
}

// siteFor is the node's site as the cluster built-ins report it (the
// address clients reach, the open connections): HA clients look their
// node up in getClusterPerf by host and port.
func (s *Server) siteFor(addr net.Addr) func() funcs.Site {
	host, portText, _ := net.SplitHostPort(addr.String())
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	port, _ := strconv.Atoi(portText)
	return func() funcs.Site {
		s.mu.Lock()
		n := len(s.conns)
		s.mu.Unlock()
		return funcs.Site{Host: host, Port: port, Alias: funcs.DefaultAlias, Connections: n}
	}
}

// Addr is the address of a listener being served (nil before Serve).
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	for l := range s.listeners {
		return l.Addr()
	}
	return nil
}

// Shutdown stops accepting connections, closes idle ones and waits for
// in-flight requests to finish and their replies to be written. When ctx
// ends first, running requests are cancelled, every connection is closed
// and ctx's error is returned.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.shutting = true
	for l := range s.listeners {
		l.Close()
	}
	s.mu.Unlock()
	for {
		s.mu.Lock()
		for c := range s.conns {
			if c.state == stateIdle {
				c.closeLocked()
			}
		}
		n := len(s.conns)
		s.mu.Unlock()
		if n == 0 {
			break
		}
		select {
		case <-s.idleCh:
		case <-time.After(50 * time.Millisecond):
		case <-ctx.Done():
			s.cancel()
			s.mu.Lock()
			for c := range s.conns {
				c.closeLocked()
			}
			s.mu.Unlock()
			return ctx.Err()
		}
	}
	s.wg.Wait()
	s.cancel()
	return nil
}

// Close closes listeners and every connection at once, cancelling
// running requests.
func (s *Server) Close() error {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := s.Shutdown(ctx)
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

func (s *Server) signalIdle() {
	select {
	case s.idleCh <- struct{}{}:
	default:
	}
}

// dedupKey is the retry cache's key: the client id alone let anyone who
// sent another client's id (with a negative sequence number) read that
// client's cached reply, so a reply is answered only to the user who made
// the request (a retry reconnects and logs in as the same user first).
func dedupKey(clientID, user string) string { return clientID + "\x00" + user }

// dedupCache remembers, per C++ client id, the last request sequence
// number and its reply, so a request retried after a reconnect (negative
// sequence number, §1.3) is answered without running it twice.
type dedupCache struct {
	mu sync.Mutex
	m  map[string]dedupEntry
}

type dedupEntry struct {
	seq   int64
	reply []byte
}

const (
	dedupMaxClients = 4096
	dedupMaxReply   = 64 << 10
)

func (d *dedupCache) lookup(client string, seq int64) ([]byte, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	e, ok := d.m[client]
	if !ok || e.seq != seq || e.reply == nil {
		return nil, false
	}
	return e.reply, true
}

func (d *dedupCache) store(client string, seq int64, reply []byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.m[client]; !ok && len(d.m) >= dedupMaxClients {
		for k := range d.m {
			delete(d.m, k)
			break
		}
	}
	var keep []byte
	if len(reply) <= dedupMaxReply {
		keep = append([]byte(nil), reply...)
	}
	d.m[client] = dedupEntry{seq: seq, reply: keep}
}
