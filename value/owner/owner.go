package owner

import "github.com/porpoisedb/porpoise/value"

// Alone reports whether t, the value of the variable called name among
// vars, is all that reaches its columns' storage: no other variable
// shares it, and no other variable is a tuple, a dictionary of ANY
// values, a function or code value (anything but a plain container),
// which might hold a column out of value.HeldVectors' sight.
func Alone(vars map[string]value.Value, name string, t *value.Table) bool {
	if vars[name] != t {
		return false
	}
	var held []*value.Vector
	for n, w := range vars {
		if n == name {
			continue
		}
		if !Plain(w) {
			return false
		}
		held = value.HeldVectors(w, held[:0])
		for _, a := range t.Cols {
			for _, b := range held {
				if value.SharesStorage(a, b) {
					return false
				}
			}
		}
	}
	return true
}

// Plain reports whether every vector w holds is among
// value.HeldVectors(w): not a tuple or a dictionary of ANY values, which
// may hold functions with data of their own, and not a function.
func Plain(w value.Value) bool {
	switch x := w.(type) {
	case *value.Scalar, *value.Matrix, *value.Pair, *value.Set:
		return true
	case *value.Vector:
		return x.T != value.Any
	case *value.Dict:
		return x.Vals.T != value.Any && x.Keys.T != value.Any
	case *value.Table:
		for _, c := range x.Cols {
			if c.T == value.Any {
				return false
			}
		}
		return true
	}
	return false
}

// Reached reports whether any of held shares storage with a variable
// among vars other than except. A handle table (an IPC table other
// sessions append to, read only under its lock) is not looked at: the
// caller checks the shared objects its statement holds itself. An IMOLTP
// table, a handle no statement lock holds, is. The
// plain variables are looked at first: storage a variable holds outright
// is found without walking a tuple's elements, which may number millions.
func Reached(vars map[string]value.Value, except string, held []*value.Vector) bool {
	var buf []*value.Vector
	for _, plain := range [2]bool{true, false} {
		for name, w := range vars {
			if name == except || !looked(w) || Plain(w) != plain {
				continue
			}
			buf = value.HeldVectors(w, buf[:0])
			if SharesAny(held, buf) {
				return true
			}
		}
	}
	return false
}

// looked reports whether w may share storage with a value being bound:
// a container other than a handle table a statement lock guards.
func looked(w value.Value) bool {
	t, ok := w.(*value.Table)
	return value.IsContainer(w) && !(ok && t.Handle && !selfLocked(t))
}

// selfLocked reports whether t is a handle no statement lock guards: an
// IMOLTP table, which its engine locks itself and updates in place, so a
// value sharing its storage must be copied when bound.
func selfLocked(t *value.Table) bool {
	_, ok := t.Stream.(interface{ IMOLTPTable() })
	return ok
}

// OwnColumns replaces each column of t, a newly built table, by a copy
// where a variable among vars, an earlier column of t, or exposed (the
// shared objects the caller holds) reaches its storage, so that changing
// the table never changes them. The variables are walked once for all
// the columns, the plain ones first: a tuple variable of a million
// elements costs a pass over them only when a column is found in no
// plain variable.
func OwnColumns(vars map[string]value.Value, t *value.Table, exposed func(value.Value) bool) {
	var held [2][]*value.Vector // of the plain variables, of the others
	var walked [2]bool
	for i, c := range t.Cols {
		one := []*value.Vector{c}
		shared := exposed(c) || SharesAny(one, t.Cols[:i])
		for pass := 0; pass < 2 && !shared; pass++ {
			if !walked[pass] {
				for _, w := range vars {
					if looked(w) && Plain(w) == (pass == 0) {
						held[pass] = value.HeldVectors(w, held[pass])
					}
				}
				walked[pass] = true
			}
			shared = SharesAny(one, held[pass])
		}
		if shared {
			t.Cols[i] = c.Clone()
		}
	}
}

// SharesAny reports whether a vector of as shares storage with one of bs.
func SharesAny(as, bs []*value.Vector) bool {
	for _, a := range as {
		for _, b := range bs {
			if value.SharesStorage(a, b) {
				return true
			}
		}
	}
	return false
}
