package ctxval

import "context"

// key is the context key of the value of type T.
type key[T any] struct{}

// With is ctx carrying v, the value From[T] finds.
func With[T any](ctx context.Context, v T) context.Context {
	return context.WithValue(ctx, key[T]{}, v)
}

// From is the value of type T that With put in ctx; ok is false when ctx
// (which may be nil) carries none.
func From[T any](ctx context.Context) (v T, ok bool) {
	if ctx == nil {
		return v, false
	}
	v, ok = ctx.Value(key[T]{}).(T)
	return v, ok
}
