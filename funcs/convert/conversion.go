package convert

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Type conversions named after their target type (int, date, symbol
// ...), the decimal constructors and cast.

// typeCode is the value of a type constant: the type id, with a DECIMAL's
// scale above it (as DECIMAL32(2) evaluates to).
func typeCode(t value.Type, scale int32) int32 { return int32(t) | scale<<16 }

// castValue converts scalars, vectors, pairs and tuples element-wise.
func castValue(x value.Value, t value.Type, scale int32) (value.Value, error) {
	switch v := x.(type) {
	case *value.Vector:
		if v.T == value.Any && len(v.Any) == 0 {
			// int([]) is an empty INT vector
			out := value.NewVector(t, 0, 0)
			out.Scale = scale
			return out, nil
		}
		if v.T == value.Any {
			out := make([]value.Value, len(v.Any))
			for i, e := range v.Any {
				c, err := castValue(e, t, scale)
				if err != nil {
					return nil, err
				}
				out[i] = c
			}
			return value.NewTuple(out), nil
		}
	case *value.Scalar, *value.Pair:
	case *value.Matrix:
		c, err := cast.Vector(v.V, t, scale)
		if err != nil {
			return nil, err
		}
		return v.WithData(c), nil
	case *value.Table:
		return nil, ddberr.Errorf("Can't convert a table.")
	case nil:
		// a call that returns nothing; x.Form() below would panic
		return cast.To(nil, t, scale)
	default:
		return nil, ddberr.Errorf("Can't convert %s to %s.", x.Form(), t)
	}
	return cast.To(x, t, scale)
}

func castFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	t, scale, err := funcs.TypeArg(args[1])
	if err != nil {
		return nil, err
	}
	return castValue(args[0], t, scale)
}
