package engine_test

import (
	"testing"
)

// TestTypedOperatorPaths covers the typed fast paths of in, .. and the
// where mask against what the element-by-element paths gave.
func TestTypedOperatorPaths(t *testing.T) {
	cases := []struct{ name, script, want string }{
		{"in few ints", "1 2 NULL 4 in 2 NULL", "[false,true,true,false]"},
		{"in many ints", "0 5 11 in 1..10", "[false,true,false]"},
		{"in many strings", "`a`k`z in `a`b`c`d`e`f`g`h`i`j`k", "[true,true,false]"},
		{"in symbols", "symbol(`a`q) in symbol(`a`b)", "[true,false]"},
		{"in scalar", "3 in 1..5", "true"},
		{"descending range", "3..-1", "[3,2,1,0,-1]"},
		{"temporal range", "00:00:01..00:00:03", "[00:00:01,00:00:02,00:00:03]"},
		{"where on a BOOL column", "t = table(true false true as b, 1 2 3 as v); exec v from t where b", "[1,3]"},
		{"where on an INT expression", "t = table(0 1 2 as a, 1 2 3 as v); exec v from t where a", "[2,3]"},
		{"where with NULL", "t = table(1 NULL 3 as a); exec a from t where a > 0", "[1,3]"},
		{"where conjunction", "t = table(1 2 3 4 as a, `x`y`x`y as s); exec a from t where a > 1, s = `x", "[3]"},
	}
	runScriptCases(t, cases)
}

// TestSetOperators: the set forms of &, |, ^, - and the comparisons, from
// the operator pages' examples (element order is the set's own, so the
// tests look at sizes and membership).
func TestSetOperators(t *testing.T) {
	cases := []struct{ name, script, want string }{
		{"intersection", "x=set([5,5,3,4]); y=set(8 9 4 4 6); r = x & y; string(size(r)) + string(sum(3 4 5 6 8 9 in r))", "11"},
		{"union", "x=set([5,5,3,4]); y=set(8 9 9 4 6); r = x | y; string(size(r)) + string(sum(3 4 5 6 8 9 in r))", "66"},
		{"symmetric difference", "x=set([5,3,4]); y=set(8 9 4 6); r = y ^ x; string(size(r)) + string(sum(3 5 6 8 9 in r))", "55"},
		{"difference", "x=set([5,3,4]); y=set(8 9 4 6); r = x - y; string(size(r)) + string(sum(3 5 in r))", "22"},
		{"difference reversed", "x=set([5,3,4]); y=set(8 9 4 6); r = y - x; string(size(r)) + string(sum(6 8 9 in r))", "33"},
		{"not equal", "x=set(4 6); y=set(4 6 8); x != y", "true"},
		{"equal", "x=set(4 6); x == set(6 4)", "true"},
		{"proper subset", "x=set(4 6); y=set(8 9 4 6); x < y", "true"},
		{"not a proper subset of itself", "x=set(4 6); x < x", "false"},
		{"superset", "x=set(4 6); y=set(8 9 4 6); y > x", "true"},
		{"subset or equal", "x=set(4 6); y=set(8 9 4 6); x >= y", "false"},
	}
	runScriptCases(t, cases)
}
