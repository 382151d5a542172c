package dfs

import (
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// atom reads e as a comparison between a partition column and a constant
// and returns the column and the values it admits.
func (p *pruneCtx) atom(e ast.Expr) (int, *partition.Cons, bool) {
	b, ok := e.(*ast.BinaryExpr)
	if !ok {
		return 0, nil, false
	}
	isPart := func(col int) bool {
		for _, c := range p.s.partCols {
			if c == col {
				return true
			}
		}
		return false
	}
	switch b.Op {
	case "==", "=", "<", "<=", ">", ">=":
		if col, ok := p.columnRef(b.L); ok && isPart(col) {
			if k, ok := p.constant(b.R); ok {
				c, ok := partition.CompareCons(b.Op, p.s.types[col], k, true)
				return col, c, ok
			}
		}
		if col, ok := p.columnRef(b.R); ok && isPart(col) {
			if k, ok := p.constant(b.L); ok {
				c, ok := partition.CompareCons(partition.FlipOp(b.Op), p.s.types[col], k, false)
				return col, c, ok
			}
		}
	case "in":
		if col, ok := p.columnRef(b.L); ok && isPart(col) {
			if k, ok := p.constant(b.R); ok {
				c, ok := partition.InCons(p.s.types[col], k)
				return col, c, ok
			}
		}
	case "between":
		// x between a:b is x >= a && x <= b (the between built-in)
		if col, ok := p.columnRef(b.L); ok && isPart(col) {
			if k, ok := p.constant(b.R); ok {
				r, ok := k.(*value.Pair)
				if !ok || r.V.Len() != 2 {
					return 0, nil, false
				}
				ct := p.s.types[col]
				lo, ok1 := partition.CompareCons(">=", ct, r.V.At(0), true)
				hi, ok2 := partition.CompareCons("<=", ct, r.V.At(1), true)
				if ok1 && ok2 {
					return col, lo.Intersect(hi), true
				}
			}
		}
	}
	return 0, nil, false
}
