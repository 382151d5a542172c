package interp

import (
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/temporal"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// series is the input of the resampling interpolators: the points (x,
// y), x in X's ticks from X's first, and the resampled X (grid, its
// positions at gx).
type series struct {
	x, y, gx []float64
	grid     *value.Vector
}

// resampled reads X, Y, resampleRule, closed and origin (the arguments
// of dividedDifference, neville, spline and loess) and resamples X as
// resample(X, rule, first, closed, , origin) would label its rows.
func resampled(env funcs.Env, fn string, args []value.Value) (*series, error) {
	xv, ok := args[0].(*value.Vector)
	var raw []int64
	if ok && xv.T.IsTemporal() && !xv.T.IsArray() {
		raw = temporal.RawInt64s(xv)
	}
	if raw == nil || len(raw) == 0 {
		return nil, ddberr.Errorf("X of %s must be a strictly increasing temporal vector.", fn)
	}
	for i, r := range raw {
		if r == value.NullInt64 || i > 0 && r <= raw[i-1] {
			return nil, ddberr.Errorf("X of %s must be a strictly increasing temporal vector.", fn)
		}
	}
	yv, ok := args[1].(*value.Vector)
	var ys []float64
	if ok && funcs.IsNumericVec(yv) && yv.Len() == len(raw) {
		ys, _ = funcs.DoublesOf(fn, yv)
	}
	if ys == nil {
		return nil, ddberr.Errorf("Y of %s must be a numeric vector as long as X.", fn)
	}
	s := &series{x: make([]float64, len(raw)), y: append([]float64(nil), ys...)}
	for i, r := range raw {
		s.x[i] = float64(r - raw[0])
	}
	resample, ok := env.Function("resample")
	first, ok2 := env.Function("first")
	if !ok || !ok2 {
		return nil, ddberr.Errorf("X of %s must be a strictly increasing temporal vector.", fn)
	}
	m := &value.Matrix{V: value.NewDoubles(s.y), Rows: len(raw), Cols: 1, RowLabels: xv, Indexed: value.IndexedSeries}
	rargs := []value.Value{m, args[2], first}
	closed, origin := funcs.GivenArg(args, 3), funcs.GivenArg(args, 4)
	if closed != nil || origin != nil {
		if closed == nil {
			closed = value.NewNothing()
		}
		rargs = append(rargs, closed)
	}
	if origin != nil {
		rargs = append(rargs, value.NewNothing(), origin)
	}
	r, err := env.Call(resample, rargs...)
	if err != nil {
		return nil, err
	}
	rm, ok := r.(*value.Matrix)
	if !ok || rm.RowLabels == nil {
		return nil, ddberr.Errorf("X of %s must be a strictly increasing temporal vector.", fn)
	}
	grid := rm.RowLabels
	if grid.T != xv.T {
		if grid, err = cast.Vector(grid, xv.T, 0); err != nil {
			return nil, err
		}
	}
	s.grid = grid
	graw := temporal.RawInt64s(grid)
	s.gx = make([]float64, len(graw))
	for i, g := range graw {
		s.gx[i] = float64(g - raw[0])
	}
	return s, nil
}

// result is the interpolated values, with the grid first when outputX.
func (s *series) result(fn string, args []value.Value, i int, ys []float64) (value.Value, error) {
	outputX, err := funcs.BoolArg(fn, "outputX", funcs.GivenArg(args, i), false)
	if err != nil {
		return nil, err
	}
	v := value.NewDoubles(funcs.Finite(ys))
	if outputX {
		return value.NewTuple([]value.Value{s.grid, v}), nil
	}
	return v, nil
}

// dividedDifference interpolates Y at the resampled X by the polynomial
// through every point in Newton's divided-difference form
// (funcs/d/dividedDifference.md).
func dividedDifference(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := resampled(env, "dividedDifference", args)
	if err != nil {
		return nil, err
	}
	n := len(s.x)
	c := append([]float64(nil), s.y...)
	for k := 1; k < n; k++ {
		for i := n - 1; i >= k; i-- {
			c[i] = (c[i] - c[i-1]) / (s.x[i] - s.x[i-k])
		}
	}
	out := make([]float64, len(s.gx))
	for j, g := range s.gx {
		v := c[n-1]
		for i := n - 2; i >= 0; i-- {
			v = v*(g-s.x[i]) + c[i]
		}
		out[j] = v
	}
	return s.result("dividedDifference", args, 5, out)
}

// neville interpolates Y at the resampled X by Neville's algorithm over
// every point (funcs/n/neville.md): the same polynomial as
// dividedDifference, built by repeated linear interpolation.
func neville(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := resampled(env, "neville", args)
	if err != nil {
		return nil, err
	}
	n := len(s.x)
	p := make([]float64, n)
	out := make([]float64, len(s.gx))
	for j, g := range s.gx {
		copy(p, s.y)
		for k := 1; k < n; k++ {
			for i := 0; i < n-k; i++ {
				p[i] = ((g-s.x[i+k])*p[i] + (s.x[i]-g)*p[i+1]) / (s.x[i] - s.x[i+k])
			}
		}
		out[j] = p[0]
	}
	return s.result("neville", args, 5, out)
}

// spline interpolates Y at the resampled X by the natural cubic spline
// through the points (funcs/s/spline.md).
func spline(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := resampled(env, "spline", args)
	if err != nil {
		return nil, err
	}
	return s.result("spline", args, 5, naturalSpline(s.x, s.y, s.gx))
}

// naturalSpline evaluates at gx the cubic spline through (x, y) whose
// second derivative is 0 at both ends (a line for two points, the
// constant for one); outside x it extends the end pieces.
func naturalSpline(x, y, gx []float64) []float64 {
	n := len(x)
	out := make([]float64, len(gx))
	if n == 1 {
		for j := range out {
			out[j] = y[0]
		}
		return out
	}
	// second derivatives M by the tridiagonal system (Thomas algorithm)
	M := make([]float64, n)
	if n > 2 {
		a, b, c, d := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		for i := 1; i < n-1; i++ {
			h0, h1 := x[i]-x[i-1], x[i+1]-x[i]
			a[i], b[i], c[i] = h0/6, (h0+h1)/3, h1/6
			d[i] = (y[i+1]-y[i])/h1 - (y[i]-y[i-1])/h0
		}
		for i := 2; i < n-1; i++ {
			w := a[i] / b[i-1]
			b[i] -= w * c[i-1]
			d[i] -= w * d[i-1]
		}
		for i := n - 2; i >= 1; i-- {
			M[i] = d[i]
			if i < n-2 {
				M[i] -= c[i] * M[i+1]
			}
			M[i] /= b[i]
		}
	}
	for j, g := range gx {
		// the piece whose interval holds g: the first with x[i+1] >= g
		i := min(max(sort.SearchFloat64s(x, g)-1, 0), n-2)
		h := x[i+1] - x[i]
		t0, t1 := x[i+1]-g, g-x[i]
		out[j] = M[i]*t0*t0*t0/(6*h) + M[i+1]*t1*t1*t1/(6*h) +
			(y[i]/h-M[i]*h/6)*t0 + (y[i+1]/h-M[i+1]*h/6)*t1
	}
	return out
}
