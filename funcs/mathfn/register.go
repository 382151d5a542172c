package mathfn

import (
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the whole family, one section per topic file (where the
// implementations live), in file order so an alias follows its target.
func init() {
	// eigen.go.
	funcs.Register(
		funcs.Spec{Name: "eig", Params: []string{"A"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "math", Fn: eig},
		funcs.Spec{Name: "schur", Params: []string{"obj", "sort"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "math", Fn: schur},
	)

	// geometry.go.
	funcs.Register(funcs.Spec{Name: "geoWithin", Params: []string{"X", "polygonVertices", "containBoundary"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "math", Fn: geoWithin})

	// linalg.go.
	funcs.Register(
		funcs.Spec{Name: "diag", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "math", Fn: diag},
		funcs.Spec{Name: "det", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "math", Fn: det},
		funcs.Spec{Name: "inverse", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "math", Fn: inverse},
		funcs.Spec{Name: "tril", Params: []string{"X", "k"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "math",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return triangle("tril", args, true) }},
		funcs.Spec{Name: "triu", Params: []string{"X", "k"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "math",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return triangle("triu", args, false) }},
		funcs.Spec{Name: "repmat", Params: []string{"X", "rowRep", "colRep"}, Min: 3, Max: 3, Props: funcs.Pure, Category: "math", Fn: repmat},
		funcs.Spec{Name: "cholesky", Params: []string{"obj", "lower"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "math", Fn: cholesky},
	)
	// inv is inverse under its other name (funcs/m/mr.md: xtx.inv())
	funcs.Alias("inv", "inverse")

	funcs.Register(
		funcs.Spec{Name: "lu", Params: []string{"obj", "permute"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "math", Fn: luFn},
		funcs.Spec{Name: "qr", Params: []string{"obj", "mode", "pivoting"}, Min: 1, Max: 3, Props: funcs.Pure, Category: "math", Fn: qrFn},
		funcs.Spec{Name: "gramSchmidt", Params: []string{"X", "normalize"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "math", Fn: gramSchmidt},
	)

	// logical.go.
	funcs.Register(funcs.Spec{
		Name: "xor", Params: []string{"X", "Y"}, Min: 2, Max: 2,
		Props: funcs.ElementWise | funcs.Pure, Category: "logical", Fn: xor,
	})

	// math.go.
	for name, f := range doubleFuncs {
		name, f := name, f
		funcs.Register(funcs.OverArray(funcs.Spec{
			Name: name, Params: []string{"X"}, Min: 1, Max: 1,
			Props: funcs.ElementWise | funcs.Pure, Category: "math",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return funcs.MapDouble(name, args[0], f)
			},
		}))
	}
	funcs.Register(
		funcs.OverArray(funcs.OverTuple(funcs.Spec{Name: "abs", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "math", Fn: absFn})),
		funcs.OverArray(funcs.Spec{Name: "signum", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "math", Fn: signum}),
		funcs.OverArray(funcs.Spec{Name: "signbit", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "math", Fn: signbit}),
		funcs.OverArray(funcs.OverTuple(funcs.Spec{Name: "pow", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "math",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return binaryDouble("pow", args[0], args[1], math.Pow)
			}})),
		funcs.Spec{Name: "clip", Params: []string{"X", "Y", "Z"}, Min: 3, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "math",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return clip(args, false) }},
		funcs.Spec{Name: "clip!", Params: []string{"X", "Y", "Z"}, Min: 3, Max: 3, Props: funcs.ElementWise | funcs.Mutating, Category: "math",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return clip(args, true) }},
		funcs.Spec{Name: "iterate", Params: []string{"init", "coeffs", "input"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "math", Fn: iterate},
		funcs.Spec{Name: "intersection", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "math", Fn: intersection},
		funcs.Spec{Name: "symmetricDifference", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "math", Fn: symmetricDifference},
		funcs.Spec{Name: "derivative", Params: []string{"func", "X", "dx", "n", "order"}, Min: 2, Max: 5, Props: funcs.Pure, Category: "math", Fn: derivative},
		funcs.Spec{Name: "integral", Params: []string{"func", "start", "end", "start2", "end2"}, Min: 3, Max: 5, Props: funcs.Pure, Category: "math", Fn: integral},
	)
	// power is pow's other name (funcs/p/power.md).
	funcs.Alias("power", "pow")
	funcs.Alias("sign", "signum")

	// norm.go.
	funcs.Register(
		funcs.Spec{Name: "matrixRank", Params: []string{"A", "tol"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "math", Fn: matrixRank},
		funcs.Spec{Name: "pinverse", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "math", Fn: pinverse},
		funcs.Spec{Name: "vectorNorm", Params: []string{"x", "ord", "axis", "keepDims"}, Min: 1, Max: 4, Props: funcs.Pure, Category: "math", Fn: vectorNorm},
	)
	// pinv is pinverse's other name (funcs/p/pinverse.md).
	funcs.Alias("pinv", "pinverse")

	// relational.go.
	funcs.Register(
		funcs.Spec{
			Name: "eqObj", Params: []string{"obj1", "obj2", "precision"}, Min: 2, Max: 3,
			Props: funcs.Pure, Category: "relational", Fn: eqObj,
		},
		funcs.Spec{
			Name: "eqFloat", Params: []string{"X", "Y", "precision"}, Min: 2, Max: 3,
			Props: funcs.ElementWise | funcs.Pure, Category: "relational", Fn: eqFloat,
		},
		funcs.Spec{
			Name: "eqPercent", Params: []string{"X", "Y", "toleranceLevel"}, Min: 2, Max: 3,
			Props: funcs.Pure, Category: "relational", Fn: eqPercent,
		},
	)

	// svd.go.
	funcs.Register(funcs.Spec{Name: "svd", Params: []string{"obj", "fullMatrices", "computeUV"}, Min: 1, Max: 3, Props: funcs.Pure, Category: "math", Fn: svd})
}
