package stats

import (
	"errors"
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/exactkey"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/ordstat"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// segColumn is a cumulative function of a column that starts afresh at
// each segment's first row: starts lists the segments' first rows and
// the row count (Spec.Segmented's), nil one segment of the whole column.
type segColumn func(v *value.Vector, starts []int) (*value.Vector, error)

// eachSegment calls f with the bounds of each segment of n rows (see
// segColumn).
func eachSegment(starts []int, n int, f func(lo, hi int)) {
	if starts == nil {
		f(0, n)
		return
	}
	for i := 0; i+1 < len(starts); i++ {
		f(starts[i], starts[i+1])
	}
}

// cumSpec declares a one-argument cumulative function over vectors,
// matrices (column by column) and tables, and its segmented form, which
// context by calls once over all groups of a vector.
func cumSpec(name string, f segColumn) funcs.Spec {
	return funcs.Spec{
		Name: name, Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.OrderSensitive, Category: "cumulative",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return MapColumns(name, args[0], func(v *value.Vector) (*value.Vector, error) { return f(v, nil) })
		},
		Segmented: func(_ funcs.Env, args []value.Value, starts []int) (value.Value, bool, error) {
			v, ok := args[0].(*value.Vector)
			if !ok || len(args) != 1 || v.T == value.Any || v.T.IsArray() {
				return nil, false, nil
			}
			r, err := f(v, starts)
			// an error: the call per group gives it in its usual form
			return r, err == nil, nil
		},
	}
}

// cumDouble lifts a DOUBLE loop (reading xs, writing out) to a column
// function.
func cumDouble(fn string, loop func(xs, out []float64)) segColumn {
	return func(v *value.Vector, starts []int) (*value.Vector, error) {
		xs, err := funcs.DoublesOf(fn, v)
		if err != nil {
			return nil, err
		}
		out := make([]float64, len(xs))
		eachSegment(starts, len(xs), func(lo, hi int) {
			loop(xs[lo:hi], out[lo:hi])
			if !CumSums[fn] {
				NullNonFinite(out[lo:hi], xs[lo:hi], nil, nil)
			}
		})
		if CumSums[fn] {
			// plain IEEE running sums and products: once one is inf (an
			// infinity, or finite values that overflow) it stays inf, as
			// a fresh sum or product of the values so far is
			funcs.NullNaN(out)
		}
		return value.NewDoubles(out), nil
	}
}

// cumOrdered is cumDouble reading a temporal column as its counts, as
// ofCounts (cummed, cumpercentile).
func cumOrdered(fn string, loop func(xs, out []float64)) segColumn {
	f := cumDouble(fn, loop)
	return func(v *value.Vector, starts []int) (*value.Vector, error) { return f(mathfn.AsNumeric(v), starts) }
}

// CumSums are the cumulative functions that are running sums of the
// values or their powers, or their running product, whose infinite
// results stay (see funcs.NullNaN).
var CumSums = map[string]bool{"cumsum": true, "cumsum2": true, "cumsum3": true, "cumsum4": true, "cumprod": true}

// Moments are the running count, sum and sum of squares of a series'
// non-NULL values, summed as offsets from the first one: sums of the raw
// values leave the variance as the difference of two nearly equal sums
// with no correct digit when the values barely vary far from zero
// (cumstd of 1000000.001, 1000000.002, ... came out 0, then 0.0128).
type Moments struct{ N, S, S2, K float64 }

// Add adds a non-NULL value.
func (m *Moments) Add(x float64) {
	if m.N == 0 && x-x == 0 {
		// not an infinity, whose offset inf - inf would be NaN
		m.K = x
	}
	x -= m.K
	m.N++
	m.S += x
	m.S2 += x * x
}

// CumMoments are the cumulative statistics read from Moments, each with
// the least count it needs (NULL below it), for cumavg and its kin and
// the reactive state engine's running versions of them.
var CumMoments = map[string]struct {
	F    func(m *Moments) float64
	MinN float64
}{
	"cumavg":  {cumAvg, 1},
	"cumvar":  {cumVar, 2},
	"cumvarp": {cumVarp, 1},
	"cumstd":  {cumStd, 2},
	"cumstdp": {cumStdp, 1},
}

func cumAvg(m *Moments) float64  { return m.S/m.N + m.K }
func cumVar(m *Moments) float64  { return (m.S2 - m.S*m.S/m.N) / (m.N - 1) }
func cumVarp(m *Moments) float64 { return (m.S2 - m.S*m.S/m.N) / m.N }
func cumStd(m *Moments) float64  { return sqrtNonNegative(cumVar(m)) }
func cumStdp(m *Moments) float64 { return sqrtNonNegative(cumVarp(m)) }

// sqrtNonNegative is math.Sqrt(math.Max(0, v)) without math.Max's call
// (it does not inline on amd64): NaN stays NaN, a negative rounding
// residue gives 0.
func sqrtNonNegative(v float64) float64 {
	if v <= 0 {
		return 0
	}
	return math.Sqrt(v)
}

// runningMoments writes CumMoments[name] of the non-NULL elements so far
// (NULL before the least count): one loop per statistic, with the
// statistic inlined into it (a func value read from CumMoments is an
// indirect call per row).
func runningMoments(name string) func(xs, out []float64) {
	minN := CumMoments[name].MinN
	switch name {
	case "cumavg":
		return func(xs, out []float64) { cumulateMoments(xs, out, minN)(cumAvg) }
	case "cumvar":
		return func(xs, out []float64) { cumulateMoments(xs, out, minN)(cumVar) }
	case "cumvarp":
		return func(xs, out []float64) { cumulateMoments(xs, out, minN)(cumVarp) }
	case "cumstd":
		return func(xs, out []float64) { cumulateMoments(xs, out, minN)(cumStd) }
	case "cumstdp":
		return func(xs, out []float64) { cumulateMoments(xs, out, minN)(cumStdp) }
	}
	panic("stats: no running moments for " + name)
}

// cumulateMoments returns the loop that keeps the Moments of xs's non-NULL
// elements so far and writes stat of them into out, NULL while they are
// fewer than minN. The loop is a closure for the caller to call with its
// statistic, so that both inline into the caller (see
// window.slidePairs); the sums live in locals (registers) and reach stat
// field by field.
func cumulateMoments(xs, out []float64, minN float64) func(stat func(m *Moments) float64) {
	return func(stat func(m *Moments) float64) {
		out = out[:len(xs)]
		var m Moments
		var n, s, s2, k float64
		for i, x := range xs {
			if x > value.NullFloat64 || x < value.NullFloat64 { // neither NULL nor NaN
				if n == 0 && x-x == 0 {
					// not an infinity: its offset, inf - inf, would be NaN;
					// the sums take infinities in as IEEE running sums do
					k = x
				}
				x -= k
				n, s, s2 = n+1, s+x, s2+x*x
			}
			if n < minN {
				out[i] = value.NullFloat64
				continue
			}
			m.N, m.S, m.S2, m.K = n, s, s2, k
			out[i] = stat(&m)
		}
	}
}

// runningPower is the running sum of x^k.
func runningPower(k int) func(xs, out []float64) {
	return func(xs, out []float64) {
		runningFold(xs, out, value.NullFloat64, 0, func(s, x float64) float64 {
			p := x
			for j := 1; j < k; j++ {
				p *= x
			}
			return s + p
		})
	}
}

// runningFold writes into out the running fold of xs's non-NULL (and
// non-NaN) elements from acc, NULL until the first of them.
func runningFold[T int64 | float64](xs, out []T, null, acc T, step func(acc, x T) T) {
	started := false
	for i, x := range xs {
		if x != null && x == x {
			acc = step(acc, x)
			started = true
		}
		if started {
			out[i] = acc
		} else {
			out[i] = null
		}
	}
}

// cumsum is the running sum skipping NULLs (leading NULLs stay NULL):
// integral X gives INT (LONG for LONG X), floating X DOUBLE, DECIMAL X
// sum's wider DECIMAL.
func cumsum(v *value.Vector, starts []int) (*value.Vector, error) {
	if v.T.IsDecimal() && !v.T.IsArray() {
		return cumsumDecimal(v, starts)
	}
	if funcs.IsIntegralVec(v) {
		xs := funcs.LongsOf(v)
		out := make([]int64, len(xs))
		eachSegment(starts, len(xs), func(lo, hi int) {
			runningFold(xs[lo:hi], out[lo:hi], value.NullInt64, 0, func(s, x int64) int64 { return s + x })
		})
		t := value.Int
		if v.T == value.Long {
			t = value.Long
		}
		return funcs.FromLongs(t, out), nil
	}
	if !funcs.IsNumericVec(v) {
		return nil, errors.New("cumsum doesn't support " + v.T.String() + ".")
	}
	return cumDouble("cumsum", runningPower(1))(v, starts)
}

// cumprod is the running product: LONG for integral X, else DOUBLE.
func cumprod(v *value.Vector, starts []int) (*value.Vector, error) {
	if funcs.IsIntegralVec(v) {
		xs := funcs.LongsOf(v)
		out := make([]int64, len(xs))
		eachSegment(starts, len(xs), func(lo, hi int) {
			runningFold(xs[lo:hi], out[lo:hi], value.NullInt64, 1, func(p, x int64) int64 { return p * x })
		})
		return value.NewLongs(out), nil
	}
	return cumDouble("cumprod", func(xs, out []float64) {
		runningFold(xs, out, value.NullFloat64, 1, func(p, x float64) float64 { return p * x })
	})(v, starts)
}

// cumExtreme is cummax (dir 1) / cummin: the running extreme, keeping X's
// type; NULLs repeat the extreme so far.
func cumExtreme(dir int) segColumn {
	return func(v *value.Vector, starts []int) (*value.Vector, error) {
		idx := make([]int, v.Len())
		eachSegment(starts, len(idx), func(lo, hi int) {
			best := -1
			for i := lo; i < hi; i++ {
				if !v.IsNull(i) && (best < 0 || value.CompareAcross(v, i, v, best)*dir > 0) {
					best = i
				}
				idx[i] = best
			}
		})
		return value.GatherOrNull(v, idx), nil
	}
}

// cumcount is the running number of non-NULL elements (INT).
func cumcount(v *value.Vector, starts []int) (*value.Vector, error) {
	out := make([]int32, v.Len())
	eachSegment(starts, len(out), func(lo, hi int) {
		var n int32
		for i := lo; i < hi; i++ {
			if !v.IsNull(i) {
				n++
			}
			out[i] = n
		}
	})
	return value.NewInts(out), nil
}

// cumPositiveStreak is the running sum of the current streak of positive
// elements (0 where the streak breaks); a DECIMAL's sums are exact, in
// sum's wider DECIMAL (tutorials/DECIMAL_Calculation_Characteristics.md
// 1.2).
func cumPositiveStreak(v *value.Vector, starts []int) (*value.Vector, error) {
	if v.T.IsDecimal() {
		return positiveStreakDecimal(v, starts)
	}
	if funcs.IsIntegralVec(v) {
		xs := funcs.LongsOf(v)
		out := make([]int64, len(xs))
		eachSegment(starts, len(xs), func(lo, hi int) {
			var s int64
			for i := lo; i < hi; i++ {
				if x := xs[i]; x != value.NullInt64 && x > 0 {
					s += x
				} else {
					s = 0
				}
				out[i] = s
			}
		})
		t := v.T
		if t == value.Bool || t == value.Char || t == value.Short {
			t = value.Int
		}
		return funcs.FromLongs(t, out), nil
	}
	return cumDouble("cumPositiveStreak", func(xs, out []float64) {
		s := 0.0
		for i, x := range xs {
			if !funcs.IsNullF(x) && x > 0 {
				s += x
			} else {
				s = 0
			}
			out[i] = s
		}
	})(v, starts)
}

// cumNot is cumfirstNot/cumlastNot: the first (or latest) element so far
// that is neither NULL nor k.
func cumNot(fn string, args []value.Value, first bool) (value.Value, error) {
	var k *value.Scalar
	if a := funcs.Arg(args, 1); a != nil {
		s, ok := funcs.ScalarArg(a)
		if !ok {
			return nil, errors.New("k of " + fn + " must be a scalar.")
		}
		k = s
	}
	return MapColumns(fn, args[0], func(v *value.Vector) (*value.Vector, error) {
		var kv *value.Vector
		if k != nil && !k.Null {
			c, err := cast.To(k, v.T, v.Scale)
			if err != nil {
				return nil, err
			}
			kv = c.(*value.Scalar).Vector()
		}
		idx := make([]int, v.Len())
		pick := -1
		for i := range idx {
			ok := !v.IsNull(i) && (kv == nil || value.CompareAcross(v, i, kv, 0) != 0)
			if ok && (pick < 0 || !first) {
				pick = i
			}
			idx[i] = pick
		}
		return value.GatherOrNull(v, idx), nil
	})
}

// cumnunique is the running count of distinct values (NULL counted unless
// ignoreNull).
func cumnunique(_ funcs.Env, args []value.Value) (value.Value, error) {
	ignore, err := funcs.BoolArg("cumnunique", "ignoreNull", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	return MapColumns("cumnunique", args[0], func(v *value.Vector) (*value.Vector, error) {
		seen := map[string]struct{}{}
		out := make([]int32, v.Len())
		var key []byte
		for i := range out {
			if !(ignore && v.IsNull(i)) {
				key = v.AppendKey(key[:0], i)
				seen[string(key)] = struct{}{}
			}
			out[i] = int32(len(seen))
		}
		return value.NewInts(out), nil
	})
}

// cumpercentile is the percentile of the elements so far.
func cumpercentile(_ funcs.Env, args []value.Value) (value.Value, error) {
	p, ok := funcs.ScalarArg(args[1])
	if !ok || !p.T.IsNumeric() || p.Null || p.Float64() < 0 || p.Float64() > 100 {
		return nil, ddberr.Errorf("The percent of cumpercentile must be between 0 and 100.")
	}
	method, err := Interpolation("cumpercentile", funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	q := p.Float64() / 100
	f := cumOrdered("cumpercentile", ordstat.Running(q, method))
	return MapColumns("cumpercentile", args[0], func(v *value.Vector) (*value.Vector, error) { return f(v, nil) })
}

// rankOptions are the common arguments of rank, cumrank and mrank.
type RankOptions struct {
	Ascending, IgnoreNA, Percent bool
	Ties                         string
}

// parseRankOptions reads ascending, ignoreNA, tiesMethod and percent
// starting at args[from].
func ParseRankOptions(fn string, args []value.Value, from int) (RankOptions, error) {
	var o RankOptions
	r := funcs.ReadArgs(fn, args)
	o.Ascending = r.Bool("ascending", r.Arg(from), true)
	o.IgnoreNA = r.Bool("ignoreNA", r.Arg(from+1), true)
	if err := r.Err(); err != nil {
		return o, err
	}
	var ok bool
	if o.Ties, ok = funcs.ChoiceArg(r.Arg(from+2), "min", "max", "average", "first", "dense"); !ok {
		return o, errors.New("tiesMethod of " + fn + " must be 'min', 'max', 'average', 'first' or 'dense'.")
	}
	o.Percent = r.Bool("percent", r.Arg(from+3), false)
	return o, r.Err()
}

// rankOf ranks xs[i] among the window xs (NULLs as the smallest value when
// counted): the number of smaller elements, adjusted for ties; n is the
// count of ranked elements.
func RankOf(x float64, less, equal, n float64, o RankOptions) float64 {
	var r float64
	switch o.Ties {
	case "max":
		r = less + equal - 1
	case "average":
		r = less + (equal-1)/2
	default:
		r = less
	}
	if o.Percent {
		return (r + 1) / n
	}
	return r
}

// RankCounts counts, among ys, the elements ranked before x (less), tied
// with it (equal), all ranked elements (n) and the non-NULL ones (valid),
// in o's direction, NULLs lowest and skipped when o.IgnoreNA.
func RankCounts(x float64, ys []float64, o RankOptions) (less, equal, n, valid float64) {
	xn := funcs.IsNullF(x)
	for _, y := range ys {
		yn := funcs.IsNullF(y)
		if !yn {
			valid++
		}
		if yn && o.IgnoreNA {
			continue
		}
		n++
		c := CompareNullLow(y, yn, x, xn)
		if !o.Ascending {
			c = -c
		}
		if c < 0 {
			less++
		} else if c == 0 {
			equal++
		}
	}
	return less, equal, n, valid
}

// cumrank is each element's rank among the elements up to it: the
// counts RankCounts would give, read from a Fenwick tree over the
// positions of X's distinct values in o's order (NULL first ascending,
// last descending, as CompareNullLow's reversal puts it).
func cumrank(_ funcs.Env, args []value.Value) (value.Value, error) {
	o, err := ParseRankOptions("cumrank", args, 1)
	if err != nil {
		return nil, err
	}
	return MapColumns("cumrank", args[0], exactkey.WithOrder("cumrank", func(v *value.Vector, xs []float64) (*value.Vector, error) {
		// pos[i] is xs[i]'s place among the distinct values, from 1
		sorted := ordstat.SortedNonNull(xs)
		pos := make([]int32, len(xs))
		last := 0 // the number of distinct values: NULL's place descending
		for j, e := range sorted {
			if j == 0 || e.V != sorted[j-1].V {
				last++
			}
			pos[e.I] = int32(last)
		}
		tree := ordstat.NewFenwick(last + 1)
		out := make([]float64, len(xs))
		var n float64
		for i, x := range xs {
			if funcs.IsNullF(x) && o.IgnoreNA {
				out[i] = value.NullFloat64
				continue
			}
			p := int(pos[i]) // 0 for NULL
			if !o.Ascending {
				p = last - p
			}
			tree.Add(p)
			n++
			less := tree.Below(p)
			out[i] = RankOf(x, float64(less), float64(tree.Below(p+1)-less), n, o)
		}
		return RankResult(out, o), nil
	}))
}

// cumdenseRank is each element's dense rank (0-based) among the elements
// so far (funcs/c/cumdenseRank.md): the number of distinct smaller values
// seen, NULL the smallest when not ignoreNA. With percent, norm 'max' is
// (rank+1)/distinct and 'minmax' rank/(distinct-1) (1 for one value).
// Values are ranked by their position among X's sorted distinct values,
// a Fenwick tree counting which positions have appeared.
func cumdenseRank(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "cumdenseRank"
	o, err := ParseRankOptions(fn, []value.Value{funcs.Arg(args, 1), funcs.Arg(args, 2), nil, funcs.Arg(args, 3)}, 0)
	if err != nil {
		return nil, err
	}
	norm, ok := funcs.ChoiceArg(funcs.Arg(args, 4), "max", "minmax")
	if !ok {
		return nil, ddberr.Errorf("The argument [norm] of %s must be 'max' or 'minmax'.", fn)
	}
	return MapColumns(fn, args[0], exactkey.WithOrder(fn, func(_ *value.Vector, xs []float64) (*value.Vector, error) {
		keys := make([]float64, len(xs))
		for i, x := range xs {
			switch {
			case !funcs.IsNullF(x) && o.Ascending:
				keys[i] = x
			case !funcs.IsNullF(x):
				keys[i] = -x
			case o.Ascending: // NULL is the smallest value
				keys[i] = math.Inf(-1)
			default:
				keys[i] = math.Inf(1)
			}
		}
		distinct := slices.Compact(SortedCopy(keys))
		seen := ordstat.NewFenwick(len(distinct))
		count := 0
		out := make([]float64, len(xs))
		for i, k := range keys {
			if funcs.IsNullF(xs[i]) && o.IgnoreNA {
				out[i] = value.NullFloat64
				continue
			}
			p := ordstat.LowerBound(distinct, k)
			if seen.At(p) == 0 {
				seen.Add(p)
				count++
			}
			r := float64(seen.Below(p))
			switch {
			case !o.Percent:
			case norm == "max":
				r = (r + 1) / float64(count)
			case count == 1:
				r = 1
			default:
				r /= float64(count - 1)
			}
			out[i] = r
		}
		return RankResult(out, o), nil
	}))
}

// compareNullLow compares two doubles with NULL as the smallest value.
func CompareNullLow(a float64, an bool, b float64, bn bool) int {
	if c, ok := value.CompareNulls(an, bn); ok {
		return c
	}
	return value.CompareOrdered(a, b)
}

// rankResult is INT ranks, or DOUBLE for percent and average ranks.
func RankResult(out []float64, o RankOptions) *value.Vector {
	if o.Percent || o.Ties == "average" {
		return value.NewDoubles(out)
	}
	return IntsOf(out)
}

// IntsOf truncates whole-valued doubles to INT, NULL staying NULL.
func IntsOf(xs []float64) *value.Vector {
	r := make([]int32, len(xs))
	for i, f := range xs {
		if funcs.IsNullF(f) {
			r[i] = value.NullInt32
		} else {
			r[i] = int32(f)
		}
	}
	return value.NewInts(r)
}

// PairSums are the running count and sums of a two-series statistic.
// The sums are of the pairs' offsets from (Kx, Ky): the first pair added
// to empty sums, or the one Rebase picks. Sums of the raw values would
// leave a variance as the difference of two nearly equal sums with no
// correct digit when the values barely vary far from zero (the
// correlation of 1000000.001, 1000000.002, ... with 1, 2, ... was NULL,
// and a moving correlation 1.0001). The centred statistics (Covar, Corr,
// Beta) do not depend on the offsets; SumY, SumXX, SumYY and SumXY give
// the sums of the values themselves.
type PairSums struct{ N, Sx, Sy, Sxx, Syy, Sxy, Kx, Ky float64 }

// Add adds a pair; the first pair of empty sums becomes their offsets.
func (p *PairSums) Add(x, y float64) {
	if p.N == 0 {
		*p = PairSums{Kx: x, Ky: y}
	}
	x, y = x-p.Kx, y-p.Ky
	p.N++
	p.Sx += x
	p.Sy += y
	p.Sxx += x * x
	p.Syy += y * y
	p.Sxy += x * y
}

// SumY is the sum of the pairs' y values.
func (p *PairSums) SumY() float64 { return p.Sy + p.N*p.Ky }

// SumXX is the sum of the squares of the pairs' x values.
func (p *PairSums) SumXX() float64 { return p.Sxx + (2*p.Sx+p.N*p.Kx)*p.Kx }

// SumYY is the sum of the squares of the pairs' y values.
func (p *PairSums) SumYY() float64 { return p.Syy + (2*p.Sy+p.N*p.Ky)*p.Ky }

// SumXY is the sum of the pairs' products.
func (p *PairSums) SumXY() float64 {
	return p.Sxy + p.Kx*p.Sy + p.Ky*p.Sx + p.N*p.Kx*p.Ky
}

// Rebase recomputes the sums over the pairs of xs and ys with neither
// NULL nor an infinity (see InfPairs), as offsets from the last such pair: with the offsets taken from
// a member of the set, the centred sums of squares are at least 1/n of
// the offsets' (no member is further from the mean than the rest allow).
func (p *PairSums) Rebase(xs, ys []float64) {
	*p = PairSums{}
	last := len(xs) - 1
	for ; last >= 0 && !(IsFinite(xs[last]) && IsFinite(ys[last])); last-- {
	}
	if last < 0 {
		return
	}
	p.Add(xs[last], ys[last]) // the offsets
	for i := range xs[:last] {
		if IsFinite(xs[i]) && IsFinite(ys[i]) {
			p.Add(xs[i], ys[i])
		}
	}
}

func (p *PairSums) Covar() float64 {
	if p.N < 2 {
		return math.NaN()
	}
	return (p.Sxy - p.Sx*p.Sy/p.N) / (p.N - 1)
}

// Corr is the correlation, NaN for fewer than two pairs or a constant
// series. One NaN return keeps it small enough to inline into the moving
// kernels' loops.
func (p *PairSums) Corr() float64 {
	vx := p.Sxx - p.Sx*p.Sx/p.N
	vy := p.Syy - p.Sy*p.Sy/p.N
	if p.N < 2 || vx <= 0 || vy <= 0 {
		return math.NaN()
	}
	return (p.Sxy - p.Sx*p.Sy/p.N) / math.Sqrt(vx*vy)
}

// beta is the least-squares slope of the first series (y) on the second
// (x); the pair is stored as (x=first, y=second), so it is
// cov(first, second)/var(second).
func (p *PairSums) Beta() float64 {
	if p.N < 2 {
		return math.NaN()
	}
	vy := p.Syy - p.Sy*p.Sy/p.N
	if vy == 0 {
		return math.NaN()
	}
	return (p.Sxy - p.Sx*p.Sy/p.N) / vy
}

// cumPairSpec declares a cumulative statistic of two series over the
// positions where both are non-NULL; loop is its kernel (see
// cumulatePairs).
func cumPairSpec(name string, params []string, loop func(xs, ys, out []float64)) funcs.Spec {
	return funcs.Spec{
		Name: name, Params: params, Min: 2, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "cumulative",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return PairFrameColumns(name, args[0], args[1], func(xs, ys, out []float64) []int { loop(xs, ys, out); return nil })
		},
	}
}

// cumulatePairs returns the loop that keeps the PairSums of the pairs so
// far with neither value NULL and writes stat of them into out, NULL
// before the first pair, and says whether an infinity went into the sums
// (then cumulatePairInfinities redoes the column). Like cumulateMoments,
// the caller calls the loop with its statistic where it makes it, so
// both inline into one loop with the sums in locals.
func cumulatePairs(xs, ys, out []float64) func(stat func(p *PairSums) float64) (infinities bool) {
	return func(stat func(p *PairSums) float64) bool {
		ys, out = ys[:len(xs)], out[:len(xs)]
		var p PairSums
		var n, sx, sy, sxx, syy, sxy, kx, ky float64
		for i, x := range xs {
			// neither NULL nor NaN, in one comparison for most values
			if y := ys[i]; (x > value.NullFloat64 || x < value.NullFloat64) && (y > value.NullFloat64 || y < value.NullFloat64) {
				if n == 0 {
					kx, ky = x, y
				}
				x, y = x-kx, y-ky
				n, sx, sy, sxx, syy, sxy = n+1, sx+x, sy+y, sxx+x*x, syy+y*y, sxy+x*y
			}
			if n == 0 {
				out[i] = value.NullFloat64
				continue
			}
			p.N, p.Sx, p.Sy, p.Sxx, p.Syy, p.Sxy, p.Kx, p.Ky = n, sx, sy, sxx, syy, sxy, kx, ky
			out[i] = stat(&p)
		}
		// an infinity leaves sx or sy inf or NaN for good
		return sx-sx != 0 || sy-sy != 0
	}
}

// cumulatePairInfinities redoes a cumulative pair statistic whose sums
// took in an infinity: the offsets from the first pair turn 1 * inf into
// 0 * inf, NaN, so the pairs holding an infinity are kept apart (see
// InfPairs) and inf gives the statistic once there are any.
func cumulatePairInfinities(xs, ys, out []float64, stat func(p *PairSums) float64, inf func(p *PairSums, q *InfPairs) float64) {
	var p PairSums
	var q InfPairs
	for i, x := range xs {
		if y := ys[i]; IsFinite(x) && IsFinite(y) {
			p.Add(x, y)
		} else if x == x && y == y && x != value.NullFloat64 && y != value.NullFloat64 {
			q.Add(x, y, 1)
		}
		switch {
		case q.N != 0:
			out[i] = inf(&p, &q)
		case p.N == 0:
			out[i] = value.NullFloat64
		default:
			out[i] = stat(&p)
		}
	}
}

// PairFrameColumns runs a two-series DOUBLE loop, a statistic of each
// row's frame, over vectors or matrix columns of equal shape; indexed
// series and matrices are aligned on x's row labels first
// (funcs/i/indexedSeries.md). loop returns the frames' first rows (nil:
// every frame starts at row 0); NaN results are NULL, and an infinite
// result stays where its frame holds an infinity (see NullNonFinite).
func PairFrameColumns(fn string, x, y value.Value, loop func(xs, ys, out []float64) (lo []int)) (value.Value, error) {
	return pairColumns(fn, x, y, func(xs, ys, out []float64) {
		NullNonFinite(out, xs, ys, loop(xs, ys, out))
	})
}

func pairColumns(fn string, x, y value.Value, loop func(xs, ys, out []float64)) (value.Value, error) {
	_, xc, yc, wrap, err := pairedColumns(fn, false, x, y)
	if err != nil {
		return nil, err
	}
	out := make([]*value.Vector, len(xc))
	for c := range xc {
		xs, ys, err := funcs.DoublesOf2(fn, xc[c], yc[c])
		if err != nil {
			return nil, err
		}
		if len(ys) == 1 && len(xs) > 1 {
			ys = BroadcastF(ys[0], len(xs))
		}
		if len(xs) != len(ys) {
			return nil, ddberr.Errorf("The arguments of %s must have the same length.", fn)
		}
		r := make([]float64, len(xs))
		loop(xs, ys, r)
		out[c] = value.NewDoubles(r)
	}
	return wrap(out), nil
}

// groupArgs reads membership, prevMembership and groupCount (2..8).
func groupArgs(fn string, mem, prev, count value.Value) ([]int64, []int64, int, error) {
	mv, ok1 := funcs.VectorArg(mem)
	pv, ok2 := funcs.VectorArg(prev)
	if !ok1 || !ok2 || !funcs.IsIntegralVec(mv) || (!funcs.IsIntegralVec(pv) && pv.T != value.Void) || mv.Len() != pv.Len() {
		return nil, nil, 0, errors.New("membership and prevMembership of " + fn + " must be integral vectors of the same length.")
	}
	n, err := funcs.IntArg(fn, "groupCount", count, 0)
	if err != nil || n < 2 || n > 8 {
		return nil, nil, 0, errors.New("groupCount of " + fn + " must be an integer in [2, 8].")
	}
	ms, ps := funcs.LongsOf(mv), funcs.LongsOf(pv)
	for _, m := range ms {
		if m == value.NullInt64 || m < 0 || m >= n {
			return nil, nil, 0, errors.New("membership of " + fn + " must be in [0, groupCount).")
		}
	}
	return ms, ps, int(n), nil
}

// dynamicGroupCumsum tracks each group's running total as events move
// between groups: an event entering group m adds its cumValue, and
// leaving its previous group takes prevCumValue away from it; an event
// staying in its group adds its growth cumValue-prevCumValue.
func dynamicGroupCumsum(_ funcs.Env, args []value.Value) (value.Value, error) {
	ms, ps, n, err := groupArgs("dynamicGroupCumsum", args[2], args[3], args[4])
	if err != nil {
		return nil, err
	}
	cv, ok1 := funcs.VectorArg(args[0])
	pv, ok2 := funcs.VectorArg(args[1])
	if !ok1 || !ok2 || cv.Len() != len(ms) || pv.Len() != len(ms) {
		return nil, errors.New("cumValue and prevCumValue of dynamicGroupCumsum must be numeric vectors as long as membership.")
	}
	cs, pcs, err := funcs.DoublesOf2("dynamicGroupCumsum", cv, pv)
	if err != nil {
		return nil, err
	}
	outs := trackGroups(ms, ps, n, func(totals []float64, i int, m, p int64) {
		c, pc := cs[i], pcs[i]
		if funcs.IsNullF(c) {
			c = 0
		}
		if funcs.IsNullF(pc) {
			pc = 0
		}
		switch {
		case p < 0:
			totals[m] += c
		case p == m:
			totals[m] += c - pc
		default:
			totals[m] += c
			totals[p] -= pc
		}
	})
	res := make([]value.Value, n)
	for g := range outs {
		r := value.NewDoubles(outs[g])
		if funcs.IsIntegralVec(cv) {
			c, err := cast.Vector(r, value.Int, 0)
			if err != nil {
				return nil, err
			}
			res[g] = c
		} else {
			res[g] = r
		}
	}
	return value.NewTuple(res), nil
}

// dynamicGroupCumcount counts the events in each group as they move
// between groups.
func dynamicGroupCumcount(_ funcs.Env, args []value.Value) (value.Value, error) {
	ms, ps, n, err := groupArgs("dynamicGroupCumcount", args[0], args[1], args[2])
	if err != nil {
		return nil, err
	}
	outs := trackGroups(ms, ps, n, func(totals []int32, _ int, m, p int64) {
		if p != m {
			totals[m]++
			if p >= 0 {
				totals[p]--
			}
		}
	})
	res := make([]value.Value, n)
	for g := range outs {
		res[g] = value.NewInts(outs[g])
	}
	return value.NewTuple(res), nil
}

// trackGroups runs step over per-group totals for each event i (m its
// group, p its previous one or -1 when that is NULL or out of range) and
// records every group's total after each event.
func trackGroups[T int32 | float64](ms, ps []int64, n int, step func(totals []T, i int, m, p int64)) [][]T {
	totals := make([]T, n)
	outs := make([][]T, n)
	for g := range outs {
		outs[g] = make([]T, len(ms))
	}
	for i, m := range ms {
		p := ps[i]
		if p == value.NullInt64 || p < 0 || p >= int64(n) {
			p = -1
		}
		step(totals, i, m, p)
		for g := range outs {
			outs[g][i] = totals[g]
		}
	}
	return outs
}

// cumsumDecimal is cumsum over a DECIMAL: exact, into DECIMAL64 from
// DECIMAL32 and DECIMAL128 from the others, of X's scale
// (tutorials/DECIMAL_Calculation_Characteristics.md 1.2).
func cumsumDecimal(v *value.Vector, starts []int) (*value.Vector, error) {
	sums, counts, err := kernel.DecimalPrefix(v)
	if err != nil {
		return nil, err
	}
	n := v.Len()
	out, null := make([]kernel.Int128, n), make([]bool, n)
	eachSegment(starts, n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i], null[i] = sums[i+1].Sub(sums[lo]), counts[i+1] == counts[lo]
		}
	})
	return kernel.DecimalSums(v.T, v.Scale, out, null)
}

// positiveStreakDecimal is cumPositiveStreak over a DECIMAL.
func positiveStreakDecimal(v *value.Vector, starts []int) (*value.Vector, error) {
	xs, null := kernel.DecimalRows(v)
	out := make([]kernel.Int128, len(xs))
	var zero kernel.Int128
	var err error
	eachSegment(starts, len(xs), func(lo, hi int) {
		var s kernel.Int128
		for i := lo; i < hi && err == nil; i++ {
			if x := xs[i]; !null[i] && x.Cmp(zero) > 0 {
				var fits bool
				if s, fits = s.Add(x); !fits {
					err = kernel.ErrDecimalOverflow
				}
			} else {
				s = zero
			}
			out[i] = s
		}
	})
	if err != nil {
		return nil, err
	}
	return kernel.DecimalSums(v.T, v.Scale, out, make([]bool, len(xs)))
}
