package astwalk

import "github.com/porpoisedb/porpoise/sqlparse/ast"

// Rewrite returns e with the expressions f replaces, leaving e's own
// nodes untouched. It offers e to f first: when f returns true, f's
// result stands for e (e itself keeps e with its children as they are).
// Otherwise Rewrite rewrites each non-nil child expression of e the same
// way and returns a copy of e holding the results; a node without child
// expressions is returned as it is. So a caller may change the result's
// nodes without changing e, and a replacement f builds from its own
// rewritten parts (calling Rewrite itself) works bottom up.
//
// The children are those Inspect visits, except that Rewrite does not
// enter a lambda (its body is statements) and offers f the function and
// arguments of an over clause's call rather than the call, which must
// stay a call. Unlike Inspect, Rewrite recurses: it serves single
// expressions (a select item, an engine's metric), not scripts.
func Rewrite(e ast.Expr, f func(ast.Expr) (ast.Expr, bool)) ast.Expr {
	if e == nil {
		return nil
	}
	if r, done := f(e); done {
		return r
	}
	r := func(x ast.Expr) ast.Expr { return Rewrite(x, f) }
	all := func(xs []ast.Expr) []ast.Expr { return rewriteAll(xs, f) }
	switch n := e.(type) {
	case *ast.VectorLit:
		return copied(n, func(c *ast.VectorLit) { c.Elems = all(c.Elems) })
	case *ast.ArrayExpr:
		return copied(n, func(c *ast.ArrayExpr) { c.Elems = all(c.Elems) })
	case *ast.TupleExpr:
		return copied(n, func(c *ast.TupleExpr) { c.Elems = all(c.Elems) })
	case *ast.ParenExpr:
		return copied(n, func(c *ast.ParenExpr) { c.X = r(c.X) })
	case *ast.UnaryExpr:
		return copied(n, func(c *ast.UnaryExpr) { c.X = r(c.X) })
	case *ast.BinaryExpr:
		return copied(n, func(c *ast.BinaryExpr) { c.L, c.R = r(c.L), r(c.R) })
	case *ast.AliasExpr:
		return copied(n, func(c *ast.AliasExpr) { c.X = r(c.X) })
	case *ast.NamedArg:
		return copied(n, func(c *ast.NamedArg) { c.X = r(c.X) })
	case *ast.CallExpr:
		return rewriteCall(n, f)
	case *ast.PartialExpr:
		return copied(n, func(c *ast.PartialExpr) { c.Fn, c.Args = r(c.Fn), all(c.Args) })
	case *ast.AdverbExpr:
		return copied(n, func(c *ast.AdverbExpr) { c.Fn = r(c.Fn) })
	case *ast.IndexExpr:
		return copied(n, func(c *ast.IndexExpr) { c.X, c.Index = r(c.X), r(c.Index) })
	case *ast.MemberExpr:
		return copied(n, func(c *ast.MemberExpr) { c.X = r(c.X) })
	case *ast.JoinExpr:
		return copied(n, func(c *ast.JoinExpr) { c.L, c.R, c.On = r(c.L), r(c.R), r(c.On) })
	case *ast.DictExpr:
		return copied(n, func(c *ast.DictExpr) { c.Keys, c.Values = all(c.Keys), all(c.Values) })
	case *ast.TernaryExpr:
		return copied(n, func(c *ast.TernaryExpr) { c.Cond, c.Then, c.Else = r(c.Cond), r(c.Then), r(c.Else) })
	case *ast.UnionExpr:
		return copied(n, func(c *ast.UnionExpr) { c.L, c.R = r(c.L), r(c.R) })
	case *ast.OverExpr:
		return copied(n, func(c *ast.OverExpr) {
			if c.Call != nil {
				c.Call = rewriteCall(c.Call, f)
			}
			c.PartitionBy, c.OrderBy = all(c.PartitionBy), rewriteOrder(c.OrderBy, f)
			if c.Frame != nil {
				c.Frame = copied(c.Frame, func(fr *ast.WindowFrame) { fr.Lo.N, fr.Hi.N = r(fr.Lo.N), r(fr.Hi.N) })
			}
		})
	case *ast.WithExpr:
		return copied(n, func(c *ast.WithExpr) {
			c.Tables = append([]ast.WithTable(nil), c.Tables...)
			for i := range c.Tables {
				c.Tables[i].Query = r(c.Tables[i].Query)
			}
			c.Body = r(c.Body)
		})
	case *ast.SelectExpr:
		return copied(n, func(c *ast.SelectExpr) {
			c.Top, c.Cols, c.From = r(c.Top), all(c.Cols), r(c.From)
			c.Where, c.GroupBy, c.ContextBy = all(c.Where), all(c.GroupBy), all(c.ContextBy)
			c.CSort, c.PivotBy, c.CGroupBy = rewriteOrder(c.CSort, f), all(c.PivotBy), all(c.CGroupBy)
			c.Having, c.OrderBy = r(c.Having), rewriteOrder(c.OrderBy, f)
			c.Limit, c.Offset = r(c.Limit), r(c.Offset)
		})
	}
	return e
}

// copied is a copy of *n that set has changed.
func copied[T any](n *T, set func(*T)) *T {
	c := *n
	set(&c)
	return &c
}

// rewriteCall is a copy of n with its function and arguments rewritten.
func rewriteCall(n *ast.CallExpr, f func(ast.Expr) (ast.Expr, bool)) *ast.CallExpr {
	return copied(n, func(c *ast.CallExpr) { c.Fn, c.Args = Rewrite(c.Fn, f), rewriteAll(c.Args, f) })
}

// rewriteAll rewrites each entry of xs into a new slice; nil entries
// (empty argument slots) stay nil, and a nil slice stays nil.
func rewriteAll(xs []ast.Expr, f func(ast.Expr) (ast.Expr, bool)) []ast.Expr {
	if xs == nil {
		return nil
	}
	out := make([]ast.Expr, len(xs))
	for i, x := range xs {
		out[i] = Rewrite(x, f)
	}
	return out
}

func rewriteOrder(items []ast.OrderItem, f func(ast.Expr) (ast.Expr, bool)) []ast.OrderItem {
	if items == nil {
		return nil
	}
	out := make([]ast.OrderItem, len(items))
	for i, it := range items {
		it.X = Rewrite(it.X, f)
		out[i] = it
	}
	return out
}
