package sqlparse_test

import "testing"

func TestModuleStatementsAndQualifiedNames(t *testing.T) {
	requireScriptForms(t, []formatCase{
		{"module example::ch9", "module example::ch9"},
		{"module ta\ndef f(x){ return x }", "module ta\ndef f(x) {return x}"},
		{"use ta", "use ta"},
		{"use system::log::fileLog; x = 1", "use system::log::fileLog\nx = 1"},
		{"a::b::f(1)", "a::b::f(1)"},
		{"each(m::f, 1 2)", "each(m::f, (1 2))"},
		{"::add(3,4)", "::add(3, 4)"},
		{"x = 1 + ::add(3, 4)", "x = (1 + ::add(3, 4))"},
		// use and module stay ordinary names where no module name follows
		{"use = 1; use + 1", "use = 1\n(use + 1)"},
		{"module(1)", "module(1)"},
		// pairs and slices keep their colons
		{"a:b", "(a : b)"},
		{"x[:3]", "x[(NULL : 3)]"},
	})
}
