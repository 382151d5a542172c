package lookup

import (
	"errors"
	"fmt"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// Built-ins over whole containers (sizes, keys and values, repetition,
// hash buckets) moved from the interpreter's older table,
// behaviour unchanged.
func init() {
	funcs.Register(
		funcs.Spec{Name: "take", Params: []string{"X", "n"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "generate", Fn: xtake},
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
		return value.Broadcast(v, n)
	case *value.Vector:
		if v.Len() == 0 {
			return nil, errors.New("Can't take from an empty vector.")
		}
		return v.Cycle(n), nil
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
		if !v.T.IsArray() && v.T != value.Void {
			// A typed pass over the storage (kernel.CountNotNull), not a
			// method call per element.
			return value.NewInt(int32(kernel.CountNotNull(v))), nil
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
