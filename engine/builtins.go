package engine

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

type builtinFn = func(in *interp, args []value.Value, names []string) (value.Value, error)

// reg declares, in the funcs registry, a built-in that works on the
// interpreter's private state (its operators, background jobs); params
// names its arguments and min/max bound their count (max -1: variadic).
func reg(name string, params []string, min, max int, fn builtinFn) {
	funcs.Register(funcs.Spec{Name: name, Params: params, Min: min, Max: max, Fn: interpImpl(fn)})
}

// interpImpl runs fn with the calling interpreter; these built-ins are
// registered by engine, so every Env that calls them is one.
func interpImpl(fn builtinFn) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		return fn(env.(*interp), args, nil)
	}
}

// alias declares another name of a built-in.
func alias(name, target string) { funcs.Alias(name, target) }

func p(names ...string) []string { return names }

// arg returns args[i] or nil when absent.
func arg(args []value.Value, i int) value.Value {
	if i < len(args) {
		return args[i]
	}
	return nil
}
