package rowfn

import (
	"math"
	"math/bits"
	"slices"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// exactInput is a row function's sources as int64 columns: integers as
// they are, decimals as raw values at one scale. DOUBLE holds integers
// exactly only up to 2^53 and a decimal's digits only approximately, so
// the row functions that keep their sources' type (rowSum, rowMax,
// rowMin) reduce these instead where they can.
type exactInput struct {
	t      value.Type
	scale  int32
	rows   int
	cols   [][]int64 // one value per row (len 1: broadcast)
	arrays []*arrayLongs
}

// arrayLongs is an array vector's cells as int64s with row ends.
type arrayLongs = cellRows[int64]

// exactOf reads in's sources as int64s when they share one integral type
// (not BOOL) or are all DECIMAL32 or all DECIMAL64 (their raw values
// brought to the largest scale); ok is false otherwise, and when
// rescaling would overflow.
func (in *rowInput) exactOf() (*exactInput, bool) {
	t := in.commonType()
	// temporal sources arrive as their counts (ordered)
	integral := t.Category() == value.CatIntegral || t.Category() == value.CatTemporal
	if !integral && t != value.Decimal32 && t != value.Decimal64 {
		return nil, false
	}
	ex := &exactInput{t: t, rows: in.rows}
	if !integral {
		ex.scale = in.scale()
	}
	read := func(v *value.Vector) ([]int64, bool) {
		if integral {
			return funcs.LongsOf(v), true
		}
		return rawAt(v, ex.scale)
	}
	for _, v := range in.vecs {
		xs, ok := read(v)
		if !ok {
			return nil, false
		}
		ex.cols = append(ex.cols, xs)
	}
	for k, v := range in.arrayVecs {
		xs, ok := read(v)
		if !ok {
			return nil, false
		}
		ex.arrays = append(ex.arrays, &arrayLongs{vals: xs, ends: in.arrays[k].ends})
	}
	return ex, true
}

// scale is the largest DECIMAL scale among in's sources (0 for none).
func (in *rowInput) scale() int32 {
	s := int32(0)
	for _, v := range in.vecs {
		s = max(s, v.Scale)
	}
	for _, v := range in.arrayVecs {
		s = max(s, v.Scale)
	}
	return s
}

// rawAt is the raw values of a DECIMAL32 or DECIMAL64 vector at scale
// (not below v's), NULL as value.NullInt64; ok is false on overflow.
func rawAt(v *value.Vector, scale int32) ([]int64, bool) {
	n := v.Len()
	out := make([]int64, n)
	f := int64(math.Pow10(int(scale - v.Scale)))
	for i := range out {
		var x int64
		if v.T == value.Decimal32 {
			if v.I32[i] == value.NullInt32 {
				out[i] = value.NullInt64
				continue
			}
			x = int64(v.I32[i])
		} else {
			if v.I64[i] == value.NullInt64 {
				out[i] = value.NullInt64
				continue
			}
			x = v.I64[i]
		}
		hi, lo := bits.Mul64(uint64(abs(x)), uint64(f))
		if hi != 0 || lo > math.MaxInt64 {
			return nil, false
		}
		out[i] = x * f
	}
	return out, true
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// reduce runs g over each row's non-NULL values (NULL for a row without
// any, and where g reports an overflow) and gives the result in the
// sources' type and scale.
func (ex *exactInput) reduce(g func(vals []int64) (int64, bool)) (value.Value, error) {
	out := make([]int64, ex.rows)
	var buf []int64
	for i := range out {
		buf = slices.DeleteFunc(ex.row(i, buf[:0]), func(x int64) bool { return x == value.NullInt64 })
		out[i] = value.NullInt64
		if len(buf) > 0 {
			if r, ok := g(buf); ok {
				out[i] = r
			}
		}
	}
	if ex.t.Category() == value.CatIntegral || ex.t.Category() == value.CatTemporal {
		// a result outside a narrower type is NULL, as a DOUBLE out of
		// its range converts
		lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
		switch ex.t.Storage() {
		case value.StInt8:
			lo, hi = math.MinInt8+1, math.MaxInt8
		case value.StInt16:
			lo, hi = math.MinInt16+1, math.MaxInt16
		case value.StInt32:
			lo, hi = math.MinInt32+1, math.MaxInt32
		}
		for i, x := range out {
			if x < lo || x > hi {
				out[i] = value.NullInt64
			}
		}
		return funcs.FromLongs(ex.t, out), nil
	}
	r := value.NewLongs(out)
	r.T, r.Scale = value.Decimal64, ex.scale
	if ex.t == value.Decimal32 {
		return cast.Vector(r, value.Decimal32, ex.scale)
	}
	return r, nil
}

// row appends row i's values, NULLs included, to buf.
func (ex *exactInput) row(i int, buf []int64) []int64 {
	return appendRow(buf, i, ex.cols, ex.arrays)
}

// exactSum is the sum of xs; ok is false when it overflows.
func exactSum(xs []int64) (int64, bool) {
	s := int64(0)
	for _, x := range xs {
		r := s + x
		if (r > s) != (x > 0) {
			return 0, false
		}
		s = r
	}
	return s, true
}

// exactProd is the product of xs; ok is false when it overflows.
func exactProd(xs []int64) (int64, bool) {
	p := int64(1)
	for _, x := range xs {
		if x != 0 && p != 0 {
			r := p * x
			if r/x != p || r == math.MinInt64 {
				return 0, false
			}
			p = r
			continue
		}
		p = 0
	}
	return p, true
}

// exactMax and exactMin are the largest and the smallest of xs.
func exactMax(xs []int64) (int64, bool) { return slices.Max(xs), true }
func exactMin(xs []int64) (int64, bool) { return slices.Min(xs), true }
