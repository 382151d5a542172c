package engine

import (
	"sort"

	"github.com/porpoisedb/porpoise/value"
)

// objs lists what a session can see; the web console's object tree is
// built from it.
func init() {
	reg("objs", p("shared"), 0, 1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		return in.s.objs(boolArg(arg(args, 0), false)), nil
	})
}

// objs is objs(shared): one row per session variable (and, with shared,
// per shared object): name, type, form, rows, columns, bytes, shared,
// extra, and owner when shared is true.
func (s *Session) objs(withShared bool) *value.Table {
	var names, types, forms, extras, owners []string
	var rows, cols, bytes []int64
	var shared []int8
	add := func(name string, v value.Value, isShared bool) {
		r, c, b := objShape(v)
		typ := v.Type().String()
		extra := ""
		if v.Form() == value.FormTable {
			typ = "BASIC"
			if t, ok := v.(Table); ok {
				if _, plain := v.(*value.Table); !plain {
					typ = "ALIAS"
					extra = t.TableName()
				}
			}
		}
		owner := ""
		if isShared {
			owner = "admin"
		}
		names, types, forms = append(names, name), append(types, typ), append(forms, v.Form().String())
		rows, cols, bytes = append(rows, r), append(cols, c), append(bytes, b)
		shared, extras, owners = append(shared, sharedFlag(isShared)), append(extras, extra), append(owners, owner)
	}
	// The caller runs in this session, which holds s.mu already.
	local := make([]string, 0, len(s.vars))
	for n := range s.vars {
		local = append(local, n)
	}
	sort.Strings(local)
	for _, n := range local {
		if v := s.vars[n]; v != nil {
			add(n, v, false)
		}
	}
	if withShared {
		e := s.eng
		e.mu.RLock()
		sharedNames := make([]string, 0, len(e.shared))
		for n := range e.shared {
			sharedNames = append(sharedNames, n)
		}
		sort.Strings(sharedNames)
		vals := make([]value.Value, len(sharedNames))
		for i, n := range sharedNames {
			vals[i] = e.shared[n].v
		}
		e.mu.RUnlock()
		for i, n := range sharedNames {
			add(n, vals[i], true)
		}
	}
	colNames := []string{"name", "type", "form", "rows", "columns", "bytes", "shared", "extra"}
	colVals := []*value.Vector{
		value.NewStrings(value.String, names), value.NewStrings(value.String, types), value.NewStrings(value.String, forms),
		value.NewLongs(rows), value.NewLongs(cols), value.NewLongs(bytes),
		{T: value.Bool, I8: shared}, value.NewStrings(value.String, extras),
	}
	if withShared {
		colNames = append(colNames, "owner")
		colVals = append(colVals, value.NewStrings(value.String, owners))
	}
	return value.NewTable(colNames, colVals)
}

// sharedFlag is a BOOL vector element.
func sharedFlag(b bool) int8 {
	if b {
		return 1
	}
	return 0
}

// objShape is the rows, columns and approximate bytes of an object as
// objs reports them.
func objShape(v value.Value) (rows, cols, bytes int64) {
	switch x := v.(type) {
	case *value.Table:
		for _, c := range x.Cols {
			bytes += vectorBytes(c)
		}
		return int64(x.Rows()), int64(len(x.Cols)), bytes
	case Table:
		names, _, _ := x.Schema()
		n, err := x.RowCount()
		if err != nil {
			n = 0
		}
		return n, int64(len(names)), 0
	case *value.Vector:
		return int64(x.Len()), 1, vectorBytes(x)
	}
	return 1, 1, 16
}

// vectorBytes estimates a vector's payload: element width times length,
// or the characters of its strings.
func vectorBytes(v *value.Vector) int64 {
	switch {
	case v.Str != nil:
		var n int64
		for _, s := range v.Str {
			n += int64(len(s)) + 1
		}
		return n
	case v.I8 != nil:
		return int64(len(v.I8))
	case v.I16 != nil:
		return 2 * int64(len(v.I16))
	case v.I32 != nil:
		return 4 * int64(len(v.I32))
	case v.I64 != nil:
		return 8 * int64(len(v.I64))
	case v.F32 != nil:
		return 4 * int64(len(v.F32))
	case v.F64 != nil:
		return 8 * int64(len(v.F64))
	case v.B16 != nil:
		return 16 * int64(len(v.B16))
	}
	return 8 * int64(v.Len())
}
