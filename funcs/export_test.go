package funcs

import "github.com/porpoisedb/porpoise/value"

// DirectFn is s's implementation as declared, without the per-symbol run
// Register wraps a Pure ElementWise one in.
func DirectFn(s *Spec) Impl { return s.direct }

// BySymbol is the per-symbol run of fn over args, nil when the call goes
// to fn directly.
func BySymbol(env Env, fn Impl, args []value.Value, firstOnly bool) *value.Vector {
	return bySymbol(env, fn, args, firstOnly)
}

// RunBySymbol is the per-symbol run of fn over args, whose first is a
// coded vector, however few rows it has per symbol.
func RunBySymbol(env Env, fn Impl, args []value.Value) *value.Vector {
	return overSymbols(env, fn, args, 0, args[0].(*value.Vector).Syms.Len())
}
