package higherorder

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// FunctionTuple is x when it is a tuple of functions, which a call
// applies one by one (progr/named_func.md: g = [sin, cos, log]; g(1 2)).
func FunctionTuple(x value.Value) (*value.Vector, bool) {
	v, ok := x.(*value.Vector)
	if !ok || v.T != value.Any || v.Len() == 0 {
		return nil, false
	}
	for _, f := range v.Any {
		if !funcs.IsFunction(f) {
			return nil, false
		}
	}
	return v, true
}

// CallTuple calls each function of fns with args: a table with a column
// named after each function when every result is a vector of one length,
// otherwise the tuple of the results.
func CallTuple(env funcs.Env, fns *value.Vector, args []value.Value) (value.Value, error) {
	out := make([]value.Value, len(fns.Any))
	names := make([]string, len(out))
	var cols []*value.Vector
	for i, f := range fns.Any {
		r, err := env.Call(f, args...)
		if err != nil {
			return nil, err
		}
		out[i], names[i] = r, f.String()
		if c, ok := r.(*value.Vector); ok && c.T != value.Any && (i == 0 || len(cols) == i && c.Len() == cols[0].Len()) {
			cols = append(cols, c)
		}
	}
	if len(cols) == len(out) {
		return value.NewTable(names, cols), nil
	}
	return value.NewTuple(out), nil
}
