package query

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// A select item `f(x) as `a`b` spreads a result of several values over
// as many columns (progr/sql/groupby.md); an empty name drops its value.

// multiNames returns the column names of a multi-column item, nil for an
// ordinary one.
func multiNames(e sqlparse.Expr) []string {
	if a, ok := e.(*sqlparse.AliasExpr); ok {
		return a.Names
	}
	return nil
}

func errColumnCount(names []string) error {
	return ddberr.Errorf("The result of a select item named by %d column names must have %d values.", len(names), len(names))
}

// spread splits one value per column name out of v: a tuple's elements,
// a matrix's or table's columns, or a vector's elements.
func spread(v value.Value, names []string) ([]value.Value, error) {
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

// keepNamed drops the values whose name is empty.
func keepNamed[T any](names []string, vals []T) ([]string, []T) {
	var ns []string
	var vs []T
	for i, n := range names {
		if n != "" {
			ns, vs = append(ns, n), append(vs, vals[i])
		}
	}
	return ns, vs
}

// perGroupColumns evaluates e once per group into len(names) columns:
// each group's result spreads into one value per column.
func (ge *groupEval) perGroupColumns(e sqlparse.Expr, names []string) ([]string, []*value.Vector, error) {
	vals := make([][]value.Value, len(names))
	for i := 0; i < ge.g.N; i++ {
		v, err := ge.ex.withTable(ge.groupSlice(i), e)
		if err != nil {
			return nil, nil, err
		}
		parts, err := spread(v, names)
		if err != nil {
			return nil, nil, err
		}
		for k, p := range parts {
			vals[k] = append(vals[k], p)
		}
	}
	cols := make([]*value.Vector, len(names))
	for k := range names {
		var err error
		if cols[k], err = groupagg.ScalarColumn(vals[k]); err != nil {
			return nil, nil, err
		}
	}
	ns, cs := keepNamed(names, cols)
	return ns, cs, nil
}
