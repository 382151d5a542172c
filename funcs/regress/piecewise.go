package regress

import (
	"context"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/funcs/optimize"
	"github.com/porpoisedb/porpoise/value"
)

// pwlfPredictSpec is piecewiseLinFit's predict function, also a built-in
// of its own (funcs/p/pwlfpredict.md).
var pwlfPredictSpec = &funcs.Spec{Name: "pwlfPredict", Params: []string{"model", "X", "beta", "breaks"}, Min: 2, Max: 4,
	Props: funcs.Pure, Category: "statistics", Fn: pwlfPredict}

// pwlfMatrix is the regression matrix of a continuous piecewise
// polynomial with the given sorted breaks at x: a column of ones, then
// for degree >= 1, for each power k up to degree, (x - breaks[0])^k and,
// per inner break b, (x - b)^k where x > b (0 elsewhere); for degree 0 a
// step 1 where x > b per inner break. A thousand breaks over 200,000
// points take seconds, so it looks at ctx once per column.
func pwlfMatrix(ctx context.Context, x, breaks []float64, degree int) ([][]float64, error) {
	n := len(x)
	col := func(f func(float64) float64) []float64 {
		if ctx.Err() != nil {
			return nil
		}
		c := make([]float64, n)
		for i, v := range x {
			c[i] = f(v)
		}
		return c
	}
	cols := [][]float64{col(func(float64) float64 { return 1 })}
	inner := breaks[1 : len(breaks)-1]
	if degree == 0 {
		for _, b := range inner {
			cols = append(cols, col(func(v float64) float64 {
				if v > b {
					return 1
				}
				return 0
			}))
		}
		return cols, ctx.Err()
	}
	for k := 1; k <= degree; k++ {
		fk := float64(k)
		cols = append(cols, col(func(v float64) float64 { return math.Pow(v-breaks[0], fk) }))
		for _, b := range inner {
			cols = append(cols, col(func(v float64) float64 {
				if v > b {
					return math.Pow(v-b, fk)
				}
				return 0
			}))
		}
	}
	return cols, ctx.Err()
}

// pwlfProblem is a piecewise fit's data and constraints.
type pwlfProblem struct {
	x, y, w  []float64 // w: squared weights, nil for none
	xc, yc   []float64
	degree   int
	segments int
}

// fit solves the coefficients for the breaks (sorted, ends included)
// and gives them with the weighted sum of squared residuals. With points
// xc, yc to pass through it solves the least-squares problem's KKT
// system. Only ctx's error is returned: a fit that fails otherwise has
// an infinite sum of squares.
func (p *pwlfProblem) fit(ctx context.Context, breaks []float64) ([]float64, float64, error) {
	cols, err := pwlfMatrix(ctx, p.x, breaks, p.degree)
	if err != nil {
		return nil, 0, err
	}
	var beta []float64
	if len(p.xc) == 0 {
		r, err := leastSquares(ctx, cols, p.y, p.w, "default", true)
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		if err != nil {
			return nil, math.Inf(1), nil
		}
		beta = r.beta
	} else if beta, err = p.constrained(ctx, cols, breaks); err != nil {
		return nil, 0, err
	}
	ssr := 0.0
	for i, y := range p.y {
		f := 0.0
		for j, c := range cols {
			f += c[i] * beta[j]
		}
		wi := 1.0
		if p.w != nil {
			wi = p.w[i]
		}
		ssr += wi * (y - f) * (y - f)
	}
	return beta, ssr, nil
}

// constrained solves min ||W(y - Aβ)||² subject to Cβ = yc.
func (p *pwlfProblem) constrained(ctx context.Context, cols [][]float64, breaks []float64) ([]float64, error) {
	k, c := len(cols), len(p.xc)
	cc, err := pwlfMatrix(ctx, p.xc, breaks, p.degree)
	if err != nil {
		return nil, err
	}
	kkt := mat.NewDense(k+c, k+c, nil)
	rhs := make([]float64, k+c)
	for a := 0; a < k; a++ {
		// a row of the k×k normal matrix is k passes over the points
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for b := 0; b < k; b++ {
			s := 0.0
			for i := range p.y {
				wi := 1.0
				if p.w != nil {
					wi = p.w[i]
				}
				s += wi * cols[a][i] * cols[b][i]
			}
			kkt.Set(a, b, 2*s)
		}
		s := 0.0
		for i, y := range p.y {
			wi := 1.0
			if p.w != nil {
				wi = p.w[i]
			}
			s += wi * cols[a][i] * y
		}
		rhs[a] = 2 * s
		for j := 0; j < c; j++ {
			kkt.Set(a, k+j, cc[a][j])
			kkt.Set(k+j, a, cc[a][j])
		}
	}
	for j := 0; j < c; j++ {
		rhs[k+j] = p.yc[j]
	}
	inv := mathfn.Pinv(kkt)
	beta := make([]float64, k)
	for a := 0; a < k; a++ {
		for b := 0; b < k+c; b++ {
			beta[a] += inv.At(a, b) * rhs[b]
		}
	}
	return beta, nil
}

// width is the number of columns of the design (pwlfMatrix).
func (p *pwlfProblem) width(lo, hi []float64) int {
	one, _ := pwlfMatrix(context.Background(), p.x[:1], p.breaksOf(lo, lo, hi), p.degree)
	return len(one)
}

// breaksOf is the full sorted break vector of inner breaks clipped to
// their bounds.
func (p *pwlfProblem) breaksOf(inner []float64, lo, hi []float64) []float64 {
	xs := make([]float64, 0, len(inner)+2)
	xs = append(xs, p.x[0])
	for i, b := range inner {
		xs = append(xs, math.Min(math.Max(b, lo[i]), hi[i]))
	}
	sort.Float64s(xs[1:])
	return append(xs, p.x[len(p.x)-1])
}

// piecewiseLinFit fits a continuous piecewise linear (or polynomial of
// degree) function of numSegments segments to the points (X, Y), placing
// the inner breaks to minimise the sum of squared residuals
// (funcs/p/piecewiselinfit.md). Porpoise searches the breaks globally
// for every method: a grid (or, for many breaks, seeded random draws)
// over the bounds, then Nelder-Mead from the best few; initialGuess
// starts a local search there instead. The sum of squares is often flat
// along a curve of breaks, so breaks can differ from DolphinDB's (whose
// differential evolution the page says differs run to run) while the
// fit's residuals agree.
func piecewiseLinFit(env funcs.Env, args []value.Value) (value.Value, error) {
	fn := "piecewiseLinFit"
	x, err := noNullVector(fn, "X", args[0])
	if err != nil {
		return nil, err
	}
	y, err := noNullVector(fn, "Y", args[1])
	if err != nil {
		return nil, err
	}
	if len(y) != len(x) || len(x) < 2 {
		return nil, funcs.BadArg(fn, "Y", "a numeric vector as long as X, of at least 2 points, without NULL values")
	}
	segs, err := funcs.PositiveIntArg(fn, "numSegments", args[2], 0)
	if err != nil {
		return nil, err
	}
	if segs > int64(len(x)) {
		return nil, funcs.BadArg(fn, "numSegments", "a positive integer no greater than the number of points")
	}
	p := &pwlfProblem{segments: int(segs), degree: 1}
	var xc, yc, wts value.Value
	if xc = funcs.GivenArg(args, 3); xc != nil {
		if p.xc, err = noNullVector(fn, "XC", xc); err != nil {
			return nil, err
		}
	}
	if yc = funcs.GivenArg(args, 4); yc != nil {
		if p.yc, err = noNullVector(fn, "YC", yc); err != nil {
			return nil, err
		}
	}
	if len(p.xc) != len(p.yc) {
		return nil, funcs.BadArg(fn, "YC", "a numeric vector as long as XC")
	}
	driver := "gelsd"
	if v := funcs.GivenArg(args, 6); v != nil {
		if driver, _ = funcs.StringArg(v); driver != "gelsd" && driver != "gelsy" && driver != "gelss" {
			return nil, funcs.BadArg(fn, "lapackDriver", "'gelsd', 'gelsy' or 'gelss'")
		}
	}
	if v := funcs.GivenArg(args, 7); v != nil {
		d, err := funcs.IntArg(fn, "degree", v, 1)
		if err != nil || d < 0 || d > 10 {
			return nil, funcs.BadArg(fn, "degree", "a non-negative integer no greater than 10")
		}
		p.degree = int(d)
	}
	if wts = funcs.GivenArg(args, 8); wts != nil {
		w, err := noNullVector(fn, "weights", wts)
		if err != nil || len(w) != len(x) {
			return nil, funcs.BadArg(fn, "weights", "a numeric vector as long as X without NULL values")
		}
		for i := range w {
			w[i] *= w[i]
		}
		p.w = w
	}
	if v := funcs.GivenArg(args, 9); v != nil {
		if m, _ := funcs.StringArg(v); m != "nm" && m != "bfgs" && m != "lbfgs" && m != "slsqp" && m != "de" {
			return nil, funcs.BadArg(fn, "method", "'nm', 'bfgs', 'lbfgs', 'slsqp' or 'de'")
		}
	}
	evals := 0
	if v := funcs.GivenArg(args, 10); v != nil {
		vec, _ := funcs.ScalarOrVector(v)
		if vec == nil || vec.T == value.Any || !funcs.IsIntegralVec(vec) || vec.Len() == 0 {
			return nil, funcs.BadArg(fn, "maxIter", "a positive integer scalar or vector")
		}
		for _, m := range funcs.LongsOf(vec) {
			if m <= 0 || m == value.NullInt64 {
				return nil, funcs.BadArg(fn, "maxIter", "a positive integer scalar or vector")
			}
			evals = max(evals, int(min(m, 1<<20)))
		}
	}
	// Sort the points by x, the weights along.
	order := make([]int, len(x))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return x[order[a]] < x[order[b]] })
	p.x, p.y = gatherF(x, order), gatherF(y, order)
	if p.w != nil {
		p.w = gatherF(p.w, order)
	}
	m := p.segments - 1
	lo, hi := make([]float64, m), make([]float64, m)
	for i := range lo {
		lo[i], hi[i] = p.x[0], p.x[len(p.x)-1]
	}
	if v := funcs.GivenArg(args, 5); v != nil {
		rows, ok := v.(*value.Matrix)
		data, ok2 := floatsOf(rows)
		if !ok || !ok2 || rows.Rows != m || rows.Cols != 2 {
			return nil, funcs.BadArg(fn, "bounds", "a numeric matrix of numSegments-1 rows and 2 columns")
		}
		for i := range lo {
			lo[i], hi[i] = data[i], data[m+i]
			if !(lo[i] <= hi[i]) {
				return nil, funcs.BadArg(fn, "bounds", "a numeric matrix of numSegments-1 rows and 2 columns")
			}
		}
	}
	var guess []float64
	if v := funcs.GivenArg(args, 11); v != nil {
		if guess, err = noNullVector(fn, "initialGuess", v); err != nil || len(guess) != m {
			return nil, funcs.BadArg(fn, "initialGuess", "a numeric vector of numSegments-1 breaks")
		}
	}
	seed := uint64(0x70776c66)
	if v := funcs.GivenArg(args, 12); v != nil {
		s, err := funcs.IntArg(fn, "seed", v, 0)
		if err != nil {
			return nil, err
		}
		seed = uint64(s)
	}
	// a try holds its design twice, as columns and as the row-major
	// matrix x'x is taken from: 3 GB at 1,000 segments over 200,000
	// points
	if err := env.Reserve(len(p.x) * p.width(lo, hi)); err != nil {
		return nil, err
	}
	inner, err := searchBreaks(funcs.ContextOf(env), p, lo, hi, guess, evals, rand.New(rand.NewPCG(seed, 0x62726b73)))
	if err != nil {
		return nil, err
	}
	breaks := p.breaksOf(inner, lo, hi)
	beta, _, err := p.fit(funcs.ContextOf(env), breaks)
	if err != nil {
		return nil, err
	}
	nullOr := func(v value.Value, xs []float64) value.Value {
		if v == nil {
			return value.NewNothing()
		}
		return value.NewDoubles(xs)
	}
	wOut := value.Value(value.NewNothing())
	if wts != nil {
		w, _ := noNullVector(fn, "weights", wts)
		wOut = value.NewDoubles(w)
	}
	keys := []string{"breaks", "numParameters", "degree", "xData", "predict", "yData", "yC", "xC", "weights", "beta", "lapackDriver", "modelName"}
	vals := []value.Value{value.NewDoubles(nullNaN(breaks...)), value.NewInt(int32(len(beta))), value.NewInt(int32(p.degree)), value.NewDoubles(p.x), pwlfPredictSpec,
		value.NewDoubles(p.y), nullOr(yc, p.yc), nullOr(xc, p.xc), wOut, value.NewDoubles(nullNaN(beta...)), value.NewString(driver), value.NewString("Piecewise Linear Regression")}
	return funcs.StringDict(keys, vals), nil
}

// searchBreaks finds the inner breaks of least sum of squares. Each try
// is a least-squares fit over every row, and there are up to 20000
// starts and 400 tries per break, so it stops with ctx's error between
// tries once ctx is cancelled.
func searchBreaks(ctx context.Context, p *pwlfProblem, lo, hi, guess []float64, evals int, rng *rand.Rand) ([]float64, error) {
	m := len(lo)
	if m == 0 {
		return nil, nil
	}
	// a cancelled fit costs +Inf; the loops below look at ctx after
	cost := func(b []float64) float64 {
		_, ssr, err := p.fit(ctx, p.breaksOf(b, lo, hi))
		if err != nil {
			return math.Inf(1)
		}
		return ssr
	}
	type cand struct {
		b []float64
		f float64
	}
	var starts []cand
	if guess != nil {
		starts = []cand{{append([]float64(nil), guess...), cost(guess)}}
	} else {
		k := p.width(lo, hi)
		budget := int(math.Min(20000, math.Max(300, 4e7/float64(len(p.x)*k*k))))
		var pts [][]float64
		if g := int(math.Floor(math.Pow(float64(budget), 1/float64(m)))); g >= 3 && m <= 3 {
			// A grid of g points per break, increasing breaks only when
			// the bounds are shared.
			idx := make([]int, m)
			var rec func(d int)
			rec = func(d int) {
				if d == m {
					b := make([]float64, m)
					for i, j := range idx {
						b[i] = lo[i] + (hi[i]-lo[i])*(float64(j)+0.5)/float64(g)
					}
					pts = append(pts, b)
					return
				}
				for j := 0; j < g; j++ {
					idx[d] = j
					rec(d + 1)
				}
			}
			rec(0)
		} else {
			for t := 0; t < budget; t++ {
				b := make([]float64, m)
				for i := range b {
					b[i] = lo[i] + (hi[i]-lo[i])*rng.Float64()
				}
				pts = append(pts, b)
			}
		}
		for _, b := range pts {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			starts = append(starts, cand{b, cost(b)})
		}
		sort.SliceStable(starts, func(a, b int) bool { return starts[a].f < starts[b].f })
		starts = starts[:min(len(starts), 5)]
	}
	best := starts[0]
	if evals == 0 {
		evals = 400 * m
	}
	for _, s := range starts {
		b, f := nelderMead(ctx, cost, s.b, hi[0]-lo[0], evals)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if f < best.f {
			best = cand{b, f}
		}
	}
	out := p.breaksOf(best.b, lo, hi)
	return out[1 : len(out)-1], nil
}

// pwlfPredict is the piecewise model's value at each element of X, with
// the model's beta and breaks unless given.
func pwlfPredict(env funcs.Env, args []value.Value) (value.Value, error) {
	bad := funcs.BadArg("pwlfPredict", "model", "a piecewiseLinFit model")
	d, ok := args[0].(*value.Dict)
	if !ok || d.Keys.T != value.String {
		return nil, bad
	}
	get := func(k string) value.Value { return d.Get(value.NewStrings(value.String, []string{k}), 0) }
	x, err := noNullVector("pwlfPredict", "X", args[1])
	if err != nil {
		return nil, err
	}
	beta, err1 := noNullVector("pwlfPredict", "beta", get("beta"))
	breaks, err2 := noNullVector("pwlfPredict", "breaks", get("breaks"))
	deg, _ := get("degree").(*value.Scalar)
	if err1 != nil || err2 != nil || deg == nil || deg.I < 0 || deg.I > 10 {
		return nil, bad
	}
	if v := funcs.GivenArg(args, 2); v != nil {
		if beta, err = noNullVector("pwlfPredict", "beta", v); err != nil {
			return nil, err
		}
	}
	if v := funcs.GivenArg(args, 3); v != nil {
		if breaks, err = noNullVector("pwlfPredict", "breaks", v); err != nil {
			return nil, err
		}
	}
	if len(breaks) < 2 {
		return nil, funcs.BadArg("pwlfPredict", "breaks", "a numeric vector of at least 2 breaks")
	}
	breaks = append([]float64(nil), breaks...)
	sort.Float64s(breaks)
	cols, err := pwlfMatrix(funcs.ContextOf(env), x, breaks, int(deg.I))
	if err != nil {
		return nil, err
	}
	if len(cols) != len(beta) {
		return nil, funcs.BadArg("pwlfPredict", "beta", "a numeric vector with one value per parameter of the model")
	}
	out := make([]float64, len(x))
	for i := range out {
		for j, c := range cols {
			out[i] += c[i] * beta[j]
		}
	}
	return value.NewDoubles(nullNaN(out...)), nil
}

// noNullVector reads a numeric vector without NULLs.
func noNullVector(fn, param string, x value.Value) ([]float64, error) {
	xs, err := numericVector(fn, param, x)
	if err != nil {
		return nil, err
	}
	for _, v := range xs {
		if funcs.IsNullF(v) {
			return nil, funcs.BadArg(fn, param, "a numeric vector without NULL values")
		}
	}
	return xs, nil
}

// gatherF is xs in the order given.
func gatherF(xs []float64, order []int) []float64 {
	out := make([]float64, len(order))
	for i, j := range order {
		out[i] = xs[j]
	}
	return out
}

// floatsOf is a numeric matrix's data as float64s.
func floatsOf(m *value.Matrix) ([]float64, bool) {
	if m == nil || !funcs.IsNumericVec(m.V) {
		return nil, false
	}
	xs, err := funcs.DoublesOf("piecewiseLinFit", m.V)
	return xs, err == nil && !m.V.HasNull()
}

// nelderMead minimises f from x0 by the Nelder-Mead simplex (reflection
// 1, expansion 2, contraction and shrink 1/2), the first simplex x0 and
// x0 moved by step/20 along each axis, within evals evaluations or until
// the simplex's values agree to 1e-15; it gives up as soon as ctx is
// cancelled, leaving the caller to report ctx's error.
func nelderMead(ctx context.Context, f func([]float64) float64, x0 []float64, step float64, evals int) ([]float64, float64) {
	m := len(x0)
	pts := make([][]float64, m+1)
	vals := make([]float64, m+1)
	if step <= 0 || math.IsNaN(step) || math.IsInf(step, 0) {
		step = 1
	}
	for i := range pts {
		if ctx.Err() != nil {
			return x0, math.Inf(1)
		}
		pts[i] = append([]float64(nil), x0...)
		if i > 0 {
			pts[i][i-1] += step / 20
		}
		vals[i] = f(pts[i])
	}
	used := m + 1
	at := func(c []float64, t float64, w []float64) []float64 {
		out := make([]float64, m)
		for j := range out {
			out[j] = c[j] + t*(w[j]-c[j])
		}
		return out
	}
	for used < evals && ctx.Err() == nil {
		optimize.SortSimplex(pts, vals)
		if math.Abs(vals[m]-vals[0]) <= 1e-15*(1+math.Abs(vals[0])) {
			break
		}
		c := make([]float64, m)
		for _, p := range pts[:m] {
			for j, v := range p {
				c[j] += v / float64(m)
			}
		}
		r := at(c, -1, pts[m])
		fr := f(r)
		used++
		switch {
		case fr < vals[0]:
			e := at(c, -2, pts[m])
			fe := f(e)
			used++
			if fe < fr {
				pts[m], vals[m] = e, fe
			} else {
				pts[m], vals[m] = r, fr
			}
		case fr < vals[m-1]:
			pts[m], vals[m] = r, fr
		default:
			k := at(c, 0.5, pts[m])
			fk := f(k)
			used++
			if fk < vals[m] {
				pts[m], vals[m] = k, fk
				continue
			}
			for i := 1; i <= m; i++ {
				pts[i] = at(pts[0], 0.5, pts[i])
				vals[i] = f(pts[i])
				used++
			}
		}
	}
	best := 0
	for i := range vals {
		if vals[i] < vals[best] {
			best = i
		}
	}
	return pts[best], vals[best]
}
