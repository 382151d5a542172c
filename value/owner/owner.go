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
