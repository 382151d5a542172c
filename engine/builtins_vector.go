package engine

import (
	"errors"
	"fmt"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

func init() {
	reg("seq", p("start", "end"), 2, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		if err := in.reserveElems(rangeLen(args[0], args[1])); err != nil {
			return nil, err
		}
		return rangeOp(args[0], args[1])
	})
	reg("rand", p("X", "count"), 1, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		return randValue(in, args)
	})
	reg("dict", p("keyObj", "valueObj", "ordered"), 2, 3, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return makeDict(args[0], args[1])
	})
	reg("in", p("X", "Y"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return inOp(args[0], args[1])
	})
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
				c, err := cast.Vector(out, value.Float, 0)
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
			kt, _, err := funcs.TypeArg(ks)
			if err != nil {
				return nil, err
			}
			vt, _, err := funcs.TypeArg(vs)
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
