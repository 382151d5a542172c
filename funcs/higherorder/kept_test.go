package higherorder

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/allocguard"
)

var errSessionFull = errors.New("session: Out of memory")

// heldEnv stands in for a session whose heap holds every string its
// functions made and which refuses a reservation that would take the
// heap past Max 16-byte elements, as the engine's limit does. Its
// functions work on strings: "big" makes a fresh 1 MB string, "mid" a
// fresh 16 KB one, "same" returns one 1 MB string made once, any other
// joins its first two arguments' text, as add does for strings.
type heldEnv struct {
	funcs.Env
	Max       int
	made      int
	calls     int
	cancelled bool
	same      value.Value
}

func (e *heldEnv) Context() context.Context {
	if e.cancelled {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		return ctx
	}
	return context.Background()
}

func (e *heldEnv) Reserve(n int) error {
	if e.made/16+n > e.Max {
		return errSessionFull
	}
	return nil
}

func (e *heldEnv) Call(fn value.Value, args ...value.Value) (value.Value, error) {
	e.calls++
	var r string
	switch fn.(*funcs.Spec).Name {
	case "same":
		if e.same == nil {
			e.same = value.NewString(strings.Repeat("s", 1<<20))
			e.made += 16 + 1<<20
		}
		return e.same, nil
	case "big":
		r = strings.Repeat("x", 1<<20)
	case "mid":
		r = strings.Repeat("m", 16<<10)
	default:
		r = args[0].(*value.Scalar).S + args[1].(*value.Scalar).S
	}
	e.made += 16 + len(r)
	return value.NewString(r), nil
}

// The results higher-order functions hold are counted against the
// session's limit as they come: accumulate(add, take("abcdefghij",
// 200000)) holds 200 GB in all and took the process down after 30 s; it
// is now refused within its first thousand steps, since add's
// accumulator never shrinks. A function nothing is known of is refused
// once what it holds passes the limit, in every form that holds results.
func TestHeldResultsAreReserved(t *testing.T) {
	add := &funcs.Spec{Name: "add"}
	other := &funcs.Spec{Name: "f"}
	big := &funcs.Spec{Name: "big"}
	unary := &funcs.Spec{Name: "big", Min: 1, Max: 1}
	ternary := &funcs.Spec{Name: "big", Min: 3, Max: 3}
	tenChars := value.NewStrings(value.String, slicesRepeat("abcdefghij", 200000))
	items := value.NewStrings(value.String, slicesRepeat("a", 1000))
	const limit = 16 << 20 / 16 // 16 MB of 16-byte elements
	cases := []struct {
		name     string
		fn       funcs.Impl
		args     []value.Value
		maxCalls int
	}{
		// add's steps are known to grow: refused at the first look, 1 MB
		// in, well before the 1,800 steps that fill 16 MB
		{"accumulate add", foldFn("accumulate", true), []value.Value{add, tenChars}, 500},
		{"accumulate of an unknown function", foldFn("accumulate", true), []value.Value{other, tenChars}, 2000},
		{"accumulate unary", foldFn("accumulate", true), []value.Value{unary, value.NewInt(1000), value.NewString("")}, 20},
		{"accumulate ternary", foldFn("accumulate", true), []value.Value{ternary, value.NewTuple([]value.Value{items, items}), value.NewString("")}, 20},
		{"each", eachFn("each"), []value.Value{big, items}, 20},
		{"eachLeft", eachSideFn("eachLeft", true), []value.Value{big, items, items}, 20},
		{"eachRight", eachSideFn("eachRight", false), []value.Value{big, items, items}, 20},
		{"eachPre", eachNeighbourFn("eachPre", true), []value.Value{big, items}, 20},
		{"eachPost", eachNeighbourFn("eachPost", false), []value.Value{big, items}, 20},
	}
	for _, c := range cases {
		env := &heldEnv{Max: limit}
		_, err := c.fn(env, c.args)
		require.ErrorIs(t, err, errSessionFull, c.name)
		require.Less(t, env.calls, c.maxCalls, c.name)
		require.Greater(t, env.calls, 2, c.name)
	}
}

// Under the session's limit the process's guard still sees what is held,
// 64 MB at a time, and its refusal ends the call.
func TestHeldResultsPassTheProcessGuard(t *testing.T) {
	refused := errors.New("process: Out of memory")
	var asked []int64
	defer allocguard.Set(allocguard.Set(func(bytes int64) error {
		asked = append(asked, bytes)
		return refused
	}))
	env := &heldEnv{Max: 1 << 40}
	items := value.NewStrings(value.String, slicesRepeat("a", 1000))
	_, err := eachFn("each")(env, []value.Value{&funcs.Spec{Name: "big"}, items})
	require.ErrorIs(t, err, refused)
	require.Len(t, asked, 1)
	require.GreaterOrEqual(t, asked[0], int64(allocguard.From))
	require.Equal(t, 64, env.calls)
}

// Within the limits the results are what they were, and a cancelled
// request still stops a fold at its next step.
func TestHeldResultsWithinTheLimit(t *testing.T) {
	add := &funcs.Spec{Name: "add"}
	env := &heldEnv{Max: 4 << 20}
	got, err := foldFn("accumulate", true)(env, []value.Value{add, value.NewStrings(value.String, []string{"a", "b", "c"})})
	require.NoError(t, err)
	require.Equal(t, []string{"a", "ab", "abc"}, got.(*value.Vector).Str)
	// 2,000 steps of up to 20,000 characters: 20 MB held, and 10 MB
	// at most foreseen, under 64 MB
	got, err = foldFn("accumulate", true)(env, []value.Value{add, value.NewStrings(value.String, slicesRepeat("abcdefghij", 2000))})
	require.NoError(t, err)
	require.Len(t, got.(*value.Vector).Str[1999], 20000)

	env.cancelled = true
	env.calls = 0
	_, err = foldFn("accumulate", true)(env, []value.Value{add, value.NewStrings(value.String, []string{"a", "b", "c"})})
	require.ErrorIs(t, err, context.Canceled)
	require.Zero(t, env.calls)
}

// eachForms is every each form over items, calling fn.
func eachForms(fn value.Value, items value.Value) []struct {
	name string
	run  func(funcs.Env) (value.Value, error)
} {
	forms := []struct {
		name string
		impl funcs.Impl
		args []value.Value
	}{
		{"each", eachFn("each"), []value.Value{fn, items}},
		{"peach", eachFn("peach"), []value.Value{fn, items}},
		{"loop", loopFn("loop"), []value.Value{fn, items}},
		{"eachLeft", eachSideFn("eachLeft", true), []value.Value{fn, items, value.NewInt(1)}},
		{"eachRight", eachSideFn("eachRight", false), []value.Value{fn, value.NewInt(1), items}},
		{"eachPre", eachNeighbourFn("eachPre", true), []value.Value{fn, items}},
		{"eachPost", eachNeighbourFn("eachPost", false), []value.Value{fn, items}},
	}
	out := make([]struct {
		name string
		run  func(funcs.Env) (value.Value, error)
	}, len(forms))
	for i, f := range forms {
		out[i].name = f.name
		out[i].run = func(env funcs.Env) (value.Value, error) { return f.impl(env, f.args) }
	}
	return out
}

// An each form whose results clearly pass the session's limit is
// refused once it has made enough calls to foresee the rest: 100,000
// results of 16 KB (1.6 GB) under a 64 MB limit stop at the 64th call,
// where they ran on to the 4,096th, the limit, and a call without limit
// to the machine's memory.
func TestEachForeseesItsResults(t *testing.T) {
	items := value.NewStrings(value.String, slicesRepeat("a", 100_000))
	for _, f := range eachForms(&funcs.Spec{Name: "mid"}, items) {
		runtime.GC() // the heap's growth is measured: no garbage of the last form's freed meanwhile
		env := &heldEnv{Max: 64 << 20 / 16}
		_, err := f.run(env)
		require.ErrorIs(t, err, errSessionFull, f.name)
		require.LessOrEqual(t, env.calls, 2*estimateAfter, f.name)
		require.GreaterOrEqual(t, env.calls, estimateAfter, f.name)
	}
}

// Results that fit are not refused: 3,000 of 16 KB (48 MB) under 64 MB,
// foreseen at 90 MB after the 64th call were it not halved; and the
// same 1 MB string returned by every one of 1,000 calls, which the
// results hold once (1 GB by their sizes).
func TestEachFittingResultsPass(t *testing.T) {
	items := value.NewStrings(value.String, slicesRepeat("a", 3000))
	for _, fn := range []string{"mid", "same"} {
		for _, f := range eachForms(&funcs.Spec{Name: fn}, items) {
			runtime.GC()
			env := &heldEnv{Max: 64 << 20 / 16}
			got, err := f.run(env)
			require.NoError(t, err, "%s of %s", f.name, fn)
			require.Equal(t, 3000, env.calls, "%s of %s", f.name, fn)
			require.Equal(t, 3000, got.(interface{ Len() int }).Len(), "%s of %s", f.name, fn)
		}
	}
}

func slicesRepeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}
