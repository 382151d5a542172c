package oop

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The utility functions over objects (progr/utility.md,
// funcs/a/attributenames.md, funcs/a/attributevalues.md).
func init() {
	spec := func(name string, params []string, min, max int, fn funcs.Impl) funcs.Spec {
		return funcs.Spec{Name: name, Params: params, Min: min, Max: max, Props: funcs.Session, Category: "oop", Fn: fn}
	}
	funcs.Register(
		spec("objCall", []string{"obj", "methodName", "args"}, 2, -1, objCall),
		spec("unifiedObjCall", []string{"obj", "methodName", "args"}, 3, 3, unifiedObjCall),
		spec("makeObjCall", []string{"obj", "methodName", "args"}, 2, -1, makeObjCall),
		spec("makeUnifiedObjCall", []string{"obj", "methodName", "args"}, 3, 3, makeUnifiedObjCall),
		spec("isInstanceOf", []string{"obj", "cls"}, 2, 2, isInstanceOf),
		spec("setAttr", []string{"obj", "attrName", "value"}, 3, 3, setAttr),
		spec("attributeNames", []string{"obj"}, 1, 1, attributeNames),
		spec("attributeValues", []string{"obj"}, 1, 1, attributeValues),
	)
}

// method is the method args[1] names of the object args[0].
func method(fn string, args []value.Value) (*Method, error) {
	o, err := object(fn, args[0])
	if err != nil {
		return nil, err
	}
	name, err := funcs.StrScalarArg(fn, "methodName", args[1])
	if err != nil {
		return nil, err
	}
	m := o.Method(name)
	if m == nil {
		return nil, ddberr.Errorf("The class [%s] doesn't have a method named %s.", o.Class.Name, name)
	}
	return m, nil
}

func objCall(env funcs.Env, args []value.Value) (value.Value, error) {
	m, err := method("objCall", args)
	if err != nil {
		return nil, err
	}
	return env.Call(m, args[2:]...)
}

// tupleArgs is the arguments a unified call's tuple holds.
func tupleArgs(fn string, x value.Value) ([]value.Value, error) {
	v, ok := x.(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The argument args of %s must be a tuple.", fn)
	}
	out := make([]value.Value, v.Len())
	for i := range out {
		out[i] = v.Elem(i)
	}
	return out, nil
}

func unifiedObjCall(env funcs.Env, args []value.Value) (value.Value, error) {
	m, err := method("unifiedObjCall", args)
	if err != nil {
		return nil, err
	}
	rest, err := tupleArgs("unifiedObjCall", args[2])
	if err != nil {
		return nil, err
	}
	return env.Call(m, rest...)
}

// makeObjCall is the metacode of objCall(obj, methodName, args...),
// built as makeCall builds a call's.
func makeObjCall(env funcs.Env, args []value.Value) (value.Value, error) {
	if _, err := method("makeObjCall", args); err != nil {
		return nil, err
	}
	return makeCall(env, args)
}

func makeCall(env funcs.Env, args []value.Value) (value.Value, error) {
	mc, _ := env.Function("makeCall")
	call, _ := funcs.Lookup("objCall")
	return env.Call(mc, append([]value.Value{call}, args...)...)
}

func makeUnifiedObjCall(env funcs.Env, args []value.Value) (value.Value, error) {
	if _, err := method("makeUnifiedObjCall", args); err != nil {
		return nil, err
	}
	rest, err := tupleArgs("makeUnifiedObjCall", args[2])
	if err != nil {
		return nil, err
	}
	return makeCall(env, append(args[:2:2], rest...))
}

func isInstanceOf(_ funcs.Env, args []value.Value) (value.Value, error) {
	o, ok := args[0].(*Object)
	c, isClass := args[1].(*Class)
	if !isClass {
		return nil, ddberr.Errorf("The second argument of isInstanceOf must be a class.")
	}
	return value.NewBool(ok && o.Class.IsA(c)), nil
}

func setAttr(_ funcs.Env, args []value.Value) (value.Value, error) {
	o, ok := args[0].(*Object)
	if !ok {
		return nil, ddberr.Errorf("The first argument of setAttr must be an object.")
	}
	name, err := funcs.StrScalarArg("setAttr", "attrName", args[1])
	if err != nil {
		return nil, err
	}
	return nil, o.SetAttr(name, args[2])
}

// object is the object argument of fn.
func object(fn string, x value.Value) (*Object, error) {
	o, ok := x.(*Object)
	if !ok {
		return nil, ddberr.Errorf("The first argument of %s must be an object.", fn)
	}
	return o, nil
}

// attributeNames lists an object's attributes in declaration order, the
// base class's first.
func attributeNames(_ funcs.Env, args []value.Value) (value.Value, error) {
	o, err := object("attributeNames", args[0])
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, o.Class.attrNames()), nil
}

// attributeValues is a dictionary from an object's attribute names, in
// attributeNames' order, to their values.
func attributeValues(_ funcs.Env, args []value.Value) (value.Value, error) {
	o, err := object("attributeValues", args[0])
	if err != nil {
		return nil, err
	}
	names := o.Class.attrNames()
	vals := make([]value.Value, len(names))
	for i, n := range names {
		vals[i] = o.Fields[n]
	}
	return funcs.DictOf(value.NewStrings(value.String, names), value.NewTuple(vals)), nil
}
