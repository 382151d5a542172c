package convert

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// MakeDict is dict(keys, values) or dict(keyType, valueType); a
// dictionary literal is dict(keys, values) too.
func MakeDict(k, v value.Value) (value.Value, error) {
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
		return nil, ddberr.Errorf("The keys of a dictionary must be a vector.")
	}
	vv, ok := v.(*value.Vector)
	if !ok || vv.Len() != kv.Len() {
		return nil, ddberr.Errorf("The keys and values of a dictionary must have the same length.")
	}
	d := value.NewDict(kv.T, vv.T)
	d.Vals.Scale = vv.Scale
	d.PutAll(kv, vv)
	return d, nil
}

// orderedDict is dict(keyObj, valueObj, [ordered=false]).
func orderedDict(_ funcs.Env, args []value.Value) (value.Value, error) {
	ordered, err := funcs.BoolArg("dict", "ordered", funcs.Arg(args, 2), false)
	if err != nil {
		return nil, err
	}
	d, err := MakeDict(args[0], args[1])
	if err != nil {
		return nil, err
	}
	d.(*value.Dict).Ordered = ordered
	return d, nil
}

// isOrderedDict is isOrderedDict(X) (funcs/i/isOrderedDict.md).
func isOrderedDict(_ funcs.Env, args []value.Value) (value.Value, error) {
	d, ok := args[0].(*value.Dict)
	return value.NewBool(ok && d.Ordered), nil
}

// DictLiteral is the dictionary literal {k1: v1, ...} of evaluated keys
// and values.
func DictLiteral(keys, vals []value.Value) (value.Value, error) {
	kv, err := cast.FromScalars(keys)
	if err != nil {
		return nil, err
	}
	kvec, ok := kv.(*value.Vector)
	if !ok || kvec.T == value.Any {
		return nil, ddberr.Errorf("The keys of a dictionary must be scalars of one type.")
	}
	return MakeDict(kvec, value.NewTuple(vals))
}
