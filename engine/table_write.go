package engine

import (
	"errors"
	"fmt"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// resolveTable accepts a table value or a table's name (a variable or
// shared table), as tableInsert's first argument does in remote calls.
func (in *interp) resolveTable(v value.Value) (value.Value, error) {
	if name, ok := stringArg(v); ok {
		if x, ok := in.frame[name]; ok {
			return x, nil
		}
		if x, ok := in.s.vars[name]; ok {
			return x, nil
		}
		if x, ok := in.s.eng.Shared(name); ok {
			return x, nil
		}
		return nil, fmt.Errorf("Can't find the object with name %s", name)
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
		return x.Names, x.Types(), nil
	case Table:
		n, ty, _ := x.Schema()
		return n, ty, nil
	}
	return nil, nil, errors.New("The argument must be a table.")
}

// InsertRows implements system.Host.
func (in *interp) InsertRows(target value.Value, args []value.Value) (int, error) {
	return in.tableInsert(target, args, false)
}

// tableInsert implements tableInsert(table, args...) for every table kind;
// stmt is set for INSERT INTO.
func (in *interp) tableInsert(target value.Value, args []value.Value, stmt bool) (int, error) {
	t, err := in.resolveTable(target)
	if err != nil {
		return 0, err
	}
	switch x := t.(type) {
	case *value.Table:
		src, err := insert.FromArgs(x.Names, args)
		if err != nil {
			return 0, err
		}
		if x.Shared != "" {
			if err := in.s.checkSharedAccess(x.Shared, true); err != nil {
				return 0, err
			}
			x.Mu.Lock()
			defer x.Mu.Unlock()
		}
		return insert.Append(x, src)
	case Table:
		var src *value.Table
		if len(args) == 1 {
			src, _ = args[0].(*value.Table)
		}
		if src == nil {
			names, _, _ := x.Schema()
			if src, err = insert.FromArgs(names, args); err != nil {
				return 0, err
			}
		}
		if err := in.s.checkWrite(); err != nil {
			return 0, err
		}
		return x.Append(in.s, src, stmt)
	}
	return 0, errors.New("The first argument of tableInsert must be a table or a table name.")
}

// AppendTo implements system.Host: append!(obj, newData).
func (in *interp) AppendTo(obj, data value.Value) (value.Value, error) {
	switch x := obj.(type) {
	case *value.Vector:
		if x.T == value.Any && in.s.eng.cfg.AppendTupleAsAWhole {
			if _, isTuple := data.(*value.Vector); isTuple && data.Type() == value.Any {
				x.Any = append(x.Any, data)
				return x, nil
			}
		}
		var err error
		switch d, isVec := data.(*value.Vector); {
		case x.T.IsArray():
			err = appendToArrayVector(x, data)
		case x.T == value.Any && isVec && d.T != value.Any:
			err = appendWhole(x, data)
		default:
			err = insert.AppendVector(x, data)
		}
		if err != nil {
			return nil, err
		}
		return x, nil
	case *value.Table, Table:
		src, ok := data.(*value.Table)
		if !ok {
			return nil, errors.New("The data to append must be a table.")
		}
		if _, err := in.tableInsert(x, []value.Value{src}, false); err != nil {
			return nil, err
		}
		return x, nil
	case *value.Set:
		o, err := asOperand(data)
		if err != nil {
			return nil, err
		}
		v := o.v
		if v.T != x.V.T {
			if v, err = value.CastVector(v, x.V.T, x.V.Scale); err != nil {
				return nil, err
			}
		}
		x.AddVector(v)
		return x, nil
	}
	return nil, fmt.Errorf("append! doesn't support %s.", obj.Form())
}

// Upsert implements system.Host: target is a table value (tableUpsert
// and upsert! resolve a name first).
func (in *interp) Upsert(target value.Value, src *value.Table, ignoreNull bool, keyCols, sortCols []string) (int, int, error) {
	var (
		res insert.Result
		err error
	)
	switch x := target.(type) {
	case *value.Table:
		if x.Shared != "" {
			if err := in.s.checkSharedAccess(x.Shared, true); err != nil {
				return 0, 0, err
			}
			x.Mu.Lock()
			defer x.Mu.Unlock()
		}
		res, err = insert.Upsert(x, src, ignoreNull)
	case upserter:
		if err := in.s.checkWrite(); err != nil {
			return 0, 0, err
		}
		res, err = x.Upsert(in.s, src, ignoreNull, keyCols, sortCols)
	default:
		return 0, 0, errors.New("The target of upsert! must be a keyed table, an indexed table or a DFS table.")
	}
	return res.Inserted, res.Updated, err
}

// upserter is a Table that supports upsert! (DFS tables).
type upserter interface {
	Upsert(s *Session, src *value.Table, ignoreNull bool, keyCols, sortCols []string) (insert.Result, error)
}

// shareObject registers a table (or other object) for every session.
func (e *Engine) shareObject(v value.Value, name string, readonly bool, owner string) error {
	if _, ok := e.Shared(name); ok {
		return fmt.Errorf("The shared variable %s already exists.", name)
	}
	if t, ok := v.(*value.Table); ok {
		t.Shared = name
		t.ReadOnly = readonly
	}
	e.share(name, v, owner)
	return nil
}
