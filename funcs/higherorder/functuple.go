package higherorder

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// TupleFunction returns x, when it is a non-empty tuple of functions, as
// a function that calls each of them with its arguments: DolphinDB calls
// a function vector, [sin, cos](x), like a function
// (progr/data_types_forms/vector.md, progr/named_func.md).
func TupleFunction(x value.Value) (*funcs.Spec, bool) {
	names, ok := functionNames(x)
	if !ok {
		return nil, false
	}
	fns := x.(*value.Vector).Any
	return &funcs.Spec{Name: x.String(), Max: -1, Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
		return callTuple(env, fns, names, args)
	}}, true
}

// functionNames returns the names of x's functions when x is a non-empty
// tuple of functions.
func functionNames(x value.Value) ([]string, bool) {
	v, ok := x.(*value.Vector)
	if !ok || v.T != value.Any || v.Len() == 0 {
		return nil, false
	}
	names := make([]string, len(v.Any))
	for i, f := range v.Any {
		if !funcs.IsFunction(f) {
			return nil, false
		}
		names[i] = f.String()
	}
	return names, true
}

// callTuple calls each function of fns with args. Scalar results make a
// vector; with a vector among them, a matrix with a column named after
// each function, a scalar filling its whole column (vector.md's
// [log, std, avg ...](x), plot.md's [sin, cos](x)). Results that fit
// neither make a tuple.
func callTuple(env funcs.Env, fns []value.Value, names []string, args []value.Value) (value.Value, error) {
	out := make([]value.Value, len(fns))
	for i, f := range fns {
		r, err := env.Call(f, args...)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	if m, ok := funcs.ColumnsMatrix(out); ok {
		m.ColLabels = value.NewStrings(value.String, names)
		return m, nil
	}
	return funcs.Assemble(out, funcs.RuleDolphin)
}
