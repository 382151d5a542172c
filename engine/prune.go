package engine

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The pruner (package dfs) reads whether a built-in is safe to evaluate on
// partition values from its funcs.Props. Built-ins still registered here
// rather than in funcs get theirs from these lists until they move.
var (
	legacyRowFuncs = setOf("add", "sub", "mul", "div", "ratio", "mod", "eq", "ne", "lt", "le",
		"gt", "ge", "and", "or", "bitAnd", "bitOr", "bitXor", "lshift", "rshift", "neg", "not",
		"between", "in")
	legacyConstFuncs = setOf("pair", "seq")
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// legacyProps is dfs.Evaluator.Props for the interpreter's own built-ins:
// fn must be the built-in registered under name (not a user function or
// variable shadowing it).
func legacyProps(name string, fn value.Value) (funcs.Props, bool) {
	b, ok := fn.(*builtin)
	if !ok || b != builtins[name] {
		return 0, false
	}
	switch {
	case legacyRowFuncs[name]:
		return funcs.Pure | funcs.ElementWise, true
	case legacyConstFuncs[name]:
		return funcs.Pure, true
	}
	return 0, false
}
