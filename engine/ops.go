package engine

import (
	"strings"

	"github.com/porpoisedb/porpoise/engine/litval"
	"github.com/porpoisedb/porpoise/operator"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

func (in *interp) evalBinary(n *ast.BinaryExpr) (value.Value, error) {
	switch strings.ToLower(n.Op) {
	case "&&", "and":
		l, err := in.operand(n.L)
		if err != nil {
			return nil, err
		}
		if s, ok := l.(*value.Scalar); ok && !s.Null && !s.Bool() {
			return value.NewBool(false), nil
		}
		r, err := in.operand(n.R)
		if err != nil {
			return nil, err
		}
		v, err := operator.Binary("&&", l, r)
		return owned(v, n), err
	case "||", "or":
		l, err := in.operand(n.L)
		if err != nil {
			return nil, err
		}
		if s, ok := l.(*value.Scalar); ok && s.Bool() {
			return value.NewBool(true), nil
		}
		r, err := in.operand(n.R)
		if err != nil {
			return nil, err
		}
		v, err := operator.Binary(n.Op, l, r)
		return owned(v, n), err
	}
	l, err := in.operand(n.L)
	if err != nil {
		return nil, err
	}
	r, err := in.operand(n.R)
	if err != nil {
		return nil, err
	}
	v, err := in.binary(n.Op, l, r)
	return owned(v, n), err
}

// operand evaluates an operator's operand. A literal's value is its
// node's, shared rather than copied: the operators only read their
// operands, and owned copies one they return as their result.
func (in *interp) operand(e ast.Expr) (value.Value, error) {
	if l, ok := e.(*ast.Literal); ok {
		return litval.Shared(l)
	}
	return in.eval(e)
}

// owned is the result v of b's operator on operands from operand: a copy
// when it is a literal operand's shared value itself.
func owned(v value.Value, b *ast.BinaryExpr) value.Value {
	return litval.Owned(litval.Owned(v, b.L), b.R)
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
