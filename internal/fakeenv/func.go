package fakeenv

import (
	"context"
	"errors"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Func is a funcs.Env for testing numeric routines (optimisers, root
// finders) without an interpreter: Call calls F with its first
// argument's numbers (a DOUBLE vector's, or a scalar's as one element)
// and counts the calls; Context is Ctx; Reserve allows everything (no
// memory cap). Its other methods are absent.
type Func struct {
	funcs.Env
	Ctx   context.Context
	F     func(x []float64) value.Value
	Calls int
}

// Context implements funcs.Env.
func (e *Func) Context() context.Context { return e.Ctx }

// Reserve implements funcs.Env.
func (e *Func) Reserve(int) error { return nil }

// Call implements funcs.Env.
func (e *Func) Call(_ value.Value, args ...value.Value) (value.Value, error) {
	e.Calls++
	switch a := args[0].(type) {
	case *value.Vector:
		return e.F(a.F64), nil
	case *value.Scalar:
		return e.F([]float64{a.Float64()}), nil
	}
	return nil, errors.New("unexpected argument")
}
