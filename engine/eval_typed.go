package engine

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// typedVector evaluates a typed vector literal such as bool[1,0,NULL],
// int128["..."] or string[1]: a lower-case conversion function name that
// is not a variable, indexed by a bracketed list, makes a vector of that
// type. ok is false when n is an ordinary index.
func (in *interp) typedVector(n *ast.IndexExpr) (value.Value, bool, error) {
	id, ok := n.X.(*ast.Ident)
	if !ok || in.frame[id.Name] != nil || id.Name != strings.ToLower(id.Name) {
		// a variable's name first: v[i] in a loop is the common case
		return nil, false, nil
	}
	elems := []ast.Expr{n.Index}
	switch ix := n.Index.(type) {
	case *ast.TupleExpr:
		elems = ix.Elems
	case *ast.VectorLit:
		elems = ix.Elems
	}
	t, ok := value.TypeByName(strings.ToUpper(id.Name))
	if !ok || t.IsDecimal() || t == value.Any || t == value.Void {
		return nil, false, nil
	}
	if in.row != nil {
		if _, isCol := in.row.Column(id.Name); isCol {
			return nil, false, nil
		}
	}
	vals, err := in.evalList(elems)
	if err != nil {
		return nil, true, err
	}
	v, err := cast.FromScalars(vals)
	if err != nil {
		return nil, true, err
	}
	vec := v.(*value.Vector) // a tuple when the elements are no scalars of one type
	if vec.T == value.Any && vec.Len() == 0 {
		return value.NewVector(t, 0, 0), true, nil
	}
	out, err := cast.Vector(vec, t, 0)
	return out, true, err
}

// arrayType is T(...)[]: the array-vector type of a parameterised type
// such as DECIMAL32(8), as a type code with the scale in its high bits.
func (in *interp) arrayType(x ast.Expr) (value.Value, error) {
	v, err := in.eval(x)
	if err != nil {
		return nil, err
	}
	s, ok := v.(*value.Scalar)
	if !ok || s.Null || s.T.Category() != value.CatIntegral {
		return nil, ddberr.Errorf("The data type argument must be a type constant such as INT.")
	}
	t := value.Type(s.I & 0xffff)
	if t.IsArray() {
		return nil, ddberr.Errorf("An array vector type can't be nested.")
	}
	return value.NewInt(int32(s.I&^0xffff) | int32(t+value.ArrayOffset)), nil
}
