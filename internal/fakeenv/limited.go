package fakeenv

import "errors"

// ErrOverLimit is the error Limited's Reserve refuses with.
var ErrOverLimit = errors.New("over the limit")

// Limited is Func at a memory limit: Reserve refuses more than Max
// elements (every reservation when Max is negative), as a session over
// maxMemSize does.
type Limited struct {
	Func
	Max int
}

// Reserve implements funcs.Env.
func (e *Limited) Reserve(n int) error {
	if n > e.Max {
		return ErrOverLimit
	}
	return nil
}
