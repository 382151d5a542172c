package server

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/chart"
	"github.com/porpoisedb/porpoise/value/tensor"
)

// toWire turns an engine result into an object the wire codec can send:
// DFS/partitioned table handles are materialized (DolphinDB sends the
// table's rows), functions become FUNCTIONDEF scalars and other handles
// (databases ...) HANDLE scalars holding their printed form. Tuples and
// dictionaries are converted element by element.
func toWire(v value.Value) (value.Value, error) {
	return convertValue(v, 0)
}

func convertValue(v value.Value, depth int) (value.Value, error) {
	if depth > 64 {
		return nil, ddberr.Errorf("Failed to serialize the result: objects nested deeper than 64 levels.")
	}
	switch x := v.(type) {
	case nil:
		return nil, nil
	case *value.Scalar:
		if x == nil {
			return nil, nil
		}
		return x, nil
	case *value.Vector:
		if x == nil {
			return nil, nil
		}
		if x.T != value.Any {
			return x, nil
		}
		var out *value.Vector
		for i, e := range x.Any {
			ce, err := convertValue(e, depth+1)
			if err != nil {
				return nil, err
			}
			if ce == nil {
				ce = value.NullScalar(value.Void)
			}
			if ce != e && out == nil {
				out = &value.Vector{T: value.Any, Any: append([]value.Value(nil), x.Any...)}
			}
			if out != nil {
				out.Any[i] = ce
			}
		}
		if out != nil {
			return out, nil
		}
		return x, nil
	case *value.Pair, *value.Matrix, *value.Set, *value.Table, *tensor.Tensor, *chart.Chart:
		return v, nil
	case *value.Dict:
		if x.Vals.T != value.Any {
			return x, nil
		}
		vals, err := convertValue(x.Vals, depth+1)
		if err != nil {
			return nil, err
		}
		if vals == value.Value(x.Vals) {
			return x, nil
		}
		return x.WithValues(vals.(*value.Vector)), nil
	case engine.Table:
		t, err := x.Scan(nil)
		if err != nil {
			return nil, err
		}
		return t, nil
	}
	switch v.Form() {
	case value.FormScalar:
		switch t := v.Type(); t {
		case value.FunctionDef, value.Handle, value.Code:
			return &value.Scalar{T: t, S: v.String()}, nil
		}
		return value.NewString(v.String()), nil
	}
	return nil, ddberr.Errorf("Failed to serialize the result: objects of form %s can't be sent.", v.Form())
}
