package funcs

import (
	"errors"
	"math"

	"github.com/porpoisedb/porpoise/value"
)

func init() {
	corrSpec := func(name string, f func(xs, ys []float64) (float64, bool)) Spec {
		s := pairAggSpec(name, []string{"X", "Y"}, f)
		s.Category = "correlation"
		return s
	}
	Register(
		corrSpec("corr", func(xs, ys []float64) (float64, bool) {
			var p pairSums
			for i := range xs {
				p.add(xs[i], ys[i])
			}
			r := p.corr()
			return r, r == r
		}),
		corrSpec("euclidean", func(xs, ys []float64) (float64, bool) {
			s := 0.0
			for i := range xs {
				d := xs[i] - ys[i]
				s += d * d
			}
			return math.Sqrt(s), len(xs) > 0
		}),
		// The "tanimoto" page's values are the Tanimoto distance,
		// 1 - x.y/(x.x + y.y - x.y).
		corrSpec("tanimoto", func(xs, ys []float64) (float64, bool) {
			var p pairSums
			for i := range xs {
				p.add(xs[i], ys[i])
			}
			d := p.sxx + p.syy - p.sxy
			return 1 - p.sxy/d, len(xs) > 0 && d != 0
		}),
		corrSpec("kendall", kendallTau),
		corrSpec("spearmanr", spearman),
		Spec{Name: "autocorr", Params: []string{"X", "lag"}, Min: 2, Max: 2, Props: Aggregate | Pure, Category: "correlation",
			Fn: func(_ Env, args []value.Value) (value.Value, error) {
				lag, err := IntArg("autocorr", "lag", args[1], 0)
				if err != nil || lag < 0 {
					return nil, errors.New("lag of autocorr must be a non-negative integer.")
				}
				xs, err := seriesArg("autocorr", args[0])
				if err != nil {
					return nil, err
				}
				return value.NewDouble(autocorrAt(xs, int(lag))), nil
			}},
		Spec{Name: "acf", Params: []string{"X", "maxLag"}, Min: 2, Max: 2, Props: Pure, Category: "correlation",
			Fn: func(_ Env, args []value.Value) (value.Value, error) {
				maxLag, err := IntArg("acf", "maxLag", args[1], 0)
				if err != nil || maxLag < 0 {
					return nil, errors.New("maxLag of acf must be a non-negative integer.")
				}
				xs, err := seriesArg("acf", args[0])
				if err != nil {
					return nil, err
				}
				if maxLag >= int64(len(xs)) {
					return nil, errors.New("maxLag of acf must be less than the length of X.")
				}
				out := make([]float64, maxLag)
				for k := range out {
					out[k] = autocorrAt(xs, k+1)
				}
				return value.NewDoubles(out), nil
			}},
		Spec{Name: "mutualInfo", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: Aggregate | Pure, Category: "correlation", Fn: mutualInfo},
		Spec{Name: "corrMatrix", Params: []string{"X"}, Min: 1, Max: 1, Props: Pure, Category: "correlation",
			Fn: func(_ Env, args []value.Value) (value.Value, error) {
				return pairMatrix("corrMatrix", args[0], (*pairSums).corr)
			}},
	)
	Alias("infoGain", "mutualInfo")
}

// seriesArg reads a numeric vector as DOUBLEs.
func seriesArg(fn string, x value.Value) ([]float64, error) {
	v, ok := vectorArg(x)
	if !ok {
		return nil, errors.New("X of " + fn + " must be a numeric vector.")
	}
	return doublesOf(fn, v)
}

// autocorrAt is the lag-k autocorrelation with the whole series' mean
// for both sides (the "autocorr" page), over pairs without NULLs.
func autocorrAt(xs []float64, k int) float64 {
	nn, _ := nonNullOf(xs)
	if len(nn) == 0 || k >= len(xs) {
		return value.NullFloat64
	}
	m := mean(nn)
	var num, den float64
	for _, x := range nn {
		den += (x - m) * (x - m)
	}
	for i := k; i < len(xs); i++ {
		if isNullF(xs[i]) || isNullF(xs[i-k]) {
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
		if !isNullF(x) {
			out = append(out, x)
		}
	}
	return out, len(out)
}

// kendallTau is Kendall's tau-b (ties corrected).
func kendallTau(xs, ys []float64) (float64, bool) {
	n := len(xs)
	var c, d, tx, ty float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := (xs[i] - xs[j]) * (ys[i] - ys[j])
			switch {
			case s > 0:
				c++
			case s < 0:
				d++
			default:
				if xs[i] == xs[j] && ys[i] != ys[j] {
					tx++
				}
				if ys[i] == ys[j] && xs[i] != xs[j] {
					ty++
				}
			}
		}
	}
	den := math.Sqrt((c + d + tx) * (c + d + ty))
	return (c - d) / den, n > 1 && den != 0
}

// spearman is Pearson's correlation of the average ranks.
func spearman(xs, ys []float64) (float64, bool) {
	o := rankOptions{ascending: true, ignoreNA: true, ties: "average"}
	rx := rankVector(xs, o, false)
	ry := rankVector(ys, o, false)
	var p pairSums
	for i := range rx {
		p.add(rx[i], ry[i])
	}
	r := p.corr()
	return r, r == r
}

// mutualInfo is the mutual information (natural log) of two discrete
// series over the positions where both are non-NULL.
func mutualInfo(_ Env, args []value.Value) (value.Value, error) {
	xc, _, ok1 := columnsOf(args[0])
	yc, _, ok2 := columnsOf(args[1])
	if !ok1 || !ok2 {
		return nil, errors.New("X and Y of mutualInfo must be scalars, vectors or matrices.")
	}
	if len(yc) == 1 {
		for len(yc) < len(xc) {
			yc = append(yc, yc[0])
		}
	}
	if len(xc) != len(yc) {
		return nil, errors.New("X and Y of mutualInfo must have the same shape.")
	}
	out := make([]float64, len(xc))
	for c := range xc {
		x, y := xc[c], yc[c]
		if x.Len() != y.Len() {
			return nil, errors.New("X and Y of mutualInfo must have the same length.")
		}
		joint := map[string]float64{}
		px := map[string]float64{}
		py := map[string]float64{}
		n := 0.0
		var kx, ky []byte
		for i := 0; i < x.Len(); i++ {
			if x.IsNull(i) || y.IsNull(i) {
				continue
			}
			kx = x.AppendKey(kx[:0], i)
			ky = y.AppendKey(ky[:0], i)
			px[string(kx)]++
			py[string(ky)]++
			joint[string(kx)+"\x00"+string(ky)]++
			n++
		}
		mi := 0.0
		for i := 0; i < x.Len(); i++ {
			if x.IsNull(i) || y.IsNull(i) {
				continue
			}
			kx = x.AppendKey(kx[:0], i)
			ky = y.AppendKey(ky[:0], i)
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
// columns of a matrix or table.
func pairMatrix(fn string, x value.Value, f func(*pairSums) float64) (value.Value, error) {
	cols, _, ok := columnsOf(x)
	if !ok {
		return nil, errors.New("X of " + fn + " must be a matrix or table.")
	}
	data := make([][]float64, len(cols))
	for i, c := range cols {
		d, err := doublesOf(fn, c)
		if err != nil {
			return nil, err
		}
		data[i] = d
	}
	k := len(cols)
	out := make([]float64, k*k)
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			var p pairSums
			for r := range data[i] {
				if !isNullF(data[i][r]) && !isNullF(data[j][r]) {
					p.add(data[i][r], data[j][r])
				}
			}
			v := f(&p)
			if v != v {
				v = value.NullFloat64
			}
			out[j*k+i] = v
		}
	}
	m := &value.Matrix{V: value.NewDoubles(out), Rows: k, Cols: k}
	if t, ok := x.(*value.Table); ok {
		labels := value.NewStrings(value.String, append([]string(nil), t.Names...))
		m.RowLabels, m.ColLabels = labels, labels
	}
	return m, nil
}
