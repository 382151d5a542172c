package engine

import (
	"fmt"

	"github.com/porpoisedb/porpoise/access"
	"github.com/porpoisedb/porpoise/catalog"
	"github.com/porpoisedb/porpoise/engine/callargs"
	"github.com/porpoisedb/porpoise/engine/litval"
	"github.com/porpoisedb/porpoise/sharedobj"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/convert"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/literal"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/operator"
	"github.com/porpoisedb/porpoise/query"
	"github.com/porpoisedb/porpoise/query/setpred"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// eval's defer is apart from evalNode's many returns so Go open-codes it.
func (in *interp) eval(e ast.Expr) (value.Value, error) {
	in.nest++
	defer func() { in.nest-- }()
	if in.nest > maxEvalNesting {
		return nil, errTooDeep
	}
	return in.evalNode(e)
}

func (in *interp) evalNode(e ast.Expr) (value.Value, error) {
	switch n := e.(type) {
	case *ast.Literal:
		return litval.Value(n)
	case *ast.Ident:
		return in.lookup(n)
	case *ast.SymbolVector:
		return value.NewStrings(value.String, append([]string(nil), n.Items...)), nil
	case *ast.VectorLit:
		return litval.Vector(n, func() (value.Value, error) {
			vals, err := in.evalList(n.Elems)
			if err != nil {
				return nil, err
			}
			return cast.FromScalars(vals)
		})
	case *ast.ArrayExpr:
		vals, err := in.evalList(n.Elems)
		if err != nil {
			return nil, err
		}
		return cast.FromScalars(vals)
	case *ast.TupleExpr:
		vals, err := in.evalList(n.Elems)
		if err != nil {
			return nil, err
		}
		return value.NewTuple(vals), nil
	case *ast.ParenExpr:
		return in.eval(n.X)
	case *ast.MetaExpr:
		return in.metacode(n), nil
	case *ast.AliasExpr:
		return in.eval(n.X)
	case *ast.UnaryExpr:
		x, err := in.eval(n.X)
		if err != nil {
			return nil, err
		}
		return operator.Unary(n.Op, x)
	case *ast.BinaryExpr:
		return in.evalChain(n)
	case *ast.CallExpr:
		if q := setpred.ExistsQuery(n); q != nil {
			return query.Exists(in, q)
		}
		return in.evalCall(n)
	case *ast.PartialExpr:
		return in.evalPartial(n)
	case *ast.IndexExpr:
		if n.Index == nil {
			return in.arrayType(n.X)
		}
		if v, ok, err := in.typedVector(n); ok {
			return v, err
		}
		x, err := in.eval(n.X)
		if err != nil {
			return nil, err
		}
		if _, ok := x.(Function); ok {
			// (sum)[1..10], (corr)[x, y]: indexing a function calls it
			args := []ast.Expr{n.Index}
			if tu, ok := n.Index.(*ast.TupleExpr); ok {
				args = tu.Elems
			}
			return in.evalCall(&ast.CallExpr{At: n.At, Fn: n.X, Args: args})
		}
		if tu, ok := n.Index.(*ast.TupleExpr); ok && len(tu.Elems) >= 2 {
			if v, ok, err := in.evalIndexN(x, tu); ok {
				return v, err
			}
		}
		idx, err := in.eval(n.Index)
		if err != nil {
			return nil, err
		}
		if f, ok := idx.(Function); ok {
			// x[def(v): v > 5] filters x by f(x); a matrix by f of each column
			if m, ok := x.(*value.Matrix); ok {
				return access.FilterColumns(m, func(v value.Value) (value.Value, error) { return in.call(f, []value.Value{v}, nil) })
			}
			if idx, err = in.call(f, []value.Value{x}, nil); err != nil {
				return nil, err
			}
		}
		return indexValue(x, idx)
	case *ast.MemberExpr:
		if in.row != nil {
			if v, ok, err := in.row.Qualified(n); ok {
				return v, err
			}
		}
		x, err := in.eval(n.X)
		if err != nil {
			return catalog.Member(in, n, err)
		}
		return memberValue(in, x, n.Name)
	case *ast.LambdaExpr:
		return newUserFunc(userFunc{name: "lambda", params: n.Params, body: n.Body, mod: in.mod, captured: in.capture(n)}), nil
	case *ast.SelectExpr:
		if in.row != nil {
			return query.Subquery(in, n)
		}
		v, err := query.Select(in, n)
		if err == nil {
			if err = in.checkQueryResult(v); err != nil {
				return nil, err
			}
		}
		return v, err
	case *ast.UnionExpr:
		return query.Union(in, n)
	case *ast.WithExpr:
		return query.With(in, n)
	case *ast.StarExpr:
		if in.row != nil {
			return in.row.Star(), nil
		}
		return nil, ddberr.Errorf("Syntax Error: '*' can only be used in a SQL statement")
	case *ast.TernaryExpr:
		c, err := in.eval(n.Cond)
		if err != nil {
			return nil, err
		}
		return funcs.Ternary(in, c, func() (value.Value, error) { return in.eval(n.Then) }, func() (value.Value, error) { return in.eval(n.Else) })
	case *ast.DictExpr:
		keys, err := in.evalList(n.Keys)
		if err != nil {
			return nil, err
		}
		vals, err := in.evalList(n.Values)
		if err != nil {
			return nil, err
		}
		return convert.DictLiteral(keys, vals)
	case *ast.JoinExpr:
		return nil, ddberr.Errorf("SQL joins (%s) are not supported", n.Kind)
	case *ast.AdverbExpr:
		return in.evalAdverb(n)
	}
	return nil, fmt.Errorf("unsupported expression %T", e)
}

func (in *interp) evalList(es []ast.Expr) ([]value.Value, error) {
	out := make([]value.Value, len(es))
	for i, e := range es {
		v, err := in.eval(e)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// lookup resolves a name: local/session variable, shared object, user or
// built-in function, then the constants (type names, partition types).
func (in *interp) lookup(n *ast.Ident) (value.Value, error) {
	if in.row != nil {
		if v, ok := in.row.Column(n.Name); ok {
			return v, nil
		}
	}
	if v, ok := in.frame[n.Name]; ok {
		return v, nil
	}
	if v, ok := in.self.Get(n.Name); ok {
		return v, nil
	}
	if v, ok := in.s.eng.Shared(n.Name); ok {
		return v, nil
	}
	if f, err := in.resolve(n.Name); f != nil || err != nil {
		return f, err
	}
	if v, ok := literal.Constant(n.Name); ok {
		return v, nil
	}
	if in.row != nil && funcs.NotSupported(n.Name) == nil {
		// a name in a query over a table that has no such column
		return nil, errUnknownColumn
	}
	if in.code && in.row == nil && funcs.NotSupported(n.Name) == nil {
		return nil, funcs.ErrNoSQLContext // metacode's unknown name is a column
	}
	return nil, funcs.UnknownName(n.Name, n.At.Line)
}

// errUnknownColumn is DolphinDB's error for a query naming a column its
// table lacks that is no variable either (error_codes/S02005.md).
var errUnknownColumn = ddberr.Errorf("Unrecognized column name. RefId:S02005")

// function resolves a function name (resolve, in modules.go), nil when
// no function or more than one module's has it.
func (in *interp) function(name string) Function {
	f, _ := in.resolve(name)
	return f
}

func (in *interp) evalCall(n *ast.CallExpr) (value.Value, error) {
	m, first, err := in.objectMethod(n.Fn, n.Args, n.Method)
	if err != nil {
		return nil, err
	} else if m != nil {
		args, names, err := in.evalArgs(m, n.Args[1:], nil, true)
		if err != nil {
			return nil, err
		}
		return in.callNamed(m, args, names)
	}
	var fn Function
	if id, ok := n.Fn.(*ast.Ident); ok {
		if m := in.self.Method(id.Name); m != nil && in.frame[id.Name] == nil {
			fn = m
		} else if v, ok := in.frame[id.Name]; ok {
			if t, ok := higherorder.TupleFunction(v); ok {
				v = t
			}
			f, isFn := v.(Function)
			if !isFn {
				// a variable that is not a function doesn't hide the
				// function of that name: schema = ...; t.schema()
				if f = in.function(id.Name); f == nil {
					return nil, ddberr.Errorf("The object '%s' is neither an XDB connection nor a function definition. RefId: S06006", id.Name)
				}
			}
			fn = f
		} else if f, err := in.resolve(id.Name); err != nil {
			return nil, err
		} else if fn = f; fn == nil {
			return nil, funcs.UnknownName(id.Name, id.At.Line)
		}
	} else {
		v, err := in.eval(n.Fn)
		if err != nil {
			return nil, err
		}
		if t, ok := higherorder.TupleFunction(v); ok {
			v = t
		}
		f, ok := v.(Function)
		if !ok {
			return nil, ddberr.Errorf("The object is not a function.")
		}
		fn = f
	}
	if err := in.ro.CheckMutableArg(fn.FuncName(), n.Args); err != nil {
		return nil, err
	}
	if u, ok := fn.(*userFunc); ok && first == nil && callargs.Plain(n.Args, smallArgs) {
		// callUser keeps no slice of its arguments, so they may be on the
		// stack; evalArgs would put them on the heap (eval's recursion
		// through it hides that from the escape analysis)
		var buf [smallArgs]value.Value
		for i, a := range n.Args {
			if buf[i], err = in.eval(a); err != nil {
				return nil, err
			}
		}
		root, err := in.writtenTable(fn, n.Args)
		if err != nil {
			return nil, err
		}
		v, err := in.callUser(u, buf[:len(n.Args)])
		return v, changed(root, err)
	}
	args, names, err := in.evalArgs(fn, n.Args, first, true)
	if err != nil {
		return nil, err
	}
	root, err := in.writtenTable(fn, n.Args)
	if err != nil {
		return nil, err
	}
	v, err := in.callNamed(fn, args, names)
	return v, changed(root, err)
}

// writtenTable is the table a call of fn changes a part of in place
// (t.x.sort!()), which keyPath and changed follow to the table.
func (in *interp) writtenTable(fn Function, args []ast.Expr) (*value.Table, error) {
	if len(args) > 0 {
		switch args[0].(type) {
		case *ast.MemberExpr, *ast.IndexExpr:
			if sharedobj.IsWritingFunc(fn.FuncName()) {
				return in.keyPath(args[0])
			}
		}
	}
	return nil, nil
}

// evalArgs evaluates the arguments of a call or partial application of fn
// in order: an empty slot, f(a,,b), is nil (the parameter's default), and
// named ones, f(x, k=v), bind to fn's parameters; names are the
// positional arguments' names (callargs.Name), for the functions that
// read them.
// evalArgs evaluates a call's or a partial application's arguments. In a
// call (not a partial's open slot) a required argument left empty is NULL.
func (in *interp) evalArgs(fn Function, exprs []ast.Expr, first value.Value, call bool) ([]value.Value, []string, error) {
	args := make([]value.Value, 0, len(exprs))
	names := make([]string, 0, len(exprs))
	sp, _ := fn.(*funcs.Spec)
	elemNames := sp != nil && sp.ElemNames
	var named map[string]value.Value
	for i, a := range exprs {
		if i == 0 && first != nil {
			// evaluated already (objectMethod)
			args, names = append(args, first), append(names, callargs.Name(a, elemNames))
			continue
		}
		if a == nil {
			var v value.Value // omitted; a call's empty required argument, add(1,), is NULL
			if sp != nil && call && i < sp.Min {
				v = value.NullScalar(value.Void)
			}
			args = append(args, v)
			names = append(names, "")
			continue
		}
		if na, ok := a.(*ast.NamedArg); ok {
			// upsert!{pt,,ignoreNull=false,keyColNames=`id}
			v, err := in.eval(na.X)
			if err != nil {
				return nil, nil, err
			}
			if named == nil {
				named = map[string]value.Value{}
			}
			named[na.Name] = v
			continue
		}
		v, err := in.eval(a)
		if err != nil {
			return nil, nil, err
		}
		args = append(args, v)
		names = append(names, callargs.NameOrColumn(a, elemNames, in.lookup))
	}
	if named != nil {
		var err error
		if args, err = bindNamed(fn, args, named); err != nil {
			return nil, nil, err
		}
	}
	return args, names, nil
}

func (in *interp) evalPartial(n *ast.PartialExpr) (value.Value, error) {
	m, first, err := in.objectMethod(n.Fn, n.Args, n.Method)
	if err != nil {
		return nil, err
	} else if m != nil {
		// a.getName{2015} binds the method's first parameter
		bound, _, err := in.evalArgs(m, n.Args[1:], nil, false)
		return &partialFunc{fn: m, bound: bound}, err
	}
	fv, err := in.eval(n.Fn)
	if err != nil {
		return nil, err
	}
	fn, ok := fv.(Function)
	if !ok {
		return nil, ddberr.Errorf("The object is not a function.")
	}
	bound, _, err := in.evalArgs(fn, n.Args, first, false)
	if err != nil {
		return nil, err
	}
	return &partialFunc{fn: fn, bound: bound}, nil
}
