package lookup

import (
	"errors"
	"fmt"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
)

// Built-ins over whole containers (sizes, keys and values, repetition,
// sampling, hash buckets) moved from the interpreter's older table,
// behaviour unchanged.
func init() {
	funcs.Register(
		funcs.Spec{Name: "take", Params: []string{"X", "n"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "generate", Fn: xtake},
		funcs.Spec{Name: "rand", Params: []string{"X", "count"}, Min: 1, Max: 2, Category: "distributions", Fn: xrand},
		funcs.Spec{Name: "size", Params: []string{"X"}, Min: 1, Max: 1, Category: "data-processing", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return countValue(args[0], false)
		}},
		funcs.Spec{Name: "count", Params: []string{"X"}, Min: 1, Max: 1, Category: "statistics", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return countValue(args[0], true)
		}},
		funcs.Spec{Name: "rows", Params: []string{"X"}, Min: 1, Max: 1, Category: "data-processing", Fn: xrows},
		funcs.Spec{Name: "reverse", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: xreverse},
		funcs.Spec{Name: "keys", Params: []string{"X"}, Min: 1, Max: 1, Category: "data-processing", Fn: xkeys},
		funcs.Spec{Name: "values", Params: []string{"X"}, Min: 1, Max: 1, Category: "data-processing", Fn: xvalues},
		funcs.Spec{Name: "hashBucket", Params: []string{"X", "buckets"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.ElementWise, Category: "data-processing", Fn: xhashBucket},
	)
}

// rowCounter is a table the interpreter does not hold in memory (a DFS
// table): it counts its rows on demand.
type rowCounter interface {
	RowCount() (int64, error)
}

// xtake is take(X, n): X (scalar, vector, pair or table) repeated to n
// elements or rows.
func xtake(env funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.IntScalar("take", args[1])
	if err != nil {
		return nil, err
	}
	width := int64(1)
	if t, ok := args[0].(*value.Table); ok {
		width = int64(max(len(t.Cols), 1))
	}
	if err := env.Reserve(int(n * width)); err != nil {
		return nil, err
	}
	return take(args[0], int(n))
}

// take repeats X (scalar or vector) to n elements.
func take(x value.Value, n int) (value.Value, error) {
	if n < 0 {
		return nil, errors.New("The count of take must be non-negative.")
	}
	switch v := x.(type) {
	case *value.Scalar:
		return funcs.Broadcast(v, n)
	case *value.Vector:
		if v.Len() == 0 {
			return nil, errors.New("Can't take from an empty vector.")
		}
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i % v.Len()
		}
		return v.Gather(idx), nil
	case *value.Pair:
		return take(v.V, n)
	case *value.Table:
		if v.Rows() == 0 {
			return nil, errors.New("Can't take from an empty table.")
		}
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i % v.Rows()
		}
		return v.Gather(idx), nil
	}
	return nil, fmt.Errorf("take doesn't support %s.", x.Form())
}

// countValue is size(X) (nulls included) or count(X) (non-null elements).
func countValue(x value.Value, skipNull bool) (value.Value, error) {
	switch v := x.(type) {
	case *value.Scalar:
		if skipNull && v.Null {
			return value.NewInt(0), nil
		}
		return value.NewInt(1), nil
	case *value.Vector:
		if !skipNull {
			return value.NewInt(int32(v.Len())), nil
		}
		n := 0
		for i := 0; i < v.Len(); i++ {
			if !v.IsNull(i) {
				n++
			}
		}
		return value.NewInt(int32(n)), nil
	case *value.Pair:
		return value.NewInt(2), nil
	case *value.Table:
		return value.NewInt(int32(v.Rows())), nil
	case *value.Dict:
		return value.NewInt(int32(v.Len())), nil
	case *value.Set:
		return value.NewInt(int32(v.V.Len())), nil
	case rowCounter:
		n, err := v.RowCount()
		if err != nil {
			return nil, err
		}
		return value.NewLong(n), nil
	}
	return value.NewInt(1), nil
}

func xrows(_ funcs.Env, args []value.Value) (value.Value, error) {
	switch t := args[0].(type) {
	case *value.Table:
		return value.NewInt(int32(t.Rows())), nil
	case rowCounter:
		n, err := t.RowCount()
		if err != nil {
			return nil, err
		}
		return value.NewInt(int32(n)), nil
	case *value.Vector:
		return value.NewInt(int32(t.Len())), nil
	}
	return value.NewInt(1), nil
}

func xreverse(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok {
		return nil, errors.New("The argument of reverse must be a vector.")
	}
	idx := make([]int, v.Len())
	for i := range idx {
		idx[i] = len(idx) - 1 - i
	}
	return v.Gather(idx), nil
}

func xkeys(_ funcs.Env, args []value.Value) (value.Value, error) {
	switch d := args[0].(type) {
	case *value.Dict:
		return d.Keys.Clone(), nil
	case *value.Table:
		return value.NewStrings(value.String, append([]string(nil), d.Names...)), nil
	}
	return nil, errors.New("The argument of keys must be a dictionary or table.")
}

func xvalues(_ funcs.Env, args []value.Value) (value.Value, error) {
	switch d := args[0].(type) {
	case *value.Dict:
		return d.Vals.Clone(), nil
	case *value.Table:
		vals := make([]value.Value, len(d.Cols))
		for i, c := range d.Cols {
			vals[i] = c
		}
		return value.NewTuple(vals), nil
	}
	return nil, errors.New("The argument of values must be a dictionary or table.")
}

// xhashBucket is hashBucket(X, buckets) with the partition scheme's hash,
// so a value lands in the bucket a HASH partition would put it in.
func xhashBucket(_ funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.IntScalar("hashBucket", args[1])
	if err != nil {
		return nil, err
	}
	if n <= 0 {
		return nil, errors.New("The number of buckets must be positive.")
	}
	switch v := args[0].(type) {
	case *value.Scalar:
		if !partition.Hashable(v.T) {
			return nil, fmt.Errorf("hashBucket doesn't support data type %s.", v.T)
		}
		return value.NewInt(partition.HashBucketScalar(v, int(n))), nil
	case *value.Vector:
		if !partition.Hashable(v.T) {
			return nil, fmt.Errorf("hashBucket doesn't support data type %s.", v.T)
		}
		return value.NewInts(partition.HashBucket(v, int(n))), nil
	}
	return nil, errors.New("The first argument of hashBucket must be a scalar or vector.")
}

// xrand is rand(X, [count]): X a scalar bound (integers in [0,X), floats
// in [0,X)) or a vector to sample from, drawn from the session's source.
func xrand(env funcs.Env, args []value.Value) (value.Value, error) {
	r := env.Rand()
	n := -1
	if len(args) > 1 {
		k, err := funcs.IntScalar("rand", args[1])
		if err != nil {
			return nil, err
		}
		n = int(k)
		if err := env.Reserve(int(k)); err != nil {
			return nil, err
		}
	}
	count := max(n, 1)
	var out *value.Vector
	switch x := args[0].(type) {
	case *value.Scalar:
		switch x.T.Category() {
		case value.CatFloating:
			out = value.NewVector(value.Double, count, count)
			for i := range out.F64 {
				out.F64[i] = r.Float64() * x.F
			}
			if x.T == value.Float {
				c, err := value.CastVector(out, value.Float, 0)
				if err != nil {
					return nil, err
				}
				out = c
			}
		case value.CatIntegral, value.CatTemporal:
			if x.I <= 0 {
				return nil, errors.New("The upper bound of rand must be positive.")
			}
			xs := make([]int64, count)
			for i := range xs {
				xs[i] = r.Int64N(x.I)
			}
			out = fromInt64s(x.T, xs)
		default:
			return nil, fmt.Errorf("rand doesn't support %s.", x.T)
		}
	case *value.Vector:
		if x.Len() == 0 {
			return nil, errors.New("Can't sample from an empty vector.")
		}
		idx := make([]int, count)
		for i := range idx {
			idx[i] = r.IntN(x.Len())
		}
		out = x.Gather(idx)
	case *value.Pair:
		return xrand(env, append([]value.Value{x.V}, args[1:]...))
	default:
		return nil, fmt.Errorf("rand doesn't support %s.", args[0].Form())
	}
	if n < 0 {
		return out.Elem(0), nil
	}
	return out, nil
}

// fromInt64s builds a vector of an integer-backed type from int64s,
// keeping the low bits in narrower storage (NULL stays NULL).
func fromInt64s(t value.Type, xs []int64) *value.Vector {
	if t.Storage() == value.StInt64 {
		return &value.Vector{T: t, I64: xs}
	}
	out := value.NewVector(t, len(xs), len(xs))
	switch t.Storage() {
	case value.StInt8:
		narrow(out.I8, xs, value.NullInt8)
	case value.StInt16:
		narrow(out.I16, xs, value.NullInt16)
	case value.StInt32:
		narrow(out.I32, xs, value.NullInt32)
	}
	return out
}

func narrow[T int8 | int16 | int32](dst []T, src []int64, null T) {
	for i, x := range src {
		if x == value.NullInt64 {
			dst[i] = null
		} else {
			dst[i] = T(x)
		}
	}
}
