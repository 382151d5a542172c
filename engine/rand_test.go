package engine_test

import "testing"

// TestRandTypesAndRanges: rand keeps the bound's type (CHAR, SHORT, INT,
// LONG, DATE) and draws in [0, bound); rand over a vector draws its
// elements, of its type.
func TestRandTypesAndRanges(t *testing.T) {
	runScriptCases(t, []scriptCase{
		{"INT", "x = rand(100, 10000); [typestr(x), string(min(x) >= 0 && max(x) < 100), string(size(x))]", `["FAST INT VECTOR","true","10000"]`},
		{"CHAR", "x = rand(10c, 1001); [typestr(x), string(min(x) >= 0 && max(x) < 10)]", `["FAST CHAR VECTOR","true"]`},
		{"SHORT", "x = rand(3h, 1001); [typestr(x), string(nunique(x))]", `["FAST SHORT VECTOR","3"]`},
		{"LONG", "x = rand(10000000000l, 1001); [typestr(x), string(min(x) >= 0 && max(x) < 10000000000l)]", `["FAST LONG VECTOR","true"]`},
		{"DATE", "x = rand(2024.01.01, 5); typestr(x)", "FAST DATE VECTOR"},
		{"scalar", "x = rand(1, 1); x", "[0]"},
		{"no count", "typestr(rand(5))", "INT"},
		{"symbols", "x = rand(`A`B`C, 3000); [typestr(x), string(nunique(x)), string(count(x))]", `["STRING VECTOR","3","3000"]`},
		{"symbol vector", "x = rand(symbol(`A`B), 1000); [typestr(x), string(sum(x == `A) + sum(x == `B))]", `["FAST SYMBOL VECTOR","1000"]`},
		{"pair", "x = rand(1:3, 100); string(min(x) >= 1 && max(x) <= 3)", "true"},
	})
}
