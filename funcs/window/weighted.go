package window

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// mavgSpec is mavg, whose second argument is a window or, as a numeric
// vector, the weights of a window as long as it (funcs/m/mavg.md).
func mavgSpec() funcs.Spec {
	s := mSpec("mavg", kAvg, iAvg)
	byWindow := s.Fn
	s.Fn = func(env funcs.Env, args []value.Value) (value.Value, error) {
		w, ok := args[1].(*value.Vector)
		if !ok || w.T == value.Any {
			return byWindow(env, args)
		}
		ws, err := funcs.DoublesOf("mavg", w)
		if err != nil || !funcs.IsNumericVec(w) {
			return nil, ddberr.Errorf("The weights of mavg must be a numeric vector.")
		}
		if len(ws) > 1024 {
			return nil, ddberr.Errorf("The size of the weights of mavg must be between 0 and 1024.")
		}
		return MovingColumns("mavg", args[0], func(v *value.Vector) (*value.Vector, error) {
			xs, err := funcs.DoublesOf("mavg", v)
			if err != nil {
				return nil, err
			}
			return value.NewDoubles(weightedAvg(xs, ws)), nil
		})
	}
	return s
}

// weightedAvg is the average of each window of len(ws) elements ending
// at a row, element j of the window weighted by ws[j]: NULL elements
// drop out with their weights, a window of NULLs gives NULL, and the
// first len(ws)-1 rows are NULL.
func weightedAvg(xs, ws []float64) []float64 {
	out := make([]float64, len(xs))
	k := len(ws)
	for i := range out {
		if k == 0 || i < k-1 {
			out[i] = value.NullFloat64
			continue
		}
		var num, den float64
		win := xs[i-k+1 : i+1]
		for j, x := range win {
			if funcs.IsNullF(x) || funcs.IsNullF(ws[j]) {
				continue
			}
			num += x * ws[j]
			den += ws[j]
		}
		if den == 0 {
			out[i] = value.NullFloat64
			continue
		}
		out[i] = num / den
	}
	return out
}
