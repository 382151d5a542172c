package higherorder

import (
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// rowGroupby groups each row of groupingCol (a matrix or an array vector)
// by value and applies the aggregate func to the same row of funcArgs
// within each group; the keys and results of each row are rows of two
// array vectors, returned as a tuple, a key/value dictionary or a
// key/value table (funcs/ho_funcs/rowgroupby.md).
func rowGroupby(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, err := FnArg("rowGroupby", args[0])
	if err != nil {
		return nil, err
	}
	list := []value.Value{args[1]}
	if t, ok := args[1].(*value.Vector); ok && t.T == value.Any {
		list = t.Any
	}
	g, n, ok := matrixRowsOf(args[2])
	if !ok || n == 0 {
		return nil, ddberr.Errorf("groupingCol of rowGroupby must be a non-empty matrix or array vector.")
	}
	mode := "tuple"
	if m := funcs.Arg(args, 3); !funcs.NullOrAbsent(m) {
		mode, _ = funcs.StringArg(m)
	}
	if mode != "tuple" && mode != "dict" && mode != "table" {
		return nil, ddberr.Errorf("mode of rowGroupby must be 'tuple', 'dict' or 'table'.")
	}
	asc, err := funcs.BoolArg("rowGroupby", "ascending", funcs.Arg(args, 4), true)
	if err != nil {
		return nil, err
	}
	argRows := make([]func(int) *value.Vector, len(list))
	for k, a := range list {
		r, an, ok := matrixRowsOf(a)
		if !ok || an != n {
			return nil, ddberr.Errorf("funcArgs of rowGroupby must be matrices or array vectors shaped as groupingCol.")
		}
		argRows[k] = r
	}
	var keys, vals *value.Vector
	for i := 0; i < n; i++ {
		key := g(i)
		rowArgs := make([]*value.Vector, len(list))
		for k, r := range argRows {
			if rowArgs[k] = r(i); rowArgs[k].Len() != key.Len() {
				return nil, ddberr.Errorf("funcArgs of rowGroupby must be matrices or array vectors shaped as groupingCol.")
			}
		}
		idx := value.Iota(key.Len())
		sort.SliceStable(idx, func(a, b int) bool {
			c := value.CompareElems(key, idx[a], idx[b])
			return c < 0 == asc && c != 0
		})
		var firsts []int
		var res []value.Value
		for lo := 0; lo < len(idx); {
			hi := lo + 1
			for hi < len(idx) && value.CompareElems(key, idx[lo], idx[hi]) == 0 {
				hi++
			}
			call := make([]value.Value, len(rowArgs))
			for k, r := range rowArgs {
				call[k] = r.Gather(idx[lo:hi])
			}
			v, err := env.Call(fn, call...)
			if err != nil {
				return nil, err
			}
			firsts, res = append(firsts, idx[lo]), append(res, v)
			lo = hi
		}
		rv, err := AssembleWithNulls(res, funcs.RuleDolphin)
		if err != nil {
			return nil, err
		}
		vv, ok := rv.(*value.Vector)
		if !ok || vv.T == value.Any || vv.T.IsArray() {
			return nil, ddberr.Errorf("The function of rowGroupby must return a scalar for each group.")
		}
		if keys == nil {
			keys = value.NewVector(key.T+value.ArrayOffset, 0, n)
			vals = value.NewVector(vv.T+value.ArrayOffset, 0, n)
			vals.Scale = vv.Scale
		}
		if vv, err = cast.Vector(vv, vals.T.Elem(), vals.Scale); err != nil {
			return nil, err
		}
		appendArrayRow(keys, key.Gather(firsts))
		appendArrayRow(vals, vv)
	}
	switch mode {
	case "dict":
		return funcs.DictOf(value.NewStrings(value.String, []string{"key", "value"}), value.NewTuple([]value.Value{keys, vals})), nil
	case "table":
		return value.NewTable([]string{"key", "value"}, []*value.Vector{keys, vals}), nil
	}
	return value.NewTuple([]value.Value{keys, vals}), nil
}

// matrixRowsOf reads a matrix or an array vector row by row.
func matrixRowsOf(x value.Value) (func(int) *value.Vector, int, bool) {
	switch t := x.(type) {
	case *value.Matrix:
		return func(i int) *value.Vector {
			idx := make([]int, t.Cols)
			for c := range idx {
				idx[c] = c*t.Rows + i
			}
			return t.V.Gather(idx)
		}, t.Rows, true
	case *value.Vector:
		if t.T.IsArray() {
			return t.Row, t.Len(), true
		}
	}
	return nil, 0, false
}

// appendArrayRow appends the plain vector row (of av's element type) as
// one row of the array vector av.
func appendArrayRow(av, row *value.Vector) {
	r := *row
	r.T = av.T
	r.Offsets = []int64{int64(row.Len())}
	av.AppendVector(&r)
}
