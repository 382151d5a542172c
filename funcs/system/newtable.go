package system

import (
	"fmt"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// The table constructors moved from the interpreter's older table (table()
// itself stays with the interpreter, whose ownership rules decide when a
// column must be copied). They take NamedFn so keyedTable(`k, a, b) names
// its columns after the variables.

// Builder is a table constructor: the arguments and the names the call
// gave them ("" where none).
type Builder = func(args []value.Value, names []string) (*value.Table, error)

// BuilderSpec is the spec of a table constructor f taking any number of
// arguments from min on: without argument names every column gets its
// colN name; with them (NamedFn) f names the columns after the
// variables.
func BuilderSpec(name, category string, min int, f Builder) funcs.Spec {
	return funcs.Spec{Name: name, Min: min, Max: -1, Category: category,
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return built(f(args, make([]string, len(args))))
		},
		NamedFn: func(_ funcs.Env, args []value.Value, names []string) (value.Value, error) {
			return built(f(args, names))
		}}
}

// built is a builder's table as a value: nil, not a nil *value.Table, when
// it failed.
func built(t *value.Table, err error) (value.Value, error) {
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Keyed is keyedTable/indexedTable(keyColumns, X, ...): a table built as
// table() does (or a copy of a table given alone) keyed on the columns.
func Keyed(kind value.TableKind) Builder {
	return func(args []value.Value, names []string) (*value.Table, error) {
		keys, ok := funcs.NamesArg(args[0])
		if !ok {
			return nil, ddberr.Errorf("The key column names must be a string scalar or vector.")
		}
		var t *value.Table
		if src, ok := args[1].(*value.Table); ok && len(args) == 2 {
			t = src.Gather(value.Iota(src.Rows()))
		} else {
			var err error
			if t, err = NewTable(args[1:], names[1:]); err != nil {
				return nil, err
			}
		}
		return makeKeyed(t, keys, kind)
	}
}

// NewTable implements table(cap:size, names, types) and table(X, ...)
// with every column a copy, so later changes to the arguments' variables
// don't alias the table's columns. names holds the name each argument
// gives a column ("" for colN).
func NewTable(args []value.Value, names []string) (*value.Table, error) {
	t, err := NewTableOf(args, names)
	if err != nil || schemaForm(args) {
		return t, err
	}
	for i, c := range t.Cols {
		t.Cols[i] = c.Clone()
	}
	return t, nil
}

// schemaForm reports whether args are table(capacity:size, colNames,
// colTypes), which builds fresh empty columns.
func schemaForm(args []value.Value) bool {
	_, ok := args[0].(*value.Pair)
	return ok && len(args) == 3
}

// NewTableOf is NewTable whose columns may still be the argument vectors;
// the caller decides which to copy.
func NewTableOf(args []value.Value, names []string) (*value.Table, error) {
	if schemaForm(args) {
		pair := args[0].(*value.Pair)
		size, _ := pair.V.At(1).Int64()
		capacity, _ := pair.V.At(0).Int64()
		colNames, ok := funcs.NamesArg(args[1])
		if !ok {
			return nil, ddberr.Errorf("The column names must be a string vector.")
		}
		types, scales, err := funcs.TypesArg(args[2])
		if err != nil {
			return nil, err
		}
		if len(types) != len(colNames) {
			return nil, ddberr.Errorf("The number of column names must match the number of column types.")
		}
		cols := make([]*value.Vector, len(types))
		for i, t := range types {
			if t == value.Void || t.Storage() == value.StNone {
				return nil, ddberr.Errorf("Invalid data type for column %s", colNames[i])
			}
			cols[i] = value.NewTableColumn(t, int(size), int(max(capacity, size)))
			cols[i].Scale = scales[i]
		}
		if err := uniqueNames(colNames); err != nil {
			return nil, err
		}
		return value.NewTable(colNames, cols), nil
	}
	vals := make([]value.Value, 0, len(args))
	colNames := make([]string, 0, len(args))
	for i, a := range args {
		if a == nil {
			// an omitted argument, table(1,), is a NULL one
			return nil, ddberr.Errorf("Not allowed to create a void vector. RefId:S05005")
		}
		if t, ok := a.(*value.Table); ok {
			for j, c := range t.Cols {
				vals = append(vals, c)
				colNames = append(colNames, t.Names[j])
			}
			continue
		}
		if m, ok := a.(*value.Matrix); ok {
			// one column per matrix column, named by its label, else
			// C and its position in the table (table.md)
			for j := 0; j < m.Cols; j++ {
				vals = append(vals, m.V.Slice(j*m.Rows, (j+1)*m.Rows).Clone())
				name := fmt.Sprintf("C%d", len(colNames))
				if m.ColLabels != nil {
					name = fmt.Sprint(m.ColLabels.At(j))
				}
				colNames = append(colNames, name)
			}
			continue
		}
		if cols := tupleColumns(a, args); cols != nil {
			// a tuple of vectors of the table's length is one column per
			// element (table.md), named C0, C1, ... as a matrix's when the
			// tuple is the only argument (Table.md's table(a)), else col and
			// its position in the table (table.md's id col1 col2 col3; the
			// older tutorials/partitioned_in_memory_table.md prints C3 C4)
			for _, c := range cols {
				vals = append(vals, c)
				if len(args) == 1 {
					colNames = append(colNames, fmt.Sprintf("C%d", len(colNames)))
				} else {
					colNames = append(colNames, fmt.Sprintf("col%d", len(colNames)))
				}
			}
			continue
		}
		if s, ok := a.(*value.Scalar); ok && s.T == value.Void {
			return nil, ddberr.Errorf("Not allowed to create a void vector. RefId:S05005")
		}
		if err := sameElementTypes(a); err != nil {
			return nil, err
		}
		vals = append(vals, a)
		name := ""
		if i < len(names) {
			name = names[i]
		}
		if name == "" {
			name = fmt.Sprintf("col%d", i)
		}
		colNames = append(colNames, name)
	}
	if err := uniqueNames(colNames); err != nil {
		return nil, err
	}
	var t *value.Table
	var err error
	if len(vals) == 1 && vals[0].Type() == value.Any {
		// one tuple argument left here is one ANY column (table.md)
		t, err = insert.Columns(colNames, vals)
	} else {
		t, err = insert.FromArgs(colNames, vals)
	}
	if err != nil {
		return nil, err
	}
	t.Names = colNames
	for i, c := range t.Cols {
		if c.T == value.Any && !c.Columnar && c.ColumnarRows() {
			// a tuple of rows of unequal length is stored as a columnar
			// tuple (columnarTuple.md); the argument stays a plain tuple
			t.Cols[i] = c.Clone()
			t.Cols[i].Columnar = true
		}
	}
	if value.Invariants {
		value.CheckTable(t)
	}
	return t, nil
}

// uniqueNames fails on a column name given twice (names are
// case-insensitive, as in DolphinDB).
func uniqueNames(names []string) error {
	if n, dup := value.DuplicateName(names); dup {
		return ddberr.Errorf("A table cannot contain columns with duplicate name: %s.RefId: S05017", n)
	}
	return nil
}

// sameElementTypes fails when a, a tuple of scalars becoming one column,
// mixes scalar types (NULLs go with any type); a tuple holding vectors
// stays an ANY column whatever its elements (table.md's metrics example).
func sameElementTypes(a value.Value) error {
	t, ok := a.(*value.Vector)
	if !ok || t.T != value.Any {
		return nil
	}
	first, mixed := value.Void, false
	for _, e := range t.Any {
		x, ok := e.(*value.Scalar)
		if !ok {
			return nil
		}
		if x.Null {
			continue
		}
		if first == value.Void {
			first = x.T
		} else if x.T != first {
			mixed = true
		}
	}
	if mixed {
		return ddberr.Errorf("All elements of a tuple column of a table must have the same type. RefId: S05013")
	}
	return nil
}

// tupleColumns is the elements of a, when a is a tuple of vectors (of
// any types: Table.md's table(a) mixes INT, DOUBLE and DATE) whose length is the table's (the first non-tuple vector argument's,
// or their own when there is none); nil otherwise, and a tuple then makes
// one ANY column.
func tupleColumns(a value.Value, args []value.Value) []*value.Vector {
	t, ok := a.(*value.Vector)
	if !ok || t.T != value.Any || len(t.Any) == 0 || t.Columnar {
		return nil
	}
	cols := make([]*value.Vector, len(t.Any))
	for k, e := range t.Any {
		v, ok := e.(*value.Vector)
		if !ok || v.T == value.Any || v.T.IsArray() {
			return nil
		}
		if k > 0 && v.Len() != cols[0].Len() {
			return nil
		}
		cols[k] = v
	}
	rows := cols[0].Len()
	for _, o := range args {
		if v, ok := o.(*value.Vector); ok && v.T != value.Any {
			rows = v.Len()
			break
		}
	}
	if rows != cols[0].Len() {
		return nil
	}
	return cols
}

// makeKeyed turns t into a keyed or indexed table over keys.
func makeKeyed(t *value.Table, keys []string, kind value.TableKind) (*value.Table, error) {
	t.Kind = kind
	t.KeyCols = t.KeyCols[:0]
	for _, k := range keys {
		j := t.ColumnIndex(k)
		if j < 0 {
			return nil, ddberr.Errorf("The key column %s doesn't exist in the table.", k)
		}
		switch t.Cols[j].T.Category() {
		case value.CatIntegral, value.CatTemporal, value.CatLiteral:
		default:
			return nil, ddberr.Errorf("The data type of key column %s must be INTEGRAL, TEMPORAL or LITERAL.", k)
		}
		t.KeyCols = append(t.KeyCols, j)
	}
	if !t.RebuildKeys() {
		return nil, insert.ErrDuplicatedKeys
	}
	return t, nil
}
