package astwalk

import "github.com/porpoisedb/porpoise/sqlparse/ast"

// Inspect traverses the tree rooted at n in depth-first order: it calls
// f(n); if that returns true, Inspect visits each non-nil child of n. Nil
// entries (empty argument slots, absent clauses) are skipped. A whole
// script is not itself a Node: use InspectScript.
//
// The walk keeps its own stack instead of recursing, so a tree of any
// depth (a chain of a million operators) needs no Go stack.
func Inspect(n ast.Node, f func(ast.Node) bool) {
	if n == nil {
		return
	}
	stack := []ast.Node{n}
	var kids children
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !f(x) {
			continue
		}
		kids = kids[:0]
		kids.of(x)
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
}

// children collects the non-nil children of a node, in source order.
type children []ast.Node

func (c *children) expr(xs ...ast.Expr) {
	for _, x := range xs {
		if x != nil {
			*c = append(*c, x)
		}
	}
}

func (c *children) stmt(xs ...ast.Stmt) {
	for _, x := range xs {
		if x != nil {
			*c = append(*c, x)
		}
	}
}

func (c *children) params(ps []ast.Param) {
	for _, p := range ps {
		c.expr(p.Default)
	}
}

// of appends the children of n.
func (c *children) of(n ast.Node) {
	switch n := n.(type) {
	case *ast.ExprStmt:
		c.expr(n.X)
	case *ast.AssignStmt:
		c.expr(n.Targets...)
		c.expr(n.Value)
	case *ast.DefStmt:
		c.params(n.Params)
		c.stmt(n.Body...)
	case *ast.IfStmt:
		c.expr(n.Cond)
		c.stmt(n.Then...)
		c.stmt(n.Else...)
	case *ast.ForStmt:
		c.expr(n.Iter)
		c.stmt(n.Init)
		c.expr(n.Cond)
		c.stmt(n.Post)
		c.stmt(n.Body...)
	case *ast.WhileStmt:
		c.expr(n.Cond)
		c.stmt(n.Body...)
	case *ast.DoWhileStmt:
		c.stmt(n.Body...)
		c.expr(n.Cond)
	case *ast.ReturnStmt:
		c.expr(n.X)
	case *ast.TryStmt:
		c.stmt(n.Body...)
		c.stmt(n.Catch...)
	case *ast.ShareStmt:
		c.expr(n.X, n.Name)
	case *ast.TimerStmt:
		c.expr(n.Count)
		c.stmt(n.Body...)
	case *ast.TransactionStmt:
		c.stmt(n.Body...)
	case *ast.InsertStmt:
		c.expr(n.Table)
		for _, r := range n.Rows {
			c.expr(r...)
		}
		if n.Select != nil {
			*c = append(*c, n.Select)
		}
	case *ast.UpdateStmt:
		c.expr(n.Table)
		for _, s := range n.Sets {
			c.expr(s.X)
		}
		c.expr(n.From)
		c.expr(n.Where...)
		c.expr(n.ContextBy...)
		for _, o := range n.CSort {
			c.expr(o.X)
		}
		c.expr(n.Having)
	case *ast.DeleteStmt:
		c.expr(n.Table, n.From)
		c.expr(n.Where...)
	case *ast.VectorLit:
		c.expr(n.Elems...)
	case *ast.ArrayExpr:
		c.expr(n.Elems...)
	case *ast.TupleExpr:
		c.expr(n.Elems...)
	case *ast.ParenExpr:
		c.expr(n.X)
	case *ast.UnaryExpr:
		c.expr(n.X)
	case *ast.BinaryExpr:
		c.expr(n.L, n.R)
	case *ast.AliasExpr:
		c.expr(n.X)
	case *ast.NamedArg:
		c.expr(n.X)
	case *ast.CallExpr:
		c.expr(n.Fn)
		c.expr(n.Args...)
	case *ast.PartialExpr:
		c.expr(n.Fn)
		c.expr(n.Args...)
	case *ast.AdverbExpr:
		c.expr(n.Fn)
	case *ast.IndexExpr:
		c.expr(n.X, n.Index)
	case *ast.MemberExpr:
		c.expr(n.X)
	case *ast.LambdaExpr:
		c.params(n.Params)
		c.stmt(n.Body...)
	case *ast.JoinExpr:
		c.expr(n.L, n.R, n.On)
	case *ast.DictExpr:
		c.expr(n.Keys...)
		c.expr(n.Values...)
	case *ast.TernaryExpr:
		c.expr(n.Cond, n.Then, n.Else)
	case *ast.UnionExpr:
		c.expr(n.L, n.R)
	case *ast.OverExpr:
		c.expr(n.Call)
		c.expr(n.PartitionBy...)
		for _, o := range n.OrderBy {
			c.expr(o.X)
		}
		if n.Frame != nil {
			c.expr(n.Frame.Lo.N, n.Frame.Hi.N)
		}
	case *ast.WithExpr:
		for _, t := range n.Tables {
			c.expr(t.Query)
		}
		c.expr(n.Body)
	case *ast.SelectExpr:
		c.expr(n.Top)
		c.expr(n.Cols...)
		c.expr(n.From)
		c.expr(n.Where...)
		c.expr(n.GroupBy...)
		c.expr(n.ContextBy...)
		for _, o := range n.CSort {
			c.expr(o.X)
		}
		c.expr(n.PivotBy...)
		c.expr(n.CGroupBy...)
		c.expr(n.Having)
		for _, o := range n.OrderBy {
			c.expr(o.X)
		}
		c.expr(n.Limit, n.Offset)
	}
}

// InspectScript calls Inspect on every statement of s.
func InspectScript(s *ast.Script, f func(ast.Node) bool) {
	if s == nil {
		return
	}
	for _, st := range s.Stmts {
		if st != nil {
			Inspect(st, f)
		}
	}
}
