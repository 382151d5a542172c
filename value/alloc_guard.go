package value

import "github.com/porpoisedb/porpoise/value/allocguard"

// A vector's elements are allocated in one piece. Go's runtime aborts the
// whole process on an allocation it can't map, so a script asking for a
// vector far beyond the machine's memory (diag of a long vector, a huge
// matrix) would kill the server; large allocations are first put to
// package allocguard's check, which can refuse them.

// AllocRefused is the panic value of a vector allocation the guard
// refused; the interpreter recovers it as the guard's error.
type AllocRefused struct{ Err error }

func (a AllocRefused) Error() string { return a.Err.Error() }

// Unwrap returns the guard's error.
func (a AllocRefused) Unwrap() error { return a.Err }

// guardAlloc puts an allocation of n elements of type t to the guard and
// panics with AllocRefused when it refuses.
func guardAlloc(t Type, n int) {
	if n < allocguard.From/16 {
		return
	}
	width := int64(t.Storage().Width())
	if width == 0 || t.IsArray() {
		width = 16 // strings, ANY, array offsets and their cells
	}
	if err := allocguard.Reserve(int64(n) * width); err != nil {
		panic(AllocRefused{err})
	}
}
