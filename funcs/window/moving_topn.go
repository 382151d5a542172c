package window

import (
	"cmp"
	"context"
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/exactkey"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/funcs/window/orderstat"
	"github.com/porpoisedb/porpoise/value"
	vkernel "github.com/porpoisedb/porpoise/value/kernel"
)

// The TopN families (funcs/themes/TopN.md, cumTopN.md, tmTopN.md): in
// each window (the last `window` rows, rows 0..i, or a time window over T)
// the rows are stably sorted by S (NULL S left out) and the statistic is
// taken over the first `top` of them (NULL values of X left out).

// tiesArg reads tiesMethod, def when it is left out.
func tiesArg(fn string, x value.Value, def orderstat.Ties) (orderstat.Ties, error) {
	if x == nil {
		return def, nil
	}
	s, _ := funcs.StringArg(x)
	switch s {
	case "oldest":
		return orderstat.TiesOldest, nil
	case "latest":
		return orderstat.TiesLatest, nil
	case "all":
		return orderstat.TiesAll, nil
	}
	return 0, ddberr.Errorf("The argument [tiesMethod] of %s must be 'oldest', 'latest' or 'all'.", fn)
}

// topNOpts are the selection options of a TopN call.
type topNOpts struct {
	top   int     // how many rows, when share is 0
	share float64 // a (0, 1) share of each window's rows (tmTopN's float top)
	asc   bool
	ties  orderstat.Ties
}

// count is how many rows a window of size rows keeps.
func (o topNOpts) count(size int) int {
	if o.share > 0 {
		return max(1, int(math.Floor(float64(size)*o.share)))
	}
	return o.top
}

// eachTopN hands each row i the rows its window keeps, sorted by s (NULL
// s left out, equal values oldest first), and whether they are row i-1's;
// rows is a buffer reused from call to call. It keeps the window's
// non-NULL rows sorted by (s, row) as rows enter and leave, so a row
// costs a binary search and a move of the window, not a sort. f nil is
// the cumulative window 0..i (orderstat.EachCum): a row not kept leaves
// the rows as they were, which the statistics then need not go over
// again. It stops with ctx's error once ctx is cancelled.
func eachTopN(ctx context.Context, s []float64, f *frames, o topNOpts, each func(i int, rows []int, same bool)) error {
	if f == nil && o.share == 0 {
		return orderstat.EachCum(ctx, s, o.top, o.asc, o.ties, func(i int, rows []int, added int, _ []int) {
			each(i, rows, added < 0 && i > 0)
		})
	}
	rank := func(a, b int) int {
		c := cmp.Compare(s[a], s[b])
		if !o.asc {
			c = -c
		}
		if c == 0 {
			c = cmp.Compare(a, b)
		}
		return c
	}
	win := make([]int, 0, 16)
	var cand []int
	lo, work := 0, 0
	for i := range s {
		if work += len(win) + 16; work >= 1<<16 {
			if err := ctx.Err(); err != nil {
				return err
			}
			work = 0
		}
		size := i + 1
		if f != nil {
			size = i - f.lo[i] + 1
			for ; lo < f.lo[i]; lo++ {
				if !funcs.IsNullF(s[lo]) {
					k, _ := slices.BinarySearchFunc(win, lo, rank)
					win = slices.Delete(win, k, k+1)
				}
			}
		}
		if !funcs.IsNullF(s[i]) {
			k, _ := slices.BinarySearchFunc(win, i, rank)
			win = slices.Insert(win, k, i)
		}
		top := o.count(size)
		// The first top rows and the rest of the run of equal values
		// top cuts, which cutTop resolves.
		end := min(top, len(win))
		for end > 0 && end < len(win) && s[win[end]] == s[win[end-1]] {
			end++
		}
		cand = append(cand[:0], win[:end]...)
		each(i, orderstat.CutTop(cand, s, top, o.ties), false)
	}
	return nil
}

// sortKeyColumn reads S's column c as DOUBLEs that order as S does
// (exactkey.Order, temporal as raw values): NANOTIMESTAMPs and LONGs past
// 2^53 a unit apart must not tie.
func sortKeyColumn(fn string, s value.Value, c int) ([]float64, error) {
	cols, _, ok := funcs.ColumnsOf(s)
	if !ok || len(cols) == 0 {
		return nil, ddberr.Errorf("S of %s must be a vector or matrix.", fn)
	}
	col := cols[0]
	if len(cols) > 1 {
		if c >= len(cols) {
			return nil, ddberr.Errorf("S of %s must have X's shape.", fn)
		}
		col = cols[c]
	}
	return exactkey.Order(fn, mathfn.AsNumeric(col))
}

// topNKind is how a TopN family draws its windows.
type topNKind uint8

const (
	mTopN   topNKind = iota // the last `window` rows
	cumTopN                 // rows 0..i
	tmTopN                  // the rows of T's (T[i]-window, T[i]]
)

// topNShape is the argument layout of a TopN function.
type topNShape struct {
	kind   topNKind
	pair   bool           // X and Y (the two-series functions)
	yFirst bool           // the pair is named (Y, X) (beta)
	biased bool           // a biased argument follows top (skew, kurtosis)
	ties   orderstat.Ties // tiesMethod's default
}

// params are the shape's parameter names; the ones from top on are
// optional except top itself.
func (sh topNShape) params() (names []string, minArgs int) {
	if sh.kind == tmTopN {
		names = append(names, "T")
	}
	switch {
	case sh.pair && sh.yFirst:
		names = append(names, "Y", "X")
	case sh.pair:
		names = append(names, "X", "Y")
	default:
		names = append(names, "X")
	}
	names = append(names, "S")
	if sh.kind != cumTopN {
		names = append(names, "window")
	}
	names = append(names, "top")
	minArgs = len(names)
	if sh.biased {
		names = append(names, "biased")
	}
	return append(names, "ascending", "tiesMethod"), minArgs
}

// topNCall is a TopN call's arguments, read.
type topNCall struct {
	x, y, s value.Value
	w       int     // mTopN's window
	tf      *frames // tmTopN's windows
	o       topNOpts
	biased  bool
}

// read reads a call's arguments by the shape.
func (sh topNShape) read(env funcs.Env, fn string, args []value.Value) (c topNCall, err error) {
	at := 0
	if sh.kind == tmTopN {
		at = 1
	}
	c.x, at = args[at], at+1
	if sh.pair {
		c.y, at = args[at], at+1
	}
	c.s, at = args[at], at+1
	switch sh.kind {
	case mTopN:
		if c.w, _, err = movingArgs(fn, args[at], nil); err != nil {
			return c, err
		}
		at++
	case tmTopN:
		if c.tf, err = tmFrames(env, fn, args[0], args[at]); err != nil {
			return c, err
		}
		at++
	}
	if c.o.top, c.o.share, err = topArg(fn, args[at], sh.kind == tmTopN); err != nil {
		return c, err
	}
	at++
	r := funcs.ReadArgs(fn, args)
	c.biased = true
	if sh.biased {
		c.biased = r.Bool("biased", r.Arg(at), true)
		at++
	}
	c.o.asc = r.Bool("ascending", r.Arg(at), true)
	if err := r.Err(); err != nil {
		return c, err
	}
	c.o.ties, err = tiesArg(fn, r.Arg(at+1), sh.ties)
	return c, err
}

// topArg reads top: a positive integer, or for tmTopN also a share in
// (0, 1).
func topArg(fn string, x value.Value, share bool) (int, float64, error) {
	if s, ok := funcs.ScalarArg(x); ok && share && s.T.Category() == value.CatFloating && !s.Null {
		if f := s.Float64(); f > 0 && f < 1 {
			return 0, f, nil
		}
		return 0, 0, ddberr.Errorf("The argument [top] of %s must be a positive integer or a floating number in (0, 1).", fn)
	}
	t, err := funcs.PositiveIntArg(fn, "top", x, 0)
	return int(t), 0, err
}

// frames are the call's windows over n rows (nil: cumulative).
func (c *topNCall) frames(fn string, n int) (*frames, error) {
	switch {
	case c.tf != nil:
		if len(c.tf.lo) != n {
			return nil, ddberr.Errorf("The arguments [T] and [X] of %s must have the same length.", fn)
		}
		return c.tf, nil
	case c.w > 0:
		return countFrames(n, c.w, 0), nil
	}
	return nil, nil
}

// topNStat is a one-series statistic of the kept values (NULLs left
// out); false gives NULL.
type topNStat func(v []float64, biased bool) (float64, bool)

// topN1 is a one-series TopN function; for sum (g is topNSum) a DECIMAL
// X's sum is exact in sum's wider DECIMAL
// (tutorials/DECIMAL_Calculation_Characteristics.md 1.2) and an integral
// X's is LONG in the cumTopN and tmTopN families (their pages).
func topN1(env funcs.Env, fn string, sh topNShape, args []value.Value, g topNStat, sum bool) (value.Value, error) {
	c, err := sh.read(env, fn, args)
	if err != nil {
		return nil, err
	}
	cols, wrap, ok := funcs.ColumnsOf(c.x)
	if !ok {
		return nil, ddberr.Errorf("X of %s must be a vector or matrix.", fn)
	}
	// every column's types are checked before any is computed
	type column struct {
		s, xs []float64
		ls    []int64       // an integral X's values, summed as LONGs
		dec   *value.Vector // a DECIMAL X, summed exactly
		f     *frames
	}
	prep := make([]column, len(cols))
	for k, col := range cols {
		p := &prep[k]
		if p.s, err = sortKeyColumn(fn, c.s, k); err != nil {
			return nil, err
		}
		if len(p.s) != col.Len() {
			return nil, ddberr.Errorf("X and S of %s must have the same length.", fn)
		}
		if p.f, err = c.frames(fn, len(p.s)); err != nil {
			return nil, err
		}
		switch {
		case sum && col.T.IsDecimal():
			p.dec = col
		case sum && sh.kind != mTopN && col.T.Category() == value.CatIntegral:
			p.ls = funcs.LongsOf(col)
		default:
			p.xs, err = funcs.DoublesOf(fn, col)
		}
		if err != nil {
			return nil, err
		}
	}
	ctx := funcs.ContextOf(env)
	out := make([]*value.Vector, len(cols))
	for k, p := range prep {
		if p.dec != nil {
			if out[k], err = topNDecimalSum(ctx, p.dec, p.s, p.f, c.o); err != nil {
				return nil, err
			}
			continue
		}
		if p.ls != nil {
			sums, err := topNLongSum(ctx, p.ls, p.s, p.f, c.o)
			if err != nil {
				return nil, err
			}
			out[k] = value.NewLongs(sums)
			continue
		}
		res := make([]float64, len(p.xs))
		buf := make([]float64, 0, 16)
		err := eachTopN(ctx, p.s, p.f, c.o, func(i int, rows []int, same bool) {
			if same {
				res[i] = res[i-1]
				return
			}
			buf = buf[:0]
			for _, j := range rows {
				if !funcs.IsNullF(p.xs[j]) {
					buf = append(buf, p.xs[j])
				}
			}
			r, ok := g(buf, c.biased)
			if !ok || len(buf) == 0 {
				r = math.NaN()
			}
			res[i] = r
		})
		if err != nil {
			return nil, err
		}
		// a statistic's inf is what it gives afresh over the kept values
		// (their sum holds an infinity or overflows); NaN is NULL
		out[k] = value.NewDoubles(funcs.NullNaN(res))
	}
	return wrap(out), nil
}

// topNDecimalSum is the exact sum of the kept values of DECIMAL column x,
// NULL where none is kept.
func topNDecimalSum(ctx context.Context, x *value.Vector, s []float64, f *frames, o topNOpts) (*value.Vector, error) {
	xs, null := vkernel.DecimalRows(x)
	sums, none := make([]vkernel.Int128, len(xs)), make([]bool, len(xs))
	var serr error
	err := eachTopN(ctx, s, f, o, func(i int, rows []int, same bool) {
		if same {
			sums[i], none[i] = sums[i-1], none[i-1]
			return
		}
		var c int
		var e error
		if sums[i], c, e = vkernel.SumRows(xs, null, rows); e != nil && serr == nil {
			serr = e
		}
		none[i] = c == 0
	})
	if err == nil {
		err = serr
	}
	if err != nil {
		return nil, err
	}
	return vkernel.DecimalSums(x.T, x.Scale, sums, none)
}

// topNLongSum is the LONG sum of the kept values of an integral column,
// kept as rows enter and leave over a cumulative window.
func topNLongSum(ctx context.Context, xs []int64, s []float64, f *frames, o topNOpts) ([]int64, error) {
	if f == nil && o.share == 0 {
		return orderstat.CumLongSums(ctx, xs, s, o.top, o.asc, o.ties)
	}
	res := make([]int64, len(xs))
	err := eachTopN(ctx, s, f, o, func(i int, rows []int, _ bool) {
		sum, any := int64(0), false
		for _, j := range rows {
			if xs[j] != value.NullInt64 {
				sum, any = sum+xs[j], true
			}
		}
		if !any {
			sum = value.NullInt64
		}
		res[i] = sum
	})
	return res, err
}

// topN2 is a two-series TopN function over rows where both are present:
// g of the kept pairs, or inf of them where some hold an infinity, which
// PairSums' offsets would turn into NaN (see stats.InfPairs). X, Y and S
// each are a vector or a matrix; a vector goes with each column of the
// others, and column k of a matrix S sorts column k (the mcorrTopN,
// mbetaTopN and mwsumTopN pages), so any matrix among them makes the
// result a matrix.
func topN2(env funcs.Env, fn string, sh topNShape, args []value.Value, g func(p *stats.PairSums) float64, inf func(p *stats.PairSums, q *stats.InfPairs) float64) (value.Value, error) {
	c, err := sh.read(env, fn, args)
	if err != nil {
		return nil, err
	}
	xc, wrap, ok1 := funcs.ColumnsOf(c.x)
	yc, ywrap, ok2 := funcs.ColumnsOf(c.y)
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The arguments of %s must be vectors or matrices.", fn)
	}
	sc, swrap, ok := funcs.ColumnsOf(c.s)
	if !ok || len(sc) == 0 {
		return nil, ddberr.Errorf("S of %s must be a vector or matrix.", fn)
	}
	if c.x.Form() != value.FormMatrix {
		if c.y.Form() == value.FormMatrix {
			wrap = ywrap
		} else if c.s.Form() == value.FormMatrix {
			wrap = swrap
		}
	}
	n := max(len(xc), len(yc), len(sc))
	for _, cols := range [][]*value.Vector{xc, yc, sc} {
		if len(cols) != 1 && len(cols) != n {
			return nil, ddberr.Errorf("The arguments of %s must have the same shape.", fn)
		}
	}
	nth := func(cols []*value.Vector, k int) *value.Vector { return cols[min(k, len(cols)-1)] }
	// every column's types are checked before any is computed
	type column struct {
		xs, ys, s []float64
		f         *frames
	}
	prep := make([]column, n)
	for k := range prep {
		p := &prep[k]
		if p.xs, p.ys, err = funcs.DoublesOf2(fn, nth(xc, k), nth(yc, k)); err != nil {
			return nil, err
		}
		if len(p.ys) == 1 && len(p.xs) > 1 {
			p.ys = stats.BroadcastF(p.ys[0], len(p.xs))
		}
		if len(p.xs) != len(p.ys) {
			return nil, ddberr.Errorf("The arguments of %s must have the same length.", fn)
		}
		if p.s, err = exactkey.Order(fn, mathfn.AsNumeric(nth(sc, k))); err != nil {
			return nil, err
		}
		if len(p.s) != len(p.xs) {
			return nil, ddberr.Errorf("X and S of %s must have the same length.", fn)
		}
		if p.f, err = c.frames(fn, len(p.s)); err != nil {
			return nil, err
		}
	}
	out := make([]*value.Vector, n)
	for k, p := range prep {
		xs, ys := p.xs, p.ys
		res := make([]float64, len(xs))
		for i := range res {
			res[i] = math.NaN()
		}
		err := eachTopN(funcs.ContextOf(env), p.s, p.f, c.o, func(i int, rows []int, same bool) {
			if same {
				res[i] = res[i-1]
				return
			}
			var p stats.PairSums
			// made for the rows that keep such pairs only: it escapes to
			// inf, and a row would pay its allocation
			var q *stats.InfPairs
			for _, j := range rows {
				if x, y := xs[j], ys[j]; stats.IsFinite(x) && stats.IsFinite(y) {
					p.Add(x, y)
				} else if !funcs.IsNullF(x) && !funcs.IsNullF(y) {
					if q == nil {
						q = new(stats.InfPairs)
					}
					q.Add(x, y, 1)
				}
			}
			switch {
			case q != nil:
				res[i] = inf(&p, q)
			case p.N > 0:
				res[i] = g(&p)
			}
		})
		if err != nil {
			return nil, err
		}
		// NaN is NULL; an infinite result stays
		out[k] = value.NewDoubles(funcs.NullNaN(res))
	}
	return wrap(out), nil
}

// The one-series statistics of the TopN families.
var (
	topNSum = func(v []float64, _ bool) (float64, bool) {
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s, len(v) > 0
	}
	topNAvg = func(v []float64, _ bool) (float64, bool) { return stats.Mean(v), len(v) > 0 }
	topNVar = func(ddof int, root bool) topNStat {
		return func(v []float64, _ bool) (float64, bool) {
			r, ok := stats.Variance(v, ddof)
			if root {
				r = math.Sqrt(r)
			}
			return r, ok
		}
	}
	// Two distinct values have skew 0 exactly (the mskewTopN page), where
	// the moment sums leave rounding noise; where the sums are not finite
	// (an infinity among the values, or an overflow), their NaN stays.
	topNSkew = func(v []float64, biased bool) (float64, bool) {
		r, ok := stats.Moment(v, "skew", biased)
		if len(v) == 2 && biased && v[0] != v[1] && r-r == 0 {
			return 0, true
		}
		return r, ok
	}
	// Fewer than three values give NULL (the kurtosisTopN pages).
	topNKurtosis = func(v []float64, biased bool) (float64, bool) {
		if len(v) < 3 {
			return 0, false
		}
		return stats.Moment(v, "kurtosis", biased)
	}
)

// topNSpecs declares a family's functions: prefix "m", "cum" or "tm";
// oldDefault is the tiesMethod default of the functions older than
// skew and kurtosis.
func topNSpecs(prefix string, kind topNKind, category string, oldDefault orderstat.Ties) []funcs.Spec {
	var specs []funcs.Spec
	add := func(stat string, sh topNShape, fn funcs.Impl) {
		params, minArgs := sh.params()
		specs = append(specs, funcs.Spec{Name: prefix + stat + "TopN", Params: params, Min: minArgs, Max: len(params),
			Props: funcs.Pure | funcs.OrderSensitive, Category: category, Fn: fn})
	}
	one := func(stat string, g topNStat, biased bool) {
		name := prefix + stat + "TopN"
		sh := topNShape{kind: kind, biased: biased, ties: oldDefault}
		if biased {
			sh.ties = orderstat.TiesLatest
		}
		add(stat, sh, func(env funcs.Env, args []value.Value) (value.Value, error) {
			return topN1(env, name, sh, args, g, stat == "sum")
		})
	}
	two := func(stat string, g func(p *stats.PairSums) float64, inf func(p *stats.PairSums, q *stats.InfPairs) float64) {
		name := prefix + stat + "TopN"
		sh := topNShape{kind: kind, pair: true, yFirst: stat == "beta" && kind == cumTopN, ties: oldDefault}
		add(stat, sh, func(env funcs.Env, args []value.Value) (value.Value, error) {
			return topN2(env, name, sh, args, g, inf)
		})
	}
	one("sum", topNSum, false)
	one("avg", topNAvg, false)
	one("var", topNVar(1, false), false)
	one("varp", topNVar(0, false), false)
	one("std", topNVar(1, true), false)
	one("stdp", topNVar(0, true), false)
	one("skew", topNSkew, true)
	one("kurtosis", topNKurtosis, true)
	two("wsum", func(p *stats.PairSums) float64 { return p.SumXY() }, stats.WsumOver)
	two("covar", func(p *stats.PairSums) float64 { return p.Covar() }, stats.NaNOver)
	two("corr", func(p *stats.PairSums) float64 { return p.Corr() }, stats.NaNOver)
	two("beta", func(p *stats.PairSums) float64 { return p.Beta() }, stats.NaNOver)
	return specs
}

// mpercentileTopN is the percentile of the top rows of each window.
func mpercentileTopN(env funcs.Env, args []value.Value) (value.Value, error) {
	q, method, err := percentArgs("mpercentileTopN", args[2], funcs.Arg(args, 5))
	if err != nil {
		return nil, err
	}
	rest := []value.Value{args[0], args[1], args[3], args[4], funcs.Arg(args, 6), funcs.Arg(args, 7)}
	for len(rest) > 4 && rest[len(rest)-1] == nil {
		rest = rest[:len(rest)-1]
	}
	return topN1(env, "mpercentileTopN", topNShape{kind: mTopN}, rest, func(v []float64, _ bool) (float64, bool) {
		if len(v) == 0 {
			return 0, false
		}
		slices.Sort(v) // v is topN1's buffer, refilled for each window
		return stats.QuantileSorted(v, q, method), true
	}, false)
}
