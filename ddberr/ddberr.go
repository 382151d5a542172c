package ddberr

import (
	"errors"
	"regexp"
	"strings"
)

// Kind classifies an error by DolphinDB's error-code modules (the two
// digits after the S of a RefId, S<module><nnn>); errors without a RefId
// are classified by their well-known texts, and Runtime is the rest.
type Kind int

// The kinds. The first seven follow DolphinDB's modules 00 to 06.
const (
	Runtime   Kind = iota // a script failed while running (no more specific class)
	System                // S00: network, disk, file and memory errors
	Storage               // S01: DFS, OLAP/TSDB, transactions, partitions
	SQL                   // S02: SQL statements
	Streaming             // S03: stream tables and engines
	Admin                 // S04: login, permissions, database administration
	General               // S05: other errors (basic data structures)
	Syntax                // S06: parsing and script syntax
	Canceled              // the request was cancelled or timed out
)

var kindNames = [...]string{"Runtime", "System", "Storage", "SQL", "Streaming", "Admin", "General", "Syntax", "Canceled"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Error is a DolphinDB error. Error() is exactly DolphinDB's text.
type Error struct {
	// Msg is the error text as DolphinDB gives it (including any
	// " RefId: S0xxxx" suffix).
	Msg string
	// Code is the RefId in Msg ("S02016"), or "" when it has none.
	Code string
	// Kind classifies the error.
	Kind Kind
	// Err is the Go error the text came from when there is one (for
	// example context.Canceled); nil for errors received over the wire.
	Err error
}

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the underlying Go error, if any.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is an *Error with the same code (when both
// carry one) or else the same text, so errors.Is(err, ddberr.New(text))
// matches across the embedded and wire paths. The text matches also
// when e is target's text with statements before it (AtStatement), so a
// bare text still matches a failure that ran inside a script.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok {
		return false
	}
	if e.Code != "" && t.Code != "" {
		return e.Code == t.Code
	}
	return e.Msg == t.Msg || strings.HasSuffix(e.Msg, StatementSep+t.Msg)
}

// StatementSep is what DolphinDB writes between a failing statement and
// its error's message: "x * y => Scale out of bound ...".
const StatementSep = " => "

// AtStatement is err as DolphinDB reports it when it came out of a
// running statement: the statement's text (stmt, "fname: stmt" inside a
// function), " => ", then err's text. The code and kind are read from
// the message after the last separator, as New does from the same text
// received over the wire; err stays the cause errors.Is and errors.As
// see.
func AtStatement(stmt string, err error) *Error {
	e := New(stmt + StatementSep + err.Error())
	e.Err = err
	if isContextErr(err) {
		e.Kind = Canceled
	}
	return e
}

// New returns the *Error for a DolphinDB error text, with its code and
// kind read from the text.
func New(msg string) *Error {
	code, kind := classify(msg)
	return &Error{Msg: msg, Code: code, Kind: kind}
}

// Wrap returns err as an *Error keeping err's text and err as its cause;
// nil stays nil and an error that already is (or wraps) an *Error is
// returned unchanged. Context cancellation and deadline errors get the
// Canceled kind.
func Wrap(err error) error {
	if err == nil {
		return nil
	}
	var de *Error
	if errors.As(err, &de) {
		return err
	}
	e := New(err.Error())
	e.Err = err
	if isContextErr(err) {
		e.Kind = Canceled
	}
	return e
}

// KindOf is the kind of err when it is or wraps an *Error, else Runtime.
func KindOf(err error) Kind {
	var de *Error
	if errors.As(err, &de) {
		return de.Kind
	}
	return Runtime
}

func isContextErr(err error) bool {
	// The context package's errors, named by their texts to keep this
	// package free of imports a caller may not want.
	for e := err; e != nil; e = errors.Unwrap(e) {
		if s := e.Error(); s == "context canceled" || s == "context deadline exceeded" {
			return true
		}
	}
	return false
}

// refID finds DolphinDB's "RefId: S02016" (also without the space).
var refID = regexp.MustCompile(`RefId:\s*([Ss](\d{2})\d{3})`)

// textKinds are texts (prefixes or substrings) of errors DolphinDB gives
// without a RefId.
var textKinds = []struct {
	prefix bool
	text   string
	kind   Kind
}{
	{true, "Syntax Error", Syntax},
	{false, "Can't recognize function name", Syntax},
	{false, "Can't recognize token", Syntax},
	{true, "The user name or password is incorrect", Admin},
	{false, "Not granted", Admin},
	{false, "Only administrators", Admin},
	{true, "Login is required", Admin},
	{false, "Out of memory", System},
	{true, "The request was cancelled", Canceled},
	{true, "The job was cancelled", Canceled},
}

func refIDOf(msg string) []string {
	if !strings.Contains(msg, "RefId") {
		return nil
	}
	return refID.FindStringSubmatch(msg)
}

func classify(msg string) (code string, kind Kind) {
	// The statements AtStatement put before the message don't classify it.
	if i := strings.LastIndex(msg, StatementSep); i >= 0 {
		msg = msg[i+len(StatementSep):]
	}
	// Most texts have no RefId; skipping the regexp for them keeps
	// Errorf cheap on paths that build an error per failed element.
	if m := refIDOf(msg); m != nil {
		code = strings.ToUpper(m[1])
		switch m[2] {
		case "00":
			kind = System
		case "01":
			kind = Storage
		case "02":
			kind = SQL
		case "03":
			kind = Streaming
		case "04":
			kind = Admin
		case "05":
			kind = General
		case "06":
			kind = Syntax
		}
		return code, kind
	}
	for _, tk := range textKinds {
		if tk.prefix && strings.HasPrefix(msg, tk.text) || !tk.prefix && strings.Contains(msg, tk.text) {
			return "", tk.kind
		}
	}
	return "", Runtime
}
