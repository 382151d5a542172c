package wire

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/value"
)

// Protocol is what the first bytes of a connection announce.
type Protocol uint8

// Protocols sniffed by PeekProtocol.
const (
	ProtoUnknown Protocol = iota
	ProtoAPI              // "API" / "API2" TCP session
	ProtoHTTP             // "GET " HTTP / WebSocket upgrade
)

// PeekProtocol looks at the first bytes without consuming them (§1.1).
func (r *Reader) PeekProtocol() (Protocol, error) {
	var b []byte
	if r.br == nil {
		b = r.src[r.off:min(len(r.src), r.off+4)]
	} else {
		var err error
		b, err = r.br.Peek(4)
		if err != nil && len(b) < 3 {
			return ProtoUnknown, err
		}
	}
	switch {
	case bytes.HasPrefix(b, []byte("GET ")):
		return ProtoHTTP, nil
	case bytes.HasPrefix(b, []byte("API")):
		return ProtoAPI, nil
	}
	return ProtoUnknown, nil
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// Response is a reply read by a client (§1.5).
type Response struct {
	SessionID string
	BigEndian bool
	// Messages are the MSG (print output) records that preceded the reply,
	// unless the Reader's Message callback took them.
	Messages []string
	// Value is the result object, nil when the reply carried none.
	Value value.Value
	// Values holds every object when a reply carried more than one.
	Values []value.Value
}

// ReadResponse reads one reply frame. A server error reply returns the
// Response together with a *ServerError; the stream stays usable.
func (r *Reader) ReadResponse() (*Response, error) {
	resp := &Response{}
	var line string
	for {
		var err error
		if line, err = r.readLine(maxLine); err != nil {
			return nil, err
		}
		if line != "MSG" {
			break
		}
		msg, err := r.readText(int64(max(r.MaxBody, 1)))
		if err != nil {
			return nil, err
		}
		if r.Message != nil {
			r.Message(msg)
		} else {
			resp.Messages = append(resp.Messages, msg)
		}
	}
	fields := strings.Split(line, " ")
	if len(fields) != 3 {
		return nil, malformed("response header %q", truncate(line))
	}
	resp.SessionID = fields[0]
	count, err := strconv.Atoi(fields[1])
	if err != nil || count < 0 {
		return nil, malformed("response object count %q", fields[1])
	}
	switch fields[2] {
	case "1":
	case "0":
		resp.BigEndian = true
	default:
		return nil, malformed("response endianness %q", fields[2])
	}
	status, err := r.readLine(maxLine)
	if err != nil {
		return nil, eofErr(err)
	}
	if status != "OK" {
		return resp, &ServerError{SessionID: resp.SessionID, Msg: status}
	}
	if count == 0 {
		return resp, nil
	}
	r.SetBigEndian(resp.BigEndian)
	defer r.SetBigEndian(false)
	r.beginFrame()
	if err := r.need(int64(count), 3); err != nil {
		return nil, err
	}
	for i := 0; i < count; i++ {
		v, err := r.readTop()
		if err != nil {
			return nil, err
		}
		if i == 0 {
			resp.Value = v
		}
		if count > 1 {
			resp.Values = append(resp.Values, v)
		}
	}
	return resp, nil
}

// ReadResponse reads one reply frame from br.
func ReadResponse(br *bufio.Reader) (*Response, error) { return NewReader(br).ReadResponse() }

// encodeFrame encodes objs (top-level each) into w's frame buffer with the
// given byte order, so that nothing reaches the stream if encoding fails.
func (w *Writer) encodeFrame(objs []value.Value, big bool) ([]byte, error) {
	if w.frame == nil {
		w.frame = &bytes.Buffer{}
		w.inner = NewWriter(w.frame, nil)
	}
	w.frame.Reset()
	opts := w.opts
	opts.BigEndian = big
	w.inner.SetOptions(&opts)
	w.inner.Reset(w.frame)
	for _, o := range objs {
		if err := w.inner.WriteObject(o); err != nil {
			return nil, err
		}
	}
	if err := w.inner.Flush(); err != nil {
		return nil, err
	}
	return w.frame.Bytes(), nil
}

// WriteResponse writes an OK reply carrying v (no object when v is nil)
// and flushes. v is encoded before anything is written: if that fails an
// error reply with the encoding error is sent instead (the stream stays
// aligned) and the error is returned.
func (w *Writer) WriteResponse(sessionID string, v value.Value) error {
	if w.err != nil {
		return w.err
	}
	if v == nil {
		w.write(AppendResponseHeader(w.scratch[:0], sessionID, 0, w.opts.BigEndian))
		return w.Flush()
	}
	obj, err := w.encodeFrame([]value.Value{v}, w.opts.BigEndian)
	if err != nil {
		if werr := w.WriteError(sessionID, "Failed to serialize the result: "+err.Error()); werr != nil {
			return werr
		}
		return err
	}
	w.write(AppendResponseHeader(w.scratch[:0], sessionID, 1, w.opts.BigEndian))
	w.write(obj)
	return w.Flush()
}

// AppendResponseHeader appends the header of an OK reply carrying count
// objects: "<sessionID> <count> <byte order>\nOK\n" (§1.5); the objects
// follow it.
func AppendResponseHeader(b []byte, sessionID string, count int, bigEndian bool) []byte {
	b = appendReplyLine(b, sessionID, count, bigEndian)
	return append(b, "OK\n"...)
}

func appendReplyLine(b []byte, sessionID string, count int, bigEndian bool) []byte {
	b = append(b, sessionID...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(count), 10)
	if bigEndian {
		return append(b, " 0\n"...)
	}
	return append(b, " 1\n"...)
}

// AppendError appends a complete error reply (§5). Line breaks in msg
// become spaces; an empty message or "OK" is replaced so the client
// cannot mistake it for success.
func AppendError(b []byte, sessionID, msg string, bigEndian bool) []byte {
	if strings.ContainsAny(msg, "\r\n") {
		msg = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(msg)
	}
	switch msg {
	case "":
		msg = "Unknown error"
	case "OK":
		msg = "Error: OK"
	}
	b = appendReplyLine(b, sessionID, 0, bigEndian)
	b = append(b, msg...)
	return append(b, '\n')
}

// AppendMessage appends a print-output record `MSG\n<text>\0`; NUL
// bytes in text become spaces.
func AppendMessage(b []byte, text string) []byte {
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

// WriteError writes an error reply (§5) and flushes. Line breaks in msg
// become spaces; an empty message or "OK" is replaced so the client cannot
// mistake it for success.
func (w *Writer) WriteError(sessionID, msg string) error {
	w.write(AppendError(w.scratch[:0], sessionID, msg, w.opts.BigEndian))
	return w.Flush()
}

// WriteMessage writes a print-output record (`MSG\n<text>\0`) and
// flushes; NUL bytes in text become spaces.
func (w *Writer) WriteMessage(text string) error {
	w.write(AppendMessage(w.scratch[:0], text))
	return w.Flush()
}

// WriteResponse writes an OK reply with v to w (see Writer.WriteResponse).
func WriteResponse(w io.Writer, sessionID string, v value.Value, opts *EncodeOptions) error {
	return NewWriter(w, opts).WriteResponse(sessionID, v)
}

// WriteError writes an error reply to w.
func WriteError(w io.Writer, sessionID, msg string) error {
	return NewWriter(w, nil).WriteError(sessionID, msg)
}
