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

// estimateAfter is the number of calls an each form makes before it
// foresees the size of the results still to come from theirs: the first
// few calls often differ (a NULL at an edge, a cache being filled).
const estimateAfter = 64

// keeper counts the bytes of the results a higher-order function holds.
// The bytes are already on the heap when counted, so each check asks
// for one chunk more than is live: it refuses a chunk short of the cap.
type keeper struct {
	env funcs.Env
	// session and process are the bytes kept since the session's limit
	// and the process's guard last looked.
	session, process int64
	// all and calls are the bytes of every result counted and their
	// number; heap is the heap's bytes when an each form counted its
	// first, if it has calls enough to foresee the others.
	all, calls, heap int64
}

// count adds v to the results held and returns its bytes.
func (k *keeper) count(v value.Value) int64 {
	n := memlimit.EstimateBytes(v)
	k.session += n
	k.process += n
	k.all += n
	k.calls++
	return n
}

// keep counts v among the results held, with more results to come that
// are known to be no smaller (0 when nothing is known), and fails with
// the limit's error when they would pass it. Counting the results to
// come refuses a fold whose every step grows within a few hundred steps
// instead of after filling the memory at quadratic cost.
func (k *keeper) keep(v value.Value, more int) error {
	return k.check(times(k.count(v), more))
}

// keepEach counts v, the result of one of an each form's calls, with
// left calls still to come, and fails with the limit's error when the
// results would pass it: once estimateAfter calls are made, the results
// to come are foreseen at the average of those so far, so a call whose
// results clearly cannot fit is refused in its first hundred calls, not
// after filling the memory (each(def(i): rand(1.0, 10000), 1..10000000)
// ran for a minute). It must not refuse a call that fits, so what it
// foresees is half that average times the calls left: results of a
// steady size that fit are never refused, and uneven ones only when the
// first calls' results are more than twice the rest's. The average is
// also at most what the heap grew by: results that share one value (a
// function returning the same vector) hold it once, not once a call.
func (k *keeper) keepEach(v value.Value, left int) error {
	if k.calls == 0 && left >= estimateAfter {
		k.heap = allocguard.HeapBytes()
	}
	k.count(v)
	var ahead int64
	if k.calls >= estimateAfter && left > 0 && k.session >= sessionChunk {
		now := allocguard.HeapBytes()
		// a collection freed more than the results took: grown from here
		k.heap = min(k.heap, now)
		held := min(k.all, now-k.heap)
		ahead = times(held/k.calls, left) / 2
	}
	return k.check(ahead)
}

// times is n*more, saturated well below overflow; 0 when more <= 0.
func times(n int64, more int) int64 {
	limit := int64(math.MaxInt64 / 4)
	switch {
	case more <= 0:
		return 0
	case n > limit/int64(more):
		return limit
	}
	return n * int64(more)
}

// check puts the results counted since the last look, and ahead bytes
// of results still to come, to the session's limit once a chunk is
// counted and to the process's guard once allocguard.From is.
func (k *keeper) check(ahead int64) error {
	if k.session < sessionChunk {
		return nil
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

// steps are the results of accumulate's steps (each kept and counted
// against the memory limits) or, for reduce, nothing: reduce keeps only
// the last step, since holding every one kept each intermediate (a
// growing string, a vector) alive to the end.
type steps struct {
	held keeper
	keep bool
	rule byte
	all  []value.Value
}

func newSteps(env funcs.Env, keep bool, rule byte, n int) *steps {
	st := &steps{held: keeper{env: env}, keep: keep, rule: rule}
	if keep {
		st.all = make([]value.Value, 0, n)
	}
	return st
}

// first records the initial value as the first step, uncounted.
func (st *steps) first(v value.Value) {
	if st.keep {
		st.all = append(st.all, v)
	}
}

// add records a step with more steps to come that are no smaller (0 when
// nothing is known).
func (st *steps) add(v value.Value, more int) error {
	if !st.keep {
		return nil
	}
	st.all = append(st.all, v)
	return st.held.keep(v, more)
}

// result is the last step for reduce, every step assembled by the
// result rule for accumulate.
func (st *steps) result(last value.Value) (value.Value, error) {
	if !st.keep {
		return last, nil
	}
	return funcs.Assemble(st.all, st.rule)
}
