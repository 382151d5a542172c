package window

// IntSums adds up each frame's non-NULL values of an integral column
// (xs with NULL marked in null) exactly, with prefix sums: s is the sum and
// c the count of values of each frame.
func IntSums(xs []int64, null []bool, f Frames) (s, c []int64) {
	return frameSums(xs, func(i int) bool { return null[i] }, f)
}

// FloatSums is IntSums for a floating column, NULL given as NaN.
func FloatSums(xs []float64, f Frames) (s []float64, c []int64) {
	return frameSums(xs, func(i int) bool { return xs[i] != xs[i] }, f)
}

func frameSums[T int64 | float64](xs []T, null func(i int) bool, f Frames) (s []T, c []int64) {
	pre := make([]T, len(xs)+1)
	cnt := make([]int64, len(xs)+1)
	for i, x := range xs {
		pre[i+1], cnt[i+1] = pre[i], cnt[i]
		if !null(i) {
			pre[i+1] += x
			cnt[i+1]++
		}
	}
	s, c = make([]T, len(xs)), make([]int64, len(xs))
	for i := range xs {
		if lo, hi := f.Lo[i], f.Hi[i]; lo < hi {
			s[i], c[i] = pre[hi]-pre[lo], cnt[hi]-cnt[lo]
		}
	}
	return s, c
}
