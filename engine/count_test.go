package engine_test

import "testing"

// TestCountSkipsNulls: count(X) counts the non-NULL elements of each
// storage (the typed pass) and size(X) counts all of them.
func TestCountSkipsNulls(t *testing.T) {
	runScriptCases(t, []scriptCase{
		{"INT", "count(1 NULL 3)", "2"},
		{"all NULL INT", "count(take(int(), 4))", "0"},
		{"DOUBLE", "count([1.5, NULL, 2.5, NULL])", "2"},
		{"STRING", `count(["a", "", "b"])`, "2"},
		{"SYMBOL", `count(symbol(["a", "", "b"]))`, "2"},
		{"BOOL", "count([true, NULL, false])", "2"},
		{"CHAR", "count([1c, NULL])", "1"},
		{"SHORT", "count([1h, NULL, 3h])", "2"},
		{"LONG", "count([1l, NULL])", "1"},
		{"DATE", "count([2024.01.01, NULL])", "1"},
		{"FLOAT", "count(float([1, NULL, 3]))", "2"},
		{"UUID", `count(uuid(["5d212a78-cc48-e3b1-4235-b4d91473ee87", ""]))`, "1"},
		{"size", "size(1 NULL 3)", "3"},
	})
}
