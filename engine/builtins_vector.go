package engine

import (
	"errors"
	"fmt"
	"sort"

	"github.com/porpoisedb/porpoise/value"
)

func init() {
	reg("take", p("X", "n"), 2, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		n, err := intArg(args[1], "take")
		if err != nil {
			return nil, err
		}
		width := int64(1)
		if t, ok := args[0].(*value.Table); ok {
			width = int64(max(len(t.Cols), 1))
		}
		if err := in.reserveElems(n * width); err != nil {
			return nil, err
		}
		return take(args[0], int(n))
	})
	reg("seq", p("start", "end"), 2, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		if err := in.reserveElems(rangeLen(args[0], args[1])); err != nil {
			return nil, err
		}
		return rangeOp(args[0], args[1])
	})
	reg("rand", p("X", "count"), 1, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		return randValue(in, args)
	})
	reg("array", p("dataType", "initialSize", "capacity", "defaultValue"), 1, 4, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		t, scale, err := typeArg(args[0])
		if err != nil {
			return nil, err
		}
		n := int64(0)
		if len(args) > 1 {
			if n, err = intArg(args[1], "array"); err != nil {
				return nil, err
			}
		}
		capacity := n
		if c := arg(args, 2); c != nil {
			if capacity, err = intArg(c, "array"); err != nil {
				return nil, err
			}
		}
		if n < 0 || capacity < 0 {
			return nil, errors.New("The size of array must be non-negative.")
		}
		if err := in.reserveElems(max(n, capacity)); err != nil {
			return nil, err
		}
		out := value.NewVector(t, int(n), int(max(n, capacity)))
		out.Scale = scale
		if d := arg(args, 3); d != nil {
			s, ok := d.(*value.Scalar)
			if !ok {
				return nil, errors.New("The default value must be a scalar.")
			}
			c, err := value.Cast(s, t, scale)
			if err != nil {
				return nil, err
			}
			for i := 0; i < int(n); i++ {
				out.Set(i, c.(*value.Scalar))
			}
		}
		return out, nil
	})
	alias("bigarray", "array")
	for _, name := range []string{"size", "count"} {
		name := name
		reg(name, p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
			if name == "count" {
				return countValue(args[0], true)
			}
			return countValue(args[0], false)
		})
	}
	reg("sort", p("X", "ascending"), 1, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		v, ok := args[0].(*value.Vector)
		if !ok {
			return nil, errors.New("The argument of sort must be a vector.")
		}
		asc := boolArg(arg(args, 1), true)
		idx := make([]int, v.Len())
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool {
			c := value.CompareElems(v, idx[a], idx[b])
			if asc {
				return c < 0
			}
			return c > 0
		})
		return v.Gather(idx), nil
	})
	reg("reverse", p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		v, ok := args[0].(*value.Vector)
		if !ok {
			return nil, errors.New("The argument of reverse must be a vector.")
		}
		idx := make([]int, v.Len())
		for i := range idx {
			idx[i] = len(idx) - 1 - i
		}
		return v.Gather(idx), nil
	})
	reg("concat", p("X", "Y"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return binaryOp("+", args[0], args[1])
	})
	reg("set", p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		o, err := asOperand(args[0])
		if err != nil {
			return nil, err
		}
		return value.NewSet(o.v), nil
	})
	reg("dict", p("keyObj", "valueObj", "ordered"), 2, 3, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return makeDict(args[0], args[1])
	})
	reg("keys", p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		switch d := args[0].(type) {
		case *value.Dict:
			return d.Keys.Clone(), nil
		case *value.Table:
			return value.NewStrings(value.String, append([]string(nil), d.Names...)), nil
		}
		return nil, errors.New("The argument of keys must be a dictionary or table.")
	})
	reg("values", p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
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
	})
	reg("in", p("X", "Y"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return inOp(args[0], args[1])
	})
	reg("hashBucket", p("X", "buckets"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return hashBucketValue(args[0], args[1])
	})
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
	case Table:
		n, err := v.RowCount()
		if err != nil {
			return nil, err
		}
		return value.NewLong(n), nil
	}
	return value.NewInt(1), nil
}

// randValue is rand(X, count): X a scalar bound (integers in [0,X),
// floats in [0,X)) or a vector to sample from.
func randValue(in *interp, args []value.Value) (value.Value, error) {
	r := in.s.rng
	n := -1
	if len(args) > 1 {
		k, err := intArg(args[1], "rand")
		if err != nil {
			return nil, err
		}
		n = int(k)
		if err := in.reserveElems(k); err != nil {
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
			out = randInts(r, x.T, count, x.I)
		default:
			return nil, fmt.Errorf("rand doesn't support %s.", x.T)
		}
	case *value.Vector:
		if x.Len() == 0 {
			return nil, errors.New("Can't sample from an empty vector.")
		}
		out = randSample(r, x, count)
	case *value.Pair:
		return randValue(in, append([]value.Value{x.V}, args[1:]...))
	default:
		return nil, fmt.Errorf("rand doesn't support %s.", args[0].Form())
	}
	if n < 0 {
		return out.Elem(0), nil
	}
	return out, nil
}

// makeDict is dict(keys, values) or dict(keyType, valueType).
func makeDict(k, v value.Value) (value.Value, error) {
	if ks, ok := k.(*value.Scalar); ok && ks.T == value.Int {
		if vs, ok := v.(*value.Scalar); ok && vs.T == value.Int {
			kt, _, err := typeArg(ks)
			if err != nil {
				return nil, err
			}
			vt, _, err := typeArg(vs)
			if err != nil {
				return nil, err
			}
			return value.NewDict(kt, vt), nil
		}
	}
	kv, ok := k.(*value.Vector)
	if !ok {
		return nil, errors.New("The keys of a dictionary must be a vector.")
	}
	vv, ok := v.(*value.Vector)
	if !ok || vv.Len() != kv.Len() {
		return nil, errors.New("The keys and values of a dictionary must have the same length.")
	}
	d := value.NewDict(kv.T, vv.T)
	d.Vals.Scale = vv.Scale
	for i := 0; i < kv.Len(); i++ {
		d.Put(kv, i, vv, i)
	}
	return d, nil
}
