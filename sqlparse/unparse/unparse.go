package unparse

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse"
)

// Format renders a node as text with every operation fully parenthesised,
// e.g. `a + b * c` gives "(a + (b * c))". It is meant for tests, debugging
// and diagnostics; the output is DolphinDB-like but is not guaranteed to
// re-parse to the same tree.
func Format(n sqlparse.Node) string {
	var b strings.Builder
	f := formatter{b: &b}
	f.node(n)
	return b.String()
}

// FormatScript renders a script, one statement per line.
func FormatScript(s *sqlparse.Script) string {
	var b strings.Builder
	f := formatter{b: &b}
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
func Metacode(n sqlparse.Node) string {
	var b strings.Builder
	f := formatter{b: &b, ddb: true}
	f.node(n)
	return b.String()
}

// formatter writes nodes; ddb selects DolphinDB's minimal-parenthesis
// style instead of the fully parenthesised debugging form.
type formatter struct {
	b   *strings.Builder
	ddb bool
}

func (f formatter) w(s ...string) {
	for _, x := range s {
		f.b.WriteString(x)
	}
}

func (f formatter) list(xs []sqlparse.Expr, sep string) {
	for i, x := range xs {
		if i > 0 {
			f.w(sep)
		}
		if x != nil {
			f.node(x)
		}
	}
}

func (f formatter) block(stmts []sqlparse.Stmt) {
	f.w("{")
	for i, s := range stmts {
		if i > 0 {
			f.w("; ")
		}
		f.node(s)
	}
	f.w("}")
}

func (f formatter) params(ps []sqlparse.Param) {
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

func (f formatter) node(n sqlparse.Node) {
	switch n := n.(type) {
	case nil:
		f.w("<nil>")
	case *sqlparse.ExprStmt:
		f.node(n.X)
	case *sqlparse.AssignStmt:
		if n.Ref {
			f.w("&")
		}
		f.list(n.Targets, ", ")
		f.w(" ", n.Op, " ")
		f.node(n.Value)
	case *sqlparse.DefStmt:
		if n.Aggregate {
			f.w("defg ")
		} else {
			f.w("def ")
		}
		f.w(n.Name)
		f.params(n.Params)
		f.w(" ")
		f.block(n.Body)
	case *sqlparse.IfStmt:
		f.w("if(")
		f.node(n.Cond)
		f.w(") ")
		f.block(n.Then)
		if n.Else != nil {
			f.w(" else ")
			f.block(n.Else)
		}
	case *sqlparse.ForStmt:
		f.w("for(")
		if n.Iter != nil {
			f.w(n.Var, " in ")
			f.node(n.Iter)
		} else {
			if n.Init != nil {
				f.node(n.Init)
			}
			f.w("; ")
			if n.Cond != nil {
				f.node(n.Cond)
			}
			f.w("; ")
			if n.Post != nil {
				f.node(n.Post)
			}
		}
		f.w(") ")
		f.block(n.Body)
	case *sqlparse.WhileStmt:
		f.w("while(")
		f.node(n.Cond)
		f.w(") ")
		f.block(n.Body)
	case *sqlparse.DoWhileStmt:
		f.w("do ")
		f.block(n.Body)
		f.w(" while(")
		f.node(n.Cond)
		f.w(")")
	case *sqlparse.ReturnStmt:
		f.w("return")
		if n.X != nil {
			f.w(" ")
			f.node(n.X)
		}
	case *sqlparse.ThrowStmt:
		f.w("throw ")
		f.node(n.X)
	case *sqlparse.AssertStmt:
		f.w("assert ")
		if n.Case != nil {
			f.node(n.Case)
			f.w(", ")
		}
		f.node(n.X)
	case *sqlparse.BreakStmt:
		f.w("break")
	case *sqlparse.ContinueStmt:
		f.w("continue")
	case *sqlparse.TryStmt:
		f.w("try ")
		f.block(n.Body)
		f.w(" catch(", n.CatchVar, ") ")
		f.block(n.Catch)
	case *sqlparse.ShareStmt:
		f.w("share ")
		f.node(n.X)
		f.w(" as ")
		f.node(n.Name)
	case *sqlparse.UndefStmt:
		if n.All {
			f.w("undef all")
		} else {
			f.w("undef ", strings.Join(n.Names, ", "))
		}
	case *sqlparse.TimerStmt:
		f.w("timer")
		if n.Count != nil {
			f.w("(")
			f.node(n.Count)
			f.w(")")
		}
		f.w(" ")
		f.block(n.Body)
	case *sqlparse.GoStmt:
		f.w("go")
	case *sqlparse.InsertStmt:
		f.w("insert into ")
		f.node(n.Table)
		if n.Cols != nil {
			f.w(" (", strings.Join(n.Cols, ", "), ")")
		}
		if n.Select != nil {
			f.w(" ")
			f.node(n.Select)
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
	case *sqlparse.UpdateStmt:
		f.w("update ")
		f.node(n.Table)
		f.w(" set ")
		for i, s := range n.Sets {
			if i > 0 {
				f.w(", ")
			}
			f.w(s.Col, " = ")
			f.node(s.X)
		}
		if n.From != nil {
			f.w(" from ")
			f.node(n.From)
		}
		if n.Where != nil {
			f.w(" where ")
			f.list(n.Where, ", ")
		}
		if n.ContextBy != nil {
			f.w(" context by ")
			f.list(n.ContextBy, ", ")
		}
	case *sqlparse.DeleteStmt:
		f.w("delete from ")
		f.node(n.Table)
		if n.Where != nil {
			f.w(" where ")
			f.list(n.Where, ", ")
		}

	case *sqlparse.Ident:
		f.w(n.Name)
	case *sqlparse.Literal:
		f.literal(n)
	case *sqlparse.SymbolVector:
		for _, it := range n.Items {
			f.w("`", it)
		}
	case *sqlparse.VectorLit:
		f.w("(")
		f.list(n.Elems, " ")
		f.w(")")
	case *sqlparse.ArrayExpr:
		f.w("[")
		f.list(n.Elems, ", ")
		f.w("]")
	case *sqlparse.TupleExpr:
		f.w("(")
		f.list(n.Elems, ", ")
		if len(n.Elems) == 1 {
			f.w(",")
		}
		f.w(")")
	case *sqlparse.ParenExpr:
		f.node(n.X)
	case *sqlparse.MetaExpr:
		f.w("<")
		f.node(n.X)
		f.w(">")
	case *sqlparse.UnaryExpr:
		if f.ddb {
			f.w(n.Op)
			if n.Op != "-" && n.Op != "~" && n.Op != "+" {
				f.w(" ")
			}
			f.operand(n.X, 20)
			return
		}
		f.w("(", n.Op)
		if n.Op == "!" || n.Op == "-" || n.Op == "~" || n.Op == "+" {
			f.node(n.X)
		} else {
			f.w(" ")
			f.node(n.X)
		}
		f.w(")")
	case *sqlparse.BinaryExpr:
		if f.ddb {
			p := opPrec(n.Op)
			f.operand(n.L, p)
			f.w(" ", n.Op, " ")
			f.operand(n.R, p+1)
			return
		}
		f.w("(")
		f.node(n.L)
		f.w(" ", n.Op, " ")
		f.node(n.R)
		f.w(")")
	case *sqlparse.AliasExpr:
		f.node(n.X)
		f.w(" as ", n.Name)
	case *sqlparse.NamedArg:
		f.w(n.Name, "=")
		f.node(n.X)
	case *sqlparse.CallExpr:
		args := n.Args
		if n.Method && len(args) > 0 {
			f.node(args[0])
			f.w(".")
			args = args[1:]
		}
		f.node(n.Fn)
		f.w("(")
		f.list(args, ", ")
		f.w(")")
	case *sqlparse.PartialExpr:
		args := n.Args
		if n.Method && len(args) > 0 {
			f.node(args[0])
			f.w(".")
			args = args[1:]
		}
		f.node(n.Fn)
		f.w("{")
		f.list(args, ", ")
		f.w("}")
	case *sqlparse.AdverbExpr:
		f.node(n.Fn)
		f.w(":", n.Adverb)
	case *sqlparse.IndexExpr:
		f.node(n.X)
		f.w("[")
		if t, ok := n.Index.(*sqlparse.TupleExpr); ok {
			f.list(t.Elems, ", ")
		} else {
			f.node(n.Index)
		}
		f.w("]")
	case *sqlparse.MemberExpr:
		f.node(n.X)
		f.w(".", n.Name)
	case *sqlparse.LambdaExpr:
		if n.Aggregate {
			f.w("defg")
		} else {
			f.w("def")
		}
		f.params(n.Params)
		f.w(" ")
		f.block(n.Body)
	case *sqlparse.JoinExpr:
		f.w("(")
		f.node(n.L)
		f.w(" ", n.Kind, " join ")
		f.node(n.R)
		if n.On != nil {
			f.w(" on ")
			f.node(n.On)
		}
		f.w(")")
	case *sqlparse.DictExpr:
		f.w("{")
		for i := range n.Keys {
			if i > 0 {
				f.w(", ")
			}
			f.node(n.Keys[i])
			f.w(": ")
			f.node(n.Values[i])
		}
		f.w("}")
	case *sqlparse.TernaryExpr:
		f.w("(")
		f.node(n.Cond)
		f.w(" ? ")
		f.node(n.Then)
		f.w(" : ")
		f.node(n.Else)
		f.w(")")
	case *sqlparse.StarExpr:
		f.w("*")
	case *sqlparse.UnionExpr:
		f.node(n.L)
		if n.All {
			f.w(" union all ")
		} else {
			f.w(" union ")
		}
		f.node(n.R)
	case *sqlparse.SelectExpr:
		if n.Exec {
			f.w("exec ")
		} else {
			f.w("select ")
		}
		if n.Distinct {
			f.w("distinct ")
		}
		if n.Top != nil {
			f.w("top ")
			f.node(n.Top)
			f.w(" ")
		}
		// DolphinDB prints the lists of a query without spaces:
		// select a,b from t where x > 1,y < 2 group by c,d
		sep := ", "
		if f.ddb {
			sep = ","
		}
		f.list(n.Cols, sep)
		if n.From != nil {
			f.w(" from ")
			f.node(n.From)
		}
		if n.Where != nil {
			f.w(" where ")
			f.list(n.Where, sep)
		}
		if n.GroupBy != nil {
			f.w(" group by ")
			f.list(n.GroupBy, sep)
		}
		if n.ContextBy != nil {
			f.w(" context by ")
			f.list(n.ContextBy, sep)
		}
		if n.CSort != nil {
			f.w(" csort ")
			f.orderItems(n.CSort)
		}
		if n.PivotBy != nil {
			f.w(" pivot by ")
			f.list(n.PivotBy, sep)
		}
		if n.CGroupBy != nil {
			f.w(" cgroup by ")
			f.list(n.CGroupBy, sep)
		}
		if n.Having != nil {
			f.w(" having ")
			f.node(n.Having)
		}
		if n.OrderBy != nil {
			f.w(" order by ")
			f.orderItems(n.OrderBy)
		}
		if n.Limit != nil {
			f.w(" limit ")
			if n.Offset != nil {
				f.node(n.Offset)
				f.w(", ")
			}
			f.node(n.Limit)
		}
		if n.Map {
			f.w(" map")
		}
	default:
		f.w("<?>")
	}
}

func (f formatter) literal(n *sqlparse.Literal) {
	switch n.Kind {
	case sqlparse.LitString:
		f.w(strconv.Quote(n.Text))
	case sqlparse.LitChar:
		q := strconv.QuoteRune([]rune(n.Text + "\x00")[0])
		f.w(q)
	case sqlparse.LitSymbol:
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

// orderItems writes order by / csort items.
func (f formatter) orderItems(items []sqlparse.OrderItem) {
	for i, o := range items {
		if i > 0 {
			f.w(", ")
		}
		f.node(o.X)
		if o.Desc {
			f.w(" desc")
		}
		if o.Nulls != "" {
			f.w(" nulls ", o.Nulls)
		}
	}
}

// operand writes x as an operand of an operator of precedence min,
// parenthesised when x binds more loosely.
func (f formatter) operand(x sqlparse.Expr, min int) {
	if p, ok := x.(*sqlparse.ParenExpr); ok {
		x = p.X
	}
	if b, ok := x.(*sqlparse.BinaryExpr); ok && opPrec(b.Op) < min {
		f.w("(")
		f.node(x)
		f.w(")")
		return
	}
	f.node(x)
}

// opPrec is the precedence of a normalised binary operator, as the parser
// assigns it.
func opPrec(op string) int {
	switch op {
	case "||":
		return 1
	case "&&":
		return 2
	case "<", "<=", ">", ">=", "==", "!=", "in", "like", "between":
		return 3
	case "|":
		return 4
	case "^":
		return 5
	case "&":
		return 6
	case "<<", ">>":
		return 7
	case "+", "-":
		return 8
	case "..", ":":
		return 15
	}
	return 10
}
