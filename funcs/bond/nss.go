package bond

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The yield a Nelson-Siegel (ns) or Nelson-Siegel-Svensson (nss) model
// predicts at each maturity in years (funcs/n/nsspredict.md). With
// h(x) = (1-exp(-x))/x,
//
//	y(t) = b0 + b1*h(t/l0) + b2*(h(t/l0) - exp(-t/l0)) [+ b3*(h(t/l1) - exp(-t/l1))]
//
// from params [b0, b1, b2, l0] (ns) or [b0, b1, b2, b3, l0, l1] (nss).

func nssPredict(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "nssPredict"
	params, ok := nssModel(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [model] of nssPredict must be a dictionary whose modelName is 'ns' or 'nss' and whose params are 4 or 6 numbers without NULL values.")
	}
	v, scalar := funcs.ScalarOrVector(args[1])
	if v == nil || !funcs.IsNumericVec(v) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric scalar or vector.", "maturity", fn)
	}
	ts, err := funcs.DoublesOf(fn, v)
	if err != nil {
		return nil, err
	}
	b0, b1, b2, b3, l0, l1 := params[0], params[1], params[2], 0.0, params[3], 1.0
	if len(params) == 6 {
		b3, l0, l1 = params[3], params[4], params[5]
	}
	out := make([]float64, len(ts))
	for i, t := range ts {
		out[i] = value.NullFloat64
		if funcs.IsNullF(t) || !(t > 0) {
			continue
		}
		x0, x1 := t/l0, t/l1
		h0, h1 := (1-math.Exp(-x0))/x0, (1-math.Exp(-x1))/x1
		y := b0 + b1*h0 + b2*(h0-math.Exp(-x0))
		if len(params) == 6 {
			y += b3 * (h1 - math.Exp(-x1))
		}
		if math.IsNaN(y) || math.IsInf(y, 0) {
			continue
		}
		out[i] = y
	}
	if scalar {
		return value.NewDouble(out[0]), nil
	}
	return value.NewDoubles(out), nil
}

// nssModel is the params of an ns or nss model dictionary; ok is false
// for anything else.
func nssModel(x value.Value) ([]float64, bool) {
	d, ok := x.(*value.Dict)
	if !ok || (d.Keys.T != value.String && d.Keys.T != value.Symbol) {
		return nil, false
	}
	get := func(key string) value.Value { return d.Get(value.NewStrings(d.Keys.T, []string{key}), 0) }
	name, ok := funcs.StringArg(get("modelName"))
	if !ok || (name != "ns" && name != "nss") {
		return nil, false
	}
	p, ok := get("params").(*value.Vector)
	if !ok || !funcs.IsNumericVec(p) || p.HasNull() {
		return nil, false
	}
	want := 4
	if name == "nss" {
		want = 6
	}
	if p.Len() != want {
		return nil, false
	}
	xs, err := funcs.DoublesOf("nssPredict", p)
	if err != nil {
		return nil, false
	}
	return xs, true
}
