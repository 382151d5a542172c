package value

import "fmt"

// Checks too slow for production run when Invariants is set (the
// invariants build tag, and every -race build): a broken invariant is a
// bug in the code that built the value, so it panics with the evidence
// rather than return an error a caller could swallow. Call sites guard
// with `if value.Invariants`, so production builds compile them away.

// CheckTable panics unless every column of t has as many rows as the
// first and there is one name per column.
func CheckTable(t *Table) {
	if len(t.Names) != len(t.Cols) {
		panic(fmt.Sprintf("invariant: table has %d names for %d columns", len(t.Names), len(t.Cols)))
	}
	for i, c := range t.Cols {
		if c.Len() != t.Cols[0].Len() {
			panic(fmt.Sprintf("invariant: column %s has %d rows, column %s %d", t.Names[i], c.Len(), t.Names[0], t.Cols[0].Len()))
		}
		CheckCoded(c)
	}
}

// CheckCoded panics unless a coded (SYMBOL or STRING) vector is well
// formed: a literal type, no strings beside its codes, and every code
// naming an entry of its base. Plain vectors pass.
func CheckCoded(v *Vector) {
	if v.Syms == nil {
		return
	}
	if v.T != String && v.T != Symbol {
		panic(fmt.Sprintf("invariant: a %s vector has a symbol base", v.T))
	}
	if v.Str != nil {
		panic(fmt.Sprintf("invariant: a coded %s vector also holds %d strings", v.T, len(v.Str)))
	}
	CheckCodes(v.I32, v.Syms.Len()-1)
}

// CheckCodes panics unless every code is in [0, n]: 0 for NULL, 1..n an
// entry of a dictionary of n symbols.
func CheckCodes(codes []int32, n int) {
	for i, c := range codes {
		if c < 0 || int(c) > n {
			panic(fmt.Sprintf("invariant: symbol code %d at %d outside a dictionary of %d", c, i, n))
		}
	}
}

// checkFlat panics when a cell writer meets an array vector (insert.SetRow writes its rows).
func checkFlat(v *Vector, op string) {
	if Invariants && v.T.IsArray() {
		panic("invariant: " + op + " on an array vector writes a cell, not a row")
	}
}
