package mvcc

import (
	"path/filepath"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "mvccTable", Params: []string{"X", "X1", "X2", "path", "tableName", "defaultValues", "allowNull"}, Min: 1, Max: -1, Props: funcs.Session, Category: "db-table",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return xmvccTable(env, args, make([]string, len(args)))
			},
			NamedFn: xmvccTable},
		funcs.Spec{Name: "loadMvccTable", Params: []string{"path", "tableName"}, Min: 2, Max: 2, Props: funcs.Session, Category: "db-table", Fn: xloadMvccTable},
	)
}

// xmvccTable builds an MVCC table: mvccTable(X, [X1], ...) as table()
// does, or mvccTable(capacity:size, colNames, colTypes, [path],
// [tableName], [defaultValues], [allowNull]), persisted when path and
// tableName are given. Porpoise's in-memory tables are read and written
// under the session's locks already, so the table has an MVCC table's
// observable behaviour; its store (insert.Durable) writes its changes.
func xmvccTable(env funcs.Env, args []value.Value, names []string) (value.Value, error) {
	if _, ok := args[0].(*value.Pair); !ok || len(args) <= 3 {
		t, err := system.NewTable(args, names)
		if err != nil {
			return nil, err
		}
		t.Stream = &store{}
		return t, nil
	}
	t, err := system.NewTable(args[:3], names[:3])
	if err != nil {
		return nil, err
	}
	if err := fillDefaults(t, given(args, 5)); err != nil {
		return nil, err
	}
	s := &store{}
	if allow := given(args, 6); allow != nil {
		if s.notNull, err = notNullColumns(t, allow); err != nil {
			return nil, err
		}
		// mvccTable.md: only an empty table may be created with NULLs
		// (the default of a literal column) where allowNull is false
		if err := s.checkNotNull(t, 0); err != nil {
			return nil, err
		}
	}
	dir, name := given(args, 3), given(args, 4)
	if dir != nil || name != nil {
		if s.file, err = tableFile(env, "mvccTable", dir, name); err != nil {
			return nil, err
		}
		if err := s.writeSnapshot(t); err != nil {
			return nil, err
		}
	}
	t.Stream = s
	return t, nil
}

// xloadMvccTable reads a persisted MVCC table into a new table, whose
// changes are written to the same file.
func xloadMvccTable(env funcs.Env, args []value.Value) (value.Value, error) {
	file, err := tableFile(env, "loadMvccTable", args[0], args[1])
	if err != nil {
		return nil, err
	}
	t, s, err := load(file)
	if err != nil {
		return nil, err
	}
	t.Stream = s
	return t, nil
}

// given is args[i], nil when it is absent or left empty.
func given(args []value.Value, i int) value.Value {
	x := funcs.Arg(args, i)
	if s, ok := x.(*value.Scalar); ok && s.T == value.Void && s.Null {
		return nil
	}
	return x
}

// tableFile is the file of the table tableName under the directory path.
func tableFile(env funcs.Env, fn string, path, tableName value.Value) (string, error) {
	dir, ok := funcs.StringArg(path)
	if !ok || dir == "" {
		return "", ddberr.Errorf("The argument [path] of %s must be a non-empty string.", fn)
	}
	name, ok := funcs.StringArg(tableName)
	if !ok || name == "" || filepath.Base(name) != name {
		return "", ddberr.Errorf("The argument [tableName] of %s must be a table name.", fn)
	}
	dir, err := filesys.Resolve(env, dir)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, name+".tbl"), nil
}

// fillDefaults sets every row of t (the size rows it was created with)
// to defaultValues, a tuple with one value per column.
func fillDefaults(t *value.Table, defaults value.Value) error {
	if defaults == nil {
		return nil
	}
	tup, ok := defaults.(*value.Vector)
	if !ok || tup.T != value.Any || len(tup.Any) != len(t.Cols) {
		return ddberr.Errorf("The argument [defaultValues] of mvccTable must be a tuple with one value per column.")
	}
	for i, d := range tup.Any {
		v, err := value.Broadcast(d, t.Rows())
		if err != nil {
			return ddberr.Errorf("The argument [defaultValues] of mvccTable must be a tuple with one value per column.")
		}
		c := t.Cols[i]
		conv, err := insert.ConvertColumn(v, c.T, c.Scale, t.Names[i], insert.MemoryRules)
		if err != nil {
			return err
		}
		t.Cols[i] = conv.Clone()
	}
	return nil
}

// notNullColumns names the columns of t whose allowNull flag is false.
func notNullColumns(t *value.Table, allow value.Value) ([]string, error) {
	v, ok := allow.(*value.Vector)
	if !ok || v.T != value.Bool || v.Len() != len(t.Cols) {
		return nil, ddberr.Errorf("The argument [allowNull] of mvccTable must be a BOOL vector with one value per column.")
	}
	var out []string
	for i, a := range v.I8 {
		if a == 0 {
			out = append(out, t.Names[i])
		}
	}
	return out, nil
}
