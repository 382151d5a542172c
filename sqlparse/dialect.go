package sqlparse

import (
	"context"

	"github.com/porpoisedb/porpoise/ctxval"
	"github.com/porpoisedb/porpoise/sqlparse/words"
)

// WithDialect returns ctx carrying d: the dialect a script run under ctx
// is parsed in (the server sets each request's from its flag).
func WithDialect(ctx context.Context, d words.Dialect) context.Context {
	return ctxval.With(ctx, d)
}

// DialectFrom is the dialect ctx carries (WithDialect), DolphinDB's when
// it carries none.
func DialectFrom(ctx context.Context) words.Dialect {
	d, _ := ctxval.From[words.Dialect](ctx)
	return d
}
