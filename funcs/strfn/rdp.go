package strfn

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// rdp compresses a polyline of POINTs with the Ramer-Douglas-Peucker
// algorithm (funcs/r/rdp.md): of the points between two kept ones, the
// farthest from the line through them is kept when farther than epsilon,
// and the span split there; the others are dropped.
func rdp(_ funcs.Env, args []value.Value) (value.Value, error) {
	pts, ok := args[0].(*value.Vector)
	if !ok || pts.T != value.Point || pts.HasNull() {
		return nil, ddberr.Errorf("pointList of rdp must be a POINT vector without NULL values.")
	}
	eps, ok := funcs.ScalarArg(args[1])
	if !ok || !eps.T.IsNumeric() || eps.Null || eps.Float64() < 0 {
		return nil, ddberr.Errorf("epsilon of rdp must be a non-negative number.")
	}
	xy := pts.F64
	n := len(xy) / 2
	keep := make([]bool, n)
	if n > 0 {
		keep[0], keep[n-1] = true, true
	}
	type span struct{ lo, hi int }
	stack := []span{{0, n - 1}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		far, best := -1, eps.Float64()
		for i := s.lo + 1; i < s.hi; i++ {
			if d := lineDistance(xy, i, s.lo, s.hi); d > best {
				far, best = i, d
			}
		}
		if far >= 0 {
			keep[far] = true
			stack = append(stack, span{s.lo, far}, span{far, s.hi})
		}
	}
	out := make([]float64, 0, 2*n)
	for i, k := range keep {
		if k {
			out = append(out, xy[2*i], xy[2*i+1])
		}
	}
	return &value.Vector{T: value.Point, F64: out}, nil
}

// lineDistance is the distance of point i from the line through points a
// and b (from a itself when they coincide), in interleaved x, y data.
func lineDistance(xy []float64, i, a, b int) float64 {
	px, py := xy[2*i], xy[2*i+1]
	ax, ay, bx, by := xy[2*a], xy[2*a+1], xy[2*b], xy[2*b+1]
	dx, dy := bx-ax, by-ay
	if l := math.Hypot(dx, dy); l > 0 {
		return math.Abs(dy*(px-ax)-dx*(py-ay)) / l
	}
	return math.Hypot(px-ax, py-ay)
}
