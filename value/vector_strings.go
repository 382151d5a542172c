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

// Coded returns v dictionary-coded when it is a plain STRING or SYMBOL
// vector: the same type and elements, its distinct strings interned once
// into a new base and the rows held as int32 codes (4 bytes a row instead
// of a 16-byte string header). Any other vector, or one already coded, is
// returned as it is. Producers that repeat a few strings many times
// (rand, take) code their source first and move codes.
func (v *Vector) Coded() *Vector {
	if v.Syms != nil || (v.T != String && v.T != Symbol) {
		return v
	}
	return v.CodedAs(v.T)
}

// CodedAs returns v's elements (v a STRING, SYMBOL or BLOB vector) as a
// coded vector of literal type t with a base of its own: a coded v's
// codes are translated, each distinct code looked up once, so the new
// base holds only the strings v's rows use; a plain v's strings are
// interned. Casting a coded STRING column to SYMBOL costs one intern per
// distinct string, not per row.
func (v *Vector) CodedAs(t Type) *Vector {
	b := NewSymbolBase()
	out := &Vector{T: t, Syms: b}
	if v.Syms != nil {
		out.I32 = b.recode(make([]int32, 0, len(v.I32)), v.I32, v.Syms, false)
	} else {
		out.I32 = b.InternAll(make([]int32, 0, len(v.Str)), v.Str)
	}
	return out
}

// Decode turns a coded vector plain in place (its strings materialised,
// 16 bytes a row), for code that writes Str directly; a plain vector is
// left as it is. Only a vector the caller owns may be decoded.
func (v *Vector) Decode() {
	if v.Syms == nil {
		return
	}
	v.Str, v.I32, v.Syms = v.Strings(), nil, nil
}

// SymbolCodes returns a coded (SYMBOL or STRING) vector's codes and its
// base's strings indexed by code (code 0 is "", NULL); ok is false for a
// plain vector.
func (v *Vector) SymbolCodes() (codes []int32, base []string, ok bool) {
	if v.Syms == nil {
		return nil, nil, false
	}
	return v.I32, v.Syms.Strs(), true
}

// NewSymbols returns a coded SYMBOL vector of strs, interned into a new
// base.
func NewSymbols(strs []string) *Vector { return NewStrings(Symbol, strs).CodedAs(Symbol) }

// NewTableColumn returns an empty table column of type t with room for
// capacity rows, n of them zero. A SYMBOL column is coded with a base of
// its own, as DolphinDB keeps one symbol base per table column, so rows
// appended to it are interned into that base; while empty it takes the
// base of a coded vector appended to it (symbolColumn.appendAll).
func NewTableColumn(t Type, n, capacity int) *Vector {
	if t != Symbol {
		return NewVector(t, n, capacity)
	}
	return &Vector{T: Symbol, I32: make([]int32, n, max(n, capacity)), Syms: NewSymbolBase()}
}
