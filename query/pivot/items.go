package pivot

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// rowCall splits a pivot by select item reduce(fill(x)), reduce(x)
// or fill(x) (pivotBy.md example 2: rowSum(ffill(price))): fill (ffill,
// bfill, lfill) fills each pivoted column down the rows, reduce (a row
// function) makes one column of them. Other items are x itself.
func rowCall(item ast.Expr) (x ast.Expr, fill, reduce string) {
	x = colname.Strip(item)
	unary := func(e ast.Expr, names map[string]bool) (ast.Expr, string) {
		c, ok := e.(*ast.CallExpr)
		if !ok || c.Method || len(c.Args) != 1 || c.Args[0] == nil {
			return e, ""
		}
		id, ok := c.Fn.(*ast.Ident)
		if !ok || !names[strings.ToLower(id.Name)] {
			return e, ""
		}
		return c.Args[0], id.Name
	}
	x, reduce = unary(x, rowUnary)
	x, fill = unary(x, fills)
	if fill == "" && reduce == "" {
		return item, "", ""
	}
	return x, fill, reduce
}

// rowFunctions applies an item's fill to each pivoted column and its
// reduce across them (one column out).
func rowFunctions(h Host, cols []*value.Vector, fill, reduce string) ([]*value.Vector, error) {
	if fill == "" && reduce == "" {
		return cols, nil
	}
	names := make([]string, len(cols))
	args := make([]ast.Expr, len(cols))
	for j := range cols {
		names[j] = fmt.Sprintf("\x00pivot%d", j)
		args[j] = &ast.Ident{Name: names[j]}
	}
	call := func(fn string, args []ast.Expr, cols []*value.Vector) (*value.Vector, error) {
		v, err := h.EvalTable(value.NewTable(names[:len(cols)], cols), &ast.CallExpr{Fn: &ast.Ident{Name: fn}, Args: args})
		if err != nil {
			return nil, err
		}
		return value.Broadcast(v, cols[0].Len())
	}
	if fill != "" {
		filled := make([]*value.Vector, len(cols))
		for j, c := range cols {
			f, err := call(fill, args[:1], []*value.Vector{c})
			if err != nil {
				return nil, err
			}
			filled[j] = f
		}
		cols = filled
	}
	if reduce == "" {
		return cols, nil
	}
	r, err := call(reduce, args, cols)
	if err != nil {
		return nil, err
	}
	return []*value.Vector{r}, nil
}

// columnName is the column named by a pivot value: its text, NULL
// for a NULL.
func columnName(v *value.Vector, row int) string {
	if v.IsNull(row) {
		return "NULL"
	}
	return strings.TrimSpace(v.FormatTableCell(row))
}
