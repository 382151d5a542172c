package astwalk

import "github.com/porpoisedb/porpoise/sqlparse"

// Inspect traverses the tree rooted at n in depth-first order: it calls
// f(n); if that returns true, Inspect visits each non-nil child of n. Nil
// entries (empty argument slots, absent clauses) are skipped. A whole
// script is not itself a Node: use InspectScript.
//
// The walk keeps its own stack instead of recursing, so a tree of any
// depth (a chain of a million operators) needs no Go stack.
func Inspect(n sqlparse.Node, f func(sqlparse.Node) bool) {
	if n == nil {
		return
	}
	stack := []sqlparse.Node{n}
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
type children []sqlparse.Node

func (c *children) expr(xs ...sqlparse.Expr) {
	for _, x := range xs {
		if x != nil {
			*c = append(*c, x)
		}
	}
}

func (c *children) stmt(xs ...sqlparse.Stmt) {
	for _, x := range xs {
		if x != nil {
			*c = append(*c, x)
		}
	}
}

func (c *children) params(ps []sqlparse.Param) {
	for _, p := range ps {
		c.expr(p.Default)
	}
}

// of appends the children of n.
func (c *children) of(n sqlparse.Node) {
	switch n := n.(type) {
	case *sqlparse.ExprStmt:
		c.expr(n.X)
	case *sqlparse.AssignStmt:
		c.expr(n.Targets...)
		c.expr(n.Value)
	case *sqlparse.DefStmt:
		c.params(n.Params)
		c.stmt(n.Body...)
	case *sqlparse.IfStmt:
		c.expr(n.Cond)
		c.stmt(n.Then...)
		c.stmt(n.Else...)
	case *sqlparse.ForStmt:
		c.expr(n.Iter)
		c.stmt(n.Init)
		c.expr(n.Cond)
		c.stmt(n.Post)
		c.stmt(n.Body...)
	case *sqlparse.WhileStmt:
		c.expr(n.Cond)
		c.stmt(n.Body...)
	case *sqlparse.DoWhileStmt:
		c.stmt(n.Body...)
		c.expr(n.Cond)
	case *sqlparse.ReturnStmt:
		c.expr(n.X)
	case *sqlparse.TryStmt:
		c.stmt(n.Body...)
		c.stmt(n.Catch...)
	case *sqlparse.ShareStmt:
		c.expr(n.X, n.Name)
	case *sqlparse.TimerStmt:
		c.expr(n.Count)
		c.stmt(n.Body...)
	case *sqlparse.TransactionStmt:
		c.stmt(n.Body...)
	case *sqlparse.InsertStmt:
		c.expr(n.Table)
		for _, r := range n.Rows {
			c.expr(r...)
		}
		if n.Select != nil {
			*c = append(*c, n.Select)
		}
	case *sqlparse.UpdateStmt:
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
	case *sqlparse.DeleteStmt:
		c.expr(n.Table, n.From)
		c.expr(n.Where...)
	case *sqlparse.VectorLit:
		c.expr(n.Elems...)
	case *sqlparse.ArrayExpr:
		c.expr(n.Elems...)
	case *sqlparse.TupleExpr:
		c.expr(n.Elems...)
	case *sqlparse.ParenExpr:
		c.expr(n.X)
	case *sqlparse.UnaryExpr:
		c.expr(n.X)
	case *sqlparse.BinaryExpr:
		c.expr(n.L, n.R)
	case *sqlparse.AliasExpr:
		c.expr(n.X)
	case *sqlparse.NamedArg:
		c.expr(n.X)
	case *sqlparse.CallExpr:
		c.expr(n.Fn)
		c.expr(n.Args...)
	case *sqlparse.PartialExpr:
		c.expr(n.Fn)
		c.expr(n.Args...)
	case *sqlparse.AdverbExpr:
		c.expr(n.Fn)
	case *sqlparse.IndexExpr:
		c.expr(n.X, n.Index)
	case *sqlparse.MemberExpr:
		c.expr(n.X)
	case *sqlparse.LambdaExpr:
		c.params(n.Params)
		c.stmt(n.Body...)
	case *sqlparse.JoinExpr:
		c.expr(n.L, n.R, n.On)
	case *sqlparse.DictExpr:
		c.expr(n.Keys...)
		c.expr(n.Values...)
	case *sqlparse.TernaryExpr:
		c.expr(n.Cond, n.Then, n.Else)
	case *sqlparse.UnionExpr:
		c.expr(n.L, n.R)
	case *sqlparse.OverExpr:
		c.expr(n.Call)
		c.expr(n.PartitionBy...)
		for _, o := range n.OrderBy {
			c.expr(o.X)
		}
		if n.Frame != nil {
			c.expr(n.Frame.Lo.N, n.Frame.Hi.N)
		}
	case *sqlparse.WithExpr:
		for _, t := range n.Tables {
			c.expr(t.Query)
		}
		c.expr(n.Body)
	case *sqlparse.SelectExpr:
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
func InspectScript(s *sqlparse.Script, f func(sqlparse.Node) bool) {
	if s == nil {
		return
	}
	for _, st := range s.Stmts {
		if st != nil {
			Inspect(st, f)
		}
	}
}
