package engine

import (
	"errors"
	"fmt"

	"github.com/porpoisedb/porpoise/value"
)

func init() {
	casts := map[string]value.Type{
		"bool": value.Bool, "char": value.Char, "short": value.Short, "int": value.Int, "long": value.Long,
		"float": value.Float, "double": value.Double, "string": value.String, "symbol": value.Symbol,
		"date": value.Date, "month": value.Month, "time": value.Time, "minute": value.Minute, "second": value.Second,
		"datetime": value.DateTime, "timestamp": value.Timestamp, "nanotime": value.NanoTime,
		"nanotimestamp": value.NanoTimestamp, "datehour": value.DateHour, "uuid": value.UUID,
		"ipaddr": value.IPAddr, "int128": value.Int128, "blob": value.Blob,
	}
	for name, t := range casts {
		t := t
		reg(name, p("X"), 0, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
			if len(args) == 0 {
				return value.NullScalar(t), nil
			}
			return castValue(args[0], t, 0)
		})
	}
	for name, t := range map[string]value.Type{"decimal32": value.Decimal32, "decimal64": value.Decimal64, "decimal128": value.Decimal128} {
		t := t
		reg(name, p("X", "scale"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
			scale, err := intArg(args[1], name)
			if err != nil {
				return nil, err
			}
			return castValue(args[0], t, int32(scale))
		})
	}
	for name, t := range map[string]value.Type{"DECIMAL32": value.Decimal32, "DECIMAL64": value.Decimal64, "DECIMAL128": value.Decimal128} {
		t := t
		reg(name, p("scale"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
			scale, err := intArg(args[0], name)
			if err != nil {
				return nil, err
			}
			return value.NewInt(typeCode(t, int32(scale))), nil
		})
	}
	reg("cast", p("X", "type"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		t, scale, err := typeArg(args[1])
		if err != nil {
			return nil, err
		}
		return castValue(args[0], t, scale)
	})
}

// castValue converts scalars, vectors, pairs and tuples element-wise.
func castValue(x value.Value, t value.Type, scale int32) (value.Value, error) {
	switch v := x.(type) {
	case *value.Vector:
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
	case *value.Table:
		return nil, errors.New("Can't convert a table.")
	default:
		return nil, fmt.Errorf("Can't convert %s to %s.", x.Form(), t)
	}
	return value.Cast(x, t, scale)
}
