package join

import "github.com/porpoisedb/porpoise/value"

// Coded SYMBOL matching columns are compared as codes: the right side's
// codes are translated into the left column's base once per symbol, after
// which equal texts are equal int32s.

// symbolKeyCodes returns the codes of a single coded SYMBOL key on both
// sides in the left base's code space (a right symbol the left base
// lacks becomes -1, which matches nothing) and the left base's size; ok
// is false for any other keys.
func symbolKeyCodes(lkeys, rkeys []*value.Vector) (lc, rc []int32, nsym int, ok bool) {
	if len(lkeys) != 1 {
		return nil, nil, 0, false
	}
	lc, rc, ok = pairCodes(lkeys[0], rkeys[0])
	if !ok {
		return nil, nil, 0, false
	}
	return lc, rc, lkeys[0].Syms.Len(), true
}

// pairCodes returns the codes of the coded SYMBOL columns l and r, r's in
// l's base (-1 where l's base lacks the symbol); ok is false unless both
// are coded with bases small next to them.
func pairCodes(l, r *value.Vector) (lc, rc []int32, ok bool) {
	lc, _, ok = l.CompactSymbolCodes()
	if !ok {
		return nil, nil, false
	}
	rcodes, _, ok := r.CompactSymbolCodes()
	if !ok {
		return nil, nil, false
	}
	if l.Syms == r.Syms {
		return lc, rcodes, true
	}
	tr := l.Syms.Translate(r.Syms)
	rc = make([]int32, len(rcodes))
	for i, c := range rcodes {
		rc[i] = tr[c]
	}
	return lc, rc, true
}

// CodeKeys returns the matching columns with every pair of coded SYMBOL
// columns replaced by INT columns of their codes in the left column's
// base (NULL stays NULL; a right symbol the left base lacks becomes -1,
// equal to no left code), so that keys built from several columns
// (AppendKey) hash four bytes instead of a text. Other pairs are
// returned as they are; the caller's slices are not changed. Only the
// equality of the returned keys means anything, not their order.
func CodeKeys(lkeys, rkeys []*value.Vector) (l, r []*value.Vector) {
	l, r = lkeys, rkeys
	for k := range lkeys {
		lc, rc, ok := pairCodes(lkeys[k], rkeys[k])
		if !ok {
			continue
		}
		if &l[0] == &lkeys[0] {
			l, r = append([]*value.Vector(nil), lkeys...), append([]*value.Vector(nil), rkeys...)
		}
		l[k], r[k] = codeInts(lc), codeInts(rc)
	}
	return l, r
}

// codeInts is an INT vector of codes with code 0 (NULL) as INT NULL.
func codeInts(codes []int32) *value.Vector {
	out := make([]int32, len(codes))
	for i, c := range codes {
		if c == 0 {
			c = value.NullInt32
		}
		out[i] = c
	}
	return value.NewInts(out)
}
