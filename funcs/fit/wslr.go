package fit

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// wslr is the weighted simple linear regression of Y on X with weights W
// over the rows none of the three is NULL in (funcs/w/wslr.md): the tuple
// (intercept, slope) and, with mse, sum(W*residual^2)/(n-2), the order
// the page's outputs print (its text calls the intercept beta).
func wslr(_ funcs.Env, args []value.Value) (value.Value, error) {
	cols := make([][]float64, 3)
	for i, name := range []string{"Y", "X", "W"} {
		v, ok := args[i].(*value.Vector)
		if !ok || !funcs.IsNumericVec(v) || v.T == value.Bool {
			return nil, ddberr.Errorf("The argument [%s] of wslr must be a numeric vector.", name)
		}
		xs, err := funcs.DoublesOf("wslr", v)
		if err != nil {
			return nil, err
		}
		if i > 0 && len(xs) != len(cols[0]) {
			return nil, ddberr.Errorf("The arguments Y, X and W of wslr must be of the same length.")
		}
		cols[i] = xs
	}
	mse, err := funcs.BoolArg("wslr", "mse", funcs.Arg(args, 3), false)
	if err != nil {
		return nil, err
	}
	ys, xs, ws := cols[0], cols[1], cols[2]
	var sw, sx, sy float64
	n := 0
	usable := func(i int) bool {
		return !funcs.IsNullF(ys[i]) && !funcs.IsNullF(xs[i]) && !funcs.IsNullF(ws[i])
	}
	for i, w := range ws {
		if !usable(i) {
			continue
		}
		if w < 0 {
			return nil, ddberr.Errorf("The weights W of wslr must be non-negative.")
		}
		sw += w
		sx += w * xs[i]
		sy += w * ys[i]
		n++
	}
	xm, ym := sx/sw, sy/sw
	var sxy, sxx float64
	for i, w := range ws {
		if usable(i) {
			sxy += w * (xs[i] - xm) * (ys[i] - ym)
			sxx += w * (xs[i] - xm) * (xs[i] - xm)
		}
	}
	slope := sxy / sxx
	alpha := ym - slope*xm
	out := []value.Value{value.NewDouble(nullInf(alpha)), value.NewDouble(nullInf(slope))}
	if mse {
		ss := 0.0
		for i, w := range ws {
			if usable(i) {
				r := ys[i] - alpha - slope*xs[i]
				ss += w * r * r
			}
		}
		out = append(out, value.NewDouble(nullInf(ss/float64(n-2))))
	}
	return value.NewTuple(out), nil
}

// nullInf is x with infinities (no fit) as NaN, DolphinDB's NULL.
func nullInf(x float64) float64 {
	if math.IsInf(x, 0) {
		return math.NaN()
	}
	return x
}
