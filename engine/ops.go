package engine

import (
	"strings"

	"github.com/porpoisedb/porpoise/operator"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

func (in *interp) evalBinary(n *ast.BinaryExpr) (value.Value, error) {
	switch strings.ToLower(n.Op) {
	case "&&", "and":
		l, err := in.eval(n.L)
		if err != nil {
			return nil, err
		}
		if s, ok := l.(*value.Scalar); ok && !s.Null && !s.Bool() {
			return value.NewBool(false), nil
		}
		r, err := in.eval(n.R)
		if err != nil {
			return nil, err
		}
		return operator.Binary("&&", l, r)
	case "||", "or":
		l, err := in.eval(n.L)
		if err != nil {
			return nil, err
		}
		if s, ok := l.(*value.Scalar); ok && s.Bool() {
			return value.NewBool(true), nil
		}
		r, err := in.eval(n.R)
		if err != nil {
			return nil, err
		}
		return operator.Binary(n.Op, l, r)
	}
	l, err := in.eval(n.L)
	if err != nil {
		return nil, err
	}
	r, err := in.eval(n.R)
	if err != nil {
		return nil, err
	}
	return in.binary(n.Op, l, r)
}

// binary applies op to its evaluated operands, first reserving the
// memory of the elements a range (..) makes against the session's limit.
func (in *interp) binary(op string, l, r value.Value) (value.Value, error) {
	if op == ".." {
		if err := in.reserveElems(operator.RangeLen(l, r)); err != nil {
			return nil, err
		}
	}
	return operator.Binary(op, l, r)
}
