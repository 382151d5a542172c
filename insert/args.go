package insert

import (
	"fmt"
	"github.com/porpoisedb/porpoise/ddberr"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// FromArgs turns the data arguments of tableInsert(table, args...) into a
// table whose columns line up with the target's by position: one table;
// one tuple of scalars (one row) or equal-length vectors; a dictionary
// keyed by column name; or one scalar/vector per column. It does not check
// the column count against the target (callers do, with their own texts).
func FromArgs(names []string, args []value.Value) (*value.Table, error) {
	if len(args) == 1 {
		switch a := args[0].(type) {
		case *value.Table:
			return a, nil
		case *value.Dict:
			return fromDict(names, a)
		case *value.Vector:
			if a.T == value.Any {
				return Columns(names, a.Any)
			}
		}
	}
	return Columns(names, args)
}

// fromDict maps a dictionary's entries onto the target's columns by name;
// absent columns are NULL.
func fromDict(names []string, d *value.Dict) (*value.Table, error) {
	cols := make([]value.Value, len(names))
	for i := 0; i < d.Len(); i++ {
		k := d.Keys.FormatElem(i)
		for j, n := range names {
			if n == k {
				cols[j] = d.Vals.Elem(i)
			}
		}
	}
	for j := range cols {
		if cols[j] == nil {
			cols[j] = value.NullScalar(value.Void)
		}
	}
	return Columns(names, cols)
}

// Columns builds a table from one value per column, broadcasting
// scalars to the longest vector; a tuple is one column (FromArgs takes a
// lone one for a list of columns).
func Columns(names []string, vals []value.Value) (*value.Table, error) {
	n := 1
	anyVector := false
	for _, v := range vals {
		if _, ok := v.(*value.Scalar); !ok {
			if !anyVector || valueLen(v) > n {
				n = valueLen(v)
			}
			anyVector = true
		}
	}
	cols := make([]*value.Vector, len(vals))
	colNames := make([]string, len(vals))
	for i, v := range vals {
		if i < len(names) {
			colNames[i] = names[i]
		} else {
			colNames[i] = fmt.Sprintf("col%d", i)
		}
		c, err := AsColumn(v, n)
		if err != nil {
			return nil, err
		}
		if c.Len() != n {
			return nil, ErrColumnLength
		}
		cols[i] = c
	}
	return value.NewTable(colNames, cols), nil
}

func valueLen(v value.Value) int {
	switch x := v.(type) {
	case *value.Vector:
		return x.Len()
	case *value.Table:
		return x.Rows()
	case *value.Pair:
		return 2
	}
	return 1
}

// AsColumn makes a column of n rows from a value: a scalar is repeated, a
// vector used as is, a tuple of scalars becomes a typed vector.
func AsColumn(v value.Value, n int) (*value.Vector, error) {
	switch x := v.(type) {
	case *value.Scalar:
		out := value.NewVector(x.T, 0, n)
		out.Scale = x.Scale
		for i := 0; i < n; i++ {
			out.AppendScalar(x)
		}
		return out, nil
	case *value.Vector:
		if x.T == value.Any {
			return TupleColumn(x)
		}
		return x, nil
	case *value.Pair:
		return x.V, nil
	}
	return nil, ddberr.Errorf("Can't append a %s to a table column", v.Form())
}

// TupleColumn turns a tuple of scalars into a vector of their common type
// (a tuple of anything else stays a tuple).
func TupleColumn(x *value.Vector) (*value.Vector, error) {
	t := value.Void
	for _, e := range x.Any {
		s, ok := e.(*value.Scalar)
		if !ok {
			return x, nil
		}
		if s.T == value.Void {
			continue
		}
		if t == value.Void {
			t = s.T
		} else if t != s.T {
			t = value.Promote(t, s.T)
		}
	}
	out := value.NewVector(t, 0, len(x.Any))
	for _, e := range x.Any {
		s := e.(*value.Scalar)
		if s.T != t && !s.Null {
			c, err := cast.To(s, t, 0)
			if err != nil {
				return nil, err
			}
			s = c.(*value.Scalar)
		}
		out.AppendScalar(s)
	}
	return out, nil
}
