package allocguard

import "runtime/metrics"

// Go's runtime aborts the whole process on an allocation it can't map;
// a recover can't catch it. So allocations that can be large (a vector's
// elements, a cross join's row indexes) are put to a check first, which
// the package owning the process's memory cap installs.

// From is the smallest allocation, in bytes, put to the check: asking
// costs a read of the runtime's heap figures.
const From = 64 << 20

// check refuses an allocation of so many bytes; nil allows all.
var check func(bytes int64) error

// Set installs the check allocations of From bytes or more must pass and
// returns the one it replaces. The package owning the process's memory
// cap calls it once, at init; tests put a refusing check in its place
// and restore it.
func Set(c func(bytes int64) error) (previous func(bytes int64) error) {
	previous, check = check, c
	return previous
}

// Reserve puts an allocation of so many bytes to the check before it is
// made: nil when it may be made, the check's error (DolphinDB's "Out of
// memory") when not.
func Reserve(bytes int64) error {
	if check == nil || bytes < From {
		return nil
	}
	return check(bytes)
}

// HeapBytes is the bytes of the heap's objects, live or not yet swept:
// the figure a check weighs an allocation against. A call costs about a
// microsecond, so callers sample it for large allocations only.
func HeapBytes() int64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(sample[0].Value.Uint64())
}
