package system

import (
	"errors"
	"slices"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// The functions that build tables and read or write their rows and
// schemas. A table kept by the engine rather than as one value.Table (a
// DFS table) answers Schema and SchemaDict itself; the writes go through
// table_write.go, whose insert path INSERT INTO shares.

// engineTable is a table the engine keeps rather than as one value.Table.
type engineTable interface {
	Schema() (names []string, types []value.Type, scales []int32)
	SchemaDict() *value.Dict
}

// database is a database handle: schema(db) describes it.
type database interface {
	Path() string
	SchemaDict(owner string) *value.Dict
}

// xtable keeps an argument's vector as its column unless a variable (or
// another column) still reaches it: the interpreter's ownership rules
// decide (Host.OwnColumns).
func xtable(env funcs.Env, args []value.Value, names []string) (value.Value, error) {
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	t, err := NewTableOf(args, names)
	if err != nil {
		return nil, err
	}
	if !schemaForm(args) && slices.ContainsFunc(args, value.IsContainer) {
		// only a container argument can hand the table storage that
		// something else reaches; scalars and the schema form make new
		// columns, and checking costs a walk of every variable
		h.OwnColumns(t)
	}
	return t, nil
}

func xtableInsert(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	for i, a := range args[1:] {
		if a == nil {
			// an empty value, tableInsert(t, 1, ), is a NULL one
			args[i+1] = value.NullScalar(value.Void)
		}
	}
	n, err := InsertRows(h, args[0], args[1:], false)
	if err != nil {
		return nil, err
	}
	return value.NewInt(int32(n)), nil
}

func xappend(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	return appendTo(h, args[0], args[1])
}

// xupsertBang returns no value: returning the table would hand a shared
// table to the wire encoder outside its lock while other sessions upsert
// into it, and would send the whole table with every batch.
func xupsertBang(env funcs.Env, args []value.Value) (value.Value, error) {
	if err := insert.RefuseDurable("upsert!", args[0]); err != nil {
		return nil, err
	}
	if _, _, err := upsert(env, args); err != nil {
		return nil, err
	}
	return nil, nil
}

func xtableUpsert(env funcs.Env, args []value.Value) (value.Value, error) {
	ins, upd, err := upsert(env, args)
	if err != nil {
		return nil, err
	}
	return value.NewPair(value.NewLong(int64(ins)), value.NewLong(int64(upd))), nil
}

// upsert reads upsert!/tableUpsert's arguments.
func upsert(env funcs.Env, args []value.Value) (int, int, error) {
	h, err := host(env)
	if err != nil {
		return 0, 0, err
	}
	t, err := resolveTable(h, args[0])
	if err != nil {
		return 0, 0, err
	}
	src, err := upsertSource(h, t, args[1])
	if err != nil {
		return 0, 0, err
	}
	ignoreNull := funcs.OptBool(funcs.Arg(args, 2), false)
	var keyCols []string
	if k := funcs.Arg(args, 3); k != nil {
		if s, ok := k.(*value.Scalar); !ok || !s.Null {
			if keyCols, ok = funcs.NamesArg(k); !ok {
				return 0, 0, errors.New("keyColNames must be a string scalar or vector.")
			}
		}
	}
	var sortCols []string
	if k := funcs.Arg(args, 4); k != nil {
		sortCols, _ = funcs.NamesArg(k)
	}
	res, err := upsertRows(h, t, src, ignoreNull, keyCols, sortCols)
	return res.Inserted, res.Updated, err
}

// upsertSource is upsert!'s newData as a table: a table, or a tuple of
// columns (vectors of one length, or scalars) taken in the order of t's
// columns (upsert_.md).
func upsertSource(env funcs.Env, t, x value.Value) (*value.Table, error) {
	if src, ok := x.(*value.Table); ok {
		return src, nil
	}
	tup, ok := x.(*value.Vector)
	if !ok || tup.T != value.Any {
		return nil, ddberr.Errorf("The second argument of upsert! must be a table.")
	}
	rows := -1
	for _, e := range tup.Any {
		if v, ok := e.(*value.Vector); ok {
			if rows >= 0 && v.Len() != rows {
				return nil, ddberr.Errorf("All elements of the input tuple must have the same length. RefId:S05007")
			}
			rows = v.Len()
		}
	}
	names, _, _, err := schemaOf(env, t)
	if err != nil {
		return nil, err
	}
	return insert.FromArgs(names, []value.Value{tup})
}

// resolveTable accepts a table value or a table's name (a variable or
// shared table), as tableInsert's first argument does in remote calls.
func resolveTable(env funcs.Env, v value.Value) (value.Value, error) {
	if name, ok := funcs.StringArg(v); ok {
		if x, ok := env.Var(name); ok {
			return x, nil
		}
		return nil, ddberr.Errorf("Can't find the object with name %s", name)
	}
	return v, nil
}

// schemaOf is a table's (or a table name's) columns, types and scales.
func schemaOf(env funcs.Env, v value.Value) ([]string, []value.Type, []int32, error) {
	t, err := resolveTable(env, v)
	if err != nil {
		return nil, nil, nil, err
	}
	switch x := t.(type) {
	case *value.Table:
		n, ty, sc := valueTableSchema(x)
		return n, ty, sc, nil
	case engineTable:
		n, ty, sc := x.Schema()
		return n, ty, sc, nil
	}
	return nil, nil, nil, ddberr.Errorf("The argument must be a table.")
}

func xschema(env funcs.Env, args []value.Value) (value.Value, error) {
	t, err := resolveTable(env, args[0])
	if err != nil {
		return nil, err
	}
	switch x := t.(type) {
	case *value.Table:
		n, ty, sc := valueTableSchema(x)
		d := schemaDict(n, ty, sc)
		if s, ok := x.Stream.(interface{ Schema(*value.Dict) }); ok {
			s.Schema(d) // an IMOLTP table's engine and database
		}
		return d, nil
	case engineTable:
		d := x.SchemaDict()
		if dt, ok := x.(interface{ DFSTable() *dfs.Table }); ok && dt.DFSTable().Database().DFS() {
			t := dt.DFSTable()
			h, err := host(env)
			if err != nil {
				return nil, err
			}
			dfsSchema(d, t, h.Principal().Store.TableOwner(auth.TablePath(t.Database().Path(), t.TableName())))
		}
		return d, nil
	case database:
		h, err := host(env)
		if err != nil {
			return nil, err
		}
		return x.SchemaDict(h.DatabaseOwner(x.Path())), nil
	}
	return nil, ddberr.Errorf("The argument of schema must be a table.")
}

func xcolumnNames(env funcs.Env, args []value.Value) (value.Value, error) {
	// a matrix's column labels, like rowNames' row labels
	// (funcs/c/columnNames.md)
	if m, ok := args[0].(*value.Matrix); ok {
		if m.ColLabels == nil {
			return value.NullScalar(value.Void), nil
		}
		return m.ColLabels, nil
	}
	names, _, _, err := schemaOf(env, args[0])
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, append([]string(nil), names...)), nil
}

func xcols(env funcs.Env, args []value.Value) (value.Value, error) {
	switch x := args[0].(type) {
	case *value.Vector:
		return value.NewInt(1), nil
	case *value.Matrix:
		return value.NewInt(int32(x.Cols)), nil
	}
	names, _, _, err := schemaOf(env, args[0])
	if err != nil {
		return nil, err
	}
	return value.NewInt(int32(len(names))), nil
}

func xobjByName(env funcs.Env, args []value.Value) (value.Value, error) {
	return resolveTable(env, args[0])
}

// dfsSchema adds a DFS table's own entries to its schema(): its owner
// and each column's compression method (funcs/s/schema.md).
func dfsSchema(d *value.Dict, t *dfs.Table, owner string) {
	put := func(k string, v value.Value) {
		d.Put(value.NewStrings(value.String, []string{k}), 0, value.NewTuple([]value.Value{v}), 0)
	}
	names, _, _ := t.Schema()
	methods := value.NewTable([]string{"name", "compressMethods"}, []*value.Vector{
		value.NewStrings(value.String, slices.Clone(names)), value.NewStrings(value.String, t.CompressMethods())})
	put("tableOwner", value.NewString(owner))
	put("compressMethods", methods)
}

// schemaDict builds schema(t) for an in-memory table.
func schemaDict(names []string, types []value.Type, scales []int32) *value.Dict {
	d := value.NewDict(value.String, value.Any)
	put := func(k string, v value.Value) {
		keys := value.NewStrings(value.String, []string{k})
		d.Put(keys, 0, value.NewTuple([]value.Value{v}), 0)
	}
	put("partitionColumnIndex", value.NewInt(-1))
	put("chunkPath", value.NullScalar(value.String))
	put("colDefs", ColDefs(names, types, scales))
	return d
}

// ColDefs is the colDefs table of schema(t): one row per column with
// its name, type name, type id and decimal scale.
func ColDefs(names []string, types []value.Type, scales []int32) *value.Table {
	n := len(names)
	cols := funcs.NewColumns(n, value.String, value.String, value.Int, value.Int, value.String)
	name, typeString, typeInt, extra, comment := cols[0], cols[1], cols[2], cols[3], cols[4]
	for i := range names {
		name.Str = append(name.Str, names[i])
		if types[i].Elem().IsDecimal() {
			extra.I32 = append(extra.I32, scales[i])
		} else {
			extra.I32 = append(extra.I32, value.NullInt32)
		}
		typeString.Str = append(typeString.Str, funcs.TypeString(types[i], scales[i]))
		typeInt.I32 = append(typeInt.I32, int32(types[i]))
		comment.Str = append(comment.Str, "")
	}
	return value.NewTable([]string{"name", "typeString", "typeInt", "extra", "comment"}, cols)
}

// valueTableSchema is an in-memory table's columns, types and scales.
func valueTableSchema(t *value.Table) ([]string, []value.Type, []int32) {
	scales := make([]int32, len(t.Cols))
	for i, c := range t.Cols {
		scales[i] = c.Scale
	}
	return t.Names, t.Types(), scales
}
