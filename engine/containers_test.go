package engine_test

import (
	"testing"
)

// TestContainers covers the container behaviours of issue 9 item 7 that
// the manual shows without a runnable example.
func TestContainers(t *testing.T) {
	cases := []struct{ name, script, want string }{
		{"assign NULL", "a = 1 2 3; a[1] = NULL; a", "[1,,3]"},
		{"assign NULL in DOUBLE", "a = 1.5 2.5; a[0] = NULL; a", "[,2.5]"},
		{"assign by positions", "a = 1 2 3 4; a[0 2] = 9; a", "[9,2,9,4]"},
		{"assign vector by mask", "a = 1 2 3 4; a[a > 2] = 30 40; a", "[1,2,30,40]"},
		{"tuple appends a vector whole", "x = array(ANY); x.append!(1 2 3); size(x)", "1"},
		{"tuple keeps its copy", "v = 1 2; x = array(ANY); x.append!(v); v[0] = 9; x[0]", "[1,2]"},
		{"array vector + vector row", "a = array(INT[], 0); a.append!(1 2 3); a.append!(4); a", "[[1,2,3],[4]]"},
		{"array vector arithmetic keeps rows", "typestr(arrayVector([2,5],1..5)+1)", "FAST INT[] VECTOR"},
		{"array vector by row vector", "arrayVector([2,5],1..5) * 10 100", "[[10,20],[300,400,500]]"},
		{"table == table", "t1 = table(1 2 as a); t2 = table(1 5 as a); exec a from (t1 == t2)", "[true,false]"},
		{"table + scalar", "t = table(1 2 as a, 1.5 2.5 as b); r = t + 1; exec b from r", "[2.5,3.5]"},
		{"matrix typestr", "typestr(1..4$2:2)", "FAST INT MATRIX"},
		{"matrix not", "typestr(not (1 0 1 0$2:2))", "FAST BOOL MATRIX"},
		{"pair arithmetic", "typestr(1:2 + 1)", "INT PAIR"},
	}
	runScriptCases(t, cases)
}
