package engine

import (
	"strings"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/engine/callargs"
	"github.com/porpoisedb/porpoise/engine/framevars"
	"github.com/porpoisedb/porpoise/engine/plainbody"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/modules"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/readonly"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/stmterr"
	"github.com/porpoisedb/porpoise/value"
)

// Function is a callable script value: a built-in, a user definition, or a
// partial application.
type Function interface {
	value.Value
	// FuncName is the function's name as scripts spell it.
	FuncName() string
}

// Form and Type alias the value package's names for brevity.
type (
	// Form is value.Form.
	Form = value.Form
	// Type is value.Type.
	Type = value.Type
)

// userFunc is a function defined in script (def or lambda).
type userFunc struct {
	name      string
	aggregate bool // defg
	params    []ast.Param
	body      []ast.Stmt
	// mod is the module the function belongs to, nil for the session's.
	mod *modules.Module
	// self is the object a method runs on, nil for a function.
	self *oop.Object
	// captured are the values of the enclosing function's variables a
	// lambda made inside it names (a closure, progr/closure.md).
	captured map[string]value.Value
	// ro are the parameters read-only or mutable, declared once here so
	// that a call forks them instead of declaring each again.
	ro readonly.Names
	// reuse says a call's frame may serve a later call (framePool): the
	// body is plain and the function is no method or module's (whose
	// userFunc is made anew for each call).
	reuse bool
}

// newUserFunc is u with its parameters declared.
func newUserFunc(u userFunc) *userFunc {
	for _, p := range u.params {
		if p.Mutable {
			u.ro.DeclareMutable(p.Name)
		} else {
			u.ro.Declare(p.Name)
		}
	}
	u.reuse = u.self == nil && u.mod == nil && plainbody.Plain(u.params, u.body)
	return &u
}

// capture is what a lambda made in a function's frame keeps of it: the
// variables of the frame its body names, with their values now. A
// lambda made at the top level keeps nothing: functions don't see the
// session's variables.
func (in *interp) capture(l *ast.LambdaExpr) map[string]value.Value {
	if in.depth == 0 {
		return nil
	}
	var got map[string]value.Value
	for _, st := range l.Body {
		got = framevars.Named(got, in.frame, st)
	}
	return got
}

// metacode is <expr> as a value. Made in a function, it keeps the values
// the frame's variables it names hold now, as a lambda does: DolphinDB
// code such as sqlDS(<date(DateTime) = processDate>) built from a
// function's parameter is evaluated later, where that frame is gone.
func (in *interp) metacode(n *ast.MetaExpr) value.Value {
	if in.depth == 0 {
		return &funcs.Code{X: n.X}
	}
	got := framevars.Named(nil, in.frame, n.X)
	if got == nil {
		return &funcs.Code{X: n.X}
	}
	return &funcs.Meta{X: n.X, Bind: got}
}

func (u *userFunc) Form() Form       { return value.FormScalar }
func (u *userFunc) Type() Type       { return value.FunctionDef }
func (u *userFunc) String() string   { return u.name }
func (u *userFunc) FuncName() string { return u.name }

// partialFunc is f{a, , b}: bound arguments with empty slots (nil) that the
// call's arguments fill in order, the rest appended.
type partialFunc struct {
	fn    Function
	bound []value.Value
}

func (p *partialFunc) Form() Form { return value.FormScalar }
func (p *partialFunc) Type() Type { return value.FunctionDef }
func (p *partialFunc) String() string {
	parts := make([]string, len(p.bound))
	for i, b := range p.bound {
		if b != nil {
			parts[i] = b.String()
		}
	}
	return p.fn.FuncName() + "{" + strings.Join(parts, ", ") + "}"
}
func (p *partialFunc) FuncName() string { return p.fn.FuncName() }

// BoundArgs implements sharedobj.Binder.
func (p *partialFunc) BoundArgs() []value.Value { return p.bound }

func (in *interp) call(fn Function, args []value.Value, names []string) (value.Value, error) {
	return in.callNamed(fn, args, names)
}

func (in *interp) callNamed(fn Function, args []value.Value, names []string) (value.Value, error) {
	switch fn.(type) {
	case *userFunc, *partialFunc: // a script function gets no interpreter but its own
	default:
		in.exposed = true
	}
	switch f := fn.(type) {
	case *funcs.Spec:
		if err := f.CheckArity(len(args)); err != nil {
			return nil, err
		}
		if f.NamedFn != nil && names != nil {
			for len(names) < len(args) {
				names = append(names, "")
			}
			return f.NamedFn(in, args, names)
		}
		return f.Fn(in, args)
	case *userFunc:
		return in.callUser(f, args)
	case *partialFunc:
		if u, ok := f.fn.(*userFunc); ok {
			// callUser keeps no slice of its arguments: they may be on the stack
			var buf [smallArgs]value.Value
			return in.callUser(u, callargs.Fill(buf[:0], f.bound, args))
		}
		return in.callNamed(f.fn, callargs.Fill(make([]value.Value, 0, len(f.bound)+len(args)), f.bound, args), callargs.Names(f.bound, names, len(args)))
	case *oop.Class:
		return in.construct(f, args)
	case *oop.Method:
		return in.callMethod(f, args)
	default: // the Functions are the four types of this switch
		c := fn.(*consistentCall)
		pos := append([]value.Value{c.fn}, args...)
		full, err := bindNamed(c.hof, pos, map[string]value.Value{"assembleRule": value.NewString(c.rule)})
		if err != nil && c.rule == "C" {
			full, err = bindNamed(c.hof, pos, map[string]value.Value{"consistent": value.NewBool(true)})
		}
		if err != nil {
			return nil, err
		}
		return in.callNamed(c.hof, full, nil)
	}
}

func (in *interp) callUser(f *userFunc, args []value.Value) (value.Value, error) {
	if len(args) > len(f.params) {
		return nil, ddberr.Errorf("The function [%s] expects %d argument(s), but the actual number of arguments is: %d", f.name, len(f.params), len(args))
	}
	if in.depth >= maxCallDepth {
		return nil, ddberr.Errorf("The call stack of function %s is too deep.", f.name)
	}
	if err := in.ctx.Err(); err != nil { // per element of each/peach, per group of a UDF aggregate
		return nil, err
	}
	var cf *callFrame
	if f.reuse {
		cf = framePool.Get().(*callFrame)
	} else {
		cf = new(callFrame) // one allocation for the interpreter and its names
	}
	frame := cf.in.frame
	if frame == nil {
		frame = make(map[string]value.Value, len(f.captured))
	}
	cf.ro = f.ro.Fork()
	cf.in = interp{s: in.s, ctx: in.ctx, frame: frame, depth: in.depth + 1, nest: in.nest, mod: f.mod, self: f.self, ro: &cf.ro}
	child := &cf.in
	for name, v := range f.captured {
		child.frame[name] = v
	}
	for i, p := range f.params {
		switch {
		case i < len(args) && args[i] != nil:
			child.frame[p.Name] = args[i]
		case p.Default != nil:
			v, err := child.eval(p.Default)
			if err != nil {
				return nil, err
			}
			child.frame[p.Name] = v
		case i < len(args): // an empty slot, f(5,), is Nothing (funcs/i/isNothing.md)
			child.frame[p.Name] = value.NewNothing()
		default:
			return nil, ddberr.Errorf("The function [%s] expects %d argument(s), but the actual number of arguments is: %d", f.name, len(f.params), len(args))
		}
	}
	_, v, err := child.execBlock(f.body)
	if f.reuse && !child.exposed && len(frame) <= reusedVars {
		// nothing kept the interpreter, so nothing sees the frame again
		clear(frame)
		*cf = callFrame{in: interp{frame: frame}}
		framePool.Put(cf)
	}
	if err != nil {
		if f.name == "lambda" { // anonymous
			return nil, stmterr.Function("", err)
		}
		return nil, stmterr.Function(f.name, err)
	}
	if v == nil { // no value: Nothing (funcs/i/isNothing.md)
		v = value.NewNothing()
	}
	return v, nil
}

// callFrame is what a call of a script function allocates: its
// interpreter and the names read-only in its frame.
type callFrame struct {
	in interp
	ro readonly.Names
}

// framePool keeps the frames of finished calls of plain functions
// (userFunc.reuse) for later calls, emptied.
var framePool = sync.Pool{New: func() any { return new(callFrame) }}

// reusedVars is how many variables a frame kept in framePool may have
// held: a bigger map costs more to clear than to make anew.
const reusedVars = 8

// smallArgs is how many arguments a call of a script function passes in
// a buffer on the stack rather than a slice on the heap.
const smallArgs = 4

// bindNamed places named arguments at fn's parameters of those names.
func bindNamed(fn Function, args []value.Value, named map[string]value.Value) ([]value.Value, error) {
	var params []string
	switch f := fn.(type) {
	case *funcs.Spec:
		params = f.Params
	case *userFunc:
		for _, p := range f.params {
			params = append(params, p.Name)
		}
	}
	return callargs.Bind(fn.FuncName(), params, args, named)
}
