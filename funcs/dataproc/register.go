package dataproc

import (
	"errors"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the whole family, one section per topic file (where the
// implementations live), in file order so an alias follows its target.
func init() {
	// coevent.go.
	funcs.Register(funcs.Spec{Name: "coevent", Params: []string{"event", "eventTime", "window", "orderSensitive"}, Min: 3, Max: 4,
		Props: funcs.Pure, Category: "data-processing", Fn: coevent})

	// cut.go.
	funcs.Register(funcs.Spec{Name: "cut", Params: []string{"X", "size|cutPositions"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "cut", Fn: cut})

	// dataprocessing.go.
	dp := func(name string, params []string, min, max int, props funcs.Props, fn funcs.Impl) funcs.Spec {
		return funcs.Spec{Name: name, Params: params, Min: min, Max: max, Props: props, Category: "data-processing", Fn: fn}
	}
	funcs.Register(
		dp("all", []string{"X"}, 1, -1, funcs.Pure|funcs.Aggregate, xallAny("all", true)),
		dp("any", []string{"X"}, 1, -1, funcs.Pure|funcs.Aggregate, xallAny("any", false)),
		dp("asis", []string{"obj"}, 1, 1, funcs.Pure, func(_ funcs.Env, a []value.Value) (value.Value, error) { return a[0], nil }),
		dp("copy", []string{"obj"}, 1, 1, funcs.Pure, func(_ funcs.Env, a []value.Value) (value.Value, error) { return xcopyValue(a[0], false), nil }),
		dp("deepCopy", []string{"obj"}, 1, 1, funcs.Pure, func(_ funcs.Env, a []value.Value) (value.Value, error) { return xcopyValue(a[0], true), nil }),
		dp("asof", []string{"X", "Y"}, 2, 2, funcs.Pure, funcs.CellsOf(1, xsortedSearch("asof", false))),
		dp("lowerBound", []string{"X", "Y"}, 2, 2, funcs.Pure, funcs.CellsOf(1, xsortedSearch("lowerBound", true))),
		dp("contextCount", []string{"X", "Y"}, 2, 2, funcs.Pure|funcs.Aggregate, xcontextCount),
		dp("countNanInf", []string{"X", "includeNull"}, 1, 2, funcs.Pure|funcs.Aggregate, xcountNanInf),
		reaching(dp("deltas", []string{"X", "n"}, 1, 2, funcs.Pure|funcs.OrderSensitive, xdiffs("deltas", "-")), 1),
		reaching(dp("ratios", []string{"X"}, 1, 1, funcs.Pure|funcs.OrderSensitive, xdiffs("ratios", "\\")), 1),
		dp("imaxLast", []string{"X"}, 1, 1, funcs.Pure|funcs.Aggregate, xextremeLast(true)),
		dp("iminLast", []string{"X"}, 1, 1, funcs.Pure|funcs.Aggregate, xextremeLast(false)),
		dp("mimaxLast", []string{"X", "window", "minPeriods"}, 2, 3, funcs.Pure|funcs.OrderSensitive, xmovingExtremeLast("mimaxLast", true)),
		dp("miminLast", []string{"X", "window", "minPeriods"}, 2, 3, funcs.Pure|funcs.OrderSensitive, xmovingExtremeLast("miminLast", false)),
		dp("rowImaxLast", []string{"args"}, 1, -1, funcs.Pure, xrowExtremeLast(true)),
		dp("rowIminLast", []string{"args"}, 1, -1, funcs.Pure, xrowExtremeLast(false)),
		dp("isDuplicated", []string{"X", "keep"}, 1, 2, funcs.Pure, xisDuplicated),
		dp("lowRange", []string{"X"}, 1, 1, funcs.Pure|funcs.OrderSensitive, xrangeCount(false)),
		dp("topRange", []string{"X"}, 1, 1, funcs.Pure|funcs.OrderSensitive, xrangeCount(true)),
		dp("mask", []string{"X", "Y"}, 2, 2, funcs.Pure|funcs.ElementWise, xmask),
		dp("maxPositiveStreak", []string{"X"}, 1, 1, funcs.Pure|funcs.Aggregate|funcs.OrderSensitive, xmaxPositiveStreak),
		dp("shape", []string{"X"}, 1, 1, funcs.Pure, xshape),
		dp("valueChanged", []string{"X", "mode"}, 1, 2, funcs.Pure|funcs.OrderSensitive, xvalueChanged),
		dp("zscore", []string{"X"}, 1, 1, funcs.Pure, xzscore),
		dp("sumbars", []string{"X", "Y"}, 2, 2, funcs.Pure|funcs.OrderSensitive, xsumbars),
		dp("bucketCount", []string{"vector", "dataRange", "bucketNum", "includeOutbound"}, 3, 4, funcs.Pure, xbucketCount),
		dp("dictUpdate!", []string{"dictionary", "function", "keys", "parameters", "initFunc"}, 4, 5, funcs.Mutating, xdictUpdate),
		dp("tmove", []string{"T", "X", "window"}, 3, 3, funcs.Pure|funcs.OrderSensitive, xtmove),
	)

	funcs.Register(
		funcs.Spec{Name: "talibNull", Params: []string{"args"}, Min: 2, Max: -1, Props: funcs.Pure | funcs.OrderSensitive, Category: "data-processing", Fn: xtalibNull},
		funcs.Spec{Name: "winsorize", Params: []string{"X", "limit", "inclusive", "nanPolicy"}, Min: 2, Max: 4, Props: funcs.Pure, Category: "data-processing", Fn: xwinsorize(false)},
		funcs.Spec{Name: "winsorize!", Params: []string{"X", "limit", "inclusive", "nanPolicy"}, Min: 2, Max: 4, Props: funcs.Mutating, Category: "data-processing", Fn: xwinsorize(true)},
	)

	// grouping.go.
	funcs.Register(
		funcs.Spec{Name: "bar", Params: []string{"X", "interval", "closed"}, Min: 2, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "grouping", Fn: bar},
		funcs.Spec{Name: "dailyAlignedBar", Params: []string{"X", "timeOffset", "n", "timeEnd", "mergeSessionEnd"}, Min: 3, Max: 5, Props: funcs.ElementWise | funcs.Pure, Category: "grouping", Fn: dailyAlignedBar},
		funcs.Spec{Name: "bucket", Params: []string{"vector", "dataRange", "bucketNum", "includeOutbound"}, Min: 3, Max: 4, Props: funcs.ElementWise | funcs.Pure, Category: "grouping", Fn: bucket},
		funcs.Spec{Name: "cutPoints", Params: []string{"X", "binNum", "freq"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "grouping", Fn: cutPoints},
		funcs.Spec{Name: "digitize", Params: []string{"x", "bins", "right"}, Min: 2, Max: 3, Props: funcs.ElementWise | funcs.FirstOnly | funcs.Pure, Category: "grouping", Fn: digitize},
		funcs.Spec{Name: "segment", Params: []string{"X", "segmentOffset"}, Min: 1, Max: 2, Props: funcs.OrderSensitive | funcs.Pure, Category: "grouping", Fn: segment},
		funcs.Spec{Name: "groups", Params: []string{"X", "mode"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "grouping", Fn: groups},
		funcs.Spec{Name: "volumeBar", Params: []string{"X", "interval", "label"}, Min: 2, Max: 3, Props: funcs.OrderSensitive | funcs.Pure, Category: "grouping", Fn: volumeBar},
	)

	// nullfill.go.
	fillSpec := func(name string, fill func(v *value.Vector, limit int) *value.Vector, inPlace bool) funcs.Spec {
		props := funcs.Pure
		if inPlace {
			props = funcs.Mutating
		}
		return funcs.Spec{Name: name, Params: []string{"obj", "limit"}, Min: 1, Max: 2, Props: props | funcs.OrderSensitive, Category: "null-fill",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				limit, err := funcs.IntArg(name, "limit", funcs.Arg(args, 1), -1)
				if err != nil {
					return nil, err
				}
				if funcs.Arg(args, 1) != nil && limit <= 0 {
					return nil, errors.New("limit of " + name + " must be a positive integer.")
				}
				return fillColumns(name, args[0], inPlace, func(v *value.Vector) (*value.Vector, error) {
					return fill(v, int(limit)), nil
				})
			}}
	}
	funcs.Register(
		fillSpec("ffill", forwardFill, false),
		fillSpec("ffill!", forwardFill, true),
		fillSpec("bfill", backwardFill, false),
		fillSpec("bfill!", backwardFill, true),
		lfillSpec("lfill", false), lfillSpec("lfill!", true),
		funcs.Spec{Name: "nullFill", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "null-fill",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return nullFill("nullFill", args, false) }},
		funcs.Spec{Name: "nullFill!", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Mutating, Category: "null-fill",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return nullFill("nullFill!", args, true) }},
		funcs.Spec{Name: "coalesce", Params: []string{"X1", "X2", "args"}, Min: 2, Max: -1, Props: funcs.ElementWise | funcs.Pure, Category: "null-fill", Fn: coalesce},
		funcs.Spec{Name: "hasNull", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "null-fill", Fn: hasNull},
		pickByNullSpec("ifNull", true), pickByNullSpec("ifValid", false),
		funcs.Spec{Name: "isNanInf", Params: []string{"X", "includeNull"}, Min: 1, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "null-fill", Fn: isNanInf},
		funcs.Spec{Name: "nanInfFill", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "null-fill", Fn: nanInfFill},
		funcs.Spec{Name: "fill!", Params: []string{"obj", "index", "value"}, Min: 3, Max: 3, Props: funcs.Mutating, Category: "null-fill", Fn: fillAt},
	)

	funcs.Register(funcs.Spec{Name: "interpolate", Params: []string{"X", "method", "limit", "inplace", "limitDirection", "limitArea", "index"}, Min: 1, Max: 7,
		Props: funcs.OrderSensitive, Category: "null-fill", Fn: interpolate})

	// nulltest.go.
	funcs.Register(
		funcs.OverTuple(funcs.Spec{Name: "isNull", Params: []string{"x"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.ElementWise, Category: "null-fill", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return mapBool(args[0], func(v *value.Vector, i int) bool { return v.IsNull(i) })
		}}),
		funcs.Spec{Name: "isValid", Params: []string{"x"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.ElementWise, Category: "null-fill", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return mapBool(args[0], func(v *value.Vector, i int) bool { return !anyNull(v, i) })
		}},
		funcs.Spec{Name: "iif", Params: []string{"cond", "trueResult", "falseResult"}, Min: 3, Max: 3, Props: funcs.ElementWise, Category: "data-processing", Fn: xiif},
	)

	// session_window.go.
	funcs.Register(funcs.Spec{Name: "sessionWindow", Params: []string{"X", "sessionGap"}, Min: 2, Max: 2,
		Props: funcs.Pure | funcs.OrderSensitive, Category: "grouping", Fn: sessionWindow})

	// shift.go.
	funcs.Register(
		reaching(funcs.Spec{Name: "move", Params: []string{"X", "steps"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "shift", Fn: moveFn}, 0),
		reaching(funcs.Spec{Name: "prev", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.OrderSensitive, Category: "shift",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return shiftColumns("prev", args[0], 1) }}, 1),
		reaching(funcs.Spec{Name: "next", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.OrderSensitive, Category: "shift",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return shiftColumns("next", args[0], -1) }}, -1),
		funcs.Spec{Name: "prevState", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.OrderSensitive, Category: "shift",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return stateShift("prevState", args[0], true)
			}},
		funcs.Spec{Name: "nextState", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.OrderSensitive, Category: "shift",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return stateShift("nextState", args[0], false)
			}},
	)

	// sort.go.
	funcs.Register(
		funcs.Spec{Name: "rank", Params: []string{"X", "ascending", "groupNum", "ignoreNA", "tiesMethod", "percent", "precision"}, Min: 1, Max: 7, Props: funcs.Pure, Category: "sort", Fn: rank, Segmented: rankSegments},
		funcs.Spec{Name: "denseRank", Params: []string{"X", "ascending", "ignoreNA", "percent"}, Min: 1, Max: 4, Props: funcs.Pure, Category: "sort", Fn: denseRank, Segmented: denseRankSegments},
		funcs.Spec{Name: "isort", Params: []string{"X", "ascending"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "sort", Fn: isortFn},
		funcs.Spec{Name: "isortTop", Params: []string{"X", "top", "ascending"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "sort", Fn: isortTopFn},
		funcs.Spec{Name: "isort!", Params: []string{"X", "ascending", "indices"}, Min: 3, Max: 3, Props: funcs.Mutating, Category: "sort", Fn: isortInPlace},
		funcs.Spec{Name: "isSorted", Params: []string{"X", "ascending"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "sort", Fn: isSorted},
		funcs.Spec{Name: "sort", Params: []string{"X", "ascending"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "sort", Fn: xsort},
		funcs.Spec{Name: "sort!", Params: []string{"X", "ascending"}, Min: 1, Max: 2, Props: funcs.Mutating, Category: "sort", Fn: sortInPlace},
		funcs.Spec{Name: "sortBy!", Params: []string{"table", "sortColumns", "sortDirections"}, Min: 2, Max: 3, Props: funcs.Mutating, Category: "sort", Fn: sortByInPlace},
	)
}

// reaching gives spec the segmented form of a function whose result at a
// row reads the rows its second argument (def when absent) steps back
// (ahead when negative), so context by runs it once over all groups.
func reaching(spec funcs.Spec, def int64) funcs.Spec {
	spec.Segmented = funcs.Reach(spec.Fn, funcs.ReachOf(1, def))
	return spec
}
