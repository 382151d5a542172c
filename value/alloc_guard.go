package value

// A vector's elements are allocated in one piece. Go's runtime aborts the
// whole process on an allocation it can't map, so a script asking for a
// vector far beyond the machine's memory (diag of a long vector, a huge
// matrix) would kill the server; large allocations are first put to a
// guard that can refuse them.

// AllocRefused is the panic value of a vector allocation the guard
// refused; the interpreter recovers it as the guard's error.
type AllocRefused struct{ Err error }

func (a AllocRefused) Error() string { return a.Err.Error() }

// Unwrap returns the guard's error.
func (a AllocRefused) Unwrap() error { return a.Err }

// guardFrom is the smallest allocation, in bytes, put to the guard:
// asking costs a read of the runtime's heap figures.
const guardFrom = 64 << 20

// allocGuard checks an allocation of so many bytes; nil allows all.
var allocGuard func(bytes int64) error

// SetAllocGuard installs the check that vector allocations of 64 MiB or
// more must pass. The package owning the process's memory cap calls it
// once, at init.
func SetAllocGuard(check func(bytes int64) error) { allocGuard = check }

// guardAlloc puts an allocation of n elements of type t to the guard and
// panics with AllocRefused when it refuses.
func guardAlloc(t Type, n int) {
	if allocGuard == nil || n < guardFrom/16 {
		return
	}
	width := int64(t.Storage().Width())
	if width == 0 || t.IsArray() {
		width = 16 // strings, ANY, array offsets and their cells
	}
	if bytes := int64(n) * width; bytes >= guardFrom {
		if err := allocGuard(bytes); err != nil {
			panic(AllocRefused{err})
		}
	}
}
