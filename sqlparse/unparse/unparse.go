package unparse

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/words"
)

// Format renders a node as text with every operation fully parenthesised,
// e.g. `a + b * c` gives "(a + (b * c))". It is meant for tests, debugging
// and diagnostics; the output is DolphinDB-like but is not guaranteed to
// re-parse to the same tree.
func Format(n ast.Node) string {
	var b strings.Builder
	f := &formatter{b: &b}
	f.node(n)
	return b.String()
}

// FormatScript renders a script, one statement per line.
func FormatScript(s *ast.Script) string {
	var b strings.Builder
	f := &formatter{b: &b}
	for i, st := range s.Stmts {
		if i > 0 {
			b.WriteByte('\n')
		}
		f.node(st)
	}
	return b.String()
}

// Metacode renders an expression as DolphinDB prints metacode: binary
// operators spaced, parentheses only where precedence needs them, e.g.
// `(a + 7) * 8`.
func Metacode(n ast.Node) string {
	var b strings.Builder
	f := &formatter{b: &b, ddb: true}
	f.node(n)
	return b.String()
}

// Statement renders a statement as DolphinDB prints the one that failed
// before its error's message ("x * y => ..."): as Metacode does, except
// that a method call x.f(y) is written as the call of the built-in in the
// root namespace, ::f(x, y), a constant vector as DolphinDB prints its
// value, ["a","b"] or [1,2,3], and the parentheses of the source stay
// (rn/compact_report_2410.md prints 1000 * (1 .. n)).
func Statement(n ast.Node) string {
	var b strings.Builder
	f := &formatter{b: &b, ddb: true, stmt: true}
	f.node(n)
	return b.String()
}

// rootNames are the names DolphinDB gives, in Statement's ::f form, to
// built-ins scripts call by another name (funcs/p/parseExpr.md prints
// x.eval() as ::evaluate(x)).
var rootNames = map[string]string{"eval": "evaluate"}

// maxDepth bounds how deeply the printer recurses. Parsed trees stay far
// below it; metacode built by functions in a loop may not, and is cut
// short with "..." rather than exhausting the Go stack, which would kill
// the process.
const maxDepth = 10000

// formatter writes nodes; ddb selects DolphinDB's minimal-parenthesis
// style instead of the fully parenthesised debugging form.
type formatter struct {
	b     *strings.Builder
	ddb   bool
	stmt  bool // Statement's method calls and constant vectors
	depth int
}

func (f *formatter) w(s ...string) {
	for _, x := range s {
		f.b.WriteString(x)
	}
}

// seq writes parts in order: a string as it is, a statement list as a
// block, anything else (a node, or an absent one) as a node.
func (f *formatter) seq(parts ...any) {
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			f.w(p)
		case []ast.Stmt:
			f.block(p)
		default:
			n, _ := p.(ast.Node)
			f.node(n)
		}
	}
}

func (f *formatter) list(xs []ast.Expr, sep string) { join(f, xs, sep) }

func (f *formatter) block(stmts []ast.Stmt) {
	f.w("{")
	join(f, stmts, "; ")
	f.w("}")
}

// join writes items separated by sep; an absent item (an empty argument
// slot) writes nothing.
func join[T ast.Node](f *formatter, items []T, sep string) {
	for i, x := range items {
		if i > 0 {
			f.w(sep)
		}
		if ast.Node(x) != nil {
			f.node(x)
		}
	}
}

// function writes a function definition; name is empty for a lambda.
func (f *formatter) function(aggregate bool, name string, params []ast.Param, body []ast.Stmt) {
	if aggregate {
		f.w("defg")
	} else {
		f.w("def")
	}
	f.w(name)
	f.params(params)
	f.seq(" ", body)
}

func (f *formatter) params(ps []ast.Param) {
	f.w("(")
	for i, p := range ps {
		if i > 0 {
			f.w(", ")
		}
		if p.Mutable {
			f.w("mutable ")
		}
		f.w(p.Name)
		if p.Default != nil {
			f.w("=")
			f.node(p.Default)
		}
	}
	f.w(")")
}

func (f *formatter) node(n ast.Node) {
	f.depth++
	defer func() { f.depth-- }()
	if f.depth > maxDepth {
		f.w("...")
		return
	}
	switch n := n.(type) {
	case nil:
		f.w("<nil>")
	case *ast.ExprStmt:
		f.node(n.X)
	case *ast.AssignStmt:
		if n.Const {
			f.w("const ")
		}
		if n.Ref {
			f.w("&")
		}
		f.list(n.Targets, ", ")
		f.w(" ", n.Op, " ")
		f.node(n.Value)
	case *ast.DefStmt:
		for _, a := range n.Annotations {
			f.w("@", a, "\n")
		}
		f.function(n.Aggregate, " "+n.Name, n.Params, n.Body)
	case *ast.IfStmt:
		f.seq("if(", n.Cond, ") ", n.Then)
		if n.Else != nil {
			f.seq(" else ", n.Else)
		}
	case *ast.ForStmt:
		f.w("for(")
		if n.Iter != nil {
			f.w(n.Var, " in ")
			f.node(n.Iter)
		} else {
			f.opt("", n.Init, "")
			f.w("; ")
			f.opt("", n.Cond, "")
			f.w("; ")
			f.opt("", n.Post, "")
		}
		f.seq(") ", n.Body)
	case *ast.WhileStmt:
		f.seq("while(", n.Cond, ") ", n.Body)
	case *ast.DoWhileStmt:
		f.seq("do ", n.Body, " while(", n.Cond, ")")
	case *ast.ReturnStmt:
		f.w("return")
		f.opt(" ", n.X, "")
	case *ast.ThrowStmt:
		f.seq("throw ", n.X)
	case *ast.AssertStmt:
		f.w("assert ")
		f.opt("", n.Case, ", ")
		f.node(n.X)
	case *ast.BreakStmt:
		f.w("break")
	case *ast.ContinueStmt:
		f.w("continue")
	case *ast.TxnEndStmt:
		if n.Rollback {
			f.w("rollback")
		} else {
			f.w("commit")
		}
	case *ast.TryStmt:
		f.seq("try ", n.Body, " catch(", n.CatchVar, ") ", n.Catch)
	case *ast.ShareStmt:
		f.seq("share ", n.X, " as ", n.Name)
	case *ast.UndefStmt:
		if n.All {
			f.w("undef all")
		} else {
			f.w("undef ", strings.Join(n.Names, ", "))
		}
		if n.Kind != "" {
			f.w(", ", n.Kind)
		}
	case *ast.TimerStmt:
		f.w("timer")
		f.opt("(", n.Count, ")")
		f.seq(" ", n.Body)
	case *ast.TransactionStmt:
		f.seq("transaction ", n.Body)
	case *ast.GoStmt:
		f.w("go")
	case *ast.MaprStmt:
		f.w("mapr ", n.Name, "(", strings.Join(n.Params, ", "), "){")
		f.list(n.Map, ", ")
		f.w(" -> ", n.Reduce)
		if n.Running != "" {
			f.w("; ")
			f.list(n.Cum, ", ")
			f.w(" -> ", n.Running)
		}
		f.w("}")
	case *ast.ModuleStmt:
		f.w("module ", n.Name)
	case *ast.UseStmt:
		f.w("use ", n.Name)
	case *ast.InsertStmt:
		f.seq("insert into ", n.Table)
		if n.Cols != nil {
			f.w(" (", strings.Join(n.Cols, ", "), ")")
		}
		if n.Select != nil {
			f.seq(" ", n.Select)
		} else {
			f.w(" values ")
			for i, r := range n.Rows {
				if i > 0 {
					f.w(", ")
				}
				f.w("(")
				f.list(r, ", ")
				f.w(")")
			}
		}
	case *ast.UpdateStmt:
		f.seq("update ", n.Table, " set ")
		for i, s := range n.Sets {
			if i > 0 {
				f.w(", ")
			}
			f.seq(s.Col, " = ", s.X)
		}
		f.opt(" from ", n.From, "")
		f.clause(" where ", n.Where, ", ")
		f.clause(" context by ", n.ContextBy, ", ")
		f.orderItems(" csort ", n.CSort)
		f.opt(" having ", n.Having, "")
	case *ast.DeleteStmt:
		if n.From != nil {
			f.seq("delete ", n.Table, " from ", n.From)
		} else {
			f.seq("delete from ", n.Table)
		}
		f.clause(" where ", n.Where, ", ")

	case *ast.Ident:
		f.w(n.Name)
	case *ast.Literal:
		f.literal(n)
	case *ast.SymbolVector:
		if f.stmt {
			f.w("[")
			for i, it := range n.Items {
				if i > 0 {
					f.w(",")
				}
				f.w(strconv.Quote(it))
			}
			f.w("]")
			break
		}
		for _, it := range n.Items {
			f.w("`", it)
		}
	case *ast.VectorLit:
		f.vector(n.Elems, "(", " ", ")")
	case *ast.ArrayExpr:
		f.vector(n.Elems, "[", ", ", "]")
	case *ast.TupleExpr:
		f.w("(")
		f.list(n.Elems, ", ")
		if len(n.Elems) == 1 {
			f.w(",")
		}
		f.w(")")
	case *ast.ParenExpr:
		if f.stmt {
			f.seq("(", n.X, ")")
			break
		}
		f.node(n.X)
	case *ast.MetaExpr:
		f.seq("<", n.X, ">")
	case *ast.UnaryExpr:
		if f.ddb {
			f.w(n.Op)
			if n.Op != "-" && n.Op != "~" && n.Op != "+" {
				f.w(" ")
			}
			f.operand(n.X, 20)
			return
		}
		f.w("(", n.Op)
		if n.Op != "!" && n.Op != "-" && n.Op != "~" && n.Op != "+" {
			f.w(" ")
		}
		f.seq(n.X, ")")
	case *ast.BinaryExpr:
		if n.BetweenAnd && f.ddb {
			f.seq("pair(", n.L, ", ", n.R, ")")
			break
		}
		f.binary(n)
	case *ast.AliasExpr:
		f.node(n.X)
		if n.Names != nil {
			f.w(" as `", strings.Join(n.Names, "`"))
			break
		}
		f.w(" as ", n.Name)
	case *ast.NamedArg:
		f.seq(n.Name, "=", n.X)
	case *ast.CallExpr:
		f.apply(n.Fn, n.Args, n.Method, "(", ")")
	case *ast.PartialExpr:
		f.apply(n.Fn, n.Args, n.Method, "{", "}")
	case *ast.AdverbExpr:
		f.seq(n.Fn, ":", n.Adverb)
	case *ast.IndexExpr:
		f.node(n.X)
		f.w("[")
		if t, ok := n.Index.(*ast.TupleExpr); ok {
			f.list(t.Elems, ", ")
		} else {
			f.node(n.Index)
		}
		f.w("]")
	case *ast.MemberExpr:
		f.seq(n.X, ".", n.Name)
	case *ast.LambdaExpr:
		f.function(n.Aggregate, "", n.Params, n.Body)
	case *ast.JoinExpr:
		f.seq("(", n.L)
		switch n.Kind {
		case "left semi":
			f.w(" left semijoin ")
		case ",":
			f.w(", ")
		default:
			f.w(" ", n.Kind, " join ")
		}
		f.node(n.R)
		f.opt(" on ", n.On, "")
		f.w(")")
	case *ast.DictExpr:
		f.w("{")
		for i := range n.Keys {
			if i > 0 {
				f.w(", ")
			}
			f.seq(n.Keys[i], ": ", n.Values[i])
		}
		f.w("}")
	case *ast.TernaryExpr:
		f.seq("(", n.Cond, " ? ", n.Then, " : ", n.Else, ")")
	case *ast.StarExpr:
		if n.Table != "" {
			f.w(n.Table + ".")
		}
		f.w("*")
	case *ast.UnionExpr:
		f.node(n.L)
		if n.All {
			f.w(" union all ")
		} else {
			f.w(" union ")
		}
		f.node(n.R)
	case *ast.SelectExpr:
		if n.Exec {
			f.w("exec ")
		} else {
			f.w("select ")
		}
		if n.Hints != 0 {
			f.w("[" + strconv.FormatInt(n.Hints, 10) + "] ")
		}
		if n.Distinct {
			f.w("distinct ")
		}
		f.opt("top ", n.Top, " ")
		// DolphinDB prints the lists of a query without spaces:
		// select a,b from t where x > 1,y < 2 group by c,d
		sep := ", "
		if f.ddb {
			sep = ","
		}
		f.list(n.Cols, sep)
		f.opt(" from ", n.From, "")
		f.clause(" where ", n.Where, sep)
		f.clause(" group by ", n.GroupBy, sep)
		f.clause(" context by ", n.ContextBy, sep)
		f.orderItems(" csort ", n.CSort)
		f.clause(" pivot by ", n.PivotBy, sep)
		f.clause(" cgroup by ", n.CGroupBy, sep)
		f.opt(" having ", n.Having, "")
		f.orderItems(" order by ", n.OrderBy)
		if n.Limit != nil {
			f.w(" limit ")
			f.opt("", n.Offset, ", ")
			f.node(n.Limit)
		}
		if n.Map {
			f.w(" map")
		}
	case *ast.OverExpr:
		f.over(n)
	case *ast.WithExpr:
		f.w("with ")
		for i, t := range n.Tables {
			if i > 0 {
				f.w(", ")
			}
			f.w(t.Name)
			if t.Cols != nil {
				f.w("(", strings.Join(t.Cols, ", "), ")")
			}
			f.seq(" as (", t.Query, ")")
		}
		f.seq(" ", n.Body)
	default:
		f.w("<?>")
	}
}

// over writes an analytic call: f(x) over (partition by ... order by ...
// rows between ... and ...).
func (f *formatter) over(n *ast.OverExpr) {
	f.node(n.Call)
	f.w(" over (")
	sp := ""
	if n.PartitionBy != nil {
		f.w("partition by ")
		f.list(n.PartitionBy, ", ")
		sp = " "
	}
	if n.OrderBy != nil {
		f.orderItems(sp+"order by ", n.OrderBy)
		sp = " "
	}
	if fr := n.Frame; fr != nil {
		f.w(sp)
		if fr.Range {
			f.w("range between ")
		} else {
			f.w("rows between ")
		}
		f.bound(fr.Lo)
		f.w(" and ")
		f.bound(fr.Hi)
	}
	f.w(")")
}

func (f *formatter) bound(b ast.FrameBound) {
	switch b.Kind {
	case ast.UnboundedPreceding:
		f.w("unbounded preceding")
	case ast.UnboundedFollowing:
		f.w("unbounded following")
	case ast.CurrentRow:
		f.w("current row")
	case ast.Preceding:
		f.seq(b.N, " preceding")
	case ast.Following:
		f.seq(b.N, " following")
	}
}

func (f *formatter) literal(n *ast.Literal) {
	switch n.Kind {
	case ast.LitString:
		f.w(strconv.Quote(n.Text))
	case ast.LitChar:
		q := strconv.QuoteRune([]rune(n.Text + "\x00")[0])
		f.w(q)
	case ast.LitSymbol:
		if f.ddb {
			// metacode prints a SYMBOL constant as a string: symbol == "MSFT"
			f.w(strconv.Quote(n.Text))
		} else {
			f.w("`", n.Text)
		}
	default:
		f.w(n.Text, n.Suffix)
	}
}

// vector writes a vector's elements separated by sep between open and
// close; in Statement's style, one whose elements are all literals as
// DolphinDB prints its value: [1,2,3].
func (f *formatter) vector(elems []ast.Expr, open, sep, close string) {
	if f.stmt && len(elems) > 0 && allLiterals(elems) {
		open, sep, close = "[", ",", "]"
	}
	f.w(open)
	f.list(elems, sep)
	f.w(close)
}

func allLiterals(xs []ast.Expr) bool {
	for _, x := range xs {
		if _, ok := x.(*ast.Literal); !ok {
			return false
		}
	}
	return true
}

// apply writes a call or partial application; a method call x.f(y)
// carries x as its first argument.
func (f *formatter) apply(fn ast.Expr, args []ast.Expr, method bool, open, close string) {
	if id, ok := fn.(*ast.Ident); ok && method && f.stmt {
		name := id.Name
		if r, ok := rootNames[name]; ok {
			name = r
		}
		f.w("::", name, open)
		f.list(args, ", ")
		f.w(close)
		return
	}
	if method && len(args) > 0 {
		f.seq(args[0], ".")
		args = args[1:]
	}
	f.node(fn)
	f.w(open)
	f.list(args, ", ")
	f.w(close)
}

// clause writes a query clause that has a list: kw then the items, or
// nothing when the clause is absent (nil).
func (f *formatter) clause(kw string, xs []ast.Expr, sep string) {
	if xs != nil {
		f.w(kw)
		f.list(xs, sep)
	}
}

// opt writes x between prefix and suffix, or nothing when x is absent.
func (f *formatter) opt(prefix string, x ast.Node, suffix string) {
	if x != nil {
		f.seq(prefix, x, suffix)
	}
}

// orderItems writes an order by / csort clause, or nothing when it is
// absent.
func (f *formatter) orderItems(kw string, items []ast.OrderItem) {
	if items == nil {
		return
	}
	f.w(kw)
	for i, o := range items {
		if i > 0 {
			f.w(", ")
		}
		f.node(o.X)
		if o.Desc {
			f.w(" desc")
		} else if o.Stated {
			f.w(" asc")
		}
		if o.Nulls != "" {
			f.w(" nulls ", o.Nulls)
		}
	}
}

// binary writes a binary operation. A left-deep run of operators (1 + 1 +
// ... + 1, as long as a script may be) is written by a loop; only other
// nesting recurses.
func (f *formatter) binary(n *ast.BinaryExpr) {
	spine := []*ast.BinaryExpr{n}
	for {
		l, ok := f.chainLink(spine[len(spine)-1])
		if !ok {
			break
		}
		spine = append(spine, l)
	}
	first := spine[len(spine)-1]
	if f.ddb {
		f.operand(first.L, words.Precedence(first.Op))
	} else {
		f.w(strings.Repeat("(", len(spine)))
		f.node(first.L)
	}
	for i := len(spine) - 1; i >= 0; i-- {
		b := spine[i]
		f.w(" ", b.Op, " ")
		if f.ddb {
			f.operand(b.R, words.Precedence(b.Op)+1)
		} else {
			f.node(b.R)
			f.w(")")
		}
	}
}

// chainLink returns b's left operand when it is a binary operation
// written without parentheses of its own around it, so that the chain
// continues into it.
func (f *formatter) chainLink(b *ast.BinaryExpr) (*ast.BinaryExpr, bool) {
	x := b.L
	if p, ok := x.(*ast.ParenExpr); ok && !f.stmt {
		x = p.X
	}
	l, ok := x.(*ast.BinaryExpr)
	if !ok || (f.ddb && words.Precedence(l.Op) < words.Precedence(b.Op)) {
		return nil, false
	}
	return l, true
}

// operand writes x as an operand of an operator of precedence min,
// parenthesised when x binds more loosely.
func (f *formatter) operand(x ast.Expr, min int) {
	if p, ok := x.(*ast.ParenExpr); ok && !f.stmt {
		x = p.X
	}
	if b, ok := x.(*ast.BinaryExpr); ok && words.Precedence(b.Op) < min {
		f.seq("(", x, ")")
		return
	}
	f.node(x)
}
