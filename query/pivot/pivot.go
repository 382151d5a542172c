package pivot

import (
	"errors"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what pivot by needs from the query running it.
type Host interface {
	// EvalTable evaluates e with t's columns in scope.
	EvalTable(t *value.Table, e ast.Expr) (value.Value, error)
	// Keys evaluates the pivot by expressions over t, one column each.
	Keys(t *value.Table, exprs []ast.Expr) ([]*value.Vector, error)
	// IsAggregate reports whether name is a built-in aggregate (not a
	// user function of the session).
	IsAggregate(name string) bool
	// Cells evaluates a select item once per group of t's rows: an
	// aggregate over the group, or a row expression's last row (whatever
	// it gives for a group without rows).
	Cells(t *value.Table, g *groupagg.Groups, item ast.Expr) (*value.Vector, error)
}

// Select runs select ... pivot by r1, ..., rk, c over src (the rows the
// where clause kept): one row per distinct (r1..rk) in key order and,
// for each select item, one column per distinct value of c in order. A
// cell holds the item over the rows of that (row, column) pair:
// aggregates are computed per cell, and a plain expression keeps the
// last row's value (DolphinDB deduplicates to the last one) unless asis
// keeps them all (asis.go), which needs partCols, the lower-case
// partitioning columns of a DFS source (nil for others). The result is
// a table for the caller to order and limit, or exec's matrix.
func Select(h Host, n *ast.SelectExpr, src *value.Table, partCols map[string]bool) (value.Value, error) {
	if len(n.PivotBy) < 2 {
		return nil, errors.New("pivot by needs at least two columns.")
	}
	if n.Top != nil {
		return nil, ddberr.Errorf("The top clause can't be used together with pivot by.")
	}
	if n.Exec && (len(n.Cols) != 1 || len(n.PivotBy) != 2) {
		return nil, errors.New("exec with pivot by (a matrix result) takes one column and two pivot keys.")
	}
	if partCols != nil {
		if err := checkAsisArgs(h, n); err != nil {
			return nil, err
		}
	}
	keyVecs, err := h.Keys(src, n.PivotBy)
	if err != nil {
		return nil, err
	}
	rowKeys, colKey := keyVecs[:len(keyVecs)-1], keyVecs[len(keyVecs)-1]
	rg := groupagg.Group(rowKeys, src.Rows())
	rg.SortByKeys()
	cg := groupagg.Group([]*value.Vector{colKey}, src.Rows())
	cg.SortByKeys()
	ncol := cg.N
	if asisKeepsAll(h, n, src, rowKeys, partCols) {
		if all := occurrenceRows(rg, cg, ncol); all != nil {
			rg = all
		}
	}
	// cells: dense ids row*ncol+col; empty cells have no first row
	cells := &groupagg.Groups{N: rg.N * ncol, IDs: make([]int32, src.Rows()), First: make([]int, rg.N*ncol)}
	for i := range cells.First {
		cells.First[i] = -1
	}
	present := make([]bool, cells.N)
	for r := range cells.IDs {
		c := rg.IDs[r]*int32(ncol) + cg.IDs[r]
		cells.IDs[r] = c
		if !present[c] {
			present[c] = true
			cells.First[c] = r
		}
	}

	names := make([]string, 0, len(rowKeys)+ncol*len(n.Cols))
	cols := make([]*value.Vector, 0, cap(names))
	for i, kv := range rowKeys {
		names = append(names, colname.Of(n.PivotBy[i]))
		cols = append(cols, kv.Gather(rg.First))
	}
	colNames := make([]string, ncol)
	for j := 0; j < ncol; j++ {
		colNames[j] = columnName(colKey, cg.First[j])
	}
	for _, item := range n.Cols {
		x, fill, reduce := rowCall(item)
		cellVals, err := h.Cells(src, cells, x)
		if err != nil {
			return nil, err
		}
		cellVals = nullEmpty(cellVals, present)
		if n.Exec && fill == "" && reduce == "" {
			return matrix(cellVals, cols[0], colKey.Gather(cg.First), rg.N, ncol), nil
		}
		itemCols := make([]*value.Vector, ncol)
		for j := range itemCols {
			idx := make([]int, rg.N)
			for r := range idx {
				idx[r] = r*ncol + j
			}
			itemCols[j] = cellVals.Gather(idx)
		}
		if itemCols, err = rowFunctions(h, itemCols, fill, reduce); err != nil {
			return nil, err
		}
		if reduce != "" {
			// named by the row function (pivotBy.md: rowSum)
			name := reduce
			if a, ok := item.(*ast.AliasExpr); ok {
				name = a.Name
			}
			names = append(names, name)
			cols = append(cols, itemCols[0])
			continue
		}
		for j, c := range itemCols {
			name := colNames[j]
			if len(n.Cols) > 1 {
				name = colname.Of(item) + "_" + name
			}
			names = append(names, name)
			cols = append(cols, c)
		}
	}
	return value.NewTable(names, cols), nil
}

// matrix is exec ... pivot by's result (pivotBy.md): the cells laid
// out column-major, the row keys labelling the rows and the column key's
// values the columns. cells holds them row-major (row*ncol+col).
func matrix(cells, rowLabels, colLabels *value.Vector, nrow, ncol int) *value.Matrix {
	idx := make([]int, 0, nrow*ncol)
	for c := 0; c < ncol; c++ {
		for r := 0; r < nrow; r++ {
			idx = append(idx, r*ncol+c)
		}
	}
	return &value.Matrix{V: cells.Gather(idx), Rows: nrow, Cols: ncol, RowLabels: rowLabels, ColLabels: colLabels}
}
