package indexupdate

import (
	"github.com/porpoisedb/porpoise/access"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/query"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Run runs t[col, rows] = v and t[col] = v when rows or v is
// metacode (t1[`x, <x < 2>] = 3, trades[`qty, <sym=`IBM>] = <qty+100>):
// as `update t set col = v where rows`, the code seeing t's columns.
// target is the expression naming t, base its value, an in-memory table
// or a partitioned one of database("") (tutorials/partitioned_in_memory_table.md);
// ok is false when neither is code or base is no such table.
func Run(env query.Env, target ast.Expr, base, idx, v value.Value) (ok bool, err error) {
	switch b := base.(type) {
	case *value.Table:
	case interface{ DFSTable() *dfs.Table }:
		if b.DFSTable().Database().DFS() {
			return false, nil
		}
	default:
		return false, nil
	}
	col, rows := idx, value.Value(nil)
	if tu, isTuple := idx.(*value.Vector); isTuple && tu.T == value.Any && tu.Len() == 2 {
		col, rows = tu.Any[0], tu.Any[1]
	}
	if !funcs.IsCode(v) && !funcs.IsCode(rows) {
		return false, nil
	}
	names, isName := funcs.StringsArg(col)
	if !isName || len(names) == 0 {
		return true, ddberr.Errorf("A table column must be named by a string.")
	}
	bind := map[string]value.Value{}
	vals := []ast.Expr{codeOrBound(v, "__assignedValue", bind)}
	if a, ok := vals[0].(*ast.ArrayExpr); ok && len(names) > 1 {
		// trades[`logPrice1`newQty1] = <[log(price1), double(qty1)]>
		// (tutorials/partitioned_in_memory_table.md), as update! takes it
		vals = a.Elems
	}
	if len(vals) != len(names) {
		return true, ddberr.Errorf("The number of columns to be updated must match the number of columns specified in colNames. RefId:S05006")
	}
	stmt := &ast.UpdateStmt{Table: target}
	for i, name := range names {
		stmt.Sets = append(stmt.Sets, ast.SetClause{Col: name, X: vals[i]})
	}
	if rows != nil {
		if !funcs.IsCode(rows) {
			if rows, err = rowMask(env, target, rows); err != nil {
				return true, err
			}
		}
		stmt.Where = []ast.Expr{codeOrBound(rows, "__assignedRows", bind)}
	}
	defer env.Bind(bind)()
	return true, query.Update(env, stmt)
}

// codeOrBound is the expression of metacode v, or a name bound to v.
func codeOrBound(v value.Value, name string, bind map[string]value.Value) ast.Expr {
	switch c := v.(type) {
	case *funcs.Code:
		return c.X
	case *funcs.Meta:
		for k, b := range c.Bind {
			bind[k] = b
		}
		return c.X
	}
	bind[name] = v
	return &ast.Ident{Name: name}
}

// rowMask is a row selection of the table target names as a BOOL vector
// of its length, which a where clause takes.
func rowMask(env query.Env, target ast.Expr, rows value.Value) (value.Value, error) {
	tv, err := env.EvalIn(nil, target)
	if err != nil {
		return nil, err
	}
	t, ok := tv.(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The object does not support indexed assignment.")
	}
	pos, err := access.RowPositions(rows, t.Rows())
	if err != nil {
		return nil, err
	}
	mask := value.NewVector(value.Bool, t.Rows(), t.Rows())
	for _, p := range pos {
		mask.I8[p] = 1
	}
	return mask, nil
}
