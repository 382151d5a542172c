package server

import (
	"bufio"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strings"
	"time"
)

// WebSocket transport of the JavaScript API (wire-protocol.md §6): an
// HTTP/1.1 upgrade (RFC 6455 §4), then one request per binary message and
// one reply per binary message, print records as separate messages.

const (
	wsGUID          = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
	maxHTTPLine     = 8 << 10
	maxHTTPHeader   = 64 << 10
	maxHTTPHeaders  = 100
	wsOpContinue    = 0x0
	wsOpText        = 0x1
	wsOpBinary      = 0x2
	wsOpClose       = 0x8
	wsOpPing        = 0x9
	wsOpPong        = 0xA
	wsCloseNormal   = 1000
	wsCloseProtocol = 1002
	wsCloseTooBig   = 1009
)

// httpRequest is the part of an HTTP request the handshake needs.
type httpRequest struct {
	method, target, proto string
	header                map[string][]string // canonical names
}

func (h *httpRequest) get(name string) string {
	return strings.Join(h.header[textproto.CanonicalMIMEHeaderKey(name)], ", ")
}

// hasToken reports whether the comma-separated header contains token
// (case-insensitive).
func (h *httpRequest) hasToken(name, token string) bool {
	for _, v := range h.header[textproto.CanonicalMIMEHeaderKey(name)] {
		for _, t := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), token) {
				return true
			}
		}
	}
	return false
}

var errHTTP = errors.New("malformed HTTP request")

// readHTTPRequest reads a request line and headers with strict size
// limits (the body of a GET is not read).
func readHTTPRequest(br *bufio.Reader) (*httpRequest, error) {
	total := 0
	next := func() (string, error) {
		line, err := readLine(br, maxHTTPLine)
		if err != nil {
			return "", err
		}
		total += len(line) + 1
		if total > maxHTTPHeader {
			return "", errHTTP
		}
		return strings.TrimSuffix(line, "\r"), nil
	}
	line, err := next()
	if err != nil {
		return nil, err
	}
	parts := strings.Split(line, " ")
	if len(parts) != 3 || !strings.HasPrefix(parts[2], "HTTP/1.") {
		return nil, errHTTP
	}
	h := &httpRequest{method: parts[0], target: parts[1], proto: parts[2], header: map[string][]string{}}
	for n := 0; ; n++ {
		line, err := next()
		if err != nil {
			return nil, err
		}
		if line == "" {
			return h, nil
		}
		if n >= maxHTTPHeaders {
			return nil, errHTTP
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || k == "" || strings.ContainsAny(k, " \t") {
			return nil, errHTTP
		}
		k = textproto.CanonicalMIMEHeaderKey(k)
		h.header[k] = append(h.header[k], strings.TrimSpace(v))
	}
}

func writeHTTPError(bw *bufio.Writer, status string, extra string, body string) {
	fmt.Fprintf(bw, "HTTP/1.1 %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\nConnection: close\r\n%s\r\n%s",
		status, len(body), extra, body)
	bw.Flush()
}

// wsAccept is Sec-WebSocket-Accept for a key.
func wsAccept(key string) string {
	h := sha1.Sum([]byte(key + wsGUID))
	return base64.StdEncoding.EncodeToString(h[:])
}

// handshake answers the upgrade request; false closes the connection.
func (c *conn) handshake(br *bufio.Reader, bw *bufio.Writer) bool {
	req, err := readHTTPRequest(br)
	if err != nil {
		var pe *protoError
		if errors.Is(err, errHTTP) || errors.As(err, &pe) {
			writeHTTPError(bw, "400 Bad Request", "", "Bad Request\n")
		}
		return false
	}
	if req.method != "GET" {
		writeHTTPError(bw, "405 Method Not Allowed", "Allow: GET\r\n", "Method Not Allowed\n")
		return false
	}
	if !req.hasToken("Upgrade", "websocket") || !req.hasToken("Connection", "upgrade") {
		writeHTTPError(bw, "426 Upgrade Required", "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n",
			"Porpoise serves the DolphinDB API protocol and WebSocket connections of the JavaScript API only.\n")
		return false
	}
	if req.get("Sec-WebSocket-Version") != "13" {
		writeHTTPError(bw, "426 Upgrade Required", "Sec-WebSocket-Version: 13\r\n", "Unsupported WebSocket version\n")
		return false
	}
	key := req.get("Sec-WebSocket-Key")
	if k, err := base64.StdEncoding.DecodeString(key); err != nil || len(k) != 16 {
		writeHTTPError(bw, "400 Bad Request", "", "Bad Sec-WebSocket-Key\n")
		return false
	}
	var proto string
	for _, p := range strings.Split(req.get("Sec-WebSocket-Protocol"), ",") {
		if p = strings.TrimSpace(p); p != "" {
			proto = p
			break
		}
	}
	fmt.Fprintf(bw, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n", wsAccept(key))
	if proto != "" {
		fmt.Fprintf(bw, "Sec-WebSocket-Protocol: %s\r\n", proto)
	}
	bw.WriteString("\r\n")
	if bw.Flush() != nil {
		return false
	}
	switch proto {
	case "python":
		c.dialect = flagPython
	case "q":
		c.dialect = flagQ
	}
	return true
}

// wsTransport sends replies and print records as binary messages.
type wsTransport struct {
	bw *bufio.Writer
}

func (t *wsTransport) sendMsg(rec []byte) error { return writeFrame(t.bw, wsOpBinary, rec) }

func (t *wsTransport) sendReply(b []byte) error { return writeFrame(t.bw, wsOpBinary, b) }

// writeFrame writes one unmasked, final frame and flushes.
func writeFrame(bw *bufio.Writer, op byte, payload []byte) error {
	var h [10]byte
	h[0] = 0x80 | op
	n := 2
	switch l := len(payload); {
	case l <= 125:
		h[1] = byte(l)
	case l <= 0xFFFF:
		h[1] = 126
		binary.BigEndian.PutUint16(h[2:], uint16(l))
		n = 4
	default:
		h[1] = 127
		binary.BigEndian.PutUint64(h[2:], uint64(l))
		n = 10
	}
	bw.Write(h[:n])
	bw.Write(payload)
	return bw.Flush()
}

// wsError ends a WebSocket connection with a close code.
type wsError struct {
	code uint16
	msg  string
}

func (e *wsError) Error() string { return e.msg }

// readMessage reads the next data message (text or binary), answering
// pings and close frames on the way. The message size is checked against
// max before its bytes are allocated, and the buffer grows only as data
// arrives.
func readMessage(br *bufio.Reader, bw *bufio.Writer, limit int64) ([]byte, error) {
	var (
		msg     []byte
		started bool
	)
	for {
		var h [2]byte
		if _, err := io.ReadFull(br, h[:]); err != nil {
			return nil, err
		}
		fin, rsv, op := h[0]&0x80 != 0, h[0]&0x70, h[0]&0x0F
		masked, l7 := h[1]&0x80 != 0, int64(h[1]&0x7F)
		if rsv != 0 {
			return nil, &wsError{wsCloseProtocol, "reserved bits set"}
		}
		if !masked {
			return nil, &wsError{wsCloseProtocol, "client frames must be masked"}
		}
		plen := l7
		switch l7 {
		case 126:
			var b [2]byte
			if _, err := io.ReadFull(br, b[:]); err != nil {
				return nil, err
			}
			plen = int64(binary.BigEndian.Uint16(b[:]))
		case 127:
			var b [8]byte
			if _, err := io.ReadFull(br, b[:]); err != nil {
				return nil, err
			}
			u := binary.BigEndian.Uint64(b[:])
			if u>>63 != 0 {
				return nil, &wsError{wsCloseProtocol, "bad payload length"}
			}
			plen = int64(u)
		}
		var mask [4]byte
		if _, err := io.ReadFull(br, mask[:]); err != nil {
			return nil, err
		}
		if op >= 0x8 {
			if !fin || plen > 125 {
				return nil, &wsError{wsCloseProtocol, "bad control frame"}
			}
			p := make([]byte, plen)
			if _, err := io.ReadFull(br, p); err != nil {
				return nil, err
			}
			unmask(p, mask, 0)
			switch op {
			case wsOpClose:
				code := []byte{}
				if len(p) >= 2 {
					code = p[:2]
				}
				_ = writeFrame(bw, wsOpClose, code)
				return nil, io.EOF
			case wsOpPing:
				if err := writeFrame(bw, wsOpPong, p); err != nil {
					return nil, err
				}
			case wsOpPong:
			default:
				return nil, &wsError{wsCloseProtocol, "unknown control frame"}
			}
			continue
		}
		switch op {
		case wsOpText, wsOpBinary:
			if started {
				return nil, &wsError{wsCloseProtocol, "new message inside a fragmented message"}
			}
			started = true
		case wsOpContinue:
			if !started {
				return nil, &wsError{wsCloseProtocol, "continuation without a message"}
			}
		default:
			return nil, &wsError{wsCloseProtocol, "unknown opcode"}
		}
		if plen > limit-int64(len(msg)) {
			return nil, &wsError{wsCloseTooBig, fmt.Sprintf("The request exceeds the limit of %d bytes.", limit)}
		}
		off := len(msg)
		const chunk = 1 << 20
		for got := int64(0); got < plen; {
			k := min(plen-got, chunk)
			if int64(cap(msg)-len(msg)) < k {
				grown := make([]byte, len(msg), len(msg)+int(max(k, min(plen-got, int64(len(msg))))))
				copy(grown, msg)
				msg = grown
			}
			m := len(msg)
			msg = msg[:m+int(k)]
			if _, err := io.ReadFull(br, msg[m:]); err != nil {
				if err == io.EOF {
					err = io.ErrUnexpectedEOF
				}
				return nil, err
			}
			got += k
		}
		unmask(msg[off:], mask, 0)
		if fin {
			if msg == nil {
				msg = []byte{}
			}
			return msg, nil
		}
	}
}

func unmask(p []byte, mask [4]byte, pos int) {
	for i := range p {
		p[i] ^= mask[(pos+i)&3]
	}
}

// serveWebSocket upgrades the connection and serves requests carried in
// WebSocket messages.
func (c *conn) serveWebSocket(br *bufio.Reader) {
	bw := bufio.NewWriterSize(c.nc, 64<<10)
	if !c.handshake(br, bw) {
		return
	}
	c.ws = true
	c.tr = &wsTransport{bw: bw}
	limit := c.srv.opts.MaxFrame
	for {
		if !c.waitRequest(br) {
			_ = writeFrame(bw, wsOpClose, closePayload(1001, "server shutting down"))
			return
		}
		msg, err := readMessage(br, bw, limit)
		if c.srv.opts.ReadTimeout > 0 {
			c.nc.SetReadDeadline(time.Time{})
		}
		if err != nil {
			var we *wsError
			if errors.As(err, &we) {
				c.srv.log.Warn("bad WebSocket frame", "remote", c.nc.RemoteAddr(), "err", we.msg)
				_ = writeFrame(bw, wsOpClose, closePayload(we.code, we.msg))
			}
			return
		}
		req, err := readRequest(newBytesSource(msg), limit)
		if err != nil {
			// Message boundaries keep the stream in sync: answer and go on.
			text := "Incomplete request."
			var pe *protoError
			if errors.As(err, &pe) {
				text = pe.msg
			}
			if err == io.EOF {
				text = "Empty request."
			}
			if c.tr.sendReply(errorReply(c.sid, text)) != nil {
				return
			}
			continue
		}
		req.flags |= c.dialect
		if !c.run(req) {
			return
		}
	}
}

func closePayload(code uint16, reason string) []byte {
	if len(reason) > 123 {
		reason = reason[:123]
	}
	b := make([]byte, 2, 2+len(reason))
	binary.BigEndian.PutUint16(b, code)
	return append(b, reason...)
}
