package system

import (
	"context"
	"errors"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// In-memory table functions of the db-table family: they change a
// value.Table in place under its lock. addColumn also changes partitioned
// tables through Host, dropColumns!, rename! and replaceColumn! through
// columnEditor; the others give partitioned tables an error.

// memTable returns x as an in-memory table the caller may change.
func memTable(name string, x value.Value) (*value.Table, error) {
	t, ok := x.(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The argument [table] of %s must be an in-memory table; partitioned tables are not supported by it yet.", name)
	}
	if t.ReadOnly {
		return nil, ddberr.Errorf("Can't modify read only table. RefId: S02054")
	}
	return t, insert.RefuseIMOLTP(name, t)
}

// columnEditor is a partitioned table whose schema dropColumns!,
// rename! and replaceColumn! change (package dfs's tables); funcs may not
// import dfs, so it asks for the methods.
type columnEditor interface {
	DFSTable() *dfs.Table
	RenameColumn(ctx context.Context, from, to string) error
	DropColumn(ctx context.Context, name string) error
	ReplaceColumn(ctx context.Context, name string, to value.Type, scale int32) error
}

// checkAlter is the session's privilege check of a change to the DFS
// table p stands for.
func checkAlter(env funcs.Env, p columnEditor, drop bool) error {
	h, err := host(env)
	if err != nil {
		return err
	}
	return h.CheckAlterTable(p.DFSTable(), drop)
}

func xaddColumn(env funcs.Env, args []value.Value) (value.Value, error) {
	if err := insert.RefuseDurable("addColumn", args[0]); err != nil {
		return nil, err
	}
	names, ok := funcs.StringsArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [colNames] of addColumn must be a string scalar or vector.")
	}
	types, scales, err := funcs.TypesArg(args[2])
	if err != nil {
		return nil, err
	}
	if len(types) != len(names) {
		return nil, ddberr.Errorf("The number of column names and column types must be the same.")
	}
	for _, t := range types {
		if t == value.Void || t.Storage() == value.StNone {
			return nil, ddberr.Errorf("Invalid data type: %d", int(t))
		}
	}
	if _, mem := args[0].(*value.Table); !mem {
		h, err := host(env)
		if err != nil {
			return nil, err
		}
		if ok, err := h.AddColumns(args[0], names, types, scales); ok || err != nil {
			return nil, err
		}
	}
	t, err := memTable("addColumn", args[0])
	if err != nil {
		return nil, err
	}
	t.Mu.Lock()
	defer t.Mu.Unlock()
	for _, n := range names {
		if t.ColumnIndex(n) >= 0 {
			return nil, ddberr.Errorf("A column with name %s already exists in table. RefId:S01014", n)
		}
	}
	t.AddNullColumns(names, types, scales)
	return nil, nil
}

func xdropColumns(env funcs.Env, args []value.Value) (value.Value, error) {
	names, ok := funcs.StringsArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [colNames] of dropColumns! must be a string scalar or vector.")
	}
	if p, ok := args[0].(columnEditor); ok {
		if _, scalar := args[1].(*value.Scalar); !scalar {
			return nil, ddberr.Errorf("The argument [colNames] of dropColumns! must be a string scalar for a DFS table.")
		}
		if err := checkAlter(env, p, true); err != nil {
			return nil, err
		}
		if err := p.DropColumn(env.Context(), names[0]); err != nil {
			return nil, err
		}
		return nil, columnPrivileges(env, p, names[0], "")
	}
	t, err := memTable("dropColumns!", args[0])
	if err != nil {
		return nil, err
	}
	t.Mu.Lock()
	defer t.Mu.Unlock()
	drop := map[int]bool{}
	for _, n := range names {
		i := t.ColumnIndex(n)
		if i < 0 {
			return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", n)
		}
		for _, k := range t.KeyCols {
			if k == i {
				return nil, ddberr.Errorf("Can't drop a key column. RefId: S05015")
			}
		}
		drop[i] = true
	}
	if len(drop) == len(t.Cols) {
		return nil, ddberr.Errorf("Can't drop all the columns of a table.")
	}
	keep := make([]int, len(t.Cols))
	var names2 []string
	var cols []*value.Vector
	for i := range t.Cols {
		keep[i] = -1
		if drop[i] {
			continue
		}
		keep[i] = len(cols)
		names2 = append(names2, t.Names[i])
		cols = append(cols, t.Cols[i])
	}
	for j, k := range t.KeyCols {
		t.KeyCols[j] = keep[k]
	}
	t.Names, t.Cols = names2, cols
	return t, insert.Changed(t)
}

func xrename(env funcs.Env, args []value.Value) (value.Value, error) {
	switch x := args[0].(type) {
	case *value.Table:
		if x.Shared != "" {
			return nil, errors.New("rename! can't be applied to a shared table.")
		}
		y, ok := funcs.StringsArg(args[1])
		if !ok {
			return nil, ddberr.Errorf("The column names of rename! must be strings.")
		}
		x.Mu.Lock()
		defer x.Mu.Unlock()
		if len(args) == 2 || args[2] == nil {
			if len(y) > len(x.Names) {
				return nil, ddberr.Errorf("The number of new column names can't exceed the number of columns.")
			}
			copy(x.Names, y)
			return x, insert.Changed(x)
		}
		z, ok := funcs.StringsArg(args[2])
		if !ok || len(z) != len(y) {
			return nil, ddberr.Errorf("The old and new column names of rename! must be strings of the same count.")
		}
		for i, old := range y {
			k := x.ColumnIndex(old)
			if k < 0 {
				return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", old)
			}
			x.Names[k] = z[i]
		}
		return x, insert.Changed(x)
	case *value.Matrix:
		labels := func(v value.Value, n int) (*value.Vector, error) {
			l, _, ok := value.VectorOf(v)
			if !ok || l.Len() != n {
				return nil, ddberr.Errorf("The labels of rename! must have one element per row or column.")
			}
			return l, nil
		}
		if len(args) == 2 {
			c, err := labels(args[1], x.Cols)
			if err != nil {
				return nil, err
			}
			x.ColLabels = c
			return x, nil
		}
		// rename!(m, rowLabels, ) and rename!(m, , colLabels) set one
		// side (funcs/s/setIndexedSeries_.md)
		r, c := x.RowLabels, x.ColLabels
		var err error
		if args[1] != nil {
			if r, err = labels(args[1], x.Rows); err != nil {
				return nil, err
			}
		}
		if args[2] != nil {
			if c, err = labels(args[2], x.Cols); err != nil {
				return nil, err
			}
		}
		x.RowLabels, x.ColLabels = r, c
		return x, nil
	case columnEditor:
		from, ok1 := funcs.StringArg(args[1])
		to, ok2 := "", false
		if len(args) == 3 && args[2] != nil {
			to, ok2 = funcs.StringArg(args[2])
		}
		if !ok1 || !ok2 {
			return nil, ddberr.Errorf("The old and new column names of rename! on a DFS table must be string scalars.")
		}
		if err := checkAlter(env, x, false); err != nil {
			return nil, err
		}
		if err := x.RenameColumn(env.Context(), from, to); err != nil {
			return nil, err
		}
		return nil, columnPrivileges(env, x, from, to)
	case *value.Vector:
		// a vector's label is not kept by Porpoise's vectors; the
		// vector itself is the result, as in DolphinDB's output
		if _, ok := funcs.StringArg(args[1]); !ok {
			return nil, ddberr.Errorf("The label of rename! on a vector must be a string.")
		}
		return x, nil
	}
	return nil, ddberr.Errorf("The argument [X] of rename! must be a vector, matrix or in-memory table.")
}

func xreplaceColumn(env funcs.Env, args []value.Value) (value.Value, error) {
	if p, ok := args[0].(columnEditor); ok {
		return nil, replaceColumnType(env, p, args[1], args[2])
	}
	t, err := memTable("replaceColumn!", args[0])
	if err != nil {
		return nil, err
	}
	names, ok := funcs.StringsArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [colName] of replaceColumn! must be a string scalar or vector.")
	}
	var cols []value.Value
	if len(names) == 1 {
		if _, scalar := args[1].(*value.Scalar); scalar {
			cols = []value.Value{args[2]}
		}
	}
	if cols == nil {
		tup, ok := args[2].(*value.Vector)
		if !ok || tup.T != value.Any || len(tup.Any) != len(names) {
			return nil, ddberr.Errorf("The argument [newCol] of replaceColumn! must be a tuple with one vector per column name.")
		}
		cols = tup.Any
	}
	t.Mu.Lock()
	defer t.Mu.Unlock()
	for i, n := range names {
		k := t.ColumnIndex(n)
		if k < 0 {
			return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", n)
		}
		v, ok := cols[i].(*value.Vector)
		if !ok {
			if s, isS := cols[i].(*value.Scalar); isS && t.Rows() == 1 {
				v = s.Vector()
			} else {
				return nil, ddberr.Errorf("The new column of replaceColumn! must be a vector.")
			}
		}
		if v.Len() != t.Rows() {
			return nil, ddberr.Errorf("The length of the new column must equal the number of rows of the table.")
		}
		t.Cols[k] = v
	}
	return t, insert.Changed(t)
}

// replaceColumnType is replaceColumn! on a DFS table: newCol gives only
// the column's new type.
func replaceColumnType(env funcs.Env, p columnEditor, colName, newCol value.Value) error {
	name, ok := funcs.StringArg(colName)
	if !ok {
		return ddberr.Errorf("The argument [colName] of replaceColumn! must be a string scalar for a DFS table.")
	}
	var to value.Type
	var scale int32
	switch c := newCol.(type) {
	case *value.Vector:
		to, scale = c.T, c.Scale
	case *value.Scalar:
		to, scale = c.T, c.Scale
	default:
		return ddberr.Errorf("The argument [newCol] of replaceColumn! must be a vector.")
	}
	if err := checkAlter(env, p, false); err != nil {
		return err
	}
	if err := p.ReplaceColumn(env.Context(), name, to, scale); err != nil {
		return err
	}
	return columnPrivileges(env, p, name, name)
}

// columnPrivileges keeps the privileges on the column from of the DFS
// table p stands for in step with a change of it, recording that in the
// ACL audit trail: dropColumns! (to "") revokes them
// (revokeByDFSOperation), rename! moves them to the column's new name and
// replaceColumn! (to == from) keeps them (replaceByDFSOperation;
// funcs/g/getaclauditlog.md names replaceColumn! among the operations
// that update the privileges on what they change, without an example).
func columnPrivileges(env funcs.Env, p columnEditor, from, to string) error {
	h, err := host(env)
	if err != nil {
		return err
	}
	t := p.DFSTable()
	oldObj := auth.ColumnPath(t.Database().Path(), t.TableName(), from)
	newObj := auth.ColumnPath(t.Database().Path(), t.TableName(), to)
	store := h.Principal().Store
	switch {
	case to == "":
		err = store.DropColumn(oldObj)
	case to != from:
		err = store.RenameObject(oldObj, newObj)
	}
	if err != nil {
		return err
	}
	if to == "" {
		audit.RevokedByDFS(env.Context(), oldObj)
	} else {
		audit.ReplacedByDFS(env.Context(), oldObj, newObj)
	}
	return nil
}

func xreorderColumns(env funcs.Env, args []value.Value) (value.Value, error) {
	if err := insert.RefuseDurable("reorderColumns!", args[0]); err != nil {
		return nil, err
	}
	t, err := memTable("reorderColumns!", args[0])
	if err != nil {
		return nil, err
	}
	if t.Shared != "" {
		return nil, errors.New("reorderColumns! can't be applied to a shared table.")
	}
	names, ok := funcs.StringsArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [reorderedColNames] of reorderColumns! must be a string vector.")
	}
	t.Mu.Lock()
	defer t.Mu.Unlock()
	order := make([]int, 0, len(t.Cols))
	used := make([]bool, len(t.Cols))
	for _, n := range names {
		k := t.ColumnIndex(n)
		if k < 0 {
			return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", n)
		}
		if used[k] {
			return nil, ddberr.Errorf("Duplicate column name %s.", n)
		}
		used[k] = true
		order = append(order, k)
	}
	for k := range t.Cols {
		if !used[k] {
			order = append(order, k)
		}
	}
	pos := make([]int, len(order))
	names2 := make([]string, len(order))
	cols := make([]*value.Vector, len(order))
	for i, k := range order {
		names2[i], cols[i] = t.Names[k], t.Cols[k]
		pos[k] = i
	}
	for j, k := range t.KeyCols {
		t.KeyCols[j] = pos[k]
	}
	t.Names, t.Cols = names2, cols
	return t, insert.Changed(t)
}

// xupdateInPlace is update!(table, colNames, newValues, [filter]): an
// update statement built from metacode, run in the caller's scope.
func xupdateInPlace(env funcs.Env, args []value.Value) (value.Value, error) {
	if !memoryTable(args[0]) {
		return nil, ddberr.Errorf("The argument [table] of update! must be a table.")
	}
	names, ok := funcs.StringsArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [colNames] of update! must be a string scalar or vector.")
	}
	c := xnewCoder(env)
	vals, err := c.exprs(args[2])
	if err != nil {
		return nil, err
	}
	if a, ok := soleArray(vals); ok && len(names) > 1 {
		// <[qty*2, price/2]> gives one value per column
		// (funcs/u/update_.md)
		vals = a.Elems
	}
	if len(vals) != len(names) {
		return nil, ddberr.Errorf("The number of columns to be updated must match the number of columns specified in colNames. RefId:S05006")
	}
	st := &ast.UpdateStmt{Table: c.embed(args[0], "\x00t")}
	for i, n := range names {
		st.Sets = append(st.Sets, ast.SetClause{Col: n, X: vals[i]})
	}
	if f := funcs.Arg(args, 3); f != nil {
		if st.Where, err = c.exprs(f); err != nil {
			return nil, err
		}
	}
	if _, err := env.Exec(st, c.bind); err != nil {
		return nil, err
	}
	return args[0], nil
}

// memoryTable reports whether v is an in-memory table, partitioned
// (database("")) or not.
func memoryTable(v value.Value) bool {
	if p, ok := v.(interface{ DFSTable() *dfs.Table }); ok {
		return !p.DFSTable().Database().DFS()
	}
	_, ok := v.(*value.Table)
	return ok
}

// soleArray is the bracketed list that is a metacode's whole expression.
func soleArray(xs []ast.Expr) (*ast.ArrayExpr, bool) {
	if len(xs) != 1 {
		return nil, false
	}
	a, ok := xs[0].(*ast.ArrayExpr)
	return a, ok
}

func xrowNames(env funcs.Env, args []value.Value) (value.Value, error) {
	m, ok := args[0].(*value.Matrix)
	if !ok {
		return nil, ddberr.Errorf("The argument of rowNames must be a matrix.")
	}
	if m.RowLabels == nil {
		return value.NullScalar(value.Void), nil
	}
	return m.RowLabels, nil
}

func xrowNo(env funcs.Env, args []value.Value) (value.Value, error) {
	n := lengthOfAny(args[0])
	out := make([]int64, n)
	for i := range out {
		out[i] = int64(i)
	}
	return value.NewLongs(out), nil
}

func lengthOfAny(x value.Value) int {
	if n := higherorder.LengthOf(x); n >= 0 {
		return n
	}
	return 1
}

// xtupleSum adds up the results of several map calls: a tuple of N
// tuples of m same-shaped results gives N sums (one when N is 1).
func xtupleSum(env funcs.Env, args []value.Value) (value.Value, error) {
	x, ok := args[0].(*value.Vector)
	if !ok || x.T != value.Any {
		return nil, ddberr.Errorf("The argument of tupleSum must be a tuple.")
	}
	sums := make([]value.Value, len(x.Any))
	for i, part := range x.Any {
		p, ok := part.(*value.Vector)
		if !ok || p.T != value.Any || len(p.Any) == 0 {
			sums[i] = part
			continue
		}
		acc := p.Any[0]
		for _, y := range p.Any[1:] {
			var err error
			if acc, err = funcs.Operator(env, "+", acc, y); err != nil {
				return nil, err
			}
		}
		sums[i] = acc
	}
	if len(sums) == 1 {
		return sums[0], nil
	}
	return value.NewTuple(sums), nil
}
