package convert

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/tensor"
)

// Type inspection and typed-container construction, moved from the
// interpreter's older table: type, form, typestr, array/bigarray, set and
// arrayVector.

// orNothing gives the result of a user function whose body produced no
// value (nil) as Nothing, the VOID scalar it stands for, so type
// questions about it answer VOID instead of failing.
func orNothing(v value.Value) value.Value {
	if v == nil {
		return value.NewNothing()
	}
	return v
}

// typeString is typestr(x): the type name for scalars, "FAST INT VECTOR"
// style for vectors, "IN-MEMORY TABLE" for tables.
func typeString(v value.Value) string {
	switch x := v.(type) {
	case *value.Scalar:
		return x.T.String()
	case *value.Vector:
		if x.T == value.Any {
			return "ANY VECTOR"
		}
		if x.T == value.Compress {
			// compress()'s result (funcs/c/compress.md)
			return "HUGE COMPRESSED VECTOR"
		}
		if x.T == value.String || x.T == value.Blob || x.T == value.Void {
			// vector.md: `IBM`C`MS is a "STRING VECTOR" (not FAST);
			// progr/sql/Select.md: select NULL's column is a "VOID VECTOR".
			return x.T.String() + " VECTOR"
		}
		return "FAST " + x.T.String() + " VECTOR"
	case *value.Pair:
		return x.V.T.String() + " PAIR"
	case *value.Matrix:
		return "FAST " + x.V.T.String() + " MATRIX"
	case *value.Table:
		return "IN-MEMORY TABLE"
	case *value.Dict:
		return x.Keys.T.String() + "->" + x.Vals.T.String() + " DICTIONARY"
	case *value.Set:
		return x.V.T.String() + " SET"
	case *tensor.Tensor:
		// a tensor is not a FAST vector: its own class, "INT TENSOR"
		return x.Data.T.String() + " TENSOR"
	case interface{ FuncName() string }:
		return "FUNCTION"
	case interface{ DFSTable() *dfs.Table }:
		if !x.DFSTable().Database().DFS() {
			// a partitioned table of database("")
			// (tutorials/partitioned_in_memory_table.md, funcs/p/ploadText.md)
			return "SEGMENTED IN-MEMORY TABLE"
		}
		return "SEGMENTED TABLE"
	case interface{ RowCount() (int64, error) }:
		// the interpreter's DFS and other non-materialized tables
		return "SEGMENTED TABLE"
	}
	return v.Type().String()
}

// xarray is array(dataType, [initialSize], [capacity], [defaultValue]).
func xarray(env funcs.Env, args []value.Value) (value.Value, error) {
	t, scale, err := funcs.TypeArg(args[0])
	if err != nil {
		return nil, err
	}
	n := int64(0)
	if len(args) > 1 {
		if n, err = funcs.IntScalar("array", args[1]); err != nil {
			return nil, err
		}
	}
	capacity := n
	if c := funcs.Arg(args, 2); c != nil {
		if capacity, err = funcs.IntScalar("array", c); err != nil {
			return nil, err
		}
	}
	if n < 0 || capacity < 0 {
		return nil, ddberr.Errorf("The size of array must be non-negative.")
	}
	if err := env.Reserve(int(max(n, capacity))); err != nil {
		return nil, err
	}
	out := value.NewVector(t, int(n), int(max(n, capacity)))
	out.Scale = scale
	if d := funcs.Arg(args, 3); d != nil {
		s, ok := d.(*value.Scalar)
		if !ok {
			return nil, ddberr.Errorf("The default value must be a scalar.")
		}
		c, err := cast.To(s, t, scale)
		if err != nil {
			return nil, err
		}
		for i := 0; i < int(n); i++ {
			out.Set(i, c.(*value.Scalar))
		}
	}
	return out, nil
}

// xarrayVector is arrayVector(index, value): value split into rows ending
// at each index.
func xarrayVector(_ funcs.Env, args []value.Value) (value.Value, error) {
	idx, ok := args[0].(*value.Vector)
	vals, ok2 := args[1].(*value.Vector)
	if !ok || !ok2 || idx.T.Category() != value.CatIntegral {
		return nil, ddberr.Errorf("Usage: arrayVector(index, value). index must be an integral vector and value a vector.")
	}
	if vals.T.IsArray() || vals.T == value.Any || vals.T == value.Void {
		return nil, ddberr.Errorf("Usage: arrayVector(index, value). value must be a vector of a scalar type.")
	}
	offsets := make([]int64, idx.Len())
	prev := int64(0)
	for i := range offsets {
		x, ok := idx.At(i).Int64()
		if !ok || x <= prev && i > 0 || x < 0 {
			return nil, ddberr.Errorf("Usage: arrayVector(index, value). index must be strictly increasing positive integers.")
		}
		offsets[i], prev = x, x
	}
	if len(offsets) > 0 && prev != int64(vals.Len()) {
		return nil, ddberr.Errorf("Usage: arrayVector(index, value). The last element of index must equal the size of value.")
	}
	out := vals.Clone()
	out.T = vals.T + value.ArrayOffset
	out.Offsets = offsets
	return out, nil
}

func setFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, _, err := funcs.Operand(args[0])
	if err != nil {
		return nil, err
	}
	return value.NewSet(v), nil
}

// xtoArray is toArray(X): X's elements as the one row of an array vector
// of X's type; array vectors hold no STRING or SYMBOL
// (error_codes/S02024.md).
func xtoArray(_ funcs.Env, args []value.Value) (value.Value, error) {
	x, _, err := funcs.Operand(args[0])
	if err != nil {
		return nil, err
	}
	if x.T.Storage() == value.StString {
		return nil, ddberr.Errorf("Array vector does not support SYMBOL or STRING type. RefId:S02024")
	}
	if x.T.IsArray() {
		// an array vector's cells make the one row
		// (error_codes/S02023.md: toArray(fun(arr)) in a group by)
		x = x.Cells()
	}
	if x.T == value.Any || x.T == value.Void {
		return nil, ddberr.Errorf("The argument of toArray must be a vector of a type array vectors hold.")
	}
	out := x.Clone()
	out.T += value.ArrayOffset
	out.Offsets = []int64{int64(x.Len())}
	return out, nil
}
