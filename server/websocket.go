package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"

	"github.com/coder/websocket"

	"github.com/porpoisedb/porpoise/wire"
)

// WebSocket transport of the JavaScript API (and of the web console): an
// HTTP upgrade on the API port, then one request per binary (or text)
// message and one reply per binary message, print records as separate
// messages. The framing is github.com/coder/websocket's.

// wsTransport sends replies and print records as binary messages.
type wsTransport struct {
	ctx context.Context
	ws  *websocket.Conn
	net netCounter
}

func (t *wsTransport) sendMsg(rec []byte) error {
	return t.sendReply(rec)
}

func (t *wsTransport) sendReply(b []byte) error {
	t.net.CountNetwork(int64(len(b)), 0)
	return t.ws.Write(t.ctx, websocket.MessageBinary, b)
}

// isWebSocket reports whether r asks to upgrade to a WebSocket.
func isWebSocket(r *http.Request) bool {
	return headerHasToken(r.Header, "Connection", "upgrade") && headerHasToken(r.Header, "Upgrade", "websocket")
}

func headerHasToken(h http.Header, name, token string) bool {
	for _, v := range h.Values(name) {
		for _, t := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), token) {
				return true
			}
		}
	}
	return false
}

// serveWebSocket upgrades the request and serves DolphinDB requests
// carried in WebSocket messages on the connection's session. It reports
// whether the upgrade took the connection over; when it did not, net/http
// still has to send the refusal and owns the connection.
func (c *conn) serveWebSocket(w http.ResponseWriter, r *http.Request) (upgraded bool) {
	// The first sub-protocol the client offers is accepted: DolphinDB's
	// clients name the script dialect this way ("python", "q"), others
	// name their own ("streaming") and expect it echoed.
	var protos []string
	for _, v := range r.Header.Values("Sec-WebSocket-Protocol") {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" && len(protos) == 0 {
				protos = append(protos, p)
			}
		}
	}
	origins := c.srv.opts.WebSocketOrigins
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		Subprotocols: protos,
		// DolphinDB accepts the JavaScript API from pages of any origin
		// (logging in is what guards the data); an allow-list narrows it,
		// and the library answers other origins with 403 Forbidden.
		InsecureSkipVerify: len(origins) == 0,
		OriginPatterns:     origins,
		CompressionMode:    websocket.CompressionDisabled,
	})
	if err != nil {
		return false // Accept wrote an HTTP error that net/http sends
	}
	upgraded = true
	switch ws.Subprotocol() {
	case "python":
		c.dialect = wire.FlagPython
	case "q":
		c.dialect = wire.FlagQ
	}
	limit := c.srv.opts.MaxFrame
	ws.SetReadLimit(limit)
	c.ws = true
	c.tr = &wsTransport{ctx: c.ctx, ws: ws, net: c.sess}
	for {
		if !c.setIdle() {
			ws.Close(websocket.StatusGoingAway, "server shutting down")
			return
		}
		ctx, cancel := c.ctx, context.CancelFunc(func() {})
		if t := c.srv.opts.ReadTimeout; t > 0 {
			ctx, cancel = context.WithTimeout(ctx, t)
		}
		_, msg, err := ws.Read(ctx)
		cancel()
		if be := (*budgetExceeded)(nil); errors.As(err, &be) {
			// the message is cut short: answer, then close (1008 policy
			// violation), as a TCP connection is closed after the reply
			c.src.cr.release()
			c.src.cr.draining.Store(true)
			c.srv.log.Warn("bad request", "remote", c.nc.RemoteAddr(), "err", be.Error())
			if c.tr.sendReply(errorReply(c.sid, be.Error())) == nil {
				ws.Close(websocket.StatusPolicyViolation, "request refused")
			}
			ws.CloseNow()
			return
		}
		if err != nil {
			if websocket.CloseStatus(err) == -1 && !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) && ctx.Err() == nil {
				// A frame the library refused without closing the
				// WebSocket properly (an unmasked client frame): tell the
				// client it broke the protocol (RFC 6455 §7.4.1, 1002).
				c.srv.log.Warn("bad WebSocket frame", "remote", c.nc.RemoteAddr(), "err", err)
				ws.Close(websocket.StatusProtocolError, "protocol error")
				return
			}
			ws.CloseNow()
			return
		}
		if !c.setActive() {
			ws.Close(websocket.StatusGoingAway, "server shutting down")
			return
		}
		rd := wire.NewReader(bytes.NewReader(msg))
		rd.MaxFrame, rd.MaxBody = limit, int(limit)
		req, err := rd.ReadRequest()
		if re := (*wire.RequestError)(nil); err != nil && !(errors.As(err, &re) && re.Whole) {
			// Message boundaries keep the stream in sync: answer and go on.
			text := "Incomplete request."
			if t, ok := refusalText(err); ok {
				text = t
			}
			if err == io.EOF {
				text = "Empty request."
			}
			if c.tr.sendReply(errorReply(c.sid, text)) != nil {
				return
			}
			continue
		}
		req.Options.Flags |= c.dialect
		if !c.run(req, err) {
			ws.CloseNow()
			return
		}
		if c.pub != nil && c.pub.sub != nil {
			c.publishWebSocket(c.pub, ws)
			ws.CloseNow()
			return
		}
	}
}
