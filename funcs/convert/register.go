package convert

import (
	"math"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the whole family, one section per topic file (where the
// implementations live), in file order so an alias follows its target.
func init() {
	// conversion.go.
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
		t, name := c.t, c.name
		funcs.Register(funcs.Spec{Name: c.name, Params: []string{"X"}, Min: 0, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				if len(args) == 0 {
					return value.NullScalar(t), nil
				}
				v, err := castValue(args[0], t, 0)
				if err != nil && t.Category() == value.CatTemporal && args[0].Type().Category() == value.CatTemporal {
					// a time of day has no date and a date no time of day
					// (datetime(13:00:01), minute(2020.01.01));
					// tutorials/ddb_comparison_rules_of_time_types.md
					return nil, ddberr.Errorf("The function %s does not support %s data", name, strings.ToLower(args[0].Type().String()))
				}
				return v, err
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
				if s, ok := args[0].(*value.Scalar); !ok || s.T.Category() != value.CatIntegral {
					return nil, ddberr.Errorf("The scale of Decimal should be an integer. RefId: S05009")
				}
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
	funcs.Register(funcs.Spec{Name: "cast", Params: []string{"X", "type"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion", Fn: castFn})

	// conversion_decimal.go.
	funcs.Register(funcs.Spec{Name: "decimalMultiply", Params: []string{"X", "Y", "scale"}, Min: 3, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion", Fn: decimalMultiply})

	// conversion_forms.go.
	funcs.Register(
		funcs.Spec{Name: "matrix", Params: []string{"X1", "X2"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "types-conversion", Fn: matrixOf},
		funcs.Spec{Name: "transpose", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: transposeOf},
		funcs.Spec{Name: "enlist", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: enlistFn},
		funcs.Spec{Name: "subtuple", Params: []string{"X", "range"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "types-conversion", Fn: subtuple},
		funcs.Spec{Name: "symbolCode", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: symbolCode},
		funcs.Spec{Name: "makeKey", Params: []string{"args"}, Min: 1, Max: -1, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return makeKey("makeKey", args) }},
		funcs.Spec{Name: "makeSortedKey", Params: []string{"args"}, Min: 1, Max: -1, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return makeKey("makeSortedKey", args) }},
		funcs.Spec{Name: "fixedLengthArrayVector", Params: []string{"args"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "types-conversion", Fn: fixedLengthArrayVector},
	)
	funcs.Alias("flip", "transpose")

	// conversion_numeric.go.
	funcs.Register(
		funcs.OverArray(funcs.Spec{Name: "round", Params: []string{"X", "precision"}, Min: 1, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion", Fn: roundFn}),
		funcs.OverArray(funcs.Spec{Name: "floor", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return roundLike("floor", args[0], math.Floor)
			}}),
		funcs.OverArray(funcs.Spec{Name: "ceil", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return roundLike("ceil", args[0], math.Ceil)
			}}),
		funcs.Spec{Name: "deg2rad", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return funcs.MapFloat("deg2rad", args[0], func(f float64) float64 { return f * math.Pi / 180 })
			}},
		funcs.Spec{Name: "rad2deg", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return funcs.MapFloat("rad2deg", args[0], func(f float64) float64 { return f * 180 / math.Pi })
			}},
		funcs.Spec{Name: "hex", Params: []string{"X", "reverse"}, Min: 1, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion", Fn: hexOf},
		halvesSpec("lowLong", false, false), halvesSpec("highLong", true, false),
		halvesSpec("lowDouble", false, true), halvesSpec("highDouble", true, true),
		pairSpec("point", value.Point), pairSpec("complex", value.Complex),
		funcs.Spec{Name: "parseInteger", Params: []string{"X", "type", "radix"}, Min: 2, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion", Fn: parseInteger},
	)
	funcs.Alias("parseInt", "parseInteger")

	// dict.go.
	funcs.Register(funcs.Spec{Name: "dict", Params: []string{"keyObj", "valueObj", "ordered"}, Min: 2, Max: 3, Category: "types-conversion",
		Fn: orderedDict})
	funcs.Register(funcs.Spec{Name: "isOrderedDict", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: isOrderedDict})

	// json.go.
	funcs.Register(
		funcs.Spec{Name: "toStdJson", Params: []string{"obj"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: toStdJsonFn},
		funcs.Spec{Name: "fromStdJson", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: fromStdJSON},
		funcs.Spec{Name: "fromJson", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: fromJSON},
	)

	// json_extract.go.
	funcs.Register(funcs.Spec{Name: "jsonExtract", Params: []string{"json", "location", "type"}, Min: 3, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion", Fn: jsonExtract})

	// json_table.go.
	funcs.Register(funcs.Spec{Name: "parseJsonTable", Params: []string{"json", "schema", "keyCaseSensitive"}, Min: 1, Max: 3, Props: funcs.Pure, Category: "types-conversion", Fn: parseJSONTable})

	// tensor.go.
	funcs.Register(funcs.Spec{Name: "tensor", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: tensorOf})

	// json_to.go.
	funcs.Register(funcs.Spec{Name: "toJson", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return toJSON(args[0], "") },
		NamedFn: func(_ funcs.Env, args []value.Value, names []string) (value.Value, error) {
			name := ""
			if len(names) > 0 {
				name = names[0]
			}
			return toJSON(args[0], name)
		}})

	// syncdict.go.
	funcs.Register(funcs.Spec{Name: "syncDict", Params: []string{"keyObj", "valueObj", "sharedName", "ordered"}, Min: 2, Max: 4,
		Props: funcs.Session, Category: "types-conversion", Fn: syncDict})

	// typeinfo.go.
	funcs.Register(
		funcs.Spec{Name: "typestr", Params: []string{"x"}, Min: 1, Max: 1, Category: "types-conversion", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return value.NewString(typeString(orNothing(args[0]))), nil
		}},
		funcs.Spec{Name: "type", Params: []string{"x"}, Min: 1, Max: 1, Category: "types-conversion", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return value.NewInt(int32(orNothing(args[0]).Type())), nil
		}},
		funcs.Spec{Name: "form", Params: []string{"x"}, Min: 1, Max: 1, Category: "types-conversion", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return value.NewInt(int32(orNothing(args[0]).Form())), nil
		}},
		// array accounts its allocation against the server's memory limit.
		funcs.Spec{Name: "array", Params: []string{"dataType", "initialSize", "capacity", "defaultValue"}, Min: 1, Max: 4, Props: funcs.Session, Category: "types-conversion", Fn: xarray},
		funcs.Spec{Name: "set", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: setFn},
		funcs.Spec{Name: "arrayVector", Params: []string{"index", "value"}, Min: 2, Max: 2, Category: "types-conversion", Fn: xarrayVector},
		// toArray makes a group's rows one row of an array vector
		// (progr/data_types_forms/arrayVector.md: select toArray(x) ... group by).
		funcs.Spec{Name: "toArray", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Aggregate | funcs.Pure, Category: "types-conversion", Fn: xtoArray},
		funcs.Spec{Name: "isColumnarTuple", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: xisColumnarTuple},
		funcs.Spec{Name: "setColumnarTuple!", Params: []string{"X", "on"}, Min: 1, Max: 2, Props: funcs.Mutating, Category: "types-conversion", Fn: xsetColumnarTuple},
	)
	funcs.Alias("bigarray", "array")
}
