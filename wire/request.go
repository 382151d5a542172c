package wire

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"unsafe"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Flag is the request flag field (index 0 of the header options, §1.3).
type Flag uint32

// Request flag bits.
const (
	FlagUrgent            Flag = 1      // JS urgent worker; ignorable
	FlagSecondary         Flag = 2      // internal sub-job; ignorable
	FlagAsync             Flag = 4      // the client reads no response
	FlagPickle            Flag = 8      // Python pickle results (tables: package wire/pickle)
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

// ParseOptions parses an options field such as "32_1_4_64__0__<uuid>_7",
// every number within its range (flags 32-bit, priority, parallelism
// and fetch size 31-bit, the fetch size not negative).
func ParseOptions(s string) (Options, error) {
	o, flags, err := parseOptions(s)
	if err != nil {
		return o, err
	}
	if flags > 1<<32-1 {
		return o, malformed("header flags %d", flags)
	}
	const maxInt32 = 1<<31 - 1
	if o.Priority < -maxInt32 || o.Priority > maxInt32 || o.Parallelism < -maxInt32 || o.Parallelism > maxInt32 || o.FetchSize < 0 || o.FetchSize > maxInt32 {
		return o, malformed("header options %q out of range", s)
	}
	return o, nil
}

// parseOptions parses an options field as a server reads it: empty
// fields keep their defaults and any 64-bit number is taken (the flags,
// returned whole too, only need to be non-negative).
func parseOptions(s string) (Options, int64, error) {
	o := DefaultOptions()
	parts := strings.Split(s, "_")
	o.Fields = len(parts)
	var nums [9]int64
	for _, i := range [...]int{0, 1, 2, 3, 5, 8} {
		if i >= len(parts) || parts[i] == "" {
			continue
		}
		v, err := strconv.ParseInt(parts[i], 10, 64)
		if err != nil {
			return DefaultOptions(), 0, requestErr(ErrMalformed, false, ddberr.Errorf("Invalid request option %s.", QuoteText(parts[i])))
		}
		nums[i] = v
	}
	flags, canc, prio, par, fetch, seq := nums[0], int64(1), int64(4), int64(64), nums[5], nums[8]
	for i, dst := range []*int64{&canc, &prio, &par} {
		if i+1 < len(parts) && parts[i+1] != "" {
			*dst = nums[i+1]
		}
	}
	if flags < 0 {
		return DefaultOptions(), 0, requestErr(ErrMalformed, false, ddberr.Errorf("Invalid request flag %d.", flags))
	}
	o.Flags, o.Cancellable, o.Priority, o.Parallelism, o.FetchSize, o.SeqNo = Flag(flags), canc != 0, int(prio), int(par), int(fetch), seq
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
	return o, flags, nil
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
	// User and Password come from a JavaScript `connect\nlogin\n...` body
	// (a login is asked for when either is set); Encrypted reports a
	// fourth line "true": both are RSA-encrypted (base64).
	User, Password string
	Encrypted      bool
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

// Async reports whether the client expects no response (flag 4). A
// connect request is always answered: the C++ and Python APIs of an
// asynchronous session (enableASYNC) set the flag on their connect too
// and wait for its reply.
func (q *Request) Async() bool { return q.Options.Flags&FlagAsync != 0 && q.Kind != KindConnect }

// RequestError is a request ReadRequest refuses; Error() is the text a
// server answers it with (§5). It wraps ErrMalformed or ErrLimit and,
// for an argument that failed to decode, the decoder's error.
type RequestError struct {
	// Whole reports that the request was read to its end (only its
	// options were malformed): ReadRequest returns it too, with default
	// options, and the stream is still in sync. Otherwise the stream is
	// unusable.
	Whole bool
	kind  error
	err   *ddberr.Error
}

func requestErr(kind error, whole bool, err *ddberr.Error) *RequestError {
	return &RequestError{Whole: whole, kind: kind, err: err}
}

func (e *RequestError) Error() string { return e.err.Msg }

// Unwrap returns the error class (ErrMalformed or ErrLimit) and the
// text, whose cause is a failed argument's decoding error.
func (e *RequestError) Unwrap() []error { return []error{e.kind, e.err} }

// QuoteText renders (a prefix of) untrusted request text for an error
// message.
func QuoteText(s string) string {
	if len(s) > 64 {
		s = s[:64] + "..."
	}
	return strconv.Quote(s)
}

// ReadRequest reads one request frame, as a server does: the header line
// (at most 4096 bytes), the body, then the arguments of a function or
// variable request. MaxFrame bounds all of it and is checked before
// anything is allocated; MaxBody bounds the body. It returns io.EOF when
// the stream ends cleanly before a request and io.ErrUnexpectedEOF when
// it ends inside one. A request that breaks the protocol is a
// *RequestError; when its Whole is set (malformed options) the request is
// returned too. Errors of the underlying reader are returned as they are.
func (r *Reader) ReadRequest() (*Request, error) {
	line, err := r.readLine(maxRequestLine)
	if errors.Is(err, ErrLimit) {
		return nil, requestErr(ErrLimit, false, ddberr.Errorf("The request header is longer than %d bytes.", maxRequestLine))
	}
	if err != nil {
		return nil, err
	}
	q := &Request{Options: DefaultOptions()}
	// "<type> <sid> <length>[ / <options>]"
	api, rest, ok1 := strings.Cut(line, " ")
	sid, rest, ok2 := strings.Cut(rest, " ")
	length, rest, more := strings.Cut(rest, " ")
	if !ok1 || !ok2 || api != "API" && api != "API2" {
		return nil, badHeader(line)
	}
	q.API, q.SessionID = api, sid
	n, err := strconv.ParseInt(length, 10, 64)
	if err != nil || n < 0 {
		return nil, requestErr(ErrMalformed, false, ddberr.Errorf("Invalid request body length: %s", QuoteText(length)))
	}
	var optErr error
	if more {
		slash, opts, hasOpts := strings.Cut(rest, " ")
		if slash != "/" {
			return nil, badHeader(line)
		}
		q.HasOptions = true
		if hasOpts {
			// the rest of the request is read all the same: the error is
			// the request's answer, and the stream stays in sync
			q.Options, _, optErr = parseOptions(opts)
		}
	}
	frame := r.MaxFrame
	if frame <= 0 {
		frame = DefaultMaxFrame
	}
	headerLen := int64(len(line) + 1)
	if n > frame-headerLen {
		return nil, requestErr(ErrLimit, false, ddberr.Errorf("The request of %d bytes exceeds the limit of %d bytes.", headerLen+n, frame))
	}
	maxBody := r.MaxBody
	if maxBody <= 0 {
		maxBody = DefaultMaxBody
	}
	if n > int64(maxBody) {
		return nil, requestErr(ErrLimit, false, ddberr.Errorf("The request body of %d bytes exceeds the limit of %d bytes.", n, maxBody))
	}
	body, err := r.readBody(int(n))
	if err != nil {
		return nil, err
	}
	var sb string
	if r.br != nil {
		// a stream's body is a fresh buffer, never written again
		sb = unsafe.String(unsafe.SliceData(body), len(body))
	} else {
		sb = string(body)
	}
	argc, err := q.parseBody(sb)
	if err != nil {
		return nil, err
	}
	if argc > 0 {
		r.SetBigEndian(q.BigEndian)
		defer r.SetBigEndian(false)
		if err := r.readArgs(q, argc, frame, headerLen+n); err != nil {
			return nil, err
		}
	}
	if optErr != nil {
		optErr.(*RequestError).Whole = true
		return q, optErr
	}
	return q, nil
}

func badHeader(line string) error {
	return requestErr(ErrMalformed, false, ddberr.Errorf("Invalid request header: %s", QuoteText(line)))
}

// parseBody fills q from the request body and returns the number of
// arguments that follow it. Function and variable bodies are read
// leniently, as DolphinDB does: lines past the byte order are ignored
// and the count and byte order may be padded with blanks.
func (q *Request) parseBody(body string) (argc int, err error) {
	cmd, rest, _ := strings.Cut(body, "\n")
	q.Command = cmd
	switch cmd {
	case "connect":
		q.Kind = KindConnect
		if lines, _ := bodyLines(body); len(lines) >= 3 && lines[0] == "login" {
			q.User, q.Password = lines[1], lines[2]
			q.Encrypted = len(lines) >= 4 && lines[3] == "true"
		}
	case "script":
		q.Kind = KindScript
		q.Script = rest
	case "function", "variable":
		lines, trailingLF := bodyLines(body)
		if len(lines) < 3 {
			return 0, requestErr(ErrMalformed, false, ddberr.Errorf("Invalid %s request: the body must hold a name, an argument count and the byte order.", cmd))
		}
		q.TrailingLF = trailingLF && len(lines) == 3
		if cmd == "function" {
			q.Kind = KindFunction
			q.Function = lines[0]
		} else {
			q.Kind = KindVariable
			q.Names = strings.Split(lines[0], ",")
		}
		argc, err = strconv.Atoi(strings.TrimSpace(lines[1]))
		if err != nil || argc < 0 {
			return 0, requestErr(ErrMalformed, false, ddberr.Errorf("Invalid %s request: bad argument count %s.", cmd, QuoteText(lines[1])))
		}
		switch strings.TrimSpace(lines[2]) {
		case "1":
		case "0":
			q.BigEndian = true
		default:
			return 0, requestErr(ErrMalformed, false, ddberr.Errorf("Invalid %s request: bad byte order %s.", cmd, QuoteText(lines[2])))
		}
	default:
		q.Kind = KindUnknown
		q.Body = body
	}
	return argc, nil
}

// bodyLines returns the body's lines after the command (split on LF),
// without one trailing empty line (Go and JS end function bodies with
// LF), which trailingLF reports.
func bodyLines(body string) (lines []string, trailingLF bool) {
	_, rest, ok := strings.Cut(body, "\n")
	if !ok {
		return nil, false
	}
	lines = strings.Split(rest, "\n")
	if lines[len(lines)-1] == "" {
		return lines[:len(lines)-1], true
	}
	return lines, false
}

// readArgs reads a request's argc arguments; the frame already holds
// the used bytes of header and body.
func (r *Reader) readArgs(q *Request, argc int, frame, used int64) error {
	r.limit, r.used = frame, used // a byte slice's frame is what is left of it
	// every object takes at least 3 bytes (a VOID scalar)
	if int64(argc) > r.remaining()/3 {
		if r.br == nil {
			return io.ErrUnexpectedEOF
		}
		return requestErr(ErrLimit, false, ddberr.Errorf("The request's %d arguments exceed the limit of %d bytes.", argc, frame))
	}
	q.Args = make([]value.Value, 0, min(argc, 16))
	for i := 0; i < argc; i++ {
		if r.remaining() <= 0 {
			if r.br == nil {
				return io.ErrUnexpectedEOF
			}
			return requestErr(ErrLimit, false, ddberr.Errorf("The request exceeds the limit of %d bytes.", frame))
		}
		v, err := r.readTop()
		switch {
		case err == nil:
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return io.ErrUnexpectedEOF
		case errors.Is(err, ErrLimit):
			return requestErr(ErrLimit, false, ddberr.Errorf("Failed to deserialize argument %d: the request exceeds the limit of %d bytes (%v).", i+1, frame, err))
		default:
			return requestErr(ErrMalformed, false, ddberr.Errorf("Failed to deserialize argument %d: %v", i+1, err))
		}
		q.Args = append(q.Args, v)
	}
	return nil
}

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
		if q.User != "" || q.Password != "" {
			if strings.ContainsAny(q.User+q.Password, "\n") {
				return "", malformed("user or password contains LF")
			}
			if q.Encrypted {
				return "connect\nlogin\n" + q.User + "\n" + q.Password + "\ntrue", nil
			}
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

// AppendHeader appends q's header line and body, everything of the
// request but its arguments, which follow them on the wire.
func (q *Request) AppendHeader(dst []byte) ([]byte, error) {
	body, err := requestBody(q)
	if err != nil {
		return dst, err
	}
	api := q.API
	if api == "" {
		api = "API2"
	}
	if strings.ContainsAny(api+q.SessionID, " \n") {
		return dst, malformed("API type or session id contains a space or LF")
	}
	dst = append(dst, api...)
	dst = append(dst, ' ')
	dst = append(dst, q.SessionID...)
	dst = append(dst, ' ')
	dst = strconv.AppendInt(dst, int64(len(body)), 10)
	if q.HasOptions {
		dst = append(dst, " / "...)
		dst = append(dst, q.Options.String()...)
	}
	dst = append(dst, '\n')
	return append(dst, body...), nil
}

// WriteRequest writes a request frame and flushes. The arguments are
// encoded first: if that fails nothing is written.
func (w *Writer) WriteRequest(q *Request) error {
	if w.err != nil {
		return w.err
	}
	var args []byte
	if q.Kind == KindFunction || q.Kind == KindVariable {
		var err error
		if args, err = w.encodeFrame(q.Args, q.BigEndian); err != nil {
			return err
		}
	}
	hdr, err := q.AppendHeader(nil)
	if err != nil {
		return err
	}
	w.write(hdr)
	w.write(args)
	return w.Flush()
}

// WriteRequest writes q to w (see Writer.WriteRequest); opts may be nil.
func WriteRequest(w io.Writer, q *Request, opts *EncodeOptions) error {
	return NewWriter(w, opts).WriteRequest(q)
}
