package engine

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Script classes (package oop): the session keeps the classes it
// defined; calling a class makes an object and runs its constructor, and
// a method runs as a function whose scope has, after its own variables,
// the object's attributes and self (lookup, assignTo).

// construct makes an object of class c with the constructor's arguments.
func (in *interp) construct(c *oop.Class, args []value.Value) (value.Value, error) {
	o, ctor := c.NewObject()
	if ctor != nil {
		if _, err := in.callMethod(ctor, args); err != nil {
			return nil, err
		}
	} else if len(args) > 0 {
		return nil, ddberr.Errorf("The class [%s] has no constructor taking arguments.", c.Name)
	}
	return o, nil
}

func (in *interp) callMethod(m *oop.Method, args []value.Value) (value.Value, error) {
	if m.Def.Body == nil {
		return nil, ddberr.Errorf("The method [%s] is declared but not defined.", m.Def.Name)
	}
	return in.callUser(newUserFunc(userFunc{name: m.Def.Name, params: m.Def.Params, body: m.Def.Body, self: m.Obj}), args)
}

// objectMethod evaluates the object of a method call x.f(...) or x.f{...}
// once the session has classes: m is f bound to x when x is an object
// with a method f; otherwise first is x's value, for the call's first
// argument.
func (in *interp) objectMethod(fn ast.Expr, args []ast.Expr, method bool) (m *oop.Method, first value.Value, err error) {
	id, ok := fn.(*ast.Ident)
	if !method || !ok || len(in.s.classes) == 0 || len(args) == 0 || args[0] == nil {
		return nil, nil, nil
	}
	if first, err = in.eval(args[0]); err != nil {
		return nil, nil, err
	}
	if o, ok := first.(*oop.Object); ok {
		m = o.Method(id.Name)
	}
	return m, first, nil
}
