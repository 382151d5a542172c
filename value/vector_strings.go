package value

// The string accessors are how code outside this package reads a STRING,
// SYMBOL or BLOB vector's elements, whether a SYMBOL vector holds strings
// or codes into a symbol base (see "SYMBOL as dictionary codes" in
// doc.go).

// StrAt returns element i of a STRING, SYMBOL or BLOB vector ("" when
// NULL).
func (v *Vector) StrAt(i int) string {
	if v.Syms != nil {
		return v.Syms.Strs()[v.I32[i]]
	}
	return v.Str[i]
}

// Strings returns the elements of a STRING, SYMBOL or BLOB vector. The
// slice may be the vector's own storage: callers read it and never modify
// it. A coded SYMBOL vector's strings are materialised (16 bytes a row),
// so consumers that can work on codes use SymbolCodes instead.
func (v *Vector) Strings() []string {
	if v.Syms == nil {
		return v.Str
	}
	strs := v.Syms.Strs()
	out := make([]string, len(v.I32))
	for i, c := range v.I32 {
		out[i] = strs[c]
	}
	return out
}

// SymbolCodes returns a coded SYMBOL vector's codes and its base's
// strings indexed by code (code 0 is "", NULL); ok is false for any other
// vector.
func (v *Vector) SymbolCodes() (codes []int32, base []string, ok bool) {
	if v.Syms == nil {
		return nil, nil, false
	}
	return v.I32, v.Syms.Strs(), true
}

// NewSymbols returns a coded SYMBOL vector of strs, interned into a new
// base.
func NewSymbols(strs []string) *Vector {
	b := NewSymbolBase()
	return &Vector{T: Symbol, I32: b.InternAll(make([]int32, 0, len(strs)), strs), Syms: b}
}

// NewTableColumn returns an empty table column of type t with room for
// capacity rows, n of them zero. A SYMBOL column is coded with a base of
// its own, as DolphinDB keeps one symbol base per table column, so rows
// appended to it are interned into that base.
func NewTableColumn(t Type, n, capacity int) *Vector {
	if t != Symbol {
		return NewVector(t, n, capacity)
	}
	return &Vector{T: Symbol, I32: make([]int32, n, max(n, capacity)), Syms: NewSymbolBase()}
}
