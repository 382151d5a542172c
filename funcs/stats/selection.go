package stats

import "github.com/porpoisedb/porpoise/value/kernel"

// OrderedAt returns a copy of xs (no NaNs) in which position k, and
// position k+1 when there is one, hold what they would hold if the copy
// were sorted (kernel.OrderStats): enough for Median and QuantileSorted
// at that position, without a sort.
func OrderedAt(xs []float64, k int) []float64 {
	s := append([]float64(nil), xs...)
	kernel.OrderStats(s, k)
	return s
}
