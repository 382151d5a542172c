package engine

import (
	"context"
	"errors"
	"io"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The interpreter is the Env of the built-ins it calls.
var _ funcs.Env = (*interp)(nil)

// Context implements funcs.Env.
func (in *interp) Context() context.Context { return in.s.ctx }

// Call implements funcs.Env.
func (in *interp) Call(fn value.Value, args ...value.Value) (value.Value, error) {
	f, ok := fn.(Function)
	if !ok {
		return nil, errors.New("The object is not a function.")
	}
	return in.call(f, args, nil)
}

// Out implements funcs.Env.
func (in *interp) Out() io.Writer { return in.s.out }

// Reserve implements funcs.Env.
func (in *interp) Reserve(n int) error { return in.reserveElems(int64(n)) }
