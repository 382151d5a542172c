package system

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/words"
	"github.com/porpoisedb/porpoise/value"
)

// xoperatorSymbols maps the functions that operators stand for to the
// operators, for expressions built from function values.
var xoperatorSymbols = map[string]string{
	"add": "+", "sub": "-", "mul": "*", "div": "/", "ratio": "\\", "mod": "%", "dot": "**",
	"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">=",
	"and": "&&", "or": "||", "bitAnd": "&", "bitOr": "|", "bitXor": "^", "join": "<-",
	"lshift": "<<", "rshift": ">>", "seq": "..", "pair": ":", "cast": "$",
}

// xoperatorNames is the inverse: an operator's function name.
var xoperatorNames = func() map[string]string {
	m := map[string]string{}
	for k, v := range xoperatorSymbols {
		m[v] = k
	}
	m["<>"] = "ne"
	m["!"] = "not"
	return m
}()

// coder builds code from values, collecting the values it embeds.
type coder struct {
	env  funcs.Env
	bind map[string]value.Value
}

func xnewCoder(env funcs.Env) *coder { return &coder{env: env, bind: map[string]value.Value{}} }

func (c *coder) meta(x ast.Expr) *funcs.Meta { return &funcs.Meta{X: x, Bind: c.bind} }

// xliteralName is how an embedded value prints inside code.
func xliteralName(v value.Value) string {
	switch x := v.(type) {
	case *value.Scalar:
		if x.Null {
			return "NULL"
		}
		if x.T == value.String || x.T == value.Symbol {
			return strconv.Quote(x.S)
		}
		return x.String()
	case *value.Vector:
		return x.String()
	case *value.Pair:
		return x.String()
	}
	return strings.SplitN(v.String(), "\n", 2)[0]
}

// expr turns a value into code: metacode stays code, a named function is
// its name, anything else is embedded (name is the variable a table came
// from, "" when unknown).
func (c *coder) expr(v value.Value, name string) (ast.Expr, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case *funcs.Code:
		return x.X, nil
	case *funcs.Meta:
		if x.Stmt != nil {
			return nil, ddberr.Errorf("An update or delete statement can't be part of an expression.")
		}
		return c.merge(x), nil
	}
	if funcs.IsFunction(v) {
		if f, ok := v.(interface{ FuncName() string }); ok {
			if g, ok := c.env.Function(f.FuncName()); ok && g == v {
				return &ast.Ident{Name: f.FuncName()}, nil
			}
			return c.embed(v, f.FuncName()), nil
		}
	}
	if _, ok := v.(*value.Table); ok {
		if name == "" {
			name = c.varName(v, "t")
		}
		return c.embed(v, name), nil
	}
	if h, ok := v.(interface{ TableName() string }); ok {
		// a DFS table's handle: its variable's name, else the table's
		if name == "" {
			name = c.varName(v, h.TableName())
		}
		return c.embed(v, name), nil
	}
	return c.embed(v, xliteralName(v)), nil
}

// varName is the name of a variable holding v (a table passed by name in
// a named argument loses the name the interpreter would give it), or
// otherwise.
func (c *coder) varName(v value.Value, otherwise string) string {
	for _, o := range c.env.Objects(true) {
		if o.Value == v {
			return o.Name
		}
	}
	return otherwise
}

func (c *coder) embed(v value.Value, name string) ast.Expr {
	// two values of one name (two lambdas) each keep their own binding
	for k, base := 2, name; c.bind[name] != nil && !sameValue(c.bind[name], v); k++ {
		name = fmt.Sprintf("%s_%d", base, k)
	}
	c.bind[name] = v
	return &ast.Ident{Name: name}
}

// sameValue reports whether two embedded values are one: the same object,
// or scalars of one type and text (a literal embeds under its text, so
// expr(1, +, x) over an x holding 1 binds "1" once, not as 1_2).
func sameValue(a, b value.Value) bool {
	if a == b {
		return true
	}
	x, ok1 := a.(*value.Scalar)
	y, ok2 := b.(*value.Scalar)
	return ok1 && ok2 && x.T == y.T && x.Null == y.Null && x.String() == y.String()
}

// merge takes metacode's embedded values into c and returns its
// expression. A name c already binds to another value is renamed, so
// sqlCol(x, format{,"000"}) and sqlCol(y, format{,"#,###"}) in one query
// keep their own formats (tutorials/hybrid_programming_paradigms.md).
func (c *coder) merge(m *funcs.Meta) ast.Expr {
	renamed := map[string]string{}
	for k, b := range m.Bind {
		if old, ok := c.bind[k]; ok && !sameValue(old, b) {
			renamed[k] = c.embed(b, k).(*ast.Ident).Name
			continue
		}
		c.bind[k] = b
	}
	if len(renamed) == 0 {
		return m.X
	}
	x := astwalk.Rewrite(m.X, func(e ast.Expr) (ast.Expr, bool) {
		if id, ok := e.(*ast.Ident); ok {
			if n, ok := renamed[id.Name]; ok {
				return &ast.Ident{At: id.At, Name: n}, true
			}
		}
		return e, false
	})
	if call, ok := m.X.(*ast.CallExpr); ok {
		if id, ok := call.Fn.(*ast.Ident); ok && renamed[id.Name] != "" {
			// the column keeps the name the function's own name gives it
			return &ast.AliasExpr{X: x, Name: colname.Of(m.X)}
		}
	}
	return x
}

// exprs turns a value that may be a tuple of codes into a list of code.
func (c *coder) exprs(v value.Value) ([]ast.Expr, error) {
	if v == nil {
		return nil, nil
	}
	if t, ok := v.(*value.Vector); ok && t.T == value.Any {
		out := make([]ast.Expr, 0, len(t.Any))
		for _, x := range t.Any {
			if xmetaTuple(x) {
				// a tuple of metacode among them stands for its items:
				// metrics.appendTuple!(cross(f, names, windows).flatten())
				// (tutorials/the_ten_most_overlooked_details_of_programming.md 6.2)
				inner, err := c.exprs(x)
				if err != nil {
					return nil, err
				}
				out = append(out, inner...)
				continue
			}
			e, err := c.expr(x, "")
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
		return out, nil
	}
	e, err := c.expr(v, "")
	if err != nil {
		return nil, err
	}
	return []ast.Expr{e}, nil
}

// xmetaTuple reports whether v is a non-empty tuple of metacode only.
func xmetaTuple(v value.Value) bool {
	t, ok := v.(*value.Vector)
	if !ok || t.T != value.Any || len(t.Any) == 0 {
		return false
	}
	for _, x := range t.Any {
		switch x.(type) {
		case *funcs.Code, *funcs.Meta:
		default:
			if !xmetaTuple(x) {
				return false
			}
		}
	}
	return true
}

// xoperatorOf returns the operator a function value stands for, or "".
func xoperatorOf(fn value.Value) string {
	if f, ok := fn.(interface{ FuncName() string }); ok {
		return xoperatorSymbols[f.FuncName()]
	}
	return ""
}

// xcolExpr is a column reference: * for "*", qualifier.col when qualified.
func xcolExpr(name, qualifier string) ast.Expr {
	if name == "*" {
		return &ast.StarExpr{}
	}
	if qualifier != "" {
		return &ast.MemberExpr{X: &ast.Ident{Name: qualifier}, Name: name}
	}
	return &ast.Ident{Name: name}
}

func xsqlCol(env funcs.Env, args []value.Value) (value.Value, error) {
	names, ok := funcs.StringsArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [colName] of sqlCol must be a string scalar or vector.")
	}
	var fn value.Value
	if f := funcs.Arg(args, 1); f != nil {
		if !funcs.IsFunction(f) {
			return nil, ddberr.Errorf("The argument [func] of sqlCol must be a function.")
		}
		fn = f
	}
	var aliases []string
	if a := funcs.Arg(args, 2); a != nil {
		if aliases, ok = funcs.StringsArg(a); !ok || len(aliases) != len(names) {
			return nil, ddberr.Errorf("The argument [alias] of sqlCol must be a string for each column.")
		}
	}
	qualifier, ok := funcs.OptStringArg(funcs.Arg(args, 3), "")
	if !ok {
		return nil, ddberr.Errorf("The argument [qualifier] of sqlCol must be a string.")
	}
	c := xnewCoder(env)
	out := make([]value.Value, len(names))
	for i, n := range names {
		var e ast.Expr = xcolExpr(n, qualifier)
		if fn != nil {
			f, err := c.expr(fn, "")
			if err != nil {
				return nil, err
			}
			e = &ast.CallExpr{Fn: f, Args: []ast.Expr{e}}
		}
		if aliases != nil {
			e = &ast.AliasExpr{X: e, Name: aliases[i]}
		}
		out[i] = c.meta(e)
	}
	if _, scalar := args[0].(*value.Scalar); scalar {
		return out[0], nil
	}
	return value.NewTuple(out), nil
}

func xsqlColAlias(env funcs.Env, args []value.Value) (value.Value, error) {
	c := xnewCoder(env)
	defs, err := c.exprs(args[0])
	if err != nil {
		return nil, err
	}
	var names []string
	if n := funcs.Arg(args, 1); n != nil {
		var ok bool
		if names, ok = funcs.StringsArg(n); !ok || len(names) != len(defs) {
			return nil, ddberr.Errorf("The argument [colNames] of sqlColAlias must give one name per column definition.")
		}
	}
	out := make([]value.Value, len(defs))
	for i, d := range defs {
		name := ""
		if names != nil {
			name = names[i]
		} else {
			name = colname.Of(d)
		}
		if a, ok := d.(*ast.AliasExpr); ok {
			d = a.X
		}
		cc := xnewCoder(env)
		for k, v := range c.bind {
			cc.bind[k] = v
		}
		out[i] = cc.meta(&ast.AliasExpr{X: d, Name: name})
	}
	if t, ok := args[0].(*value.Vector); ok && t.T == value.Any {
		return value.NewTuple(out), nil
	}
	return out[0], nil
}

func xparseExpr(env funcs.Env, args []value.Value) (value.Value, error) {
	bind := map[string]value.Value{}
	if d, ok := funcs.Arg(args, 1).(*value.Dict); ok {
		if d.Keys.T != value.String && d.Keys.T != value.Symbol {
			return nil, ddberr.Errorf("The keys of varDict of parseExpr must be strings.")
		}
		for i := 0; i < d.Len(); i++ {
			bind[d.Keys.StrAt(i)] = d.Vals.Elem(i)
		}
	}
	// A vector of texts (lines of a JSONL file, say) gives a tuple of
	// metacode, one per text, for each(eval, ...) to run.
	if v, ok := args[0].(*value.Vector); ok && (v.T == value.String || v.T == value.Symbol) {
		out := make([]value.Value, v.Len())
		for i := range out {
			e, err := sqlparse.ParseExpr(v.StrAt(i))
			if err != nil {
				return nil, err
			}
			out[i] = &funcs.Meta{X: e, Bind: bind, Session: true}
		}
		return value.NewTuple(out), nil
	}
	text, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [text] of parseExpr must be a string.")
	}
	e, err := sqlparse.ParseExpr(text)
	if err != nil {
		return nil, err
	}
	return &funcs.Meta{X: e, Bind: bind, Session: true}, nil
}

// xexpr builds an expression from pieces: X op Y, a unary function and its
// argument, or a single value.
func xexpr(env funcs.Env, args []value.Value) (value.Value, error) {
	c := xnewCoder(env)
	switch len(args) {
	case 1:
		e, err := c.expr(args[0], "")
		if err != nil {
			return nil, err
		}
		return c.meta(e), nil
	case 2:
		if !funcs.IsFunction(args[0]) {
			return nil, ddberr.Errorf("Usage: expr(func, X) needs a function first.")
		}
		x, err := c.expr(args[1], "")
		if err != nil {
			return nil, err
		}
		if f, ok := args[0].(interface{ FuncName() string }); ok {
			switch f.FuncName() {
			case "not":
				return c.meta(&ast.UnaryExpr{Op: "!", X: x}), nil
			case "neg":
				return c.meta(&ast.UnaryExpr{Op: "-", X: x}), nil
			}
		}
		fn, err := c.expr(args[0], "")
		if err != nil {
			return nil, err
		}
		return c.meta(&ast.CallExpr{Fn: fn, Args: []ast.Expr{x}}), nil
	case 3:
		return xbinary(c, args[0], args[1], args[2])
	}
	if len(args)%2 == 1 {
		return xchain(c, args)
	}
	return nil, ddberr.Errorf("Usage: expr(X, operator, Y) or expr(func, X).")
}

// xchain builds X1 op1 X2 op2 X3 ... as the parser would read it written
// out, tighter operators first: expr(1, +, 2, *, 3) evaluates to 7
// (tutorials/hybrid_programming_paradigms.md).
func xchain(c *coder, args []value.Value) (value.Value, error) {
	var operands []ast.Expr
	var ops []string
	reduce := func() {
		n := len(operands)
		operands = append(operands[:n-2], &ast.BinaryExpr{Op: ops[len(ops)-1], L: operands[n-2], R: operands[n-1]})
		ops = ops[:len(ops)-1]
	}
	for i, a := range args {
		if i%2 == 0 {
			e, err := c.expr(a, "")
			if err != nil {
				return nil, err
			}
			operands = append(operands, e)
			continue
		}
		sym := ""
		if funcs.IsFunction(a) {
			sym = xoperatorOf(a)
		}
		if sym == "" {
			return nil, ddberr.Errorf("Usage: expr(X, operator, Y) or expr(func, X).")
		}
		for len(ops) > 0 && words.Precedence(ops[len(ops)-1]) >= words.Precedence(sym) {
			reduce()
		}
		ops = append(ops, sym)
	}
	for len(ops) > 0 {
		reduce()
	}
	return c.meta(operands[0]), nil
}

// xbinary builds X op Y; a function that is no operator makes a call.
func xbinary(c *coder, x, op, y value.Value) (value.Value, error) {
	if !funcs.IsFunction(op) {
		return nil, ddberr.Errorf("The operator must be a function such as add or <.")
	}
	l, err := c.expr(x, "")
	if err != nil {
		return nil, err
	}
	r, err := c.expr(y, "")
	if err != nil {
		return nil, err
	}
	if sym := xoperatorOf(op); sym != "" {
		return c.meta(&ast.BinaryExpr{Op: sym, L: l, R: r}), nil
	}
	fn, err := c.expr(op, "")
	if err != nil {
		return nil, err
	}
	return c.meta(&ast.CallExpr{Fn: fn, Args: []ast.Expr{l, r}}), nil
}

func xbinaryExpr(env funcs.Env, args []value.Value) (value.Value, error) {
	if !xmetaTuple(args[0]) {
		return xbinary(xnewCoder(env), args[0], args[2], args[1])
	}
	// a tuple of metacode (sqlCol of several names) gives one expression
	// per element, paired with Y's element when Y is a tuple as long
	// (tutorials/macro_var_based_metaprogramming.md 3.2, 3.3)
	xs := args[0].(*value.Vector).Any
	ys, pairwise := args[1].(*value.Vector)
	pairwise = pairwise && ys.T == value.Any && len(ys.Any) == len(xs)
	out := make([]value.Value, len(xs))
	for i, x := range xs {
		y := args[1]
		if pairwise {
			y = ys.Any[i]
		}
		e, err := xbinary(xnewCoder(env), x, args[2], y)
		if err != nil {
			return nil, err
		}
		out[i] = e
	}
	return value.NewTuple(out), nil
}

func xunifiedExpr(env funcs.Env, args []value.Value) (value.Value, error) {
	objs, ok := args[0].(*value.Vector)
	if !ok || objs.T != value.Any || len(objs.Any) < 2 {
		return nil, ddberr.Errorf("The argument [objs] of unifiedExpr must be a tuple of at least two elements.")
	}
	ops := funcs.SeqOf(args[1])
	if !ops.Scalar && ops.N != len(objs.Any)-1 {
		return nil, ddberr.Errorf("The argument [optrs] of unifiedExpr must have one operator fewer than objs.")
	}
	c := xnewCoder(env)
	acc, err := c.expr(objs.Any[0], "")
	if err != nil {
		return nil, err
	}
	for i, o := range objs.Any[1:] {
		op := ops.At(i)
		sym := xoperatorOf(op)
		if sym == "" {
			return nil, ddberr.Errorf("The argument [optrs] of unifiedExpr must be binary operators.")
		}
		r, err := c.expr(o, "")
		if err != nil {
			return nil, err
		}
		acc = &ast.BinaryExpr{Op: sym, L: acc, R: r, Unified: true}
	}
	return c.meta(acc), nil
}

func xeval(env funcs.Env, args []value.Value) (value.Value, error) {
	switch x := args[0].(type) {
	case *funcs.Code:
		return env.Eval(x.X, nil)
	case *funcs.Meta:
		if x.Stmt != nil {
			return env.Exec(x.Stmt, x.Bind)
		}
		if x.Session {
			return env.EvalSession(x.X, x.Bind)
		}
		return env.Eval(x.X, x.Bind)
	}
	return nil, ddberr.Errorf("The argument of eval must be metacode.")
}

func xmakeCall(env funcs.Env, args []value.Value) (value.Value, error) {
	if !funcs.IsFunction(args[0]) {
		return nil, ddberr.Errorf("The first argument of makeCall must be a function.")
	}
	return xcallCode(xnewCoder(env), args[0], args[1:])
}

func xcallCode(c *coder, fn value.Value, args []value.Value) (value.Value, error) {
	f, err := c.expr(fn, "")
	if err != nil {
		return nil, err
	}
	call := &ast.CallExpr{Fn: f}
	for _, a := range args {
		e, err := c.expr(a, "")
		if err != nil {
			return nil, err
		}
		call.Args = append(call.Args, e)
	}
	return c.meta(call), nil
}

func xmakeUnifiedCall(env funcs.Env, args []value.Value) (value.Value, error) {
	if !funcs.IsFunction(args[0]) {
		return nil, ddberr.Errorf("The first argument of makeUnifiedCall must be a function.")
	}
	c := xnewCoder(env)
	switch a := args[1].(type) {
	case *value.Vector:
		if a.T == value.Any {
			return xcallCode(c, args[0], a.Any)
		}
		items := make([]value.Value, a.Len())
		for i := range items {
			items[i] = a.Elem(i)
		}
		return xcallCode(c, args[0], items)
	case *funcs.Code, *funcs.Meta:
		e, err := c.expr(a, "")
		if err != nil {
			return nil, err
		}
		f, err := c.expr(args[0], "")
		if err != nil {
			return nil, err
		}
		call := &ast.CallExpr{Fn: f}
		if t, ok := e.(*ast.TupleExpr); ok {
			call.Args = t.Elems
		} else {
			call.Args = []ast.Expr{e}
		}
		return c.meta(call), nil
	}
	return nil, ddberr.Errorf("The argument [args] of makeUnifiedCall must be a tuple.")
}

func xfuncByName(env funcs.Env, args []value.Value) (value.Value, error) {
	name, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument of funcByName must be a string.")
	}
	if op, ok := xoperatorNames[name]; ok {
		name = op
	}
	if f, ok := env.Function(name); ok {
		return f, nil
	}
	return nil, funcs.UnknownFunction(name)
}

// xfromExpr is the FROM of generated SQL: metacode (a join) as written, a
// table embedded under its variable's name, a table name as the name.
func xfromExpr(c *coder, v value.Value, name string) (ast.Expr, error) {
	if s, ok := funcs.StringArg(v); ok {
		return &ast.Ident{Name: s}, nil
	}
	return c.expr(v, name)
}

// xorderFlags reads asc/desc flags (1/0, scalar or vector) for n keys.
func xorderFlags(x value.Value, n int) ([]bool, error) {
	out := make([]bool, n)
	for i := range out {
		out[i] = true
	}
	if x == nil {
		return out, nil
	}
	v, scalar, ok := value.VectorOf(x)
	if !ok || v.T.Category() != value.CatIntegral && v.T != value.Bool {
		return nil, ddberr.Errorf("The sort direction must be 1 (ascending) or 0 (descending).")
	}
	for i := range out {
		j := i
		if scalar {
			j = 0
		}
		if j < v.Len() {
			out[i] = v.At(j).Bool()
		}
	}
	return out, nil
}

func xsql(env funcs.Env, args []value.Value, names []string) (value.Value, error) {
	c := xnewCoder(env)
	sel := &ast.SelectExpr{}
	var err error
	if sel.Cols, err = c.exprs(args[0]); err != nil {
		return nil, err
	}
	if s, ok := funcs.StringArg(args[1]); ok {
		// a query's table named by a string is looked up when it runs, as
		// DolphinDB's objByName("t") (progr/macrovariations.md)
		sel.From = &ast.CallExpr{Fn: &ast.Ident{Name: "objByName"}, Args: []ast.Expr{&ast.Literal{Kind: ast.LitString, Text: s}}}
	} else if sel.From, err = xfromExpr(c, args[1], funcs.ArgName(names, 1)); err != nil {
		return nil, err
	}
	if sel.Where, err = c.exprs(funcs.Arg(args, 2)); err != nil {
		return nil, err
	}
	keys, err := c.exprs(funcs.Arg(args, 3))
	if err != nil {
		return nil, err
	}
	flag, err := funcs.IntArg("sql", "groupFlag", funcs.Arg(args, 4), 1)
	if err != nil {
		return nil, err
	}
	switch flag {
	case 1:
		sel.GroupBy = keys
	case 0:
		sel.ContextBy = keys
	case 2:
		sel.PivotBy = keys
	default:
		return nil, ddberr.Errorf("The argument [groupFlag] of sql must be 0, 1 or 2.")
	}
	if sel.CSort, sel.Having, err = c.csortHaving(funcs.Arg(args, 5), funcs.Arg(args, 6), funcs.Arg(args, 7)); err != nil {
		return nil, err
	}
	order, err := c.exprs(funcs.Arg(args, 8))
	if err != nil {
		return nil, err
	}
	oasc, err := xorderFlags(funcs.Arg(args, 9), len(order))
	if err != nil {
		return nil, err
	}
	for i, e := range order {
		sel.OrderBy = append(sel.OrderBy, ast.OrderItem{X: e, Desc: !oasc[i]})
	}
	if l := funcs.Arg(args, 10); l != nil {
		switch lv := l.(type) {
		case *value.Pair:
			a, b := lv.V.At(0), lv.V.At(1)
			sel.Offset = &ast.Literal{Kind: ast.LitInt, Text: strconv.FormatInt(a.I, 10)}
			sel.Limit = &ast.Literal{Kind: ast.LitInt, Text: strconv.FormatInt(b.I-a.I, 10)}
		default:
			n, err := funcs.IntArg("sql", "limit", l, 0)
			if err != nil {
				return nil, err
			}
			lit := &ast.Literal{Kind: ast.LitInt, Text: strconv.FormatInt(n, 10)}
			if flag == 0 && len(keys) > 0 && n < 0 {
				// a group's last rows have no top form; its first rows
				// print as top, as sql(..., groupFlag=0, limit=1) does
				// (tutorials/meta_programming.md)
				sel.Limit = lit
			} else {
				sel.Top = lit
			}
		}
	}
	if sel.Exec, err = funcs.BoolArg("sql", "exec", funcs.Arg(args, 12), false); err != nil {
		return nil, err
	}
	return c.meta(sel), nil
}

// xsetClauses turns `expr as col` codes into SET clauses.
func xsetClauses(defs []ast.Expr) ([]ast.SetClause, error) {
	out := make([]ast.SetClause, len(defs))
	for i, d := range defs {
		switch x := d.(type) {
		case *ast.AliasExpr:
			out[i] = ast.SetClause{Col: x.Name, X: x.X}
		case *ast.BinaryExpr:
			id, ok := x.L.(*ast.Ident)
			if !ok || x.Op != "==" {
				return nil, ddberr.Errorf("The updates of sqlUpdate must be metacode of the form <expr as col>.")
			}
			out[i] = ast.SetClause{Col: id.Name, X: x.R}
		default:
			if n := colname.Of(d); n != "" {
				out[i] = ast.SetClause{Col: n, X: d}
				continue
			}
			return nil, ddberr.Errorf("The updates of sqlUpdate must be metacode of the form <expr as col>.")
		}
	}
	return out, nil
}

func xsqlUpdate(env funcs.Env, args []value.Value, names []string) (value.Value, error) {
	c := xnewCoder(env)
	tbl, err := xfromExpr(c, args[0], funcs.ArgName(names, 0))
	if err != nil {
		return nil, err
	}
	defs, err := c.exprs(args[1])
	if err != nil {
		return nil, err
	}
	sets, err := xsetClauses(defs)
	if err != nil {
		return nil, err
	}
	st := &ast.UpdateStmt{Table: tbl, Sets: sets}
	if f := funcs.Arg(args, 2); f != nil {
		if st.From, err = c.expr(f, ""); err != nil {
			return nil, err
		}
	}
	if st.Where, err = c.exprs(funcs.Arg(args, 3)); err != nil {
		return nil, err
	}
	if st.ContextBy, err = c.exprs(funcs.Arg(args, 4)); err != nil {
		return nil, err
	}
	if st.CSort, st.Having, err = c.csortHaving(funcs.Arg(args, 5), funcs.Arg(args, 6), funcs.Arg(args, 7)); err != nil {
		return nil, err
	}
	return &funcs.Meta{Stmt: st, Bind: c.bind}, nil
}

// csortHaving reads the csort, ascSort and having arguments of sql and
// sqlUpdate: csort keys with their directions (ascending unless ascSort
// says 0), and the having conditions joined with and.
func (c *coder) csortHaving(csortArg, ascArg, havingArg value.Value) ([]ast.OrderItem, ast.Expr, error) {
	csort, err := c.exprs(csortArg)
	if err != nil {
		return nil, nil, err
	}
	asc, err := xorderFlags(ascArg, len(csort))
	if err != nil {
		return nil, nil, err
	}
	var items []ast.OrderItem
	for i, e := range csort {
		items = append(items, ast.OrderItem{X: e, Desc: !asc[i], Stated: true})
	}
	having, err := c.exprs(havingArg)
	if err != nil || len(having) == 0 {
		return items, nil, err
	}
	h := having[0]
	for _, x := range having[1:] {
		h = &ast.BinaryExpr{Op: "&&", L: h, R: x}
	}
	return items, h, nil
}

func xsqlDelete(env funcs.Env, args []value.Value, names []string) (value.Value, error) {
	c := xnewCoder(env)
	tbl, err := xfromExpr(c, args[0], funcs.ArgName(names, 0))
	if err != nil {
		return nil, err
	}
	st := &ast.DeleteStmt{Table: tbl}
	if st.Where, err = c.exprs(funcs.Arg(args, 1)); err != nil {
		return nil, err
	}
	if funcs.Arg(args, 2) != nil {
		return nil, ddberr.Errorf("The argument [from] of sqlDelete is not supported yet.")
	}
	return &funcs.Meta{Stmt: st, Bind: c.bind}, nil
}

// xrunScript runs a script in the caller's session
// (funcs/r/runScript.md); its definitions stay defined after it.
func xrunScript(env funcs.Env, args []value.Value) (value.Value, error) {
	code, err := funcs.StrScalarArg("runScript", "script", args[0])
	if err != nil {
		return nil, err
	}
	return env.RunScript(code)
}

// xsqlTuple is the metacode of a tuple of columns, (qty1, qty2), for
// makeUnifiedCall and sql (funcs/s/sqlTuple.md).
func xsqlTuple(_ funcs.Env, args []value.Value) (value.Value, error) {
	names, ok := funcs.StringsArg(args[0])
	if !ok || len(names) == 0 {
		return nil, ddberr.Errorf("The argument [colNames] of sqlTuple must be a string scalar or vector.")
	}
	t := &ast.TupleExpr{Elems: make([]ast.Expr, len(names))}
	for i, n := range names {
		t.Elems[i] = &ast.Ident{Name: n}
	}
	return &funcs.Code{X: t}, nil
}
