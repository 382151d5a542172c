package window

import (
	"math"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/value"
)

// The m*TopN family: in each window of the last `window` rows, the rows
// are stably sorted by S (NULL S left out) and the statistic is taken
// over the first `top` of them (NULL values of X left out).

// topNArgs reads window, top, ascending and tiesMethod starting at
// args[at].
func topNArgs(fn string, args []value.Value, at int) (w, top int, asc, latest bool, err error) {
	w, _, err = movingArgs(fn, args[at], nil)
	if err != nil {
		return
	}
	t, err := funcs.PositiveIntArg(fn, "top", args[at+1], 0)
	if err != nil {
		return
	}
	top = int(t)
	if asc, err = funcs.BoolArg(fn, "ascending", funcs.Arg(args, at+2), true); err != nil {
		return
	}
	ties, ok := funcs.ChoiceArg(funcs.Arg(args, at+3), "oldest", "latest")
	if !ok {
		err = ddberr.Errorf("The argument [tiesMethod] of %s must be 'oldest' or 'latest'.", fn)
	}
	return w, top, asc, ties == "latest", err
}

// topNRows picks, for each row, the rows of its window that sort first
// by s (NULL s excluded).
func topNRows(s []float64, w, top int, asc, latest bool) [][]int {
	rows := make([][]int, len(s))
	for i := range rows {
		var cand []int
		for j := max(0, i-w+1); j <= i; j++ {
			if !funcs.IsNullF(s[j]) {
				cand = append(cand, j)
			}
		}
		sort.SliceStable(cand, func(a, b int) bool {
			x, y := s[cand[a]], s[cand[b]]
			if x != y {
				return (x < y) == asc
			}
			return cand[a] < cand[b]
		})
		if len(cand) > top {
			if latest {
				// A run of equal values cut by top keeps its latest
				// members, still listed oldest first.
				cut := s[cand[top-1]]
				lo, hi := top-1, top-1
				for lo > 0 && s[cand[lo-1]] == cut {
					lo--
				}
				for hi+1 < len(cand) && s[cand[hi+1]] == cut {
					hi++
				}
				keep := top - lo
				copy(cand[lo:], cand[hi+1-keep:hi+1])
			}
			cand = cand[:top]
		}
		rows[i] = cand
	}
	return rows
}

// sortKeyColumn reads S's column c as DOUBLEs (temporal as raw values).
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
	return funcs.DoublesOf(fn, mathfn.AsNumeric(col))
}

// topN1 is a one-series m*TopN function.
func topN1(fn string, args []value.Value, g func(v []float64) (float64, bool)) (value.Value, error) {
	w, top, asc, latest, err := topNArgs(fn, args, 2)
	if err != nil {
		return nil, err
	}
	cols, wrap, ok := funcs.ColumnsOf(args[0])
	if !ok {
		return nil, ddberr.Errorf("X of %s must be a vector or matrix.", fn)
	}
	out := make([]*value.Vector, len(cols))
	for c, col := range cols {
		xs, err := funcs.DoublesOf(fn, col)
		if err != nil {
			return nil, err
		}
		s, err := sortKeyColumn(fn, args[1], c)
		if err != nil {
			return nil, err
		}
		if len(s) != len(xs) {
			return nil, ddberr.Errorf("X and S of %s must have the same length.", fn)
		}
		res := make([]float64, len(xs))
		var buf []float64
		for i, rows := range topNRows(s, w, top, asc, latest) {
			buf = buf[:0]
			for _, j := range rows {
				if !funcs.IsNullF(xs[j]) {
					buf = append(buf, xs[j])
				}
			}
			r, ok := g(buf)
			if !ok || len(buf) == 0 {
				r = math.NaN()
			}
			res[i] = r
		}
		out[c] = value.NewDoubles(funcs.Finite(res))
	}
	return wrap(out), nil
}

// topN2 is a two-series m*TopN function over rows where both are
// present.
func topN2(fn string, args []value.Value, g func(p *stats.PairSums) float64) (value.Value, error) {
	w, top, asc, latest, err := topNArgs(fn, args, 3)
	if err != nil {
		return nil, err
	}
	s, err := sortKeyColumn(fn, args[2], 0)
	if err != nil {
		return nil, err
	}
	sel := topNRows(s, w, top, asc, latest)
	return stats.PairColumns(fn, args[0], args[1], func(xs, ys, out []float64) {
		for i := range out {
			out[i] = math.NaN()
			if i >= len(sel) {
				continue
			}
			var p stats.PairSums
			for _, j := range sel[i] {
				if !funcs.IsNullF(xs[j]) && !funcs.IsNullF(ys[j]) {
					p.Add(xs[j], ys[j])
				}
			}
			if p.N > 0 {
				out[i] = g(&p)
			}
		}
	})
}

// mpercentileTopN is the percentile of the top rows of each window.
func mpercentileTopN(_ funcs.Env, args []value.Value) (value.Value, error) {
	p, ok := funcs.ScalarArg(args[2])
	if !ok || !p.T.IsNumeric() || p.Null || p.Float64() < 0 || p.Float64() > 100 {
		return nil, ddberr.Errorf("The percent of mpercentileTopN must be between 0 and 100.")
	}
	method, err := stats.Interpolation("mpercentileTopN", funcs.Arg(args, 5))
	if err != nil {
		return nil, err
	}
	q := p.Float64() / 100
	rest := []value.Value{args[0], args[1], args[3], args[4], funcs.Arg(args, 6), funcs.Arg(args, 7)}
	for len(rest) > 4 && rest[len(rest)-1] == nil {
		rest = rest[:len(rest)-1]
	}
	return topN1("mpercentileTopN", rest, func(v []float64) (float64, bool) {
		if len(v) == 0 {
			return 0, false
		}
		s := stats.SortedCopy(v)
		return stats.QuantileSorted(s, q, method), true
	})
}
