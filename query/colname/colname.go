package colname

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse"
)

// Of is the name DolphinDB gives a select-list expression: a
// constant item is named by its value (select *, 1 gives a column "1",
// select NULL one called NULL; progr/sql/Select.md), other expressions as
// exprName says.
func Of(e sqlparse.Expr) string {
	if l, ok := e.(*sqlparse.Literal); ok {
		switch l.Kind {
		case sqlparse.LitInt, sqlparse.LitFloat, sqlparse.LitBool:
			return l.Text
		case sqlparse.LitNull:
			if l.Suffix == "" {
				return "NULL"
			}
		}
	}
	return exprName(e)
}

// exprName names an expression after the columns it reads: a call after
// its function and first named argument, an operation after its operator
// and operands.
func exprName(e sqlparse.Expr) string {
	if name := sqlparse.GivenName(e); name != "" {
		return name
	}
	switch n := e.(type) {
	case *sqlparse.ParenExpr:
		return exprName(n.X)
	case *sqlparse.OverExpr:
		// an analytic call is named for its function alone
		if id, ok := n.Call.Fn.(*sqlparse.Ident); ok {
			return id.Name
		}
		return ""
	case *sqlparse.CallExpr:
		fn := ""
		if id, ok := n.Fn.(*sqlparse.Ident); ok {
			fn = id.Name
		}
		// DolphinDB names a call after the function and its first named
		// argument (wavg(bid, volume) is wavg_bid)
		for _, a := range n.Args {
			if s := exprName(a); s != "" {
				return fn + "_" + s
			}
		}
		return fn
	case *sqlparse.BinaryExpr:
		return binaryName(n)
	}
	return ""
}

// binaryName is op_left_right (op_right when the left side has no name),
// written in one pass down the left spine so that a chain a+a+...+a,
// as long as a script may make it, costs time linear in the name's length.
func binaryName(n *sqlparse.BinaryExpr) string {
	spine := []*sqlparse.BinaryExpr{n}
	for {
		l, ok := spine[len(spine)-1].L.(*sqlparse.BinaryExpr)
		if !ok {
			break
		}
		spine = append(spine, l)
	}
	var b strings.Builder
	for _, s := range spine {
		op := map[string]string{"+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod"}[s.Op]
		if op == "" {
			op = "op"
		}
		b.WriteString(op)
		b.WriteByte('_')
	}
	bottom := spine[len(spine)-1]
	if l := exprName(bottom.L); l != "" {
		b.WriteString(l)
		b.WriteByte('_')
	}
	b.WriteString(exprName(bottom.R))
	for i := len(spine) - 2; i >= 0; i-- {
		b.WriteByte('_')
		b.WriteString(exprName(spine[i].R))
	}
	return b.String()
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
func Strip(e sqlparse.Expr) sqlparse.Expr {
	if a, ok := e.(*sqlparse.AliasExpr); ok {
		return a.X
	}
	return e
}
