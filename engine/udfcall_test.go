package engine_test

import (
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/stretchr/testify/require"
)

// TestUDFCallFrames runs script functions through each way a call is
// made (a plain call, more arguments than the stack buffer holds, empty
// and named arguments, a partial application, each, recursion) and
// checks that what one call does to its frame (undef a parameter,
// declare a constant) stays out of the next call's: every call forks
// the parameters' read-only names declared once at definition.
func TestUDFCallFrames(t *testing.T) {
	for _, tc := range []struct {
		name, setup, script, want, err string
	}{
		{name: "plain", setup: "def f(x) { return x + 1 }", script: "f(1)", want: "2"},
		{name: "five args", setup: "def f(a, b, c, d, e) { return a*10000 + b*1000 + c*100 + d*10 + e }", script: "f(1, 2, 3, 4, 5)", want: "12345"},
		{name: "nested calls share no buffer", setup: "def f(a, b) { return a*10 + b }", script: "f(f(1, 2), f(3, 4))", want: "154"},
		{name: "too many", setup: "def f(x) { return x }", script: "f(1, 2)", err: "f(1, 2) => The function [f] expects 1 argument(s), but the actual number of arguments is: 2"},
		{name: "too few", setup: "def f(x, y) { return x }", script: "f(1)", err: "f(1) => The function [f] expects 2 argument(s), but the actual number of arguments is: 1"},
		{name: "empty slot is Nothing", setup: "def f(x, y) { return isNothing(y) }", script: "f(1,)", want: "true"},
		{name: "named", setup: "def f(x, y = 2) { return x*10 + y }", script: "f(1, y=5)", want: "15"},
		{name: "default", setup: "def f(x, y = 2) { return x*10 + y }", script: "f(1)", want: "12"},
		{name: "parameter read-only", setup: "def f(x) { x.append!(2); return x }", script: "f([1])", err: "Read only object can't be applied to mutable function append!"},
		{name: "undef in one call leaves the next read-only",
			setup:  "def f(x, first) { if (first) { undef(`x); return 0 }; x.append!(1); return x }",
			script: "v = [1]; a = f(v, true); f(v, false)", err: "Read only object can't be applied to mutable function append!"},
		{name: "const in one call is that call's",
			setup:  "def f(first) { if (first) { const c = 1; return c }; c = 2; return c }",
			script: "f(true) * 10 + f(false)", want: "12"},
		{name: "mutable", setup: "def f(mutable x) { x += 1 }", script: "a = 1; f(a); f(a); a", want: "3"},
		{name: "mutable beside read-only", setup: "def f(mutable x, y) { x += 1; y.append!(1) }", script: "a = 1; b = [1]; f(a, b)", err: "Read only object can't be applied to mutable function append!"},
		{name: "partial", setup: "def g(a, b, c) { return a*100 + b*10 + c }", script: "g{1, , 3}(2)", want: "123"},
		{name: "partial appended", setup: "def g(a, b, c) { return a*100 + b*10 + c }", script: "g{1}(2, 3)", want: "123"},
		{name: "partial too many", setup: "def g(a, b) { return a + b }", script: "g{1}(2, 3)", err: "The function [g] expects 2 argument(s), but the actual number of arguments is: 3"},
		{name: "partial in each", setup: "def g(a, b, c) { return a*100 + b*10 + c }", script: "each(g{, 2, 3}, 1..3)", want: "[123,223,323]"},
		{name: "partial of five", setup: "def g(a, b, c, d, e) { return a + b + c + d + e }", script: "g{1, 2}(3, 4, 5)", want: "15"},
		{name: "lambda in each", script: "each(x -> x * 2, 1..3)", want: "[2,4,6]"},
		{name: "closure", setup: "def mk(a) { return def(b): a + b }", script: "h = mk(10); h(1) + h(2)", want: "23"},
		{name: "recursion", setup: "def fib(n) { if (n < 2) { return n }; return fib(n - 1) + fib(n - 2) }", script: "fib(15)", want: "610"},
		{name: "too deep", setup: "def r(n) { return r(n + 1) }", script: "r(0)", err: "The call stack of function r is too deep."},
		{name: "one call's locals are not the next's", setup: "def f(first) { if (first) { y = 5; return y }; return y }",
			script: "a = f(true); f(false)", err: "Cannot recognize the token y"},
		{name: "frames of recursive calls apart", setup: "def g(n) { a = n * 10; if (n > 0) { b = g(n - 1) } else { b = 0 }; return a + b }", script: "g(4)", want: "100"},
		{name: "a built-in in a plain body", setup: "def f(x) { s = sum(x); return s + size(x) }", script: "f(1 2 3) + f(4 5)", want: "20"},
		{name: "plain body calls a kept closure", setup: "def mk(a) { return def(b): a + b }\ndef f(h, x) { y = h(x); return y * 2 }", script: "f(mk(1), 2) + f(mk(10), 3)", want: "32"},
		{name: "for over a table in a plain body", setup: "def f(t) { s = 0; for (r in t) { s += r[`x] }; return s }", script: "f(table(1 2 3 as x))", want: "6"},
		{name: "locals stay local", setup: "def f(x) { y = x * 2; return y }", script: "y = 7; f(1) + y", want: "9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, s := testkit.Started(t, tc.setup)
			// twice: a second call must see what the first left of nothing
			for range 2 {
				v, err := s.Run(tc.script)
				if tc.err != "" {
					require.ErrorContains(t, err, tc.err)
					continue
				}
				require.NoError(t, err)
				require.Equal(t, tc.want, v.String())
			}
		})
	}
}
