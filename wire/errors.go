package wire

import (
	"errors"
	"fmt"
)

// Errors returned by the decoders (wrapped with details; test with
// errors.Is). Truncated input yields io.ErrUnexpectedEOF.
var (
	// ErrMalformed reports bytes that do not follow the protocol.
	ErrMalformed = errors.New("wire: malformed data")
	// ErrLimit reports a frame, body, line or nesting depth beyond the
	// configured limits.
	ErrLimit = errors.New("wire: limit exceeded")
	// ErrUnsupported reports a well-formed construct this package does not
	// handle (e.g. CHART, TENSOR, DURATION vectors).
	ErrUnsupported = errors.New("wire: unsupported")
)

func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrMalformed}, args...)...)
}

func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrUnsupported}, args...)...)
}

func limitErr(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrLimit}, args...)...)
}

// ServerError is the error text of an error reply (§5), returned by
// Reader.ReadResponse. The connection stays usable after it.
type ServerError struct {
	SessionID string
	Msg       string
}

func (e *ServerError) Error() string { return "server error: " + e.Msg }
