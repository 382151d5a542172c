package colname

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/words"
)

// Of is the name DolphinDB gives a select-list expression: a
// constant item is named by its value (select *, 1 gives a column "1",
// select NULL one called NULL; progr/sql/Select.md), other expressions as
// exprName says.
func Of(e ast.Expr) string {
	if l, ok := e.(*ast.Literal); ok {
		switch l.Kind {
		case ast.LitInt, ast.LitFloat, ast.LitBool:
			return l.Text
		case ast.LitNull:
			if l.Suffix == "" {
				return "NULL"
			}
		}
	}
	return exprName(e)
}

// exprName names an expression after the columns it reads: a call after
// its function and first named argument, and an operation as the call of
// its operator's function (DolphinDB names select ID+check add_ID, as it
// names add(ID, check); progr/objs/col_ref.md). sqlColAlias names its
// column definitions by the same rule.
func exprName(e ast.Expr) string {
	if name := Given(e); name != "" {
		return name
	}
	switch n := e.(type) {
	case *ast.ParenExpr:
		return exprName(n.X)
	case *ast.NamedArg:
		// a named argument names the call when its value is a name
		// (aggrTopN(func=avg, ...) is aggrTopN_avg; funcs/ho_funcs/aggrTopN.md),
		// not when it is an expression (interval(X=year(time), ...) is
		// interval; progr/sql/interval.md)
		return Given(n.X)
	case *ast.OverExpr:
		// an analytic call is named for its function alone
		if id, ok := n.Call.Fn.(*ast.Ident); ok {
			return id.Name
		}
		return ""
	case *ast.CallExpr:
		fn := ""
		if id, ok := n.Fn.(*ast.Ident); ok {
			// a dialect's function is named as its user wrote it
			fn = words.UserName(id.Name)
		}
		// DolphinDB names a call after the function and its first named
		// argument (wavg(bid, volume) is wavg_bid); a call among the
		// arguments names nothing (bar(month(time), 3) is bar in
		// funcs/b/bar.md, rowSum(ffill(price)) rowSum in
		// progr/sql/pivotBy.md)
		for _, a := range n.Args {
			if _, ok := a.(*ast.CallExpr); ok {
				continue
			}
			if id, ok := a.(*ast.Ident); ok && !isName(id.Name) {
				// a constant metacode embeds (makeCall(member, x,
				// "Residual")) names nothing, as a literal doesn't
				continue
			}
			if s := exprName(a); s != "" {
				return fn + "_" + s
			}
		}
		return fn
	case *ast.BinaryExpr:
		return binaryName(n)
	}
	return ""
}

// binaryName names an operation as a call: op_left, or op_right when the
// left side has no name. An operation always has a name, so a left operand
// that is itself an operation names it; walking down the left spine in one
// pass keeps a chain a+a+...+a, as long as a script may make it, linear in
// the name's length.
func binaryName(n *ast.BinaryExpr) string {
	if n.Unified {
		first := n.L
		for {
			l, ok := first.(*ast.BinaryExpr)
			if !ok {
				break
			}
			first = l.L
		}
		op := words.OperatorFunc(n.Op)
		if op == "" {
			op = n.Op
		}
		if s := exprName(first); s != "" {
			return s + "_" + op
		}
		return op
	}
	var b strings.Builder
	for {
		op := words.OperatorFunc(n.Op)
		if op == "" {
			op = n.Op
		}
		b.WriteString(op)
		l, ok := n.L.(*ast.BinaryExpr)
		if !ok {
			break
		}
		b.WriteByte('_')
		n = l
	}
	s := exprName(n.L)
	if s == "" {
		s = exprName(n.R)
	}
	if s != "" {
		b.WriteByte('_')
		b.WriteString(s)
	}
	return b.String()
}

// Given is the name an expression gives itself: its alias, an
// identifier or a member's name ("" for any other expression). A table
// column made from the expression takes that name.
func Given(e ast.Expr) string {
	switch n := e.(type) {
	case *ast.AliasExpr:
		return n.Name
	case *ast.Ident:
		return n.Name
	case *ast.MemberExpr:
		return n.Name
	}
	return ""
}

// Unique fills empty names and suffixes duplicates.
func Unique(names []string) []string {
	seen := map[string]int{}
	out := make([]string, len(names))
	for i, n := range names {
		if n == "" {
			n = fmt.Sprintf("col%d", i)
		}
		if k := seen[n]; k > 0 {
			seen[n] = k + 1
			n = fmt.Sprintf("%s_%d", n, k)
		} else {
			seen[n] = 1
		}
		out[i] = n
	}
	return out
}

// Strip is e without its alias (the expression an AS names).
func Strip(e ast.Expr) ast.Expr {
	if a, ok := e.(*ast.AliasExpr); ok {
		return a.X
	}
	return e
}

// isName reports whether s is spelled as an identifier: metacode built
// from values binds each constant to a name spelled as the constant
// ("Residual" with its quotes, 2, NULL), which is no column.
func isName(s string) bool {
	if s == "" || s == "NULL" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return true
}
