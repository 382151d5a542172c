package stats

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// earthRadius is the sphere DolphinDB measures on: its distance() values
// (99.185916 m for 0.000892 degrees of latitude, 10148.799 m for 0.1
// degrees of longitude at 24.118418N) are the spherical law of cosines
// on a radius of 6371004 m.
const earthRadius = 6371004.0

// distance is the great-circle distance in meters between POINTs
// (longitude, latitude in degrees), element by element.
func distance(_ funcs.Env, args []value.Value) (value.Value, error) {
	xs, xScalar, err := points(args[0])
	if err != nil {
		return nil, err
	}
	ys, yScalar, err := points(args[1])
	if err != nil {
		return nil, err
	}
	nx, ny := len(xs)/2, len(ys)/2
	n := max(nx, ny)
	if (nx != n && nx != 1) || (ny != n && ny != 1) {
		return nil, ddberr.Errorf("The arguments [X] and [Y] of distance must have the same length.")
	}
	out := make([]float64, n)
	const rad = math.Pi / 180
	for i := range out {
		j, k := 2*min(i, nx-1), 2*min(i, ny-1)
		lon1, lat1, lon2, lat2 := xs[j], xs[j+1], ys[k], ys[k+1]
		if lon1 == value.NullFloat64 || lon2 == value.NullFloat64 {
			out[i] = value.NullFloat64
			continue
		}
		p1, p2 := lat1*rad, lat2*rad
		c := math.Sin(p1)*math.Sin(p2) + math.Cos(p1)*math.Cos(p2)*math.Cos((lon2-lon1)*rad)
		out[i] = earthRadius * math.Acos(math.Max(-1, math.Min(1, c)))
	}
	r := value.NewDoubles(out)
	if xScalar && yScalar {
		return r.At(0), nil
	}
	return r, nil
}

// points returns the interleaved longitude/latitude of a POINT scalar,
// pair or vector.
func points(x value.Value) ([]float64, bool, error) {
	bad := ddberr.Errorf("The arguments of distance must be POINT scalars, pairs or vectors.")
	switch v := x.(type) {
	case *value.Scalar:
		if v.T != value.Point {
			return nil, false, bad
		}
		return v.Vector().F64, true, nil
	case *value.Vector:
		if v.T != value.Point {
			return nil, false, bad
		}
		return v.F64, false, nil
	case *value.Pair:
		if v.V.T != value.Point {
			return nil, false, bad
		}
		return v.V.F64, false, nil
	}
	return nil, false, bad
}
