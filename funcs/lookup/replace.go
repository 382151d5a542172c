package lookup

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// replaceFn replaces every element equal to oldValue by newValue in a
// vector or matrix (in place for replace!, inPlace), named name in its
// errors.
func replaceFn(name string, inPlace bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		v, ok := funcs.VectorOrMatrixData(args[0])
		if !ok {
			return nil, ddberr.Errorf("The argument [X] of %s must be a vector or matrix.", name)
		}
		if v.T == value.Any || v.T.IsArray() {
			return nil, ddberr.Errorf("The argument [X] of %s must be a vector or matrix of scalars.", name)
		}
		oldS, ok1 := funcs.ScalarArg(args[1])
		newS, ok2 := funcs.ScalarArg(args[2])
		if !ok1 || !ok2 {
			return nil, ddberr.Errorf("The arguments oldValue and newValue of %s must be scalars.", name)
		}
		oc, err := cast.To(oldS, v.T, v.Scale)
		if err != nil {
			return nil, err
		}
		nc, err := cast.To(newS, v.T, v.Scale)
		if err != nil {
			return nil, err
		}
		// probe: v's elements compared with oldValue through one vector
		probe := v.Clone()
		n := v.Len()
		probe.AppendScalar(oc.(*value.Scalar))
		out := v
		if !inPlace {
			out = v.Clone()
		}
		ns := nc.(*value.Scalar)
		for i := 0; i < n; i++ {
			if value.CompareElems(probe, i, n) == 0 {
				out.Set(i, ns)
			}
		}
		if inPlace {
			return args[0], nil
		}
		if m, ok := args[0].(*value.Matrix); ok {
			return m.WithData(out), nil
		}
		return out, nil
	}
}
