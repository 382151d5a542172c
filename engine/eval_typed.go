package engine

import (
	"github.com/porpoisedb/porpoise/engine/litval"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// typedVector evaluates a typed vector literal such as bool[1,0,NULL]
// (litval.TypedVector) unless the name is a variable's or a column's; ok
// is false when n is an ordinary index.
func (in *interp) typedVector(n *ast.IndexExpr) (value.Value, bool, error) {
	id, ok := n.X.(*ast.Ident)
	if !ok || in.frame[id.Name] != nil {
		// a variable's name first: v[i] in a loop is the common case
		return nil, false, nil
	}
	t, elems, ok := litval.TypedVector(id.Name, n.Index)
	if !ok {
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
	v, err := litval.Typed(t, vals)
	return v, true, err
}

// arrayType is T(...)[]: the array-vector type of a parameterised type
// such as DECIMAL32(8).
func (in *interp) arrayType(x ast.Expr) (value.Value, error) {
	v, err := in.eval(x)
	if err != nil {
		return nil, err
	}
	return litval.ArrayType(v)
}
