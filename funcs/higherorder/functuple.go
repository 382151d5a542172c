package higherorder

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
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
	if m, ok := columnsMatrix(out); ok {
		m.ColLabels = value.NewStrings(value.String, names)
		return m, nil
	}
	return funcs.Assemble(out, funcs.RuleDolphin)
}

// columnsMatrix makes a matrix of plain vectors of one type and length
// and of scalars repeated to that length, one column each; it needs at
// least one vector.
func columnsMatrix(res []value.Value) (*value.Matrix, bool) {
	var first *value.Vector
	for _, r := range res {
		switch v := r.(type) {
		case *value.Vector:
			if v.T == value.Any || v.T.IsArray() || first != nil && (v.T != first.T || v.Len() != first.Len()) {
				return nil, false
			}
			if first == nil {
				first = v
			}
		case *value.Scalar:
		default:
			return nil, false
		}
	}
	if first == nil {
		return nil, false
	}
	n := first.Len()
	data := value.NewVector(first.T, 0, n*len(res))
	data.Scale = first.Scale
	for _, r := range res {
		if v, ok := r.(*value.Vector); ok {
			data.AppendVector(v)
			continue
		}
		s := r.(*value.Scalar)
		if s.Null || s.T == value.Void {
			for range n {
				data.AppendNull()
			}
			continue
		}
		if s.T != first.T {
			if !numeric(s.T) || !numeric(first.T) {
				return nil, false
			}
			c, err := cast.To(s, first.T, first.Scale)
			if err != nil {
				return nil, false
			}
			s = c.(*value.Scalar)
		}
		for range n {
			data.AppendScalar(s)
		}
	}
	return &value.Matrix{V: data, Rows: n, Cols: len(res)}, true
}

func numeric(t value.Type) bool {
	c := t.Category()
	return c == value.CatLogical || c == value.CatIntegral || c == value.CatFloating || c == value.CatDecimal
}
