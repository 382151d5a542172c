package wire

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/value"
)

// Flag is the request flag field (index 0 of the header options, §1.3).
type Flag uint32

// Request flag bits.
const (
	FlagUrgent            Flag = 1      // JS urgent worker; ignorable
	FlagSecondary         Flag = 2      // internal sub-job; ignorable
	FlagAsync             Flag = 4      // the client reads no response
	FlagPickle            Flag = 8      // Python pickle results (tables: AppendPickleTable)
	FlagClearMemory       Flag = 16     // drop variables created by the request
	FlagAPIClient         Flag = 32     // C++ base value; informational
	FlagCompress          Flag = 64     // client may send / accepts compressed tables
	FlagPython            Flag = 2048   // Python-dialect session
	FlagQ                 Flag = 4096   // kdb+/q dialect session
	FlagPickleTableAsList Flag = 32768  // with FlagPickle only
	FlagReverseStreaming  Flag = 131072 // connection reused for pushed stream data
	// FlagSQLStandardMask covers bits 19-20: the SQL dialect number N
	// (0 DolphinDB, 1 Oracle, 2 MySQL) times 524288.
	FlagSQLStandardMask Flag = 3 << 19
)

// SQLStandard is the SQL dialect number of bits 19-20.
func (f Flag) SQLStandard() int { return int(f&FlagSQLStandardMask) >> 19 }

// Options are the underscore-separated header options (§1.3).
type Options struct {
	Flags       Flag
	Cancellable bool
	Priority    int    // 0..9, default 4
	Parallelism int    // default 64
	RootJobID   string // field 4, empty from APIs
	FetchSize   int    // field 5, 0 = no paging
	Reserved    string // field 6
	ClientID    string // field 7 (C++ with reconnect)
	SeqNo       int64  // field 8 (C++), negative when a request is retried
	// Extra holds fields beyond the nine known ones.
	Extra []string
	// Fields is the number of positional fields parsed, or to write at
	// least (the writer adds what non-zero values need): 4 for Go and JS
	// (`0_1_4_64`), 6 for C++ (`32_1_4_64__0`), 9 with a client id.
	Fields int
}

// DefaultOptions are the values assumed when a header has no options.
func DefaultOptions() Options {
	return Options{Cancellable: true, Priority: 4, Parallelism: 64, Fields: 4}
}

// ParseOptions parses an options field such as "32_1_4_64__0__<uuid>_7".
func ParseOptions(s string) (Options, error) {
	o := DefaultOptions()
	parts := strings.Split(s, "_")
	o.Fields = len(parts)
	num := func(i int, def int64) (int64, error) {
		if i >= len(parts) || parts[i] == "" {
			return def, nil
		}
		v, err := strconv.ParseInt(parts[i], 10, 64)
		if err != nil {
			return 0, malformed("header option %d %q", i, parts[i])
		}
		return v, nil
	}
	f, err := num(0, 0)
	if err != nil {
		return o, err
	}
	if f < 0 || f > 1<<32-1 {
		return o, malformed("header flags %d", f)
	}
	o.Flags = Flag(f)
	c, err := num(1, 1)
	if err != nil {
		return o, err
	}
	o.Cancellable = c != 0
	p, err := num(2, 4)
	if err != nil {
		return o, err
	}
	par, err := num(3, 64)
	if err != nil {
		return o, err
	}
	fs, err := num(5, 0)
	if err != nil {
		return o, err
	}
	seq, err := num(8, 0)
	if err != nil {
		return o, err
	}
	const maxInt32 = 1<<31 - 1
	if p < -maxInt32 || p > maxInt32 || par < -maxInt32 || par > maxInt32 || fs < 0 || fs > maxInt32 {
		return o, malformed("header options %q out of range", s)
	}
	o.Priority, o.Parallelism, o.FetchSize, o.SeqNo = int(p), int(par), int(fs), seq
	str := func(i int) string {
		if i < len(parts) {
			return parts[i]
		}
		return ""
	}
	o.RootJobID, o.Reserved, o.ClientID = str(4), str(6), str(7)
	if len(parts) > 9 {
		o.Extra = append([]string(nil), parts[9:]...)
	}
	return o, nil
}

// String renders the options as a client writes them.
func (o Options) String() string {
	n := max(o.Fields, 4)
	if o.RootJobID != "" || o.FetchSize != 0 {
		n = max(n, 6)
	}
	if o.Reserved != "" || o.ClientID != "" || o.SeqNo != 0 {
		n = max(n, 9)
	}
	if len(o.Extra) > 0 {
		n = 9 + len(o.Extra)
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte('_')
		}
		switch i {
		case 0:
			b.WriteString(strconv.FormatUint(uint64(o.Flags), 10))
		case 1:
			if o.Cancellable {
				b.WriteByte('1')
			} else {
				b.WriteByte('0')
			}
		case 2:
			b.WriteString(strconv.Itoa(o.Priority))
		case 3:
			b.WriteString(strconv.Itoa(o.Parallelism))
		case 4:
			b.WriteString(o.RootJobID)
		case 5:
			b.WriteString(strconv.Itoa(o.FetchSize))
		case 6:
			b.WriteString(o.Reserved)
		case 7:
			b.WriteString(o.ClientID)
		case 8:
			if o.ClientID != "" || o.SeqNo != 0 {
				b.WriteString(strconv.FormatInt(o.SeqNo, 10))
			}
		default:
			if i-9 < len(o.Extra) {
				b.WriteString(o.Extra[i-9])
			}
		}
	}
	return b.String()
}

// Kind is the request command (first body line).
type Kind uint8

// Request kinds.
const (
	KindUnknown Kind = iota
	KindConnect
	KindScript
	KindFunction
	KindVariable
)

func (k Kind) String() string {
	switch k {
	case KindConnect:
		return "connect"
	case KindScript:
		return "script"
	case KindFunction:
		return "function"
	case KindVariable:
		return "variable"
	}
	return "unknown"
}

// Request is one API request (§1.2-§1.4).
type Request struct {
	// API is "API" or "API2" (written as "API2" when empty).
	API string
	// SessionID is the header's session field as sent (may be empty or
	// stale: identify sessions by connection).
	SessionID string
	// HasOptions reports whether the header carried " / <options>";
	// Options holds the defaults otherwise.
	HasOptions bool
	Options    Options

	Kind Kind
	// Command is the first body line ("connect", "script" ...).
	Command string
	// Script is the text of a script request.
	Script string
	// Function is the (possibly partially applied) function expression
	// of a function request, e.g. `tableInsert{"t1"}`.
	Function string
	// Names are the variable names of a variable request.
	Names []string
	// User and Password come from a JavaScript `connect\nlogin\n...` body.
	User, Password string
	// BigEndian is the byte order announced for the arguments.
	BigEndian bool
	// TrailingLF reports that a function/variable body ended with LF (Go
	// and JS clients); WriteRequest reproduces it.
	TrailingLF bool
	// Args are the arguments of function requests and the values of
	// variable requests.
	Args []value.Value
	// Body is the raw body of an unknown command (no arguments are read).
	Body string
}

// Async reports whether the client expects no response (flag 4).
func (q *Request) Async() bool { return q.Options.Flags&FlagAsync != 0 }

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

// ReadRequest reads one request frame (header, body and argument
// objects). It returns io.EOF when the stream ends cleanly before a
// request. Any other error leaves the stream unusable.
func ReadRequest(br *bufio.Reader) (*Request, error) { return NewReader(br).ReadRequest() }

// ReadRequest reads one request frame; see the package-level ReadRequest.
func (r *Reader) ReadRequest() (*Request, error) {
	line, err := r.readLine()
	if err != nil {
		return nil, err
	}
	fields := strings.Split(line, " ")
	if len(fields) < 3 || len(fields) > 5 {
		return nil, malformed("request header %q", truncate(line))
	}
	q := &Request{API: fields[0], SessionID: fields[1], Options: DefaultOptions()}
	if q.API != "API" && q.API != "API2" {
		return nil, malformed("request header %q", truncate(line))
	}
	n, err := strconv.Atoi(fields[2])
	if err != nil || n < 0 {
		return nil, malformed("request body length %q", fields[2])
	}
	maxBody := r.MaxBody
	if maxBody <= 0 {
		maxBody = DefaultMaxBody
	}
	if n > maxBody {
		return nil, limitErr("request body of %d bytes", n)
	}
	if len(fields) > 3 {
		if fields[3] != "/" {
			return nil, malformed("request header %q", truncate(line))
		}
		q.HasOptions = true
		if len(fields) == 5 {
			if q.Options, err = ParseOptions(fields[4]); err != nil {
				return nil, err
			}
		}
	}
	body, err := r.readBody(n)
	if err != nil {
		return nil, err
	}
	sb := string(body)
	cmd, rest, _ := strings.Cut(sb, "\n")
	q.Command = cmd
	argc := 0
	switch cmd {
	case "connect":
		q.Kind = KindConnect
		if l, after, ok := strings.Cut(rest, "\n"); ok && l == "login" {
			q.User, q.Password, _ = strings.Cut(after, "\n")
		}
	case "script":
		q.Kind = KindScript
		q.Script = rest
	case "function", "variable":
		lines := strings.Split(rest, "\n")
		if len(lines) == 4 && lines[3] == "" {
			q.TrailingLF = true
			lines = lines[:3]
		}
		if len(lines) != 3 {
			return nil, malformed("%s body %q", cmd, truncate(sb))
		}
		if cmd == "function" {
			q.Kind = KindFunction
			q.Function = lines[0]
		} else {
			q.Kind = KindVariable
			q.Names = strings.Split(lines[0], ",")
		}
		argc, err = strconv.Atoi(lines[1])
		if err != nil || argc < 0 {
			return nil, malformed("%s argument count %q", cmd, lines[1])
		}
		switch lines[2] {
		case "1":
		case "0":
			q.BigEndian = true
		default:
			return nil, malformed("%s endianness %q", cmd, lines[2])
		}
	default:
		q.Kind = KindUnknown
		q.Body = sb
		return q, nil
	}
	if argc == 0 {
		return q, nil
	}
	r.SetBigEndian(q.BigEndian)
	defer r.SetBigEndian(false)
	r.beginFrame()
	if err := r.need(int64(argc), 3); err != nil {
		return nil, err
	}
	q.Args = make([]value.Value, 0, min(argc, 16))
	for i := 0; i < argc; i++ {
		v, err := r.readTop()
		if err != nil {
			return nil, fmt.Errorf("argument %d: %w", i+1, err)
		}
		q.Args = append(q.Args, v)
	}
	return q, nil
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
	// Messages are the MSG (print output) records that preceded the reply.
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
		if line, err = r.readLine(); err != nil {
			return nil, err
		}
		if line != "MSG" {
			break
		}
		msg, err := r.readText(int64(max(r.MaxBody, 1)))
		if err != nil {
			return nil, err
		}
		resp.Messages = append(resp.Messages, msg)
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
	status, err := r.readLine()
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

// requestBody renders the body of q.
func requestBody(q *Request) (string, error) {
	endian := "1"
	if q.BigEndian {
		endian = "0"
	}
	lf := ""
	if q.TrailingLF {
		lf = "\n"
	}
	switch q.Kind {
	case KindConnect:
		if q.User != "" {
			return "connect\nlogin\n" + q.User + "\n" + q.Password, nil
		}
		return "connect\n", nil
	case KindScript:
		return "script\n" + q.Script, nil
	case KindFunction:
		if strings.ContainsAny(q.Function, "\n") {
			return "", malformed("function name contains LF")
		}
		return "function\n" + q.Function + "\n" + strconv.Itoa(len(q.Args)) + "\n" + endian + lf, nil
	case KindVariable:
		names := strings.Join(q.Names, ",")
		if strings.ContainsAny(names, "\n") {
			return "", malformed("variable name contains LF")
		}
		return "variable\n" + names + "\n" + strconv.Itoa(len(q.Args)) + "\n" + endian + lf, nil
	}
	return q.Body, nil
}

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

// WriteRequest writes a request frame and flushes. The arguments are
// encoded first: if that fails nothing is written.
func (w *Writer) WriteRequest(q *Request) error {
	if w.err != nil {
		return w.err
	}
	body, err := requestBody(q)
	if err != nil {
		return err
	}
	var args []byte
	if q.Kind == KindFunction || q.Kind == KindVariable {
		if args, err = w.encodeFrame(q.Args, q.BigEndian); err != nil {
			return err
		}
	}
	api := q.API
	if api == "" {
		api = "API2"
	}
	if strings.ContainsAny(api+q.SessionID, " \n") {
		return malformed("API type or session id contains a space or LF")
	}
	hdr := api + " " + q.SessionID + " " + strconv.Itoa(len(body))
	if q.HasOptions {
		hdr += " / " + q.Options.String()
	}
	w.writeString(hdr + "\n")
	w.writeString(body)
	w.write(args)
	return w.Flush()
}

// WriteResponse writes an OK reply carrying v (no object when v is nil)
// and flushes. v is encoded before anything is written: if that fails an
// error reply with the encoding error is sent instead (the stream stays
// aligned) and the error is returned.
func (w *Writer) WriteResponse(sessionID string, v value.Value) error {
	if w.err != nil {
		return w.err
	}
	endian := "1"
	if w.opts.BigEndian {
		endian = "0"
	}
	if v == nil {
		w.writeString(sessionID + " 0 " + endian + "\nOK\n")
		return w.Flush()
	}
	obj, err := w.encodeFrame([]value.Value{v}, w.opts.BigEndian)
	if err != nil {
		if werr := w.WriteError(sessionID, "Failed to serialize the result: "+err.Error()); werr != nil {
			return werr
		}
		return err
	}
	w.writeString(sessionID + " 1 " + endian + "\nOK\n")
	w.write(obj)
	return w.Flush()
}

// WriteError writes an error reply (§5) and flushes. Line breaks in msg
// become spaces; an empty message or "OK" is replaced so the client cannot
// mistake it for success.
func (w *Writer) WriteError(sessionID, msg string) error {
	msg = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(msg)
	switch msg {
	case "":
		msg = "Unknown error"
	case "OK":
		msg = "Error: OK"
	}
	endian := "1"
	if w.opts.BigEndian {
		endian = "0"
	}
	w.writeString(sessionID + " 0 " + endian + "\n" + msg + "\n")
	return w.Flush()
}

// WriteMessage writes a print-output record (`MSG\n<text>\0`) and
// flushes; NUL bytes in text become spaces.
func (w *Writer) WriteMessage(text string) error {
	w.writeString("MSG\n" + strings.ReplaceAll(text, "\x00", " ") + "\x00")
	return w.Flush()
}

// WriteRequest writes q to w (see Writer.WriteRequest); opts may be nil.
func WriteRequest(w io.Writer, q *Request, opts *EncodeOptions) error {
	return NewWriter(w, opts).WriteRequest(q)
}

// WriteResponse writes an OK reply with v to w (see Writer.WriteResponse).
func WriteResponse(w io.Writer, sessionID string, v value.Value, opts *EncodeOptions) error {
	return NewWriter(w, opts).WriteResponse(sessionID, v)
}

// WriteError writes an error reply to w.
func WriteError(w io.Writer, sessionID, msg string) error {
	return NewWriter(w, nil).WriteError(sessionID, msg)
}

// WriteMessage writes a print-output record to w.
func WriteMessage(w io.Writer, text string) error {
	return NewWriter(w, nil).WriteMessage(text)
}
