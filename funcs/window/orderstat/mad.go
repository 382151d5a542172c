package orderstat

import (
	"math"
	"slices"
	"sort"

	"github.com/porpoisedb/porpoise/ordstat"
)

// Median is the median of n values read by rank: the middle one, or the
// mean of the middle two.
func Median(n int, at func(k int) float64) float64 {
	m := n / 2
	if n%2 == 1 {
		return at(m)
	}
	return (at(m-1) + at(m)) / 2
}

// Quantile is the q-quantile (0..1) by DolphinDB's interpolation method,
// as stats.QuantileSorted reads it off sorted values.
func Quantile(q float64, method string) Stat {
	return func(n int, at func(k int) float64) float64 {
		lo, hi, frac := ordstat.Span(n, q)
		return ordstat.Pick(at(lo), at(hi), frac, method)
	}
}

// MedianAbsDev is the median of |x - m| over n values read by rank, m
// their median: the deviations of the values below m, read down from
// it, and of those from m up are two ascending runs, and the middle ranks
// of the two together are found by bisection, O(log n) values read
// (sorting the deviations was O(n log n)). Where m is not finite (an
// infinity among the middle values) the deviations hold NaN, which a
// sort puts first: they are then sorted as they are.
func MedianAbsDev(n int, at func(k int) float64) float64 {
	m := Median(n, at)
	if math.IsInf(m, 0) || m != m {
		dev := make([]float64, n)
		for k := range dev {
			dev[k] = math.Abs(at(k) - m)
		}
		slices.SortFunc(dev, nanFirst)
		return Median(n, func(k int) float64 { return dev[k] })
	}
	// ranks below up are below m, the others not
	up := sort.Search(n, func(k int) bool { return at(k) >= m })
	below := func(i int) float64 { return math.Abs(at(up-1-i) - m) }
	above := func(j int) float64 { return math.Abs(at(up+j) - m) }
	return Median(n, func(k int) float64 { return kth(k, up, n-up, below, above) })
}

// kth is the k-th smallest (0-based) of two ascending runs a and b of na
// and nb values together: the k+1 smallest are a's first i and b's
// first k+1-i, i the least whose a[i] is not below the last of b's.
func kth(k, na, nb int, a, b func(int) float64) float64 {
	lo, hi := max(0, k+1-nb), min(k+1, na)
	for lo < hi {
		if i := int(uint(lo+hi) >> 1); a(i) < b(k-i) {
			lo = i + 1
		} else {
			hi = i
		}
	}
	i, j := lo, k+1-lo
	switch {
	case i == 0:
		return b(j - 1)
	case j == 0:
		return a(i - 1)
	}
	return max(a(i-1), b(j-1))
}

// nanFirst orders doubles as sort.Float64s does: NaN before the rest.
func nanFirst(a, b float64) int {
	switch {
	case a < b || a != a && b == b:
		return -1
	case b < a || b != b && a == a:
		return 1
	}
	return 0
}
