package higherorder

import (
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/allocguard"
)

// A higher-order function holds every call's result until it assembles
// them, and none of those results is large enough for the vector guard
// to see: accumulate(add, take("abcdefghij", 200000)) keeps strings of
// 10, 20 ... 2,000,000 characters, 200 GB in all, made 400 KB at a time,
// and took the process down after 30 s. So the results kept are counted
// as they come and put to the session's limit (maxMemSize) and the
// process's guard, which refuse with "Out of memory" before the machine
// does.

// sessionChunk is the bytes of kept results gathered before the
// session's limit is asked: it does not look below 1 MB, and asking
// reads the runtime's heap figures.
const sessionChunk = 1 << 20

// keeper counts the bytes of the results a higher-order function holds.
// The bytes are already on the heap when counted, so each check asks
// for one chunk more than is live: it refuses a chunk short of the cap.
type keeper struct {
	env funcs.Env
	// session and process are the bytes kept since the session's limit
	// and the process's guard last looked.
	session, process int64
}

// keep counts v among the results held, with more results to come that
// are known to be no smaller (0 when nothing is known), and fails with
// the limit's error when they would pass it. Counting the results to
// come refuses a fold whose every step grows within a few hundred steps
// instead of after filling the memory at quadratic cost.
func (k *keeper) keep(v value.Value, more int) error {
	n := memlimit.EstimateBytes(v)
	k.session += n
	k.process += n
	if k.session < sessionChunk {
		return nil
	}
	ahead := int64(math.MaxInt64 / 4)
	if more <= 0 {
		ahead = 0
	} else if n <= ahead/int64(more) {
		ahead = n * int64(more)
	}
	// env.Reserve counts 16-byte elements
	elems := (k.session + ahead + 15) / 16
	k.session = 0
	if err := k.env.Reserve(int(elems)); err != nil {
		return err
	}
	bytes := k.process + ahead
	if bytes < allocguard.From {
		return nil
	}
	k.process = 0
	return allocguard.Reserve(bytes)
}

// keepsFirst reports whether fn's result holds its first argument whole,
// so that an accumulator folded through it never shrinks: add and concat
// append strings, join appends vectors, and add of numbers is as large
// as the larger operand.
func keepsFirst(fn value.Value) bool {
	s, ok := fn.(*funcs.Spec)
	if !ok {
		return false
	}
	switch s.Name {
	case "add", "concat", "join":
		return true
	}
	return false
}
