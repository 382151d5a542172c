package lookup

import (
	"errors"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// appendTupleWhole reads the appendTupleAsAWhole configuration (default
// true) through getConfig.
func appendTupleWhole(env funcs.Env) bool {
	f, ok := env.Function("getConfig")
	if !ok {
		return true
	}
	v, err := env.Call(f, value.NewString("appendTupleAsAWhole"))
	if err != nil {
		return true
	}
	if s, ok := v.(*value.Scalar); ok && !s.Null {
		switch s.T {
		case value.String, value.Symbol:
			return s.S != "false" && s.S != "0"
		default:
			return s.Bool()
		}
	}
	return true
}

func xjoin(env funcs.Env, args []value.Value) (value.Value, error) {
	x, y := args[0], args[1]
	if xt, ok := x.(*value.Vector); ok && xt.T == value.Any {
		out := append([]value.Value(nil), xt.Any...)
		if yt, ok := y.(*value.Vector); ok && yt.T == value.Any && !appendTupleWhole(env) {
			out = append(out, yt.Any...)
		} else {
			out = append(out, y)
		}
		return value.NewTuple(out), nil
	}
	if yt, ok := y.(*value.Vector); ok && yt.T == value.Any {
		if _, isS := x.(*value.Scalar); isS {
			if appendTupleWhole(env) {
				return value.NewTuple([]value.Value{x, y}), nil
			}
			return value.NewTuple(append([]value.Value{x}, yt.Any...)), nil
		}
	}
	switch xv := x.(type) {
	case *value.Table:
		yt, ok := y.(*value.Table)
		if !ok {
			return nil, ddberr.Errorf("A table can only be joined with a table.")
		}
		if yt.Rows() != xv.Rows() {
			return nil, ddberr.Errorf("The tables to join must have the same number of rows.")
		}
		names := append(append([]string(nil), xv.Names...), yt.Names...)
		cols := append(append([]*value.Vector(nil), xv.Cols...), yt.Cols...)
		return value.NewTable(names, cols), nil
	case *value.Matrix:
		return joinMatrix(xv, y)
	}
	a, _, ok1 := value.VectorOf(x)
	b, _, ok2 := value.VectorOf(y)
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The arguments of join must be scalars, vectors, tuples, matrices or tables.")
	}
	return funcs.JoinVectors(a, b)
}

// joinMatrix appends columns: a vector as one column, a matrix's columns.
func joinMatrix(m *value.Matrix, y value.Value) (value.Value, error) {
	var data *value.Vector
	cols := m.Cols
	switch b := y.(type) {
	case *value.Matrix:
		if b.Rows != m.Rows {
			return nil, ddberr.Errorf("The matrices to join must have the same number of rows.")
		}
		d, err := funcs.JoinVectors(m.V, b.V)
		if err != nil {
			return nil, err
		}
		data, cols = d, m.Cols+b.Cols
	case *value.Vector:
		if b.Len() != m.Rows {
			return nil, ddberr.Errorf("The vector to join must have as many elements as the matrix has rows.")
		}
		d, err := funcs.JoinVectors(m.V, b)
		if err != nil {
			return nil, err
		}
		data, cols = d, m.Cols+1
	default:
		return nil, ddberr.Errorf("A matrix can only be joined with a vector or matrix.")
	}
	return &value.Matrix{V: data, Rows: m.Rows, Cols: cols, RowLabels: m.RowLabels}, nil
}

func joinInPlace(env funcs.Env, args []value.Value) (value.Value, error) {
	switch m := args[0].(type) {
	case *value.Matrix, *value.Table:
		// join's result, stored into X: a matrix or table grows by columns
		res, err := xjoin(env, args)
		if err != nil {
			return nil, err
		}
		if r, ok := res.(*value.Matrix); ok {
			if mm, ok := m.(*value.Matrix); ok {
				*mm = *r
				return mm, nil
			}
		}
		if r, ok := res.(*value.Table); ok {
			if t, ok := m.(*value.Table); ok {
				t.Mu.Lock()
				t.Names, t.Cols = r.Names, r.Cols
				t.Mu.Unlock()
				return t, nil
			}
		}
		return nil, ddberr.Errorf("The first argument of join! must be a vector.")
	}
	x, ok := args[0].(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The first argument of join! must be a vector.")
	}
	if x.T == value.Any {
		if yt, ok := args[1].(*value.Vector); ok && yt.T == value.Any && !appendTupleWhole(env) {
			x.Any = append(x.Any, yt.Any...)
		} else {
			x.Any = append(x.Any, args[1])
		}
		return x, nil
	}
	y, _, ok := value.VectorOf(args[1])
	if !ok {
		return nil, ddberr.Errorf("The second argument of join! must be a scalar or vector.")
	}
	if err := cast.AppendVector(x, y); err != nil {
		return nil, err
	}
	return x, nil
}

func xunion(env funcs.Env, args []value.Value) (value.Value, error) {
	a, ok1 := args[0].(*value.Set)
	b, ok2 := args[1].(*value.Set)
	if ok1 && ok2 {
		if a.V.T != b.V.T {
			return nil, ddberr.Errorf("The sets to union must have the same type.")
		}
		out := value.NewSet(a.V)
		out.AddVector(b.V)
		return out, nil
	}
	av, _, ok1 := value.VectorOf(args[0])
	bv, _, ok2 := value.VectorOf(args[1])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The arguments of union must be sets or vectors.")
	}
	j, err := funcs.JoinVectors(av, bv)
	if err != nil {
		return nil, err
	}
	return value.NewSet(j), nil
}

func unionAll(env funcs.Env, args []value.Value) (value.Value, error) {
	var tables []*value.Table
	byName := false
	if tup, ok := args[0].(*value.Vector); ok && tup.T == value.Any {
		for _, x := range tup.Any {
			t, ok := x.(*value.Table)
			if !ok {
				return nil, ddberr.Errorf("The tables argument of unionAll must be a tuple of tables.")
			}
			tables = append(tables, t)
		}
		if target := funcs.Arg(args, 1); target != nil && target.Form() == value.FormTable {
			return unionAllInto(env, tables, target)
		}
		var err error
		if byName, err = funcs.BoolArg("unionAll", "byColName", funcs.Arg(args, 2), false); err != nil {
			return nil, err
		}
	} else {
		a, ok1 := args[0].(*value.Table)
		b, ok2 := funcs.Arg(args, 1).(*value.Table)
		if !ok1 || !ok2 {
			return nil, ddberr.Errorf("The arguments of unionAll must be tables.")
		}
		tables = []*value.Table{a, b}
		var err error
		if byName, err = funcs.BoolArg("unionAll", "byColName", funcs.Arg(args, 2), false); err != nil {
			return nil, err
		}
	}
	if len(tables) == 0 {
		return nil, errors.New("unionAll needs at least one table.")
	}
	first := tables[0]
	cols := make([]*value.Vector, len(first.Cols))
	for c := range first.Cols {
		parts := make([]*value.Vector, len(tables))
		for k, t := range tables {
			var col *value.Vector
			if byName {
				col = t.Column(first.Names[c])
				if col == nil {
					col = value.NewNullVector(first.Cols[c].T, t.Rows())
				}
			} else {
				if len(t.Cols) != len(first.Cols) {
					// funcs/u/unionAll.md gives this text for tables of different widths.
					return nil, ddberr.Errorf("The number of columns of the table to insert must be the same as that of the original table.")
				}
				col = t.Cols[c]
			}
			parts[k] = col
		}
		j, err := funcs.JoinVectors(parts...)
		if err != nil {
			return nil, err
		}
		cols[c] = j
	}
	return value.NewTable(append([]string(nil), first.Names...), cols), nil
}

// unionAllInto is unionAll(tables, tableB): it appends the tables to
// tableB, which may be a partitioned in-memory table, and returns tableB
// (funcs/u/unionAll.md, usage 3, mr's finalFunc); append! does the writing
// so that partitioned targets route rows as they do for append!.
func unionAllInto(env funcs.Env, tables []*value.Table, target value.Value) (value.Value, error) {
	appendFn, ok := env.Function("append!")
	if !ok {
		return nil, errors.New("unionAll: append! is not available")
	}
	for _, t := range tables {
		if _, err := env.Call(appendFn, target, t); err != nil {
			return nil, err
		}
	}
	return target, nil
}

func concatMatrix(env funcs.Env, args []value.Value) (value.Value, error) {
	tup, ok := args[0].(*value.Vector)
	if !ok || tup.T != value.Any || len(tup.Any) == 0 {
		return nil, ddberr.Errorf("The argument [X] of concatMatrix must be a tuple of matrices.")
	}
	horizontal, err := funcs.BoolArg("concatMatrix", "horizontal", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	ms, ok := value.TupleOf[*value.Matrix](tup)
	if !ok {
		return nil, ddberr.Errorf("The argument [X] of concatMatrix must be a tuple of matrices.")
	}
	if horizontal {
		out := ms[0]
		for _, m := range ms[1:] {
			j, err := joinMatrix(out, m)
			if err != nil {
				return nil, err
			}
			out = j.(*value.Matrix)
		}
		return &value.Matrix{V: out.V, Rows: out.Rows, Cols: out.Cols}, nil
	}
	m, ok, err := funcs.StackMatrices(ms)
	if !ok {
		return nil, ddberr.Errorf("The matrices to concatenate vertically must have the same number of columns.")
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}
