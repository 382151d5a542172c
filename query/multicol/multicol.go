package multicol

import (
	"github.com/porpoisedb/porpoise/ddberr"
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
// a matrix's or table's columns, or a vector's elements.
func Spread(v value.Value, names []string) ([]value.Value, error) {
	var parts []value.Value
	switch x := v.(type) {
	case *value.Vector:
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
