package rsengine

import (
	"maps"
	"slices"
	"strconv"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// A metric calling a method of a new object, C(...).m(args), is a state
// operator written as a class (tutorials/stateful_stream_operators.md):
// each key has an object of its own, made when the key's first row
// comes, and each row of the key calls its method with the row's values
// of args, the method's result being the row's value. The engine keeps
// the objects as a node's states (stage.go).

// objName is the function such a call becomes in the metrics: the
// constructor's call, the method's name, then the method's arguments.
const objName = "__rsObjectMethod"

// objectMethods rewrites the metrics' calls of a method on a constructor
// call, one with at least one argument, into objName calls. The
// constructor is run once here to tell a class's from a function's call.
func objectMethods(env funcs.Env, m *streamengine.Metrics) {
	for i, x := range m.Exprs {
		m.Exprs[i] = astwalk.Rewrite(x, func(x ast.Expr) (ast.Expr, bool) {
			c, ok := x.(*ast.CallExpr)
			if !ok || !c.Method || len(c.Args) < 2 {
				return x, false
			}
			name, ok := c.Fn.(*ast.Ident)
			recv, isCall := c.Args[0].(*ast.CallExpr)
			if !ok || !isCall || recv.Method {
				return x, false
			}
			if _, isName := recv.Fn.(*ast.Ident); !isName {
				return x, false
			}
			v, err := env.EvalSession(recv, m.Bind)
			if o, isObj := v.(*oop.Object); err != nil || !isObj || o.Method(name.Name) == nil {
				return x, false
			}
			// the engine makes the objects on a session of its own, which
			// sees the class under a name of the metrics' bindings
			class, ok := env.Function(recv.Fn.(*ast.Ident).Name)
			if !ok {
				return x, false
			}
			bound := "__rsClass" + strconv.Itoa(len(m.Bind))
			m.Bind[bound] = class
			ctor := &ast.CallExpr{At: recv.At, Fn: &ast.Ident{At: recv.At, Name: bound}, Args: recv.Args}
			args := append([]ast.Expr{ctor, &ast.Literal{Kind: ast.LitString, Text: name.Name}}, c.Args[1:]...)
			return &ast.CallExpr{At: c.At, Fn: &ast.Ident{At: c.At, Name: objName}, Args: args}, true
		})
	}
}

// objNode is the rest of an object node: the constructor's call and the
// method's name.
type objNode struct {
	recv   ast.Expr
	method string
}

// objectNode is the node of an objName call: its argument the method's
// first, extra the others.
func objectNode(c *ast.CallExpr) *node {
	if len(c.Args) < 3 {
		return nil
	}
	name, ok := c.Args[1].(*ast.Literal)
	if !ok || name.Kind != ast.LitString {
		return nil
	}
	return &node{fn: objName, arg: c.Args[2], extra: c.Args[3:], obj: &objNode{recv: c.Args[0], method: name.Text}}
}

// object computes an object node's values at the batch's rows: each
// row's key's object's method over the row's arguments.
func (e *engine) object(j int, nd *node, x *value.Vector, extra []*value.Vector) (*value.Vector, error) {
	n := x.Len()
	res := make([]value.Value, n)
	args := make([]value.Value, 1+len(extra))
	for r := range res {
		s := &e.rowGroup[r].states(len(e.plan.nodes))[j]
		if s.obj == nil {
			o, err := e.newObject(nd)
			if err != nil {
				return nil, err
			}
			s.obj = o
		}
		m := s.obj.Method(nd.obj.method)
		if m == nil {
			return nil, ddberr.Errorf("The class [%s] doesn't have a method named %s.", s.obj.Class.Name, nd.obj.method)
		}
		args[0] = x.At(r)
		for k, c := range extra {
			args[1+k] = c.At(r)
		}
		v, err := e.bg.Call(m, args...)
		if err != nil {
			return nil, err
		}
		res[r] = v
	}
	v, err := funcs.Assemble(res, funcs.RuleDolphin)
	if err != nil {
		return nil, err
	}
	out, ok := v.(*value.Vector)
	if !ok || out.T == value.Any {
		return nil, ddberr.Errorf("The method %s of a reactive state engine's metric must return a scalar.", nd.obj.method)
	}
	return out, nil
}

// newObject is a new object of an object node, its constructor's call
// run on the engine's session.
func (e *engine) newObject(nd *node) (*oop.Object, error) {
	v, err := e.bg.EvalSession(nd.obj.recv, e.cfg.metrics.Bind)
	if err != nil {
		return nil, err
	}
	o, ok := v.(*oop.Object)
	if !ok {
		return nil, ddberr.Errorf("The first argument of %s must be an object.", "objCall")
	}
	return o, nil
}

// objectState is what a snapshot keeps of a key's object: a tuple of
// its attributes' names (sorted) and their values; VOID for none.
func objectState(o *oop.Object) value.Value {
	if o == nil {
		return value.NullScalar(value.Void)
	}
	names := slices.Sorted(maps.Keys(o.Fields))
	vals := make([]value.Value, len(names))
	for i, n := range names {
		vals[i] = o.Fields[n]
	}
	return value.NewTuple([]value.Value{value.NewStrings(value.String, names), value.NewTuple(vals)})
}

// loadObject is the object objectState saved as v: a new one of the
// node's class (its constructor run, as a key's first row runs it) with
// the saved attributes' values; nil for VOID.
func (e *engine) loadObject(nd *node, v value.Value) (*oop.Object, error) {
	if s, ok := v.(*value.Scalar); ok && s.T == value.Void {
		return nil, nil
	}
	parts, ok := streamengine.StateTuple(v, 2)
	if !ok || nd.obj == nil {
		return nil, streamengine.ErrState
	}
	names, _ := parts[0].(*value.Vector)
	vals, ok := streamengine.StateTuple(parts[1], -1)
	if !ok || names == nil || names.T != value.String || names.Len() != len(vals) {
		return nil, streamengine.ErrState
	}
	o, err := e.newObject(nd)
	if err != nil {
		return nil, err
	}
	for i, x := range vals {
		o.Fields[names.StrAt(i)] = x
	}
	return o, nil
}
