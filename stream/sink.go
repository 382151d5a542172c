package stream

import (
	"context"

	"github.com/porpoisedb/porpoise/ctxval"
	"github.com/porpoisedb/porpoise/value"
)

// Sink is a subscriber at the other end of a network connection, the
// connection a client's publishTable request came on: once the request
// has been answered, the server pushes the stream's messages on it.
type Sink interface {
	// Attach hands the sink the subscription publishTable made and the
	// empty table whose schema goes first; the sink owns it from then on
	// and stops it (Registry.Stop) when the connection ends.
	Attach(reg *Registry, sub *Subscription, schema *value.Table)
	// Send pushes one message, rows with lastID the offset of the last,
	// once the reply and the schema have gone; it returns when the
	// message is written, or the connection's error.
	Send(topic string, rows *value.Table, lastID int64) error
	// Close ends the connection without blocking: the subscriber fell
	// more than Options.MaxPending messages behind.
	Close()
}

// WithSink is ctx carrying the sink of the connection a request came on.
func WithSink(ctx context.Context, s Sink) context.Context {
	return ctxval.With(ctx, s)
}

// SinkFrom is the sink WithSink put in ctx, nil for none (a script, an
// embedded session).
func SinkFrom(ctx context.Context) Sink {
	s, _ := ctxval.From[Sink](ctx)
	return s
}
