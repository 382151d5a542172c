package rowkeep

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// Deleting rows moves the kept ones up in each column's own storage, of
// every element slice, and leaves the vectors whose rows aren't one
// element (tuples, array vectors) to be gathered.
func TestCompactInPlace(t *testing.T) {
	require.Equal(t, []int{0, 2, 3, 5}, Kept(6, []int{4, 1, 4}))
	drop := Dropped(6, []int{4, 1, 4})
	require.Equal(t, []bool{false, true, false, false, true, false}, drop)
	for _, tc := range []struct {
		name string
		v    *value.Vector
		want string
	}{
		{"int", value.NewInts([]int32{0, 1, 2, 3, 4, 5}), "[0,2,3,5]"},
		{"double", value.NewDoubles([]float64{0, 1, 2, 3, 4, 5}), "[0,2,3,5]"},
		{"string", value.NewStrings(value.String, []string{"a", "b", "c", "d", "e", "f"}), `["a","c","d","f"]`},
		{"coded symbol", value.NewSymbols([]string{"a", "b", "a", "b", "c", "c"}), `["a","a","b","c"]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.True(t, CompactInPlace(tc.v, drop))
			require.Equal(t, tc.want, tc.v.String())
		})
	}
	tuple := &value.Vector{T: value.Any, Any: []value.Value{value.NewInt(1)}}
	require.False(t, CompactInPlace(tuple, []bool{false}))
	strs := []string{"a", "b", "c"}
	v := value.NewStrings(value.String, strs)
	require.True(t, CompactInPlace(v, []bool{true, true, false}))
	require.Equal(t, []string{"c", "", ""}, strs, "moved in place, the tail cleared")
}
