package engine_test

import (
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/stretchr/testify/require"
)

// TestLiteralsStayConstant changes, in every way a script can, values
// that came from literals, each and for loops, and checks that the next
// evaluation of the literal (a loop's next pass, the function's next
// call) still gives the literal's value: a literal is converted once and
// its node shares the value with operators only (engine/litval), and each
// and for hand out their items' scalars from blocks.
func TestLiteralsStayConstant(t *testing.T) {
	const inc = "def inc(mutable x) { x += 1; return x }\n"
	for _, tc := range []struct {
		name, setup, script, want string
	}{
		{name: "vector literal changed in a loop", script: "r = []; for (i in 0:3) { x = 1 2 3; r.append!(x[0]); x[0] = 9 }; r", want: "(1,1,1)"},
		{name: "negative and mixed vector literal", script: "r = []; for (i in 0:3) { x = -1 2.5; r.append!(x[0]); x[0] = 7.0 }; r", want: "(-1,-1,-1)"},
		{name: "string vector literal", script: `r = []; for (i in 0:3) { x = "a" "b"; r.append!(x[0]); x[0] = "z" }; r`, want: `("a","a","a")`},
		{name: "vector literal in a function", setup: "def f() { x = 1 2 3; y = x[0]; x[0] = 9; x.append!(4); return y * 10 + size(x) }", script: "f() + f()", want: "28"},
		{name: "literal to a mutable parameter", setup: inc, script: "a = inc(5); b = inc(5); a * 10 + b", want: "66"},
		{name: "literal to a mutable parameter in a loop", setup: inc, script: "r = []; for (i in 0:3) { r.append!(inc(5)) }; r", want: "(6,6,6)"},
		{name: "variable of a literal changed by a mutable parameter", setup: inc, script: "s = 0; for (i in 0:3) { a = 5; inc(a); s += a }; s", want: "18"},
		{name: "literal cast to its own type", setup: inc, script: "s = 0; for (i in 0:3) { a = 5 $ INT; inc(a); s += a }; s", want: "18"},
		{name: "chain returning its first literal", setup: inc, script: "s = 0; for (i in 0:3) { a = 5 $ INT $ INT; inc(a); s += a }; s", want: "18"},
		{name: "compound assignment of a literal", setup: inc, script: "s = 0; for (i in 0:3) { a = 0; a += 5 $ INT; inc(a); s += a }; s", want: "18"},
		{name: "literal in a function body", setup: inc + "def g(x) { a = 2; inc(a); return x + a }", script: "g(1) + g(1)", want: "8"},
		{name: "default of a parameter", setup: inc + "def g(x = 2) { inc(x); return x }", script: "g() + g()", want: "6"},
		{name: "tuple of literals through a mutable parameter", setup: inc, script: "s = 0; for (i in 0:3) { t = (1, 2); s += sum(each(inc, t)) }; s", want: "15"},
		{name: "each leaves its vector", setup: inc, script: "v = 1 2 3; r = each(inc, v); r.append!(v); r", want: "[2,3,4,1,2,3]"},
		{name: "each's items stay apart past a chunk", script: "t = loop(x -> x, 1..130); t[0] * 10000 + t[64] * 100 + t[129]", want: "16630"},
		{name: "each over a string vector", script: `each(x -> x + "!", ["a", "b", ""])`, want: `["a!","b!","!"]`},
		{name: "each over NULLs", script: "each(isNull, 1 NULL 3)", want: "[false,true,false]"},
		{name: "each over a pair, a set and a dictionary", script: "a = each(x -> x * 2, 3:5); b = sum(each(x -> x, set(1 2))); c = each(x -> x + 1, dict(`a`b, 1 2)); a[1] * 100 + b * 10 + c[`b]", want: "1033"},
		{name: "each over two vectors and a scalar", script: "each(def(a, b, c): a * 100 + b * 10 + c, 1 2, 3 4, 5)", want: "[135,245]"},
		{name: "for keeps each pass's value", script: "r = []; for (i in 0:130) { r.append!(i) }; r[0] * 10000 + r[64] * 100 + r[129]", want: "6529"},
		{name: "for down keeps each pass's value", script: "r = []; for (i in 130:0) { r.append!(i) }; r[0] * 10000 + r[64] * 100 + r[129]", want: "1296500"},
		{name: "for over a vector keeps each pass's value", script: "r = []; for (x in 100..229) { r.append!(x) }; r[0] * 10000 + r[129]", want: "1000229"},
		{name: "for over NULLs and strings", script: `r = []; for (x in 1 NULL 3) { r.append!(isNull(x)) }; for (s in ["a", ""]) { r.append!(s) }; r`, want: `(false,true,false,"a",)`},
		{name: "peach converts a body's literals on many goroutines", setup: "def f(x) { y = 1 2 3; y[0] = x; return x * 2 + 1 + y[1] - 2 }", script: "sum(peach(f, 1..2000))", want: "4004000"},
		{name: "for variable changed by a mutable parameter", setup: inc, script: "s = 0; for (i in 0:3) { inc(i); s += i }; s", want: "6"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, s := testkit.Started(t, tc.setup)
			for range 2 { // the setup's functions keep their nodes from one run to the next
				v, err := s.Run(tc.script)
				require.NoError(t, err)
				require.Equal(t, tc.want, v.String())
			}
		})
	}
}
