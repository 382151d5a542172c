package litval

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/literal"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Shared is n's value as converted on its first evaluation. The caller
// must neither change it nor keep it where a script reaches it (a
// variable, a container, a result): a scalar is changed in place by a
// mutable parameter's compound assignment (def f(mutable x){x+=1}) and by
// read!, and the next evaluation of n would see that change. Owned says
// what to hand on.
func Shared(n *ast.Literal) (value.Value, error) {
	if s, ok := n.Cache.Load().(*value.Scalar); ok {
		return s, nil
	}
	v, err := literal.Value(n)
	if err != nil {
		return nil, err // converted again on each evaluation, as it fails
	}
	s, ok := v.(*value.Scalar)
	if !ok {
		return v, nil
	}
	// a function body may run on several goroutines at once (peach): the
	// first conversion stored is the one every evaluation shares, so
	// that Owned recognises it
	if !n.Cache.CompareAndSwap(nil, s) {
		s = n.Cache.Load().(*value.Scalar)
	}
	return s, nil
}

// Value is n's value for a caller that may keep or change it: a copy of
// the shared one, made without converting n's text again.
func Value(n *ast.Literal) (value.Value, error) {
	v, err := Shared(n)
	if s, ok := v.(*value.Scalar); ok {
		c := *s
		return &c, nil
	}
	return v, err
}

// Owned is v, or a copy of it when v is the shared value of e, a literal
// operand whose value was passed by Shared: an operator may return an
// operand itself (1 $ INT), which the caller would then keep.
func Owned(v value.Value, e ast.Expr) value.Value {
	n, ok := e.(*ast.Literal)
	if !ok {
		return v
	}
	if s, ok := v.(*value.Scalar); ok && s == n.Cache.Load() {
		c := *s
		return &c
	}
	return v
}

// Vector is the value of the vector literal n, which build makes from its
// elements. A vector of literals alone (1 2 3, -1 2.5, "a" "b") is built
// once and copied for each evaluation, since the caller may change it in
// place (x = 1 2 3; x[0] = 9); a tuple is built each time.
func Vector(n *ast.VectorLit, build func() (value.Value, error)) (value.Value, error) {
	if v, ok := n.Cache.Load().(*value.Vector); ok {
		return v.Clone(), nil
	}
	v, err := build()
	if err != nil || !constant(n.Elems) {
		return v, err
	}
	if vec, ok := v.(*value.Vector); ok && vec.T != value.Any && vec.T != value.Void && !vec.T.IsArray() {
		n.Cache.CompareAndSwap(nil, vec.Clone()) // build's own is the caller's
	}
	return v, nil
}

// constant reports whether elems are literals or negated literals only,
// whose values no variable or call changes.
func constant(elems []ast.Expr) bool {
	for _, e := range elems {
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == "-" {
			e = u.X
		}
		if _, ok := e.(*ast.Literal); !ok {
			return false
		}
	}
	return true
}

// TypedVector reports whether name[index] is a typed vector literal
// such as bool[1,0,NULL], int128["..."] or string[1] (a lower-case
// conversion function's name indexed by a bracketed list, unless a
// variable or column has that name), and gives its type and elements.
func TypedVector(name string, index ast.Expr) (value.Type, []ast.Expr, bool) {
	if name != strings.ToLower(name) {
		return 0, nil, false
	}
	t, ok := value.TypeByName(strings.ToUpper(name))
	if !ok || t.IsDecimal() || t == value.Any || t == value.Void {
		return 0, nil, false
	}
	switch ix := index.(type) {
	case *ast.TupleExpr:
		return t, ix.Elems, true
	case *ast.VectorLit:
		return t, ix.Elems, true
	}
	return t, []ast.Expr{index}, true
}

// Typed is the typed vector literal t[vals...] (bool[1,0,NULL],
// int128["..."], string[1]): vals converted to t.
func Typed(t value.Type, vals []value.Value) (value.Value, error) {
	v, err := cast.FromScalars(vals)
	if err != nil {
		return nil, err
	}
	vec := v.(*value.Vector) // a tuple when the elements are no scalars of one type
	if vec.T == value.Any && vec.Len() == 0 {
		return value.NewVector(t, 0, 0), nil
	}
	return cast.Vector(vec, t, 0)
}

// ArrayType is T(...)[] for v, T's value: the array-vector type of a
// parameterised type such as DECIMAL32(8), as a type code with the scale
// in its high bits.
func ArrayType(v value.Value) (value.Value, error) {
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
