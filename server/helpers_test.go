package server

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// vecSID is the session id used by the recorded vectors.
const vecSID = 1195587396

// vec reads a vector file of testdata/vectors (copied from
// /work/shared/spec/vectors): '#' comments, then hex bytes.
func vec(t testing.TB, name string) []byte {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join("testdata", "vectors", name+"*.hex"))
	require.NoError(t, err)
	require.Len(t, matches, 1, "vector %s", name)
	data, err := os.ReadFile(matches[0])
	require.NoError(t, err)
	var hexText strings.Builder
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		hexText.WriteString(strings.ReplaceAll(strings.TrimSpace(line), " ", ""))
	}
	b, err := hex.DecodeString(hexText.String())
	require.NoError(t, err)
	return b
}

// vecServer starts a server whose sessions all get the vectors' id.
func vecServer(t testing.TB, opts ...TestOption) *TestServer {
	o := Options{SessionID: func() int64 { return vecSID }}
	return RunT(t, append([]TestOption{WithOptions(o)}, opts...)...)
}

// panicLog collects the panics a server recovered from (its onPanic).
type panicLog struct {
	mu   sync.Mutex
	list []string
}

func (l *panicLog) record(v any, stack []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.list = append(l.list, fmt.Sprintf("%v\n%s", v, stack))
}

// take returns the panics recorded so far and forgets them.
func (l *panicLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := l.list
	l.list = nil
	return p
}

// recorder keeps every byte read from a connection.
type recorder struct {
	r   io.Reader
	buf []byte
}

func (r *recorder) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.buf = append(r.buf, p[:n]...)
	return n, err
}

// rawConn speaks raw protocol bytes to a server.
type rawConn struct {
	t   testing.TB
	nc  net.Conn
	rec *recorder
	br  *bufio.Reader
	rd  *wire.Reader
}

func dialRaw(t testing.TB, addr string) *rawConn {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, 5*time.Second)
	require.NoError(t, err)
	t.Cleanup(func() { nc.Close() })
	rec := &recorder{r: nc}
	br := bufio.NewReader(rec)
	return &rawConn{t: t, nc: nc, rec: rec, br: br, rd: wire.NewReader(br)}
}

func (c *rawConn) send(b []byte) {
	c.t.Helper()
	c.nc.SetWriteDeadline(time.Now().Add(10 * time.Second))
	_, err := c.nc.Write(b)
	require.NoError(c.t, err)
}

// reply is one parsed reply and its exact bytes.
type reply struct {
	raw    []byte
	msgs   []string
	sid    string
	count  int
	status string
	obj    value.Value
}

// ok sends a request and returns its reply, which must be OK.
func (c *rawConn) ok(b []byte) reply {
	c.t.Helper()
	c.send(b)
	r := c.readReply()
	require.Equal(c.t, "OK", r.status)
	return r
}

// refused sends a request whose reply's status must contain text, after
// which the server must close the connection.
func (c *rawConn) refused(b []byte, text string) {
	c.t.Helper()
	c.send(b)
	require.Contains(c.t, c.readReply().status, text)
	c.expectClosed()
}

// readReply reads MSG records and one reply.
func (c *rawConn) readReply() reply {
	c.t.Helper()
	r, err := c.tryReply(10 * time.Second)
	require.NoError(c.t, err)
	return r
}

func (c *rawConn) tryReply(timeout time.Duration) (reply, error) {
	c.nc.SetReadDeadline(time.Now().Add(timeout))
	defer c.nc.SetReadDeadline(time.Time{})
	start := len(c.rec.buf) - c.br.Buffered()
	r, err := replyOf(c.t, c.rd)
	if err != nil {
		return r, err
	}
	end := len(c.rec.buf) - c.br.Buffered()
	r.raw = append([]byte(nil), c.rec.buf[start:end]...)
	return r, nil
}

// replyOf reads one reply, with its print records, as a client does.
func replyOf(t testing.TB, rd *wire.Reader) (reply, error) {
	var r reply
	resp, err := rd.ReadResponse()
	var se *wire.ServerError
	switch {
	case errors.As(err, &se):
		r.status = se.Msg
	case err != nil:
		return r, err
	default:
		r.status = "OK"
		r.obj = resp.Value
		if r.obj != nil {
			r.count = max(1, len(resp.Values))
		}
	}
	require.False(t, resp.BigEndian, "replies are little endian")
	r.sid, r.msgs = resp.SessionID, resp.Messages
	return r, nil
}

// expectClosed asserts the server closed the connection (after any
// pending reply bytes).
func (c *rawConn) expectClosed() {
	c.t.Helper()
	c.nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err := io.Copy(io.Discard, c.br)
	require.NoError(c.t, err, "connection should be closed by the server")
}

// req builds a request: header with session id and options ("" = no
// " / options" part), body, then encoded arguments.
func req(t testing.TB, apiType, sid, opts, body string, enc *wire.EncodeOptions, args ...value.Value) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(apiType + " " + sid + " " + strconv.Itoa(len(body)))
	if opts != "" {
		b.WriteString(" / " + opts)
	}
	b.WriteString("\n" + body)
	for _, a := range args {
		require.NoError(t, wire.Encode(&b, a, enc))
	}
	return b.Bytes()
}

// goScript is a script request as the Go API sends it.
func goScript(t testing.TB, script string) []byte {
	return req(t, "API2", "", "0_1_4_64", "script\n"+script, nil)
}

// goFunc is a function request as the Go API sends it.
func goFunc(t testing.TB, name string, args ...value.Value) []byte {
	return req(t, "API2", strconv.Itoa(vecSID), "0_1_4_64", "function\n"+name+"\n"+strconv.Itoa(len(args))+"\n1\n", nil, args...)
}

// cppFunc is a function request as the C++ API sends it.
func cppFunc(t testing.TB, flags int, name string, args ...value.Value) []byte {
	return req(t, "API2", strconv.Itoa(vecSID), strconv.Itoa(flags)+"_1_4_64__0", "function\n"+name+"\n"+strconv.Itoa(len(args))+"\n1", &wire.EncodeOptions{Symbols: wire.SymbolBase}, args...)
}

// cppScript is a script request as the C++ API sends it.
func cppScript(t testing.TB, flags int, script string) []byte {
	return req(t, "API2", strconv.Itoa(vecSID), strconv.Itoa(flags)+"_1_4_64__0", "script\n"+script, nil)
}

// okReply is "<sid> 0 1\nOK\n".
func okReply(sid int) []byte { return []byte(strconv.Itoa(sid) + " 0 1\nOK\n") }

func errReply(sid int, msg string) []byte {
	return []byte(strconv.Itoa(sid) + " 0 1\n" + msg + "\n")
}

// objReply is "<sid> 1 1\nOK\n" plus the object as a Go client gets it.
func objReply(t testing.TB, sid int, v value.Value, enc *wire.EncodeOptions) []byte {
	b, err := wire.Marshal(v, enc)
	require.NoError(t, err)
	return append([]byte(strconv.Itoa(sid)+" 1 1\nOK\n"), b...)
}

// wsClient is a minimal RFC 6455 client for tests.
type wsClient struct {
	t  testing.TB
	nc net.Conn
	br *bufio.Reader
}

func dialWS(t testing.TB, addr string, extraHeaders string) (*wsClient, string) {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, 5*time.Second)
	require.NoError(t, err)
	t.Cleanup(func() { nc.Close() })
	var k [16]byte
	rand.Read(k[:])
	key := base64.StdEncoding.EncodeToString(k[:])
	_, err = io.WriteString(nc, "GET / HTTP/1.1\r\nHost: "+addr+"\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "+key+"\r\nSec-WebSocket-Version: 13\r\n"+extraHeaders+"\r\n")
	require.NoError(t, err)
	br := bufio.NewReader(nc)
	nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	var head strings.Builder
	for {
		line, err := br.ReadString('\n')
		require.NoError(t, err)
		head.WriteString(line)
		if line == "\r\n" {
			break
		}
	}
	nc.SetReadDeadline(time.Time{})
	h := sha1.Sum([]byte(key + wsGUID))
	require.Contains(t, head.String(), "HTTP/1.1 101 ")
	// Header names are case-insensitive (net/http writes Sec-Websocket-Accept).
	require.Contains(t, strings.ToLower(head.String()), strings.ToLower("Sec-WebSocket-Accept: "+base64.StdEncoding.EncodeToString(h[:])+"\r\n"))
	return &wsClient{t: t, nc: nc, br: br}, head.String()
}

// frame writes one masked frame.
func (w *wsClient) frame(fin bool, op byte, payload []byte) {
	w.t.Helper()
	var b bytes.Buffer
	b0 := op
	if fin {
		b0 |= 0x80
	}
	b.WriteByte(b0)
	switch l := len(payload); {
	case l <= 125:
		b.WriteByte(0x80 | byte(l))
	case l <= 0xFFFF:
		b.WriteByte(0x80 | 126)
		binary.Write(&b, binary.BigEndian, uint16(l))
	default:
		b.WriteByte(0x80 | 127)
		binary.Write(&b, binary.BigEndian, uint64(l))
	}
	mask := [4]byte{0x12, 0x34, 0x56, 0x78}
	b.Write(mask[:])
	for i, c := range payload {
		b.WriteByte(c ^ mask[i&3])
	}
	_, err := w.nc.Write(b.Bytes())
	require.NoError(w.t, err)
}

func (w *wsClient) send(msg []byte) { w.frame(true, wsOpBinary, msg) }

// read reads one server frame: opcode and payload.
func (w *wsClient) read() (byte, []byte) {
	w.t.Helper()
	op, p, err := w.tryRead()
	require.NoError(w.t, err)
	return op, p
}

func (w *wsClient) tryRead() (byte, []byte, error) {
	w.nc.SetReadDeadline(time.Now().Add(10 * time.Second))
	defer w.nc.SetReadDeadline(time.Time{})
	var h [2]byte
	if _, err := io.ReadFull(w.br, h[:]); err != nil {
		return 0, nil, err
	}
	require.Equal(w.t, byte(0x80), h[0]&0xF0, "server frames are final, no RSV bits")
	require.Zero(w.t, h[1]&0x80, "server frames are not masked")
	n := uint64(h[1] & 0x7F)
	switch n {
	case 126:
		var b [2]byte
		io.ReadFull(w.br, b[:])
		n = uint64(binary.BigEndian.Uint16(b[:]))
	case 127:
		var b [8]byte
		io.ReadFull(w.br, b[:])
		n = binary.BigEndian.Uint64(b[:])
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(w.br, p); err != nil {
		return 0, nil, err
	}
	return h[0] & 0x0F, p, nil
}

// readBinary reads the next binary message.
func (w *wsClient) readBinary() []byte {
	w.t.Helper()
	op, p := w.read()
	require.Equal(w.t, byte(wsOpBinary), op)
	return p
}

// parseReply decodes a reply held in one WebSocket message.
func parseReply(t testing.TB, b []byte) reply {
	t.Helper()
	rd := wire.NewBytesReader(b)
	r, err := replyOf(t, rd)
	require.NoError(t, err)
	require.Equal(t, len(b), rd.Offset())
	r.raw = b
	return r
}
