package multicol

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Names returns the column names of a multi-column item, nil for an
// ordinary one.
func Names(e ast.Expr) []string {
	if a, ok := e.(*ast.AliasExpr); ok {
		return a.Names
	}
	return nil
}

func errColumnCount(names []string) error {
	return ddberr.Errorf("The result of a select item named by %d column names must have %d values.", len(names), len(names))
}

// Spread splits one value per column name out of v: a tuple's elements,
// a matrix's or table's columns, a vector's elements, or the columns of a
// tuple of rows (moving over a function with several results,
// funcs/w/wslr.md's example).
func Spread(v value.Value, names []string) ([]value.Value, error) {
	var parts []value.Value
	switch x := v.(type) {
	case *value.Vector:
		if x.T == value.Any && x.Len() != len(names) {
			if cols, ok := rowColumns(x.Any, len(names)); ok {
				parts = cols
				break
			}
		}
		for i := 0; i < x.Len(); i++ {
			parts = append(parts, x.Elem(i))
		}
	case *value.Matrix:
		for c := 0; c < x.Cols; c++ {
			parts = append(parts, x.V.Slice(c*x.Rows, (c+1)*x.Rows))
		}
	case *value.Table:
		for _, c := range x.Cols {
			parts = append(parts, c)
		}
	}
	if len(parts) != len(names) {
		return nil, errColumnCount(names)
	}
	return parts, nil
}

// rowColumns turns rows, each a tuple or vector of k values or a NULL
// (a window too short to fill), into k columns; ok is false for other
// rows.
func rowColumns(rows []value.Value, k int) ([]value.Value, bool) {
	cols := make([][]value.Value, k)
	for c := range cols {
		cols[c] = make([]value.Value, len(rows))
	}
	for i, r := range rows {
		if s, isScalar := r.(*value.Scalar); isScalar && s.Null {
			for c := range cols {
				cols[c][i] = s
			}
			continue
		}
		row, isVec := r.(*value.Vector)
		if !isVec || row.Len() != k {
			return nil, false
		}
		for c := range cols {
			cols[c][i] = row.Elem(c)
		}
	}
	out := make([]value.Value, k)
	for c, col := range cols {
		v, err := funcs.Assemble(col, funcs.RuleDolphin)
		if err != nil {
			return nil, false
		}
		out[c] = v
	}
	return out, true
}

// KeepNamed drops the values whose name is empty.
func KeepNamed[T any](names []string, vals []T) ([]string, []T) {
	var ns []string
	var vs []T
	for i, n := range names {
		if n != "" {
			ns, vs = append(ns, n), append(vs, vals[i])
		}
	}
	return ns, vs
}

// ScalarTuple reports whether v, a select item's value over rows rows, is
// a tuple of one scalar per row: one ANY column, not a list of columns
// (exec x[name] from titleSchema looks a row dictionary up by each name in
// tutorials/fund_factor_contrasted_by_py.md).
func ScalarTuple(v value.Value, rows int) bool {
	t, ok := v.(*value.Vector)
	if !ok || t.T != value.Any || t.Len() != rows || rows == 0 {
		return false
	}
	for _, e := range t.Any {
		if _, ok := e.(*value.Scalar); !ok {
			return false
		}
	}
	return true
}
