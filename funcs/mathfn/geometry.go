package mathfn

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// geoWithin reports whether each POINT of X lies in the polygon whose
// vertices polygonVertices lists in order, a point on an edge counting
// as inside when containBoundary (funcs/g/geowithin.md). A NULL point
// gives NULL.
func geoWithin(_ funcs.Env, args []value.Value) (value.Value, error) {
	var pts *value.Vector
	scalar := false
	switch x := args[0].(type) {
	case *value.Scalar:
		if x.T == value.Point {
			pts, scalar = x.Vector(), true
		}
	case *value.Vector:
		if x.T == value.Point {
			pts = x
		}
	}
	if pts == nil {
		return nil, ddberr.Errorf("The argument [X] of geoWithin must be a POINT scalar or vector.")
	}
	poly, ok := args[1].(*value.Vector)
	if !ok || poly.T != value.Point || poly.Len() < 3 || poly.HasNull() {
		return nil, ddberr.Errorf("The argument [polygonVertices] of geoWithin must be a POINT vector of at least 3 vertices without NULL values.")
	}
	boundary, err := funcs.BoolArg("geoWithin", "containBoundary", funcs.Arg(args, 2), true)
	if err != nil {
		return nil, err
	}
	out := make([]int8, pts.Len())
	for i := range out {
		if pts.IsNull(i) {
			out[i] = value.NullInt8
			continue
		}
		on, in := pointInPolygon(pts.F64[2*i], pts.F64[2*i+1], poly.F64)
		if (on && boundary) || (!on && in) {
			out[i] = 1
		}
	}
	r := &value.Vector{T: value.Bool, I8: out}
	if scalar {
		return r.At(0), nil
	}
	return r, nil
}

// pointInPolygon locates (x, y) against the polygon whose vertices xy
// holds as x0, y0, x1, y1, ...: on an edge, or else inside by the
// even-odd rule (a ray to the right crosses the edges an odd number of
// times).
func pointInPolygon(x, y float64, xy []float64) (on, in bool) {
	n := len(xy) / 2
	for i, j := 0, n-1; i < n; j, i = i, i+1 {
		xi, yi, xj, yj := xy[2*i], xy[2*i+1], xy[2*j], xy[2*j+1]
		if (xj-xi)*(y-yi) == (yj-yi)*(x-xi) &&
			min(xi, xj) <= x && x <= max(xi, xj) && min(yi, yj) <= y && y <= max(yi, yj) {
			return true, false
		}
		if (yi > y) != (yj > y) && x < xi+(y-yi)*(xj-xi)/(yj-yi) {
			in = !in
		}
	}
	return false, in
}
