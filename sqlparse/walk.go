package sqlparse

// Inspect traverses the tree rooted at n in depth-first order: it calls
// f(n); if that returns true, Inspect visits each non-nil child of n. Nil
// entries (empty argument slots, absent clauses) are skipped. A *Script may
// be passed as well; it is not itself a Node, so use InspectScript.
func Inspect(n Node, f func(Node) bool) {
	if n == nil || !f(n) {
		return
	}
	e := func(x Expr) {
		if x != nil {
			Inspect(x, f)
		}
	}
	es := func(xs []Expr) {
		for _, x := range xs {
			e(x)
		}
	}
	ss := func(xs []Stmt) {
		for _, x := range xs {
			if x != nil {
				Inspect(x, f)
			}
		}
	}
	ps := func(xs []Param) {
		for _, p := range xs {
			e(p.Default)
		}
	}
	switch n := n.(type) {
	case *ExprStmt:
		e(n.X)
	case *AssignStmt:
		es(n.Targets)
		e(n.Value)
	case *DefStmt:
		ps(n.Params)
		ss(n.Body)
	case *IfStmt:
		e(n.Cond)
		ss(n.Then)
		ss(n.Else)
	case *ForStmt:
		e(n.Iter)
		if n.Init != nil {
			Inspect(n.Init, f)
		}
		e(n.Cond)
		if n.Post != nil {
			Inspect(n.Post, f)
		}
		ss(n.Body)
	case *WhileStmt:
		e(n.Cond)
		ss(n.Body)
	case *DoWhileStmt:
		ss(n.Body)
		e(n.Cond)
	case *ReturnStmt:
		e(n.X)
	case *TryStmt:
		ss(n.Body)
		ss(n.Catch)
	case *ShareStmt:
		e(n.X)
		e(n.Name)
	case *TimerStmt:
		e(n.Count)
		ss(n.Body)
	case *InsertStmt:
		e(n.Table)
		for _, r := range n.Rows {
			es(r)
		}
		if n.Select != nil {
			Inspect(n.Select, f)
		}
	case *UpdateStmt:
		e(n.Table)
		for _, s := range n.Sets {
			e(s.X)
		}
		e(n.From)
		es(n.Where)
		es(n.ContextBy)
		for _, o := range n.CSort {
			e(o.X)
		}
		e(n.Having)
	case *DeleteStmt:
		e(n.Table)
		es(n.Where)
	case *VectorLit:
		es(n.Elems)
	case *ArrayExpr:
		es(n.Elems)
	case *TupleExpr:
		es(n.Elems)
	case *ParenExpr:
		e(n.X)
	case *UnaryExpr:
		e(n.X)
	case *BinaryExpr:
		e(n.L)
		e(n.R)
	case *AliasExpr:
		e(n.X)
	case *NamedArg:
		e(n.X)
	case *CallExpr:
		e(n.Fn)
		es(n.Args)
	case *PartialExpr:
		e(n.Fn)
		es(n.Args)
	case *AdverbExpr:
		e(n.Fn)
	case *IndexExpr:
		e(n.X)
		e(n.Index)
	case *MemberExpr:
		e(n.X)
	case *LambdaExpr:
		ps(n.Params)
		ss(n.Body)
	case *JoinExpr:
		e(n.L)
		e(n.R)
		e(n.On)
	case *DictExpr:
		es(n.Keys)
		es(n.Values)
	case *TernaryExpr:
		e(n.Cond)
		e(n.Then)
		e(n.Else)
	case *UnionExpr:
		e(n.L)
		e(n.R)
	case *SelectExpr:
		e(n.Top)
		es(n.Cols)
		e(n.From)
		es(n.Where)
		es(n.GroupBy)
		es(n.ContextBy)
		for _, o := range n.CSort {
			e(o.X)
		}
		es(n.PivotBy)
		es(n.CGroupBy)
		e(n.Having)
		for _, o := range n.OrderBy {
			e(o.X)
		}
		e(n.Limit)
		e(n.Offset)
	}
}

// InspectScript calls Inspect on every statement of s.
func InspectScript(s *Script, f func(Node) bool) {
	if s == nil {
		return
	}
	for _, st := range s.Stmts {
		if st != nil {
			Inspect(st, f)
		}
	}
}
