package stats

import (
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// histogram2d counts the points (X[i], Y[i]) per rectangle of the bin
// edges as numpy.histogram2d does: bins right-open but the last closed,
// points outside the edges dropped, optional weights, and with density
// each count divided by the total and the rectangle's area
// (funcs/h/histogram2d.md). It returns H, xedges and yedges.
func histogram2d(env funcs.Env, args []value.Value) (value.Value, error) {
	x, err := histogramSample(args[0])
	if err != nil {
		return nil, err
	}
	y, err := histogramSample(args[1])
	if err != nil {
		return nil, err
	}
	if len(x) != len(y) {
		return nil, ddberr.Errorf("X and Y of histogram2d must be numeric vectors of the same length without NULL values.")
	}
	xbins, ybins := value.Value(value.NewInt(10)), value.Value(value.NewInt(10))
	if b := funcs.Arg(args, 2); !funcs.NullOrAbsent(b) {
		xbins, ybins = b, b
		if t, ok := b.(*value.Vector); ok && t.T == value.Any {
			if t.Len() != 2 {
				return nil, ddberr.Errorf("bins of histogram2d must be a positive integer, an increasing vector of at least 2 edges, or a tuple of two of them.")
			}
			xbins, ybins = t.Any[0], t.Any[1]
		}
	}
	var xr, yr []float64
	if r := funcs.Arg(args, 3); !funcs.NullOrAbsent(r) {
		t, ok := r.(*value.Vector)
		if !ok || t.T != value.Any || t.Len() != 2 {
			return nil, ddberr.Errorf("range of histogram2d must be a tuple of two (min, max) vectors.")
		}
		if xr, err = histogramRange(t.Any[0]); err == nil {
			yr, err = histogramRange(t.Any[1])
		}
		if err != nil {
			return nil, err
		}
	}
	xedges, err := histogramEdges(env, x, xbins, xr)
	if err != nil {
		return nil, err
	}
	yedges, err := histogramEdges(env, y, ybins, yr)
	if err != nil {
		return nil, err
	}
	density, err := funcs.BoolArg("histogram2d", "density", funcs.Arg(args, 4), false)
	if err != nil {
		return nil, err
	}
	var w []float64
	if wa := funcs.Arg(args, 5); !funcs.NullOrAbsent(wa) {
		if w, err = histogramSample(wa); err != nil || len(w) != len(x) {
			return nil, ddberr.Errorf("weights of histogram2d must be a numeric vector as long as X without NULL values.")
		}
	}
	nx, ny := len(xedges)-1, len(yedges)-1
	// the counts are one per pair of bins: two vectors of 200,000 edges
	// asked for 320 GB and took the process down
	cells := 1 << 40
	if nx == 0 || ny <= cells/nx {
		cells = nx * ny
	}
	if err := env.Reserve(cells); err != nil {
		return nil, err
	}
	h := make([]float64, nx*ny)
	total := 0.0
	for i := range x {
		bx, by := histogramBin(xedges, x[i]), histogramBin(yedges, y[i])
		if bx < 0 || by < 0 {
			continue
		}
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		h[by*nx+bx] += wi
		total += wi
	}
	if density && total != 0 {
		for bx := 0; bx < nx; bx++ {
			for by := 0; by < ny; by++ {
				area := (xedges[bx+1] - xedges[bx]) * (yedges[by+1] - yedges[by])
				h[by*nx+bx] /= total * area
			}
		}
	}
	return funcs.StringDict([]string{"H", "xedges", "yedges"}, []value.Value{
		&value.Matrix{V: value.NewDoubles(h), Rows: nx, Cols: ny}, value.NewDoubles(xedges), value.NewDoubles(yedges)}), nil
}

// histogramSample reads a numeric vector without NULLs.
func histogramSample(v value.Value) ([]float64, error) {
	vec, ok := v.(*value.Vector)
	if ok && funcs.IsNumericVec(vec) && vec.T != value.Void {
		xs, err := funcs.DoublesOf("histogram2d", vec)
		if err == nil && !vec.HasNull() {
			return xs, nil
		}
	}
	return nil, ddberr.Errorf("X and Y of histogram2d must be numeric vectors of the same length without NULL values.")
}

// histogramRange reads one dimension's (min, max).
func histogramRange(v value.Value) ([]float64, error) {
	vec, ok := funcs.VectorArg(v)
	if ok && vec.Len() == 2 && funcs.IsNumericVec(vec) && !vec.HasNull() {
		r, err := funcs.DoublesOf("histogram2d", vec)
		if err == nil && r[0] <= r[1] {
			return r, nil
		}
	}
	return nil, ddberr.Errorf("range of histogram2d must be a tuple of two (min, max) vectors.")
}

// histogramEdges is one dimension's bin edges: the given increasing
// edges, or bins equal bins over rng (default the data's min and max,
// widened by 0.5 each way when they are equal).
func histogramEdges(env funcs.Env, data []float64, bins value.Value, rng []float64) ([]float64, error) {
	if vec, ok := bins.(*value.Vector); ok {
		edges, err := funcs.DoublesOf("histogram2d", vec)
		if err != nil || len(edges) < 2 || vec.HasNull() || !sort.Float64sAreSorted(edges) {
			return nil, ddberr.Errorf("bins of histogram2d must be a positive integer, an increasing vector of at least 2 edges, or a tuple of two of them.")
		}
		return append([]float64(nil), edges...), nil
	}
	s, ok := funcs.ScalarArg(bins)
	if !ok || s.Null || s.T.Category() != value.CatIntegral || s.I <= 0 {
		return nil, ddberr.Errorf("bins of histogram2d must be a positive integer, an increasing vector of at least 2 edges, or a tuple of two of them.")
	}
	lo, hi := 0.0, 1.0
	if rng != nil {
		lo, hi = rng[0], rng[1]
	} else if len(data) > 0 {
		lo, hi = data[0], data[0]
		for _, v := range data {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	if err := env.Reserve(int(min(s.I, 1<<40))); err != nil {
		return nil, err
	}
	n := int(s.I)
	edges := make([]float64, n+1)
	step := (hi - lo) / float64(n)
	for i := range edges {
		edges[i] = lo + float64(i)*step
	}
	edges[n] = hi
	return edges, nil
}

// histogramBin is the bin of v, or -1 outside the edges; the last bin
// includes its right edge.
func histogramBin(edges []float64, v float64) int {
	n := len(edges) - 1
	if v < edges[0] || v > edges[n] {
		return -1
	}
	if v == edges[n] {
		return n - 1
	}
	return sort.Search(n+1, func(i int) bool { return edges[i] > v }) - 1
}
