package funcs

import "github.com/porpoisedb/porpoise/value"

// A coded vector runs a function once per symbol only when it has
// perSymbolRatio rows per symbol of its base and perSymbolMinRows rows.
// The run costs a call over the base, a gather of the rows and, for a
// text answer, coding the base's answers (about 100 ns a symbol); at 4
// rows per symbol BenchmarkPerSymbolRatio (2000 symbols) has the
// cheapest text function, upper, break even and left, strlen and like
// gain 1.3 to 3 times, while at 2 upper is 4 times slower. A base can be
// far larger than a vector cut from its column, which the ratio keeps on
// the direct path; the row floor keeps calls on a few rows (per group,
// per small partition) free of the run's allocations.
const (
	perSymbolRatio   = 4
	perSymbolMinRows = 1024
)

// perSymbol wraps a Pure ElementWise function: called with exactly one
// coded SYMBOL or STRING vector among its arguments (the first for a
// FirstOnly function), every other argument a scalar, and the vector
// long enough for its base (see perSymbolRatio), fn runs once over the
// base's entries in code order and each row takes its code's answer. Any
// other call, and any answer that is not one plain element per entry,
// goes to fn as it is; so does a call whose run over the base fails (the
// base may hold symbols no row uses), so errors keep their usual form.
func perSymbol(fn Impl, firstOnly bool) Impl {
	return func(env Env, args []value.Value) (value.Value, error) {
		if r := bySymbol(env, fn, args, firstOnly); r != nil {
			return r, nil
		}
		return fn(env, args)
	}
}

// bySymbol is fn over the base entries of args' one coded vector gathered
// to its rows, or nil when the call doesn't qualify.
func bySymbol(env Env, fn Impl, args []value.Value, firstOnly bool) *value.Vector {
	at := -1
	for i, a := range args {
		switch a := a.(type) {
		case *value.Scalar:
		case *value.Vector:
			if at >= 0 || a.Syms == nil || firstOnly && i > 0 {
				return nil
			}
			at = i
		default:
			return nil
		}
	}
	if at < 0 {
		return nil
	}
	x := args[at].(*value.Vector)
	// One length for the whole call: the base may grow meanwhile, but
	// only past codes x already holds.
	n := x.Syms.Len()
	if len(x.I32) < perSymbolMinRows || len(x.I32) < perSymbolRatio*n {
		return nil
	}
	return overSymbols(env, fn, args, at, n)
}

// overSymbols is fn over the first n entries of the base of the coded
// vector args[at] gathered to its rows, or nil when fn fails there or
// answers other than one plain element per entry.
func overSymbols(env Env, fn Impl, args []value.Value, at, n int) *value.Vector {
	x := args[at].(*value.Vector)
	entries := make([]int32, n)
	for i := range entries {
		entries[i] = int32(i)
	}
	call := make([]value.Value, len(args))
	copy(call, args)
	call[at] = &value.Vector{T: x.T, I32: entries, Syms: x.Syms}
	r, err := fn(env, call)
	if err != nil {
		return nil
	}
	per, ok := r.(*value.Vector)
	if !ok || per.Len() != n || per.T.IsArray() || per.T == value.Any || per.T.Storage() == value.StPair2F64 {
		return nil
	}
	if per.Syms == nil && (per.T == value.String || per.T == value.Symbol) {
		// A text answer is coded before the gather, so rows cost 4 bytes
		// and comparing them with a scalar compares codes.
		per = codedTexts(per)
	}
	return per.Reorder(&value.Vector{}, x.I32, nil)
}

// codedTexts is the plain text vector per coded over a new base of its
// distinct texts. It dedups with a map sized for them up front, where
// interning them one by one into a base (Coded) costs several times as
// much and dominated the per-symbol run of cheap text functions (upper).
func codedTexts(per *value.Vector) *value.Vector {
	index := make(map[string]int32, len(per.Str))
	distinct := make([]string, 1, len(per.Str)+1)
	codes := make([]int32, len(per.Str))
	for i, s := range per.Str {
		if s == "" {
			continue // code 0, NULL in every base
		}
		c, ok := index[s]
		if !ok {
			c = int32(len(distinct))
			index[s] = c
			distinct = append(distinct, s)
		}
		codes[i] = c
	}
	return &value.Vector{T: per.T, I32: codes, Syms: value.NewSymbolBaseOf(distinct)}
}
