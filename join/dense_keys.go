package join

import (
	"math"

	"github.com/porpoisedb/porpoise/value"
)

// Integer matching columns whose values on the indexed side span small
// ranges (symbol codes, a few dates) are numbered by mixed radix:
// (x1-min1) + range1*((x2-min2) + range2*...), a dense number below the
// product of the ranges. The indexed side's rows are then listed per
// number by matchCodes' counting pass and each probing row finds its
// matches by indexing, with no hash map.

// denseLimit caps the numbers denseKeys hands out: the counting pass
// allocates an int per number.
const denseLimit = 1 << 22

// denseKeys numbers the rows of a (probing) and b (indexed) by their
// integer key columns as above, plus one, so that 0 is never used and -1
// marks a row that matches nothing (a NULL key unless nullSafe, or a
// probing value outside b's range); n is one more than the largest
// number. ok is false unless every column is integral and the product of
// b's ranges stays below denseLimit and within a few times b's rows.
func denseKeys(a, b []*value.Vector, nullSafe bool) (ac, bc []int32, n int, ok bool) {
	if len(a) == 0 {
		return nil, nil, 0, false
	}
	na, nb := a[0].Len(), b[0].Len()
	aw, bw := make([][]int64, len(a)), make([][]int64, len(b))
	lo, span := make([]int64, len(b)), make([]int64, len(b))
	total := int64(1)
	for k := range b {
		if keyWidth(a[k]) == 0 || keyWidth(b[k]) == 0 {
			return nil, nil, 0, false
		}
		aw[k], bw[k] = wordsOf(a[k]), wordsOf(b[k])
		mn, mx := int64(math.MaxInt64), int64(math.MinInt64)
		for _, x := range bw[k] {
			if x == math.MinInt64 && !nullSafe {
				continue // matches nothing
			}
			mn, mx = min(mn, x), max(mx, x)
		}
		if mn > mx { // no row can match
			mn, mx = 0, 0
		}
		if mx-mn < 0 || mx-mn >= denseLimit {
			return nil, nil, 0, false
		}
		lo[k], span[k] = mn, mx-mn+1
		if total *= span[k]; total > denseLimit || total > 4*int64(nb)+1024 {
			return nil, nil, 0, false
		}
	}
	number := func(words [][]int64, n int) []int32 {
		out := make([]int32, n)
		for i := range out {
			id := int64(0)
			for k := len(words) - 1; k >= 0; k-- {
				x := words[k][i]
				if x == math.MinInt64 && !nullSafe || x < lo[k] || x-lo[k] >= span[k] {
					id = -1
					break
				}
				id = id*span[k] + x - lo[k]
			}
			out[i] = int32(id + 1)
			if id < 0 {
				out[i] = -1
			}
		}
		return out
	}
	return number(aw, na), number(bw, nb), int(total) + 1, true
}
