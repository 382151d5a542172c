package lookup

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// alignMode is how rowAlign bounds the aligned values: bid rows descend,
// ask rows ascend; the all* modes keep every value of both rows, the
// others only those within both rows' valid levels.
type alignMode struct {
	desc, all bool
}

// rowAlign aligns each row of left with the same row of right by value
// (funcs/r/rowAlign.md): the merged values of both rows, in their order,
// and for each the position it has in left and in right (-1 where that
// row lacks it). Both results are INT array vectors, or tuples for
// tuples of rows.
func rowAlign(_ funcs.Env, args []value.Value) (value.Value, error) {
	how, ok := funcs.StringArg(args[2])
	modes := map[string]alignMode{"bid": {desc: true}, "allbid": {desc: true, all: true}, "ask": {}, "allask": {all: true}}
	mode, known := modes[strings.ToLower(how)]
	if !ok || !known {
		return nil, ddberr.Errorf("how of rowAlign must be 'bid', 'allBid', 'ask' or 'allAsk'.")
	}
	lrows, ltuple, ok1 := alignRows(args[0])
	rrows, rtuple, ok2 := alignRows(args[1])
	if !ok1 || !ok2 || ltuple != rtuple || len(lrows) != len(rrows) {
		return nil, ddberr.Errorf("left and right of rowAlign must be numeric array vectors or tuples of the same length.")
	}
	var li, ri []int32
	loff, roff := make([]int64, len(lrows)), make([]int64, len(lrows))
	var lout, rout []value.Value
	for r := range lrows {
		start := len(li)
		li, ri = alignRow(lrows[r], rrows[r], mode, li, ri)
		loff[r], roff[r] = int64(len(li)), int64(len(ri))
		if ltuple {
			lout = append(lout, value.NewInts(append([]int32(nil), li[start:]...)))
			rout = append(rout, value.NewInts(append([]int32(nil), ri[start:]...)))
		}
	}
	if ltuple {
		return value.NewTuple([]value.Value{value.NewTuple(lout), value.NewTuple(rout)}), nil
	}
	return value.NewTuple([]value.Value{
		&value.Vector{T: value.ArrayOffset + value.Int, I32: li, Offsets: loff},
		&value.Vector{T: value.ArrayOffset + value.Int, I32: ri, Offsets: roff},
	}), nil
}

// alignRows reads an array vector's or a tuple's rows as float64s.
func alignRows(x value.Value) (rows [][]float64, tuple, ok bool) {
	v, isVec := x.(*value.Vector)
	if !isVec {
		return nil, false, false
	}
	row := func(r *value.Vector) ([]float64, bool) {
		if !funcs.IsNumericVec(r) || r.HasNull() {
			return nil, false
		}
		xs, err := funcs.DoublesOf("rowAlign", r)
		return xs, err == nil
	}
	switch {
	case v.T.IsArray():
		for i := range v.Offsets {
			xs, ok := row(v.Row(i))
			if !ok {
				return nil, false, false
			}
			rows = append(rows, xs)
		}
		return rows, false, true
	case v.T == value.Any:
		for _, e := range v.Any {
			r, isVec := e.(*value.Vector)
			if !isVec {
				return nil, false, false
			}
			xs, ok := row(r)
			if !ok {
				return nil, false, false
			}
			rows = append(rows, xs)
		}
		return rows, true, true
	}
	return nil, false, false
}

// alignRow merges two sorted rows (descending for bids) within the mode's
// bounds and appends each merged value's positions in l and r.
func alignRow(l, r []float64, m alignMode, li, ri []int32) ([]int32, []int32) {
	if len(l) == 0 && len(r) == 0 {
		return li, ri
	}
	// before reports whether a comes before b in the rows' order.
	before := func(a, b float64) bool { return a > b == m.desc && a != b }
	lo, hi := bounds(l, r, m)
	inside := func(x float64) bool { return m.all || !before(x, lo) && !before(hi, x) }
	i, j := 0, 0
	for i < len(l) || j < len(r) {
		switch {
		case j == len(r) || i < len(l) && before(l[i], r[j]):
			if inside(l[i]) {
				li, ri = append(li, int32(i)), append(ri, -1)
			}
			i++
		case i == len(l) || before(r[j], l[i]):
			if inside(r[j]) {
				li, ri = append(li, -1), append(ri, int32(j))
			}
			j++
		default:
			if inside(l[i]) {
				li, ri = append(li, int32(i)), append(ri, int32(j))
			}
			i++
			j++
		}
	}
	return li, ri
}

// bounds are the first and last values, in the rows' order, that the
// valid levels of both rows cover: for bids from the higher best price
// down to the higher of the worst ones; for asks from the lower best
// price up to the lower of the worst ones. An empty row bounds nothing.
func bounds(l, r []float64, m alignMode) (first, last float64) {
	lmin, lmax := extent(l)
	rmin, rmax := extent(r)
	switch {
	case len(l) == 0:
		lmin, lmax = rmin, rmax
	case len(r) == 0:
		rmin, rmax = lmin, lmax
	}
	if m.desc {
		return max(lmax, rmax), max(lmin, rmin)
	}
	return min(lmin, rmin), min(lmax, rmax)
}

// extent is the least and the greatest of xs (0, 0 when empty).
func extent(xs []float64) (lo, hi float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs[1:] {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}
