package query

import (
	"errors"
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// pivotBySelect runs select ... pivot by r1, ..., rk, c: one row per
// distinct (r1..rk) in key order and, for each select item, one column
// per distinct value of c in order. A cell holds the item over the rows
// of that (row, column) pair: aggregates are computed per cell, and a
// plain expression keeps the last row's value (DolphinDB deduplicates to
// the last one) unless asis keeps them all (pivot_asis.go).
func (ex *executor) pivotBySelect(n *sqlparse.SelectExpr, src *value.Table) (value.Value, error) {
	if len(n.PivotBy) < 2 {
		return nil, errors.New("pivot by needs at least two columns.")
	}
	if n.Top != nil {
		return nil, ddberr.Errorf("The top clause can't be used together with pivot by.")
	}
	if n.Exec && (len(n.Cols) != 1 || len(n.PivotBy) != 2) {
		return nil, errors.New("exec with pivot by (a matrix result) takes one column and two pivot keys.")
	}
	keyVecs, err := ex.evalKeys(src, n.PivotBy)
	if err != nil {
		return nil, err
	}
	rowKeys, colKey := keyVecs[:len(keyVecs)-1], keyVecs[len(keyVecs)-1]
	rg := groupagg.Group(rowKeys, src.Rows())
	rg.SortByKeys()
	cg := groupagg.Group([]*value.Vector{colKey}, src.Rows())
	cg.SortByKeys()
	ncol := cg.N
	if ex.asisKeepsAll(n, src, rowKeys) {
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
	ge := newGroupEval(ex, src, cells)

	names := make([]string, 0, len(rowKeys)+ncol*len(n.Cols))
	cols := make([]*value.Vector, 0, cap(names))
	for i, kv := range rowKeys {
		names = append(names, colname.Of(n.PivotBy[i]))
		cols = append(cols, kv.Gather(rg.First))
	}
	colNames := make([]string, ncol)
	for j := 0; j < ncol; j++ {
		colNames[j] = pivotColumnName(colKey, cg.First[j])
	}
	for _, item := range n.Cols {
		x, fill, reduce := pivotRowCall(item)
		cellVals, err := ge.pivotCells(x, present)
		if err != nil {
			return nil, err
		}
		if n.Exec && fill == "" && reduce == "" {
			return pivotMatrix(cellVals, cols[0], colKey.Gather(cg.First), rg.N, ncol), nil
		}
		itemCols := make([]*value.Vector, ncol)
		for j := range itemCols {
			idx := make([]int, rg.N)
			for r := range idx {
				idx[r] = r*ncol + j
			}
			itemCols[j] = cellVals.Gather(idx)
		}
		if itemCols, err = ex.pivotRowFunctions(itemCols, fill, reduce); err != nil {
			return nil, err
		}
		if reduce != "" {
			// named by the row function (pivotBy.md: rowSum)
			name := reduce
			if a, ok := item.(*sqlparse.AliasExpr); ok {
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
	out := value.NewTable(names, cols)
	if len(n.OrderBy) > 0 {
		if out, err = ex.orderTable(out, n.OrderBy); err != nil {
			return nil, err
		}
	}
	return ex.limitRows(out, nil, n.Limit, n.Offset)
}

// pivotRowCall splits a pivot by select item reduce(fill(x)), reduce(x)
// or fill(x) (pivotBy.md example 2: rowSum(ffill(price))): fill (ffill,
// bfill, lfill) fills each pivoted column down the rows, reduce (a row
// function) makes one column of them. Other items are x itself.
func pivotRowCall(item sqlparse.Expr) (x sqlparse.Expr, fill, reduce string) {
	x = colname.Strip(item)
	unary := func(e sqlparse.Expr, names map[string]bool) (sqlparse.Expr, string) {
		c, ok := e.(*sqlparse.CallExpr)
		if !ok || c.Method || len(c.Args) != 1 || c.Args[0] == nil {
			return e, ""
		}
		id, ok := c.Fn.(*sqlparse.Ident)
		if !ok || !names[strings.ToLower(id.Name)] {
			return e, ""
		}
		return c.Args[0], id.Name
	}
	x, reduce = unary(x, pivotRowUnary)
	x, fill = unary(x, pivotFill)
	if fill == "" && reduce == "" {
		return item, "", ""
	}
	return x, fill, reduce
}

// pivotRowFunctions applies an item's fill to each pivoted column and its
// reduce across them (one column out).
func (ex *executor) pivotRowFunctions(cols []*value.Vector, fill, reduce string) ([]*value.Vector, error) {
	if fill == "" && reduce == "" {
		return cols, nil
	}
	names := make([]string, len(cols))
	args := make([]sqlparse.Expr, len(cols))
	for j := range cols {
		names[j] = fmt.Sprintf("\x00pivot%d", j)
		args[j] = &sqlparse.Ident{Name: names[j]}
	}
	call := func(fn string, args []sqlparse.Expr, cols []*value.Vector) (*value.Vector, error) {
		v, err := ex.withTable(value.NewTable(names[:len(cols)], cols), &sqlparse.CallExpr{Fn: &sqlparse.Ident{Name: fn}, Args: args})
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

// pivotMatrix is exec ... pivot by's result (pivotBy.md): the cells laid
// out column-major, the row keys labelling the rows and the column key's
// values the columns. cells holds them row-major (row*ncol+col).
func pivotMatrix(cells, rowLabels, colLabels *value.Vector, nrow, ncol int) *value.Matrix {
	idx := make([]int, 0, nrow*ncol)
	for c := 0; c < ncol; c++ {
		for r := 0; r < nrow; r++ {
			idx = append(idx, r*ncol+c)
		}
	}
	return &value.Matrix{V: cells.Gather(idx), Rows: nrow, Cols: ncol, RowLabels: rowLabels, ColLabels: colLabels}
}

// pivotColumnName is the column named by a pivot value: its text, NULL
// for a NULL.
func pivotColumnName(v *value.Vector, row int) string {
	if v.IsNull(row) {
		return "NULL"
	}
	return strings.TrimSpace(v.FormatTableCell(row))
}

// pivotCells evaluates a select item per cell; empty cells are NULL.
func (ge *groupEval) pivotCells(item sqlparse.Expr, present []bool) (*value.Vector, error) {
	l := &lowering{ex: ge.ex, cols: ge.cols}
	lowered, ok, err := l.lower(item)
	if err != nil {
		return nil, err
	}
	var v *value.Vector
	switch {
	case ok && len(l.specs) > 0:
		aggs, err := ge.aggregates(l.specs)
		if err != nil {
			return nil, err
		}
		names := make([]string, len(aggs))
		for k := range aggs {
			names[k] = placeholder(k)
		}
		x, err := ge.ex.withTable(value.NewTable(names, aggs), lowered)
		if err != nil {
			return nil, err
		}
		if v, err = value.Broadcast(x, ge.g.N); err != nil {
			return nil, err
		}
	default:
		// a row expression: the last row of each cell
		x, err := ge.ex.withTable(ge.src, colname.Strip(item))
		if err != nil {
			return nil, err
		}
		all, err := value.Broadcast(x, ge.src.Rows())
		if err != nil {
			return nil, err
		}
		last := make([]int, ge.g.N)
		for i := range last {
			last[i] = -1
		}
		for r, id := range ge.g.IDs {
			last[id] = r
		}
		return value.GatherOrNull(all, last), nil
	}
	var empty []int
	for i, p := range present {
		if !p {
			empty = append(empty, i)
		}
	}
	if len(empty) > 0 {
		v = v.Clone()
		for _, i := range empty {
			v.SetNull(i)
		}
	}
	return v, nil
}
