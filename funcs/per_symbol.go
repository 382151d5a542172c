package funcs

import "github.com/porpoisedb/porpoise/value"

// perSymbol wraps a PerSymbol function: called on a coded SYMBOL or
// STRING vector whose base holds at most half as many symbols as it has
// rows, with every other argument a scalar, fn runs once over the base's
// texts and each row takes its symbol's answer (a text answer comes back
// coded, so comparing it with a scalar compares codes). Any other call,
// and any answer that is not one scalar per symbol, goes to fn as it is;
// so does a call whose per-symbol run fails (the base may hold symbols
// no row uses), so errors keep their usual form.
func perSymbol(fn Impl) Impl {
	return func(env Env, args []value.Value) (value.Value, error) {
		if r := bySymbol(env, fn, args); r != nil {
			return r, nil
		}
		return fn(env, args)
	}
}

// bySymbol is fn over args[0]'s symbols spread to its rows, or nil when
// the call doesn't qualify.
func bySymbol(env Env, fn Impl, args []value.Value) *value.Vector {
	if len(args) == 0 {
		return nil
	}
	x, ok := args[0].(*value.Vector)
	if !ok {
		return nil
	}
	codes, base, ok := x.SymbolCodes()
	if !ok || 2*len(base) > len(codes) {
		return nil
	}
	call := make([]value.Value, len(args))
	call[0] = value.NewStrings(x.T, base)
	for i, a := range args[1:] {
		if _, scalar := a.(*value.Scalar); !scalar {
			return nil
		}
		call[i+1] = a
	}
	r, err := fn(env, call)
	if err != nil {
		return nil
	}
	per, ok := r.(*value.Vector)
	if !ok || per.Len() != len(base) || per.T.IsArray() || per.T == value.Any || per.T.Storage() == value.StPair2F64 {
		return nil
	}
	if per.T == value.String || per.T == value.Symbol {
		b := value.NewSymbolBase()
		recode := b.InternAll(nil, per.Strings())
		out := make([]int32, len(codes))
		for i, c := range codes {
			out[i] = recode[c]
		}
		return &value.Vector{T: per.T, I32: out, Syms: b}
	}
	return per.Reorder(&value.Vector{}, codes, nil)
}
