package iotdb

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
)

// Optimization methods a latest-value query reports under HINT_EXPLAIN's
// lastQuery (iotdb.md, 通过 HINT_EXPLAIN 查看是否使用优化).
const (
	LatestKeyCache = "LatestKeyCache"
	LatestKeyQuery = "LatestKeyQuery"
	None           = "None"
)

// LastQuery reports whether n is a latest-value query of a table whose
// sort columns are first then last (context by the first, csort last,
// limit -1) and, if so, which optimization serves it, by the page's
// rules in its order: the latest-key cache for no where-clause or one on
// first sort columns alone; the storage-level latest-key query when every
// first sort column is filtered by equality (or in, for a single one)
// and the time column by a comparison; the cache again when the time
// column is filtered by a range and the rest are first sort columns.
func LastQuery(n *ast.SelectExpr, first []string, last string, cache bool) (string, bool) {
	if !isLatest(n, first, last) {
		return "", false
	}
	var conds []*ast.BinaryExpr
	for _, w := range n.Where {
		if !flatten(w, &conds) {
			return None, true
		}
	}
	isFirst := func(c string) bool {
		return slices.ContainsFunc(first, func(f string) bool { return strings.EqualFold(f, c) })
	}
	onFirst, onLast, firstOps := 0, 0, map[string]string{}
	for _, c := range conds {
		col := column(c.L)
		op := strings.ToLower(c.Op)
		switch {
		case isFirst(col) && slices.Contains([]string{"=", "==", "<", "<=", ">", ">=", "between", "in"}, op):
			onFirst++
			firstOps[strings.ToLower(col)] = op
		case strings.EqualFold(col, last) && slices.Contains([]string{"=", "==", "<", "<=", ">", ">=", "between"}, op):
			onLast++
		default:
			return None, true
		}
	}
	if cache && onLast == 0 {
		return LatestKeyCache, true
	}
	all := len(firstOps) == len(first)
	for _, op := range firstOps {
		if op != "=" && op != "==" && !(op == "in" && len(first) == 1) {
			all = false
		}
	}
	if all {
		return LatestKeyQuery, true
	}
	if cache {
		return LatestKeyCache, true
	}
	return None, true
}

// isLatest reports whether n is context by first, csort last, limit -1.
func isLatest(n *ast.SelectExpr, first []string, last string) bool {
	if len(n.ContextBy) != len(first) || len(n.CSort) != 1 || column(n.CSort[0].X) == "" ||
		!strings.EqualFold(column(n.CSort[0].X), last) {
		return false
	}
	for i, c := range n.ContextBy {
		if !strings.EqualFold(column(c), first[i]) {
			return false
		}
	}
	lit, ok := n.Limit.(*ast.Literal)
	return ok && lit.Text == "-1"
}

// flatten collects the comparisons of an and-chain; false when it holds
// anything else.
func flatten(e ast.Expr, out *[]*ast.BinaryExpr) bool {
	b, ok := e.(*ast.BinaryExpr)
	if !ok {
		return false
	}
	if b.Op == "&&" || strings.EqualFold(b.Op, "and") {
		return flatten(b.L, out) && flatten(b.R, out)
	}
	*out = append(*out, b)
	return column(b.L) != ""
}

func column(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}
