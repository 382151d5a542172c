package engine

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// resolveTable accepts a table value or a table's name (a variable or
// shared table), as tableInsert's first argument does in remote calls.
func (in *interp) resolveTable(v value.Value) (value.Value, error) {
	if name, ok := funcs.StringArg(v); ok {
		if x, ok := in.frame[name]; ok {
			return x, nil
		}
		if x, ok := in.s.vars[name]; ok {
			return x, nil
		}
		if x, ok := in.s.eng.Shared(name); ok {
			return x, nil
		}
		return nil, ddberr.Errorf("Can't find the object with name %s", name)
	}
	return v, nil
}

// schemaOf is the column names and types of a table or a table's name.
func (in *interp) schemaOf(v value.Value) ([]string, []value.Type, error) {
	t, err := in.resolveTable(v)
	if err != nil {
		return nil, nil, err
	}
	switch x := t.(type) {
	case *value.Table:
		// a stream table's time column is filled by the append
		n := insert.DataColumns(x)
		return x.Names[:n], x.Types()[:n], nil
	case Table:
		n, ty, _ := x.Schema()
		return n, ty, nil
	}
	return nil, nil, ddberr.Errorf("The argument must be a table.")
}

// AppendRows implements system.Host.
func (in *interp) AppendRows(t value.Value, src *value.Table, stmt bool) (int, bool, error) {
	x, ok := t.(*ptable)
	if !ok {
		return 0, false, nil
	}
	if err := in.s.checkTableWrite(x.Table, auth.TableInsert); err != nil {
		return 0, true, err
	}
	n, err := x.Append(in.ctx, src, stmt)
	return n, true, err
}

// AddColumns implements system.Host; adding columns is altering the
// table (CheckAlterTable).
func (in *interp) AddColumns(t value.Value, names []string, types []value.Type, scales []int32) (bool, error) {
	x, ok := t.(*ptable)
	if !ok {
		return false, nil
	}
	if err := in.CheckAlterTable(x.Table, false); err != nil {
		return true, err
	}
	return true, x.Table.AddColumns(in.Context(), names, types, scales)
}

// UpsertRows implements system.Host.
func (in *interp) UpsertRows(t value.Value, src *value.Table, ignoreNull bool, keyCols, sortCols []string) (insert.Result, bool, error) {
	x, ok := t.(*ptable)
	if !ok {
		return insert.Result{}, false, nil
	}
	if err := in.s.checkTableWrite(x.Table, auth.TableUpdate); err != nil {
		return insert.Result{}, true, err
	}
	res, err := x.Upsert(in.ctx, src, ignoreNull, keyCols, sortCols)
	return res, true, err
}

// AppendTupleAsAWhole implements system.Host.
func (in *interp) AppendTupleAsAWhole() bool { return in.s.eng.cfg.AppendTupleAsAWhole }

// shareObject registers a table (or other object) for every session.
func (e *Engine) shareObject(v value.Value, name string, readonly bool, owner string) error {
	if _, ok := e.Shared(name); ok {
		return ddberr.Errorf("The shared variable %s already exists.", name)
	}
	if t, ok := v.(*value.Table); ok {
		t.Shared = name
		t.ReadOnly = readonly
	}
	e.shared.Put(name, v, owner)
	return nil
}
