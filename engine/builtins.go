package engine

import (
	"github.com/porpoisedb/porpoise/value"
)

// builtins is the registry of Go-implemented functions by script name.
var builtins = map[string]*builtin{}

type builtinFn = func(in *interp, args []value.Value, names []string) (value.Value, error)

// reg registers a built-in; params names its arguments (for named-argument
// calls) and min/max bound the count (max -1: variadic).
func reg(name string, params []string, min, max int, fn builtinFn) {
	builtins[name] = &builtin{name: name, params: params, min: min, max: max, fn: fn}
}

// alias registers another name for a built-in.
func alias(name, target string) {
	b := *builtins[target]
	b.name = name
	builtins[name] = &b
}

func p(names ...string) []string { return names }

// arg returns args[i] or nil when absent.
func arg(args []value.Value, i int) value.Value {
	if i < len(args) {
		return args[i]
	}
	return nil
}
