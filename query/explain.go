package query

import (
	"strconv"
	"time"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
	"github.com/porpoisedb/porpoise/value"
)

// explainSelect runs a select [HINT_EXPLAIN] query and returns, in place
// of its result, the JSON string of its plan (hint_explain.md): the
// measurement unit, and under explain the rows the query returns and what
// it cost in microseconds. Porpoise reports the whole query as one step;
// DolphinDB adds per-clause entries (from, where, map, ...).
func (ex *executor) explainSelect(n *ast.SelectExpr) (value.Value, error) {
	plain := *n
	plain.Hints &^= lex.HintExplain
	start := time.Now()
	v, err := ex.evalSelect(&plain)
	if err != nil {
		return nil, err
	}
	cost := time.Since(start).Microseconds()
	return value.NewString(`{"measurement":"microsecond","explain":{"rows":` + strconv.Itoa(resultRows(v)) +
		`,"cost":` + strconv.FormatInt(cost, 10) + `}}`), nil
}

// resultRows is the number of rows a query result holds: a table's rows,
// a vector's length, 1 for a scalar.
func resultRows(v value.Value) int {
	switch x := v.(type) {
	case *value.Table:
		return x.Rows()
	case *value.Vector:
		return x.Len()
	case *value.Matrix:
		return x.Rows
	}
	return 1
}
