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
		if !plainContainer(w) {
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

// plainContainer reports whether every vector w holds is among
// value.HeldVectors(w).
func plainContainer(w value.Value) bool {
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
// caller checks the shared objects its statement holds itself.
func Reached(vars map[string]value.Value, except string, held []*value.Vector) bool {
	var buf []*value.Vector
	for name, w := range vars {
		if t, ok := w.(*value.Table); name == except || !value.IsContainer(w) || ok && t.Handle {
			continue
		}
		buf = value.HeldVectors(w, buf[:0])
		if sharesAny(held, buf) {
			return true
		}
	}
	return false
}

// OwnColumns replaces each column of t, a newly built table, by a copy
// where a variable among vars, an earlier column of t, or exposed (the
// shared objects the caller holds) reaches its storage, so that changing
// the table never changes them. The variables are walked once for all
// the columns: a tuple variable of a million elements costs a pass over
// them, which a per-column walk would repeat.
func OwnColumns(vars map[string]value.Value, t *value.Table, exposed func(value.Value) bool) {
	var frame []*value.Vector
	walked := false
	for i, c := range t.Cols {
		shared := exposed(c) || sharesAny([]*value.Vector{c}, t.Cols[:i])
		if !shared {
			if !walked {
				for _, w := range vars {
					if tb, ok := w.(*value.Table); value.IsContainer(w) && !(ok && tb.Handle) {
						frame = value.HeldVectors(w, frame)
					}
				}
				walked = true
			}
			shared = sharesAny([]*value.Vector{c}, frame)
		}
		if shared {
			t.Cols[i] = c.Clone()
		}
	}
}

func sharesAny(as, bs []*value.Vector) bool {
	for _, a := range as {
		for _, b := range bs {
			if value.SharesStorage(a, b) {
				return true
			}
		}
	}
	return false
}
