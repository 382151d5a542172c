package engine

import (
	"errors"
	"fmt"

	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

func init() {
	// table() keeps an argument's vector as its column unless a variable
	// (or another column) still reaches it: the interpreter's ownership
	// rules decide, so this constructor stays here.
	reg("table", nil, 1, -1, func(in *interp, args []value.Value, names []string) (value.Value, error) {
		t, err := system.NewTableOf(args, names)
		if err != nil {
			return nil, err
		}
		in.ownColumns(t)
		return t, nil
	})
	reg("tableInsert", p("table", "args"), 2, -1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		n, err := in.tableInsert(args[0], args[1:], false)
		if err != nil {
			return nil, err
		}
		return value.NewInt(int32(n)), nil
	})
	reg("append!", p("obj", "newData"), 2, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		return in.appendBang(args[0], args[1])
	})
	alias("push!", "append!")
	reg("upsert!", p("obj", "newData", "ignoreNull", "keyColNames", "sortColumns"), 2, 5, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		if _, err := in.upsert(args); err != nil {
			return nil, err
		}
		// No value: returning the table would hand a shared
		// table to the wire encoder outside its lock while other sessions
		// upsert into it, and would send the whole table with every batch.
		return nil, nil
	})
	reg("tableUpsert", p("obj", "newData", "ignoreNull", "keyColNames", "sortColumns"), 2, 5, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		res, err := in.upsert(args)
		if err != nil {
			return nil, err
		}
		return value.NewPair(value.NewLong(int64(res.Inserted)), value.NewLong(int64(res.Updated))), nil
	})
	reg("schema", p("table"), 1, 1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		t, err := in.resolveTable(args[0])
		if err != nil {
			return nil, err
		}
		switch x := t.(type) {
		case *value.Table:
			n, ty, sc := valueTableSchema(x)
			return tableSchemaDict(n, ty, sc), nil
		case Table:
			return x.SchemaDict(), nil
		}
		return nil, errors.New("The argument of schema must be a table.")
	})
	reg("columnNames", p("X"), 1, 1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		names, _, _, err := in.schemaOf(args[0])
		if err != nil {
			return nil, err
		}
		return value.NewStrings(value.String, append([]string(nil), names...)), nil
	})
	reg("cols", p("X"), 1, 1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		if _, ok := args[0].(*value.Vector); ok {
			return value.NewInt(1), nil
		}
		names, _, _, err := in.schemaOf(args[0])
		if err != nil {
			return nil, err
		}
		return value.NewInt(int32(len(names))), nil
	})
	reg("objByName", p("name", "sharedVar"), 1, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		return in.resolveTable(args[0])
	})
}

// seqInts is every row position of an n-row table.
func seqInts(n int) []int { return value.Iota(n) }

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

func (in *interp) schemaOf(v value.Value) ([]string, []value.Type, []int32, error) {
	t, err := in.resolveTable(v)
	if err != nil {
		return nil, nil, nil, err
	}
	switch x := t.(type) {
	case *value.Table:
		n, ty, sc := valueTableSchema(x)
		return n, ty, sc, nil
	case Table:
		n, ty, sc := x.Schema()
		return n, ty, sc, nil
	}
	return nil, nil, nil, errors.New("The argument must be a table.")
}

// tableInsert implements tableInsert(table, args...) for every table kind.
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

// appendBang implements append!(obj, newData).
func (in *interp) appendBang(obj, data value.Value) (value.Value, error) {
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
			if v, err = cast.Vector(v, x.V.T, x.V.Scale); err != nil {
				return nil, err
			}
		}
		x.AddVector(v)
		return x, nil
	}
	return nil, fmt.Errorf("append! doesn't support %s.", obj.Form())
}

// upsert implements upsert!/tableUpsert.
func (in *interp) upsert(args []value.Value) (insert.Result, error) {
	t, err := in.resolveTable(args[0])
	if err != nil {
		return insert.Result{}, err
	}
	src, ok := args[1].(*value.Table)
	if !ok {
		return insert.Result{}, errors.New("The second argument of upsert! must be a table.")
	}
	ignoreNull := boolArg(arg(args, 2), false)
	var keyCols []string
	if k := arg(args, 3); k != nil {
		if s, ok := k.(*value.Scalar); !ok || !s.Null {
			if keyCols, ok = stringsArg(k); !ok {
				return insert.Result{}, errors.New("keyColNames must be a string scalar or vector.")
			}
		}
	}
	var sortCols []string
	if k := arg(args, 4); k != nil {
		sortCols, _ = stringsArg(k)
	}
	switch x := t.(type) {
	case *value.Table:
		if x.Shared != "" {
			if err := in.s.checkSharedAccess(x.Shared, true); err != nil {
				return insert.Result{}, err
			}
			x.Mu.Lock()
			defer x.Mu.Unlock()
		}
		return insert.Upsert(x, src, ignoreNull)
	case upserter:
		if err := in.s.checkWrite(); err != nil {
			return insert.Result{}, err
		}
		return x.Upsert(in.s, src, ignoreNull, keyCols, sortCols)
	}
	return insert.Result{}, errors.New("The target of upsert! must be a keyed table, an indexed table or a DFS table.")
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
