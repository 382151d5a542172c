package convert

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Type conversions named after their target type (int, date, symbol
// ...), the decimal constructors and cast.
func init() {
	casts := []struct {
		name string
		t    value.Type
	}{
		{"bool", value.Bool}, {"char", value.Char}, {"short", value.Short}, {"int", value.Int}, {"long", value.Long},
		{"float", value.Float}, {"double", value.Double}, {"string", value.String}, {"symbol", value.Symbol},
		{"date", value.Date}, {"month", value.Month}, {"time", value.Time}, {"minute", value.Minute}, {"second", value.Second},
		{"datetime", value.DateTime}, {"timestamp", value.Timestamp}, {"nanotime", value.NanoTime},
		{"nanotimestamp", value.NanoTimestamp}, {"datehour", value.DateHour}, {"uuid", value.UUID},
		{"ipaddr", value.IPAddr}, {"int128", value.Int128}, {"blob", value.Blob},
	}
	for _, c := range casts {
		t := c.t
		funcs.Register(funcs.Spec{Name: c.name, Params: []string{"X"}, Min: 0, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				if len(args) == 0 {
					return value.NullScalar(t), nil
				}
				return castValue(args[0], t, 0)
			}})
	}
	for _, c := range []struct {
		name string
		t    value.Type
	}{{"decimal32", value.Decimal32}, {"decimal64", value.Decimal64}, {"decimal128", value.Decimal128}} {
		t, name := c.t, c.name
		funcs.Register(funcs.Spec{Name: name, Params: []string{"X", "scale"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				scale, err := funcs.IntArg(name, "scale", args[1], 0)
				if err != nil {
					return nil, err
				}
				return castValue(args[0], t, int32(scale))
			}})
	}
	// DECIMAL32(2) and friends are type constants carrying a scale.
	for _, c := range []struct {
		name string
		t    value.Type
	}{{"DECIMAL32", value.Decimal32}, {"DECIMAL64", value.Decimal64}, {"DECIMAL128", value.Decimal128}} {
		t, name := c.t, c.name
		funcs.Register(funcs.Spec{Name: name, Params: []string{"scale"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				scale, err := funcs.IntArg(name, "scale", args[0], 0)
				if err != nil {
					return nil, err
				}
				if scale < 0 || scale > int64(t.MaxScale()) {
					// else a large scale would spill into the type id bits
					return nil, ddberr.Errorf("Scale out of bounds (valid range: [0, %d], but get: %d). RefId: S05010", t.MaxScale(), scale)
				}
				return value.NewInt(typeCode(t, int32(scale))), nil
			}})
	}
	funcs.Register(funcs.Spec{Name: "cast", Params: []string{"X", "type"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			t, scale, err := funcs.TypeArg(args[1])
			if err != nil {
				return nil, err
			}
			return castValue(args[0], t, scale)
		}})
}

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
		return &value.Matrix{V: c, Rows: v.Rows, Cols: v.Cols, RowLabels: v.RowLabels, ColLabels: v.ColLabels}, nil
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
