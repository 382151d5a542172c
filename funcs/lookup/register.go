package lookup

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the whole family, one section per topic file (where the
// implementations live), in file order so an alias follows its target.
func init() {
	// append.go.
	funcs.Register(
		funcs.Spec{Name: "appendTuple!", Params: []string{"X", "Y", "wholistic"}, Min: 2, Max: 3, Props: funcs.Mutating, Category: "append", Fn: xappendTuple},
		funcs.Spec{Name: "memberModify!", Params: []string{"obj", "function", "indices", "parameters"}, Min: 4, Max: 4, Props: funcs.Mutating, Category: "append", Fn: xmemberModify},
	)

	// containers.go.
	funcs.Register(
		funcs.Spec{Name: "take", Params: []string{"X", "n"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "generate", Fn: xtake},
		funcs.Spec{Name: "size", Params: []string{"X"}, Min: 1, Max: 1, Category: "data-processing", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return countValue(args[0], false)
		}},
		funcs.Spec{Name: "count", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Aggregate | funcs.Pure, Category: "statistics", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return countValue(args[0], true)
		}},
		funcs.Spec{Name: "rows", Params: []string{"X"}, Min: 1, Max: 1, Category: "data-processing", Fn: xrows},
		funcs.Spec{Name: "reverse", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: xreverse},
		funcs.Spec{Name: "keys", Params: []string{"X"}, Min: 1, Max: 1, Category: "data-processing", Fn: xkeys},
		funcs.Spec{Name: "values", Params: []string{"X"}, Min: 1, Max: 1, Category: "data-processing", Fn: xvalues},
		funcs.Spec{Name: "hashBucket", Params: []string{"X", "buckets"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.ElementWise, Category: "data-processing", Fn: xhashBucket},
	)

	// filter.go.
	funcs.Register(
		funcs.Spec{Name: "conditionalFilter", Params: []string{"X", "condition", "filterMap"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.ElementWise, Category: "filter", Fn: xconditionalFilter},
	)

	// generate.go.
	funcs.Register(
		funcs.Spec{Name: "eye", Params: []string{"n"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "generate", Fn: xeye},
		funcs.Spec{Name: "stretch", Params: []string{"X", "n"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "generate", Fn: xstretch},
	)

	// loc.go.
	funcs.Register(funcs.Spec{Name: "loc", Params: []string{"obj", "rowFilter", "colFilter", "view"}, Min: 1, Max: 4,
		Props: funcs.Pure, Category: "lookup", Fn: loc})

	// lookup.go.
	funcs.Register(
		funcs.Spec{Name: "at", Params: []string{"X", "index"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "lookup", Fn: xat},
		funcs.Spec{Name: "eachAt", Params: []string{"X", "index"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "lookup", Fn: eachAt},
		funcs.Spec{Name: "binsrch", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "lookup", Fn: funcs.CellsOf(1, xbinsrch)},
		funcs.Spec{Name: "find", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "lookup", Fn: funcs.CellsOf(1, xfind)},
		funcs.Spec{Name: "firstHit", Params: []string{"func", "X", "target"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.Aggregate | funcs.OrderSensitive, Category: "lookup", Fn: firstHitFn(false)},
		funcs.Spec{Name: "ifirstHit", Params: []string{"func", "X", "target"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.Aggregate | funcs.OrderSensitive, Category: "lookup", Fn: firstHitFn(true)},
		funcs.Spec{Name: "firstNot", Params: []string{"X", "k"}, Min: 1, Max: 2, Props: funcs.Pure | funcs.Aggregate | funcs.OrderSensitive, Category: "lookup", Fn: notFn("firstNot", true, false)},
		funcs.Spec{Name: "lastNot", Params: []string{"X", "k"}, Min: 1, Max: 2, Props: funcs.Pure | funcs.Aggregate | funcs.OrderSensitive, Category: "lookup", Fn: notFn("lastNot", false, false)},
		funcs.Spec{Name: "ifirstNot", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.Aggregate | funcs.OrderSensitive, Category: "lookup", Fn: notFn("ifirstNot", true, true)},
		funcs.Spec{Name: "ilastNot", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.Aggregate | funcs.OrderSensitive, Category: "lookup", Fn: notFn("ilastNot", false, true)},
		funcs.Spec{Name: "milastNot", Params: []string{"X", "window", "minPeriods"}, Min: 2, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "lookup", Fn: xmilastNot},
		funcs.Spec{Name: "head", Params: []string{"obj", "n"}, Min: 1, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "lookup", Fn: headTail("head", true)},
		funcs.Spec{Name: "tail", Params: []string{"obj", "n"}, Min: 1, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "lookup", Fn: headTail("tail", false)},
		funcs.Spec{Name: "searchK", Params: []string{"X", "k"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.Aggregate, Category: "lookup", Fn: xsearchK},
		funcs.Spec{Name: "slice", Params: []string{"obj", "rowIndex", "colIndex"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "lookup", Fn: xslice},
		funcs.Spec{Name: "subarray", Params: []string{"X", "range"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "lookup", Fn: xsubarray},
		funcs.Spec{Name: "row", Params: []string{"obj", "index"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "lookup", Fn: rowFn},
		funcs.Spec{Name: "col", Params: []string{"obj", "index"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "lookup", Fn: colFn},
		funcs.Spec{Name: "cell", Params: []string{"obj", "row", "col"}, Min: 3, Max: 3, Props: funcs.Pure, Category: "lookup", Fn: xcell},
		funcs.Spec{Name: "cells", Params: []string{"obj", "row", "col"}, Min: 3, Max: 3, Props: funcs.Pure, Category: "lookup", Fn: xcells},
		funcs.Spec{Name: "sliceByKey", Params: []string{"table", "rowKeys", "colNames"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "lookup", Fn: xsliceByKey},
	)
	funcs.Alias("column", "col")

	// merge.go.
	funcs.Register(
		funcs.Spec{Name: "join", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "merge", Fn: xjoin},
		funcs.Spec{Name: "join!", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Mutating, Category: "merge", Fn: joinInPlace},
		funcs.Spec{Name: "union", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "merge", Fn: xunion},
		funcs.Spec{Name: "unionAll", Params: []string{"tableA", "tableB", "byColName"}, Min: 1, Max: 3, Category: "merge", Fn: unionAll},
		funcs.Spec{Name: "concatMatrix", Params: []string{"X", "horizontal"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "merge", Fn: concatMatrix},
	)

	// panel.go.
	funcs.Register(funcs.Spec{Name: "panel", Params: []string{"row", "col", "metrics", "rowLabel", "colLabel", "parallel"}, Min: 3, Max: 6,
		Props: funcs.Pure, Category: "generate", Fn: panel})

	// rand.go.
	funcs.Register(funcs.Spec{Name: "rand", Params: []string{"X", "count"}, Min: 1, Max: 2, Category: "distributions", Fn: xrand})

	// replace.go.
	funcs.Register(
		funcs.Spec{Name: "replace", Params: []string{"X", "oldValue", "newValue"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.ElementWise, Category: "replace", Fn: replaceFn("replace", false)},
		funcs.Spec{Name: "replace!", Params: []string{"X", "oldValue", "newValue"}, Min: 3, Max: 3, Props: funcs.Mutating, Category: "replace", Fn: replaceFn("replace!", true)},
	)

	// reshape.go.
	funcs.Register(
		funcs.Spec{Name: "flatten", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "reshape", Fn: xflatten},
		funcs.Spec{Name: "reshape", Params: []string{"obj", "dim"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "reshape", Fn: xreshape},
		funcs.Spec{Name: "shuffle", Params: []string{"X"}, Min: 1, Max: 1, Category: "reshape", Fn: shuffleFn(false)},
		funcs.Spec{Name: "shuffle!", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Mutating, Category: "reshape", Fn: shuffleFn(true)},
		funcs.Spec{Name: "ungroup", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "reshape", Fn: xungroup},
		funcs.Spec{Name: "unpivot", Params: []string{"obj", "keyColNames", "valueColNames", "func"}, Min: 3, Max: 4, Props: funcs.Pure, Category: "reshape", Fn: xunpivot},
		funcs.Spec{Name: "regroup", Params: []string{"X", "label", "func", "byRow"}, Min: 3, Max: 4, Props: funcs.Pure, Category: "reshape", Fn: xregroup},
	)

	// rowalign.go.
	funcs.Register(funcs.Spec{Name: "rowAlign", Params: []string{"left", "right", "how"}, Min: 3, Max: 3,
		Props: funcs.Pure, Category: "row-wise", Fn: rowAlign})

	// rolling_panel.go.
	funcs.Register(funcs.Spec{Name: "rollingPanel", Params: []string{"X", "window", "groupingCol"}, Min: 2, Max: 3,
		Props: funcs.Pure | funcs.OrderSensitive, Category: "generate", Fn: rollingPanel})

	// vector.go.
	funcs.Register(
		funcs.Spec{Name: "til", Params: []string{"n"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "generate", Fn: xtil},
		funcs.Spec{Name: "distinct", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "data-processing", Fn: xdistinct},
		funcs.Spec{Name: "isVoid", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "null-fill", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			s, ok := args[0].(*value.Scalar)
			return value.NewBool(ok && s.T == value.Void), nil
		}},
		funcs.Spec{Name: "isNothing", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "null-fill", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			s, ok := args[0].(*value.Scalar)
			return value.NewBool(ok && s.IsNothing()), nil
		}},
		// Porpoise is one node: it is always initialised.
		funcs.Spec{Name: "isNodeInitialized", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: constant(value.NewBool(true))},
		funcs.Spec{Name: "isDataNodeInitialized", Min: 0, Max: 0, Props: funcs.Session, Category: "cluster", Fn: constant(value.NewBool(true))},
	)
}
