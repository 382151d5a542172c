package stats

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// seriesArg reads a numeric vector as DOUBLEs.
func seriesArg(fn string, x value.Value) ([]float64, error) {
	v, ok := funcs.VectorArg(x)
	if !ok {
		return nil, ddberr.Errorf("X of %s must be a numeric vector.", fn)
	}
	return funcs.DoublesOf(fn, v)
}

// autocorrAt is the lag-k autocorrelation with the whole series' mean
// for both sides (the "autocorr" page), over pairs without NULLs.
func autocorrAt(xs []float64, k int) float64 {
	m, den, ok := autocorrBase(xs)
	if !ok {
		return value.NullFloat64
	}
	return autocorrLag(xs, k, m, den)
}

// autocorrBase is the mean of xs' non-NULL values and the sum of their
// squared deviations from it, which every lag shares; ok is false when
// xs is all NULL.
func autocorrBase(xs []float64) (m, den float64, ok bool) {
	nn, _ := nonNullOf(xs)
	if len(nn) == 0 {
		return 0, 0, false
	}
	m = Mean(nn)
	for _, x := range nn {
		den += (x - m) * (x - m)
	}
	return m, den, true
}

// autocorrLag is the lag-k autocorrelation of xs given autocorrBase's m
// and den.
func autocorrLag(xs []float64, k int, m, den float64) float64 {
	if k >= len(xs) {
		return value.NullFloat64
	}
	var num float64
	for i := k; i < len(xs); i++ {
		if funcs.IsNullF(xs[i]) || funcs.IsNullF(xs[i-k]) {
			continue
		}
		num += (xs[i] - m) * (xs[i-k] - m)
	}
	if den == 0 {
		return value.NullFloat64
	}
	return num / den
}

func nonNullOf(xs []float64) ([]float64, int) {
	out := make([]float64, 0, len(xs))
	for _, x := range xs {
		if !funcs.IsNullF(x) {
			out = append(out, x)
		}
	}
	return out, len(out)
}

// spearman is Pearson's correlation of the average ranks.
func spearman(xs, ys []float64) (float64, bool) {
	o := RankOptions{Ascending: true, IgnoreNA: true, Ties: "average"}
	return pearson(RankVector(xs, o, false), RankVector(ys, o, false))
}

// pearson is Pearson's correlation of xs and ys (corr); ok is false when
// it is undefined (NaN).
func pearson(xs, ys []float64) (float64, bool) {
	var p PairSums
	for i := range xs {
		p.Add(xs[i], ys[i])
	}
	r := p.Corr()
	return r, r == r
}

// mutualInfo is the mutual information (natural log) of two discrete
// series over the positions where both are non-NULL.
func mutualInfo(_ funcs.Env, args []value.Value) (value.Value, error) {
	xc, _, ok1 := funcs.ColumnsOf(args[0])
	yc, _, ok2 := funcs.ColumnsOf(args[1])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("X and Y of mutualInfo must be scalars, vectors or matrices.")
	}
	if len(yc) == 1 {
		for len(yc) < len(xc) {
			yc = append(yc, yc[0])
		}
	}
	if len(xc) != len(yc) {
		return nil, ddberr.Errorf("X and Y of mutualInfo must have the same shape.")
	}
	out := make([]float64, len(xc))
	for c := range xc {
		x, y := xc[c], yc[c]
		if x.Len() != y.Len() {
			return nil, ddberr.Errorf("X and Y of mutualInfo must have the same length.")
		}
		// Every NULL is a value of its own, unequal to any other (as NaN
		// is): mutualInfo.md's pairs with NULLs in both vectors give
		// ln(10) for ten rows.
		key := func(b []byte, v *value.Vector, i int) []byte {
			if v.IsNull(i) {
				return binary.BigEndian.AppendUint64(append(b[:0], 0xff, 'N'), uint64(i))
			}
			return v.AppendKey(b[:0], i)
		}
		joint := map[string]float64{}
		px := map[string]float64{}
		py := map[string]float64{}
		n := float64(x.Len())
		var kx, ky []byte
		for i := 0; i < x.Len(); i++ {
			kx, ky = key(kx, x, i), key(ky, y, i)
			px[string(kx)]++
			py[string(ky)]++
			joint[string(kx)+"\x00"+string(ky)]++
		}
		mi := 0.0
		for i := 0; i < x.Len(); i++ {
			kx, ky = key(kx, x, i), key(ky, y, i)
			k := string(kx) + "\x00" + string(ky)
			pxy, ok := joint[k]
			if !ok {
				continue
			}
			delete(joint, k)
			mi += pxy / n * math.Log(pxy*n/(px[string(kx)]*py[string(ky)]))
		}
		if n == 0 {
			mi = value.NullFloat64
		}
		out[c] = mi
	}
	if _, isM := args[0].(*value.Matrix); isM {
		return value.NewDoubles(out), nil
	}
	return value.NewDouble(out[0]), nil
}

// pairMatrix builds the symmetric matrix of a pair statistic over the
// columns of a matrix or table. Each pair is summed once (the matrix is
// symmetric), two columns without NULLs by one dot product over their
// precomputed single sums, and the work stops when the request is
// cancelled: a 10000x3000 matrix is 4.5 million pairs.
func pairMatrix(env funcs.Env, fn string, x value.Value, f func(*PairSums) float64) (value.Value, error) {
	cols, _, ok := funcs.ColumnsOf(x)
	if !ok {
		return nil, ddberr.Errorf("X of %s must be a matrix or table.", fn)
	}
	k := len(cols)
	data := make([][]float64, k)
	sum := make([]float64, k)
	sumSq := make([]float64, k)
	for i, c := range cols {
		d, err := funcs.DoublesOf(fn, c)
		if err != nil {
			return nil, err
		}
		if len(d) == 0 {
			continue
		}
		// a NULL counts as 0 (funcs/c/covarMatrix.md), where covar and
		// corr leave its pairs out. Offsets from the first value keep
		// the digits of columns that barely vary far from zero (see
		// PairSums); the statistics do not depend on them.
		first := d[0]
		if funcs.IsNullF(first) {
			first = 0
		}
		off := make([]float64, len(d))
		for r, v := range d {
			if funcs.IsNullF(v) {
				v = 0
			}
			off[r] = v - first
			sum[i] += off[r]
			sumSq[i] += off[r] * off[r]
		}
		data[i] = off
	}
	ctx := env.Context()
	out := make([]float64, k*k)
	for i := 0; i < k; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for j := 0; j <= i; j++ {
			p := PairSums{N: float64(len(data[i])), Sx: sum[i], Sy: sum[j], Sxx: sumSq[i], Syy: sumSq[j], Sxy: dotFloats(data[i], data[j])}
			v := f(&p)
			if v != v {
				v = value.NullFloat64
			}
			out[j*k+i] = v
			out[i*k+j] = v
		}
	}
	m := &value.Matrix{V: value.NewDoubles(out), Rows: k, Cols: k}
	if t, ok := x.(*value.Table); ok {
		labels := value.NewStrings(value.String, append([]string(nil), t.Names...))
		m.RowLabels, m.ColLabels = labels, labels
	} else if xm, ok := x.(*value.Matrix); ok && xm.ColLabels != nil {
		// X's column names label both sides, as a table's do
		// (tutorials/probabilistic_and_statistical_analysis.md 1.2.1)
		m.RowLabels, m.ColLabels = xm.ColLabels.Clone(), xm.ColLabels.Clone()
	}
	return m, nil
}

// dotFloats is the sum of a[i]*b[i], four products at a time.
func dotFloats(a, b []float64) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// laggedSeries reads the lag argument param (args[1], a non-negative
// integer) and then the series X (args[0]) of autocorr and acf.
func laggedSeries(fn, param string, args []value.Value) ([]float64, int64, error) {
	lag, err := funcs.IntArg(fn, param, args[1], 0)
	if err != nil || lag < 0 {
		return nil, 0, errors.New(param + " of " + fn + " must be a non-negative integer.")
	}
	xs, err := seriesArg(fn, args[0])
	return xs, lag, err
}

func autocorrFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	xs, lag, err := laggedSeries("autocorr", "lag", args)
	if err != nil {
		return nil, err
	}
	return value.NewDouble(autocorrAt(xs, int(lag))), nil
}

func acfFn(env funcs.Env, args []value.Value) (value.Value, error) {
	xs, maxLag, err := laggedSeries("acf", "maxLag", args)
	if err != nil {
		return nil, err
	}
	if maxLag >= int64(len(xs)) {
		return nil, errors.New("maxLag of acf must be less than the length of X.")
	}
	// maxLag passes over X: quadratic for a maxLag near len(X) (minutes
	// at 200K), so the mean and the denominator are computed once and a
	// cancelled request stops it between lags.
	out := make([]float64, maxLag)
	m, den, ok := autocorrBase(xs)
	ctx := funcs.ContextOf(env)
	for k := range out {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out[k] = value.NullFloat64
		if ok {
			out[k] = autocorrLag(xs, k+1, m, den)
		}
	}
	return value.NewDoubles(out), nil
}
