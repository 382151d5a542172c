package stats

import (
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// linearInterpolatePredict is the predict function a linearInterpolateFit
// model holds; scripts reach it through predict(model, X).
var linearInterpolatePredict = funcs.PredictSpec("linearInterpolatePredict", "statistics", interpolatePredict)

// predict applies a model dictionary's predict function to X
// (funcs/p/predict.md).
func predict(env funcs.Env, args []value.Value) (value.Value, error) {
	if fn := funcs.ModelField(args[0], "predict"); funcs.IsFunction(fn) {
		return env.Call(fn, args[0], args[1])
	}
	return nil, ddberr.Errorf("The model of predict must be a dictionary holding a predict function.")
}

// linearInterpolateFit is the piecewise linear interpolation model of the
// points (X, Y): X sorted with Y along (unless sorted says it already
// is), and outside X's range either the end segments extended or the
// fillValue pair's below and above (funcs/l/linearinterpolatefit.md).
func linearInterpolateFit(_ funcs.Env, args []value.Value) (value.Value, error) {
	xv, ok1 := args[0].(*value.Vector)
	yv, ok2 := args[1].(*value.Vector)
	if !ok1 || !funcs.IsNumericVec(xv) || xv.T == value.Void || xv.Len() < 2 || xv.HasNull() {
		return nil, ddberr.Errorf("X of linearInterpolateFit must be a numeric vector of at least 2 distinct values without NULL values.")
	}
	if !ok2 || !funcs.IsNumericVec(yv) || yv.T == value.Void || yv.Len() != xv.Len() || yv.HasNull() {
		return nil, ddberr.Errorf("Y of linearInterpolateFit must be a numeric vector as long as X without NULL values.")
	}
	fill := funcs.Arg(args, 2)
	if funcs.NullOrAbsent(fill) {
		fill = value.NewString("extrapolate")
	}
	if s, ok := funcs.StringArg(fill); ok && s != "extrapolate" || !ok && !isNumericPair(fill) {
		return nil, ddberr.Errorf("fillValue of linearInterpolateFit must be 'extrapolate' or a numeric pair (below, above).")
	}
	r := funcs.ReadArgs("linearInterpolateFit", args)
	sorted := r.Bool("sorted", r.Arg(3), false)
	xs, ys := r.Doubles(xv), r.Doubles(yv)
	if err := r.Err(); err != nil {
		return nil, err
	}
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	if !sorted {
		sort.SliceStable(order, func(a, b int) bool { return xs[order[a]] < xs[order[b]] })
	}
	sx, sy := make([]float64, len(xs)), make([]float64, len(xs))
	for i, j := range order {
		sx[i], sy[i] = xs[j], ys[j]
		if i > 0 && sx[i] <= sx[i-1] {
			if sorted && sx[i] < sx[i-1] {
				return nil, ddberr.Errorf("X of linearInterpolateFit must be increasing when sorted=true.")
			}
			return nil, ddberr.Errorf("X of linearInterpolateFit must be a numeric vector of at least 2 distinct values without NULL values.")
		}
	}
	keys := []string{"modelName", "sortedX", "sortedY", "fillValue", "predict"}
	vals := []value.Value{value.NewString("linearInterpolate"), value.NewDoubles(sx), value.NewDoubles(sy), fill, linearInterpolatePredict}
	return funcs.StringDict(keys, vals), nil
}

// isNumericPair reports whether v is a pair of two numbers.
func isNumericPair(v value.Value) bool {
	p, ok := v.(*value.Pair)
	return ok && funcs.IsNumericVec(p.V) && p.V.T != value.Void && !p.V.HasNull()
}

// interpolatePredict evaluates a linearInterpolateFit model at X: the
// segment around each point, the end segments (or fillValue) outside.
func interpolatePredict(_ funcs.Env, args []value.Value) (value.Value, error) {
	d, ok := args[0].(*value.Dict)
	if !ok || d.Keys.T != value.String {
		return nil, ddberr.Errorf("The model of predict must be a dictionary holding a predict function.")
	}
	field := func(name string) value.Value {
		return d.Get(value.NewStrings(value.String, []string{name}), 0)
	}
	sxv, ok1 := field("sortedX").(*value.Vector)
	syv, ok2 := field("sortedY").(*value.Vector)
	if !ok1 || !ok2 || sxv.T != value.Double || syv.T != value.Double || sxv.Len() != syv.Len() || sxv.Len() < 2 {
		return nil, ddberr.Errorf("The model of predict must be a dictionary holding a predict function.")
	}
	sx, sy := sxv.F64, syv.F64
	var below, above []float64
	if p, ok := field("fillValue").(*value.Pair); ok {
		fv, err := funcs.DoublesOf("predict", p.V)
		if err != nil {
			return nil, err
		}
		below, above = fv[:1], fv[1:]
	}
	x, wrap, err := funcs.Floats("predict", args[1])
	if err != nil {
		return nil, err
	}
	n := len(sx)
	out := make([]float64, len(x))
	for i, v := range x {
		switch {
		case funcs.IsNullF(v):
			out[i] = value.NullFloat64
			continue
		case v < sx[0] && below != nil:
			out[i] = below[0]
			continue
		case v > sx[n-1] && above != nil:
			out[i] = above[0]
			continue
		}
		k := sort.SearchFloat64s(sx, v) // first edge >= v
		k = min(max(k, 1), n-1)
		out[i] = sy[k-1] + (sy[k]-sy[k-1])*(v-sx[k-1])/(sx[k]-sx[k-1])
	}
	return wrap(value.NewDoubles(out)), nil
}
