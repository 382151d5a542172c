package stats

import (
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Infinities in running statistics. The running sums of the moving and
// cumulative statistics keep the infinities out: a sum that took in an
// infinity and let it go again holds inf - inf, NaN, for good (msum of 1,
// 2, inf, 3, 4 was NULL on every row after the infinity had left the
// window). The loops count the infinities instead, and a frame holding
// one gets what IEEE arithmetic gives over its values afresh.

// IsFinite is "neither NULL, NaN nor an infinity": NULL is the least
// finite double.
func IsFinite(x float64) bool { return x > value.NullFloat64 && x <= math.MaxFloat64 }

// InfSum is the IEEE sum of a frame's infinities, pos of +Inf and neg of
// -Inf: +Inf, -Inf, NaN for both, 0 for none.
func InfSum(pos, neg int) float64 {
	s := 0.0
	if pos != 0 {
		s += math.Inf(1)
	}
	if neg != 0 {
		s -= math.Inf(1)
	}
	return s
}

// InfPairs are the pairs of a frame, neither value NULL, that hold an
// infinity, which PairSums leave out: the kinds of their products and
// what the y values add up to, all that the statistics need of them
// (covariance, correlation and beta of such a frame are NaN, as their
// deviations from an infinite mean are).
type InfPairs struct {
	N                   int
	xyPos, xyNeg, xyNaN int
	yPos, yNeg          int
	yFinite             float64
}

// Add adds (d 1) or removes (d -1) a pair holding an infinity.
func (q *InfPairs) Add(x, y float64, d int) {
	q.N += d
	switch xy := x * y; {
	case xy > 0:
		q.xyPos += d
	case xy < 0:
		q.xyNeg += d
	default: // 0 * Inf
		q.xyNaN += d
	}
	switch {
	case IsFinite(y):
		q.yFinite += float64(d) * y
	case y > 0:
		q.yPos += d
	default:
		q.yNeg += d
	}
	if q.N == 0 {
		q.yFinite = 0 // no rounding residue left behind
	}
}

// SumXY is the IEEE sum of the products of a frame's pairs, p its finite
// pairs.
func (q *InfPairs) SumXY(p *PairSums) float64 {
	s := InfSum(q.xyPos, q.xyNeg)
	if q.xyNaN != 0 {
		s = math.NaN()
	}
	if p.N > 0 {
		s += p.SumXY()
	}
	return s
}

// SumY is the IEEE sum of the y values of a frame's pairs, p its finite
// pairs.
func (q *InfPairs) SumY(p *PairSums) float64 {
	s := InfSum(q.yPos, q.yNeg) + q.yFinite
	if p.N > 0 {
		s += p.SumY()
	}
	return s
}

// NaNOver is the covariance, correlation or beta of a frame holding an
// infinity.
func NaNOver(*PairSums, *InfPairs) float64 { return math.NaN() }

// WavgOver is the weighted average (SumXY / SumY) of a frame holding an
// infinity.
func WavgOver(p *PairSums, q *InfPairs) float64 { return q.SumXY(p) / q.SumY(p) }

// WsumOver is the weighted sum of a frame holding an infinity.
func WsumOver(p *PairSums, q *InfPairs) float64 { return q.SumXY(p) }

// NullNonFinite makes out's NaN results NULL, and its infinite ones too
// unless the row's frame of xs (of the pairs of xs and ys, neither NULL,
// when ys is given) holds an infinity; row i's frame is rows lo[i]..i,
// or 0..i when lo is nil, and with xs nil none holds one. An infinite
// result of finite values is an overflow or a division by zero, NULL;
// one of a frame holding an infinity is what IEEE arithmetic gives over
// it, as sum and avg of the frame give, and stays.
func NullNonFinite(out, xs, ys []float64, lo []int) {
	var held []int32 // held[j]: the rows before j holding an infinity
	for i, r := range out {
		if r-r == 0 { // finite or NULL
			continue
		}
		if r == r && xs != nil {
			if held == nil {
				held = heldInfinities(xs, ys)
			}
			start := 0
			if lo != nil {
				start = lo[i]
			}
			if held[i+1] > held[start] {
				continue
			}
		}
		out[i] = value.NullFloat64
	}
}

// heldInfinities counts, for each j, the rows before j holding an
// infinity (see NullNonFinite).
func heldInfinities(xs, ys []float64) []int32 {
	held := make([]int32, len(xs)+1)
	for j, x := range xs {
		inf := x-x != 0 && x == x
		if ys != nil {
			y := ys[j]
			inf = (inf || y-y != 0 && y == y) && x == x && y == y && x != value.NullFloat64 && y != value.NullFloat64
		}
		held[j+1] = held[j]
		if inf {
			held[j+1]++
		}
	}
	return held
}

// PairColumns is PairFrameColumns for loops that make their own results
// NULL where they are not one (NullNonFinite where they need it).
func PairColumns(fn string, x, y value.Value, loop func(xs, ys, out []float64)) (value.Value, error) {
	return pairColumns(fn, x, y, loop)
}

// PairColumnsKeepInf is PairFrameColumns for such statistics, whose
// loop needs no frames: NaN results are NULL, infinite ones stay (see
// funcs.NullNaN).
func PairColumnsKeepInf(fn string, x, y value.Value, loop func(xs, ys, out []float64)) (value.Value, error) {
	return pairColumns(fn, x, y, func(xs, ys, out []float64) {
		loop(xs, ys, out)
		funcs.NullNaN(out)
	})
}
