package funcs

import "sort"

// sortSlice sorts s in place with less (not stable).
func SortSlice[T any](s []T, less func(i, j int) bool) { sort.Slice(s, less) }

// stableSort sorts s in place with less, keeping equal elements in order.
func StableSort[T any](s []T, less func(a, b T) bool) {
	sort.SliceStable(s, func(i, j int) bool { return less(s[i], s[j]) })
}
