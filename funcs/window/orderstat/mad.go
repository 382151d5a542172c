package orderstat

import (
	"math"
	"slices"

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
	up, hi := 0, n
	for up < hi {
		if k := int(uint(up+hi) >> 1); at(k) < m {
			up = k + 1
		} else {
			hi = k
		}
	}
	return Median(n, func(k int) float64 { return kth(k, n, up, m, at) })
}

// kth is the k-th smallest (0-based) deviation |x - m| of n values read
// by rank, the first up below m: two ascending runs, a(i) of the values
// below m read down from it, b(j) of those from m up. The k+1 smallest
// are a's first i and b's first k+1-i, i the least whose a(i) is not
// below b(k-i).
func kth(k, n, up int, m float64, at func(k int) float64) float64 {
	lo, hi := max(0, k+1-(n-up)), min(k+1, up)
	for lo < hi {
		if i := int(uint(lo+hi) >> 1); math.Abs(at(up-1-i)-m) < math.Abs(at(up+k-i)-m) {
			lo = i + 1
		} else {
			hi = i
		}
	}
	// a(i-1) and b(j-1), the last of each run taken
	i, j := lo, k+1-lo
	switch {
	case i == 0:
		return math.Abs(at(up+j-1) - m)
	case j == 0:
		return math.Abs(at(up-i) - m)
	}
	return max(math.Abs(at(up-i)-m), math.Abs(at(up+j-1)-m))
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
