package engine

import (
	"errors"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	reg("seq", p("start", "end"), 2, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		if err := in.reserveElems(rangeLen(args[0], args[1])); err != nil {
			return nil, err
		}
		return rangeOp(args[0], args[1])
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
	reg("in", p("X", "Y"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return inOp(args[0], args[1])
	})
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
