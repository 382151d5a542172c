package funcs

import "github.com/porpoisedb/porpoise/value"

// DistinctCodes numbers each element of v by its value's first
// appearance: codes[i] is element i's code, first[k] the element where
// code k first appears. Elements compare by their key bytes, so it takes
// any vector.
func DistinctCodes(v *value.Vector) (codes []int32, first []int) {
	codes = make([]int32, v.Len())
	seen := map[string]int32{}
	var key []byte
	for i := range codes {
		key = v.AppendKey(key[:0], i)
		c, ok := seen[string(key)]
		if !ok {
			c = int32(len(first))
			seen[string(key)] = c
			first = append(first, i)
		}
		codes[i] = c
	}
	return codes, first
}
