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

// bound is a node-level service bound to what one request tells it.
type bound[S, R any] struct {
	svc *S
	req R
}

// WithBound is ctx carrying the node's svc together with the request's
// req, the pair BoundFrom[S, R] finds; a nil svc binds nothing and ctx is
// returned as it is.
func WithBound[S, R any](ctx context.Context, svc *S, req R) context.Context {
	if svc == nil {
		return ctx
	}
	return With(ctx, bound[S, R]{svc, req})
}

// BoundFrom is the service and request WithBound put in ctx; ok is false
// when ctx (which may be nil) carries none.
func BoundFrom[S, R any](ctx context.Context) (svc *S, req R, ok bool) {
	b, ok := From[bound[S, R]](ctx)
	return b.svc, b.req, ok
}
