package higherorder

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the whole family, one section per topic file (where the
// implementations live), in file order so an alias follows its target.
func init() {
	// higherorder.go.
	funcs.Register(
		funcs.Spec{Name: "each", Params: []string{"func", "args"}, Min: 2, Max: -1, Props: funcs.Pure, Category: "higher-order", Fn: eachFn("each")},
		funcs.Spec{Name: "peach", Params: []string{"func", "args"}, Min: 2, Max: -1, Props: funcs.Pure, Category: "higher-order", Fn: eachFn("peach")},
		funcs.Spec{Name: "loop", Params: []string{"func", "args"}, Min: 2, Max: -1, Props: funcs.Pure, Category: "higher-order", Fn: loopFn("loop")},
		funcs.Spec{Name: "ploop", Params: []string{"func", "args"}, Min: 2, Max: -1, Props: funcs.Pure, Category: "higher-order", Fn: loopFn("ploop")},
		funcs.Spec{Name: "eachLeft", Params: []string{"func", "X", "Y", "assembleRule"}, Min: 3, Max: 4, Props: funcs.Pure, Category: "higher-order", Fn: eachSideFn("eachLeft", true)},
		funcs.Spec{Name: "eachRight", Params: []string{"func", "X", "Y", "assembleRule"}, Min: 3, Max: 4, Props: funcs.Pure, Category: "higher-order", Fn: eachSideFn("eachRight", false)},
		funcs.Spec{Name: "eachPre", Params: []string{"func", "X", "pre", "assembleRule"}, Min: 2, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "higher-order", Fn: eachNeighbourFn("eachPre", true)},
		funcs.Spec{Name: "eachPost", Params: []string{"func", "X", "post", "assembleRule"}, Min: 2, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "higher-order", Fn: eachNeighbourFn("eachPost", false)},
		funcs.Spec{Name: "reduce", Params: []string{"func", "X", "init", "assembleRule"}, Min: 2, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "higher-order", Fn: foldFn("reduce", false)},
		funcs.Spec{Name: "accumulate", Params: []string{"func", "X", "init", "assembleRule"}, Min: 2, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "higher-order", Fn: foldFn("accumulate", true)},
		funcs.Spec{Name: "cross", Params: []string{"func", "X", "Y"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "higher-order", Fn: crossFn("cross")},
		funcs.Spec{Name: "pcross", Params: []string{"func", "X", "Y"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "higher-order", Fn: crossFn("pcross")},
		funcs.Spec{Name: "call", Params: []string{"func", "args"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "higher-order", Fn: callFn("call")},
		funcs.Spec{Name: "pcall", Params: []string{"func", "args"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "higher-order", Fn: callFn("pcall")},
		funcs.Spec{Name: "unifiedCall", Params: []string{"func", "args"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "higher-order", Fn: xunifiedCall},
		funcs.Spec{Name: "moving", Params: []string{"func", "funcArgs", "window", "minPeriods"}, Min: 3, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "higher-order", Fn: xmoving},
		funcs.Spec{Name: "window", Params: []string{"func", "funcArgs", "range"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "higher-order", Fn: windowFn},
		funcs.Spec{Name: "rolling", Params: []string{"func", "funcArgs", "window", "step", "fill", "explicitOffset"}, Min: 3, Max: 6, Props: funcs.Pure | funcs.OrderSensitive, Category: "higher-order", Fn: xrolling},
		funcs.Spec{Name: "tmoving", Params: []string{"func", "T", "funcArgs", "window", "excludedPeriod"}, Min: 4, Max: 5, Props: funcs.Pure | funcs.OrderSensitive, Category: "higher-order", Fn: xtmoving},
		funcs.Spec{Name: "twindow", Params: []string{"func", "funcArgs", "T", "range", "prevailing", "excludedPeriod"}, Min: 4, Max: 6, Props: funcs.Pure | funcs.OrderSensitive, Category: "higher-order", Fn: xtwindow},
		funcs.Spec{Name: "byRow", Params: []string{"func", "X", "Y"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "higher-order", Fn: xbyRow},
		funcs.Spec{Name: "byColumn", Params: []string{"func", "X", "Y"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "higher-order", Fn: xbyColumn},
		funcs.Spec{Name: "groupby", Params: []string{"func", "funcArgs", "groupingCol"}, Min: 3, Max: 3, Props: funcs.Pure, Category: "higher-order",
			Fn:      func(env funcs.Env, args []value.Value) (value.Value, error) { return xgroupby(env, args, nil) },
			NamedFn: xgroupby, ElemNames: true},
		funcs.Spec{Name: "contextby", Params: []string{"func", "funcArgs", "groupingCol", "sortingCol", "semanticFilter"}, Min: 3, Max: 5, Props: funcs.Pure, Category: "higher-order", Fn: xcontextby},
		funcs.Spec{Name: "segmentby", Params: []string{"func", "funcArgs", "segment"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "higher-order", Fn: xsegmentby},
		funcs.Spec{Name: "compose", Params: []string{"first", "second"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "higher-order", Fn: xcompose},
		funcs.Spec{Name: "nullCompare", Params: []string{"func", "X", "Y"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.ElementWise, Category: "higher-order", Fn: xnullCompare},
		funcs.Spec{Name: "withNullFill", Params: []string{"func", "x", "y", "fillValue"}, Min: 4, Max: 4, Props: funcs.Pure, Category: "higher-order", Fn: xwithNullFill},
		funcs.Spec{Name: "aggrTopN", Params: []string{"func", "funcArgs", "sortingCol", "top", "ascending"}, Min: 4, Max: 5, Props: funcs.Pure | funcs.Aggregate, Category: "higher-order", Fn: xaggrTopN},
		funcs.Spec{Name: "talib", Params: []string{"func", "args"}, Min: 2, Max: -1, Props: funcs.Pure | funcs.OrderSensitive, Category: "higher-order", Fn: xtalib},
		funcs.Spec{Name: "pivot", Params: []string{"func", "funcArgs", "rowAlignCol", "colAlignCol"}, Min: 4, Max: 4, Props: funcs.Pure, Category: "higher-order", Fn: xpivot},
	)

	// row_groupby.go.
	funcs.Register(funcs.Spec{Name: "rowGroupby", Params: []string{"func", "funcArgs", "groupingCol", "mode", "ascending"}, Min: 3, Max: 5,
		Props: funcs.Pure, Category: "higher-order", Fn: rowGroupby})
}
