package rsengine

import (
	"strconv"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// A user function the metrics call (a @state function of assignments
// and a return, a stateless helper such as sum_diff) is opaque to the
// planning of stage.go and bound.go, which would keep the key's whole
// history. Written into the metrics instead, its body's functions are
// seen: inline gives the metrics with each such call replaced by the
// function's return expression over its arguments, or ok=false when a
// call can't be (a function with if, for or other statements, one whose
// source is unknown).

// sourcer is the interpreter's source of a user function (function
// views use it too).
type sourcer interface {
	FunctionSource(fn value.Value) (name, source string, ok bool)
}

type inliner struct {
	env   funcs.Env
	src   sourcer
	defs  map[string]*ast.DefStmt
	depth int
}

// inline rewrites the metrics and filter with user functions written
// in; ok is false when some call was left as it is.
func inline(env funcs.Env, metrics []ast.Expr, filter ast.Expr) ([]ast.Expr, ast.Expr, bool) {
	src, ok := env.(sourcer)
	if !ok {
		return nil, nil, false
	}
	in := &inliner{env: env, src: src, defs: map[string]*ast.DefStmt{}}
	out := make([]ast.Expr, len(metrics))
	for i, x := range metrics {
		y, ok := in.expr(x, nil)
		if !ok {
			return nil, nil, false
		}
		if _, tuple := y.(*ast.TupleExpr); tuple {
			return nil, nil, false
		}
		out[i] = y
	}
	if filter != nil {
		f, ok := in.expr(filter, nil)
		if !ok {
			return nil, nil, false
		}
		filter = f
	}
	return out, filter, true
}

// Inline is the metrics with the calls of user functions written in as
// their bodies' return expressions, for streamEngineParser to see which
// engine each nested function belongs to; ok is false when some call
// can't be written in.
func Inline(env funcs.Env, metrics []ast.Expr) ([]ast.Expr, bool) {
	out, _, ok := inline(env, metrics, nil)
	return out, ok
}

// def is the definition of the user function name, nil for a built-in
// or a function whose source is not known.
func (in *inliner) def(name string) *ast.DefStmt {
	if d, ok := in.defs[name]; ok {
		return d
	}
	var d *ast.DefStmt
	if fn, ok := in.env.Function(name); ok {
		if _, builtin := fn.(*funcs.Spec); !builtin {
			if _, src, ok := in.src.FunctionSource(fn); ok {
				if s, err := sqlparse.Parse(src); err == nil && len(s.Stmts) == 1 {
					d, _ = s.Stmts[0].(*ast.DefStmt)
				}
			}
		}
	}
	in.defs[name] = d
	return d
}

// isUser reports whether name is a function scripts defined.
func (in *inliner) isUser(name string) bool {
	fn, ok := in.env.Function(name)
	if !ok {
		return false
	}
	_, builtin := fn.(*funcs.Spec)
	return !builtin
}

// expr is x with the names of vars replaced by their expressions and
// user function calls written in; ok is false when some node can't be.
func (in *inliner) expr(x ast.Expr, vars map[string]ast.Expr) (ast.Expr, bool) {
	ok := true
	y := astwalk.Rewrite(x, func(x ast.Expr) (ast.Expr, bool) {
		if !ok {
			return x, true
		}
		var y ast.Expr
		switch n := x.(type) {
		case *ast.AliasExpr, *ast.ParenExpr, *ast.UnaryExpr, *ast.BinaryExpr, *ast.TernaryExpr, *ast.ArrayExpr, *ast.TupleExpr,
			*ast.NamedArg: // rowRank(X=ts, percent=true) in streamEngineParser's alpha1 (stream/str_eng_parser.md)
			return x, false
		case *ast.PartialExpr:
			// the iterate functions' func (msum{, 3}, f{, , w}): its
			// names substituted as a call's arguments are
			return x, false
		case *ast.Literal, *ast.SymbolVector, *ast.VectorLit:
			return x, true
		case *ast.Ident:
			if v, found := vars[n.Name]; found {
				return v, true
			}
			return x, true
		case *ast.IndexExpr:
			y, ok = in.index(n, vars)
		case *ast.CallExpr:
			y, ok = in.callExpr(n, vars)
		default:
			// a node the substitution does not know may hold a parameter
			y, ok = x, len(vars) == 0
		}
		return y, true
	})
	return y, ok
}

// index is n with vars substituted, a constant index into a tuple the
// substitution built taken out of it.
func (in *inliner) index(n *ast.IndexExpr, vars map[string]ast.Expr) (ast.Expr, bool) {
	y, ok := in.expr(n.X, vars)
	if !ok {
		return nil, false
	}
	if t, ok := y.(*ast.TupleExpr); ok {
		if i, ok := intLit(n.Index); ok && i < len(t.Elems) {
			return t.Elems[i], true
		}
		return nil, false
	}
	idx, ok := in.expr(n.Index, vars)
	return &ast.IndexExpr{At: n.At, X: y, Index: idx}, ok
}

// callExpr is n with vars substituted in its arguments, written in when
// it calls a user function.
func (in *inliner) callExpr(n *ast.CallExpr, vars map[string]ast.Expr) (ast.Expr, bool) {
	id, ok := n.Fn.(*ast.Ident)
	if !ok {
		return nil, false
	}
	if _, shadowed := vars[id.Name]; shadowed {
		return nil, false
	}
	args := make([]ast.Expr, len(n.Args))
	for i, a := range n.Args {
		if args[i], ok = in.expr(a, vars); !ok {
			return nil, false
		}
	}
	if !in.isUser(id.Name) {
		return &ast.CallExpr{At: n.At, Fn: n.Fn, Args: args, Method: n.Method}, true
	}
	return in.call(id.Name, args)
}

// call is the user function name's return expression over args.
func (in *inliner) call(name string, args []ast.Expr) (ast.Expr, bool) {
	d := in.def(name)
	if d == nil || d.Aggregate || in.depth > 16 || len(args) > len(d.Params) || ast.HasMutable(d.Params) {
		return nil, false
	}
	in.depth++
	defer func() { in.depth-- }()
	vars := map[string]ast.Expr{}
	for i, p := range d.Params {
		switch {
		case i < len(args):
			if _, named := args[i].(*ast.NamedArg); named {
				return nil, false
			}
			vars[p.Name] = args[i]
		case p.Default != nil:
			v, ok := in.expr(p.Default, vars)
			if !ok {
				return nil, false
			}
			vars[p.Name] = v
		default:
			return nil, false
		}
	}
	for _, st := range d.Body {
		switch s := st.(type) {
		case *ast.AssignStmt:
			if s.Op != "=" || s.Ref {
				return nil, false
			}
			v, ok := in.expr(s.Value, vars)
			if !ok {
				return nil, false
			}
			if len(s.Targets) == 1 {
				id, ok := s.Targets[0].(*ast.Ident)
				if !ok {
					return nil, false
				}
				vars[id.Name] = v
				continue
			}
			t, isTuple := v.(*ast.TupleExpr)
			for i, target := range s.Targets {
				id, ok := target.(*ast.Ident)
				if !ok {
					return nil, false
				}
				if isTuple {
					if i >= len(t.Elems) {
						return nil, false
					}
					vars[id.Name] = t.Elems[i]
				} else {
					vars[id.Name] = &ast.IndexExpr{X: v, Index: &ast.Literal{Kind: ast.LitInt, Text: strconv.Itoa(i)}}
				}
			}
		case *ast.ReturnStmt:
			if s.X == nil {
				return nil, false
			}
			return in.expr(s.X, vars)
		default:
			return nil, false
		}
	}
	return nil, false
}
