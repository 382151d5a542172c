package groupagg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/porpoisedb/porpoise/distinct"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// Group codes from the typed paths (small-range integers, strings by
// pointer cache) agree with plain hashing of the values.
func TestKeyCodesMatchHashing(t *testing.T) {
	cases := []*value.Vector{
		value.NewInts([]int32{5, 3, 5, value.NullInt32, 3, 9, value.NullInt32}),
		value.NewLongs([]int64{1 << 40, 7, 1 << 40, value.NullInt64, 7}),
		value.NewLongs([]int64{math.MaxInt64, math.MinInt64 + 1, 0, math.MaxInt64}),
		value.NewStrings(value.Symbol, []string{"a", "b", "a", "", "b" + "", string([]byte{'a'}), "c"}),
		value.NewSymbols([]string{"a", "b", "a", "", "b", "a", "c"}),
		value.NewSymbols([]string{"x", "y"}).Slice(1, 2),
	}
	for _, v := range cases {
		codes, first := keyCodes(v)
		want, wantFirst := distinct.Keys(v)
		require.Equal(t, want, codes, v.String())
		require.Equal(t, wantFirst, first, v.String())
	}
}

// Floating keys: NaN groups with NULL.
func TestKeyCodesFloatNaNIsNull(t *testing.T) {
	codes, first := keyCodes(value.NewDoubles([]float64{1.5, math.NaN(), value.NullFloat64, 1.5, -2}))
	require.Equal(t, []int32{0, 1, 1, 0, 2}, codes)
	require.Equal(t, []int{0, 1, 4}, first)
	codes, first = keyCodes(&value.Vector{T: value.Float, F32: []float32{float32(math.NaN()), 3, value.NullFloat32, 3}})
	require.Equal(t, []int32{0, 1, 0, 1}, codes)
	require.Equal(t, []int{0, 1}, first)
}

// SortByKeys orders groups as comparing their keys element by element
// does (NULL smallest), for each key type and two keys together.
func TestSortByKeysMatchesElementOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const rows = 300
	ints := make([]int32, rows)
	dbls := make([]float64, rows)
	strs := make([]string, rows)
	for i := range ints {
		ints[i], dbls[i], strs[i] = rng.Int32N(20)-10, float64(rng.IntN(15))-7.5, fmt.Sprint(rng.IntN(25))
		if rng.IntN(6) == 0 {
			ints[i], dbls[i], strs[i] = value.NullInt32, value.NullFloat64, ""
		}
	}
	dbls[3] = math.Inf(1)
	cases := [][]*value.Vector{
		{value.NewInts(ints)},
		{value.NewDoubles(dbls)},
		{value.NewStrings(value.String, strs)},
		{value.NewSymbols(strs)},
		{value.NewSymbols(strs), value.NewInts(ints)},
		{value.NewDoubles(dbls), value.NewStrings(value.String, strs)},
	}
	for _, keys := range cases {
		g := Group(keys, rows)
		want := make([]int, g.N)
		for i := range want {
			want[i] = g.First[i]
		}
		sort.SliceStable(want, func(a, b int) bool {
			for _, k := range keys {
				if c := value.CompareElems(k, want[a], want[b]); c != 0 {
					return c < 0
				}
			}
			return false
		})
		g.SortByKeys()
		require.Equal(t, want, g.First, keys[0].T.String())
		for r, id := range g.IDs {
			require.Equal(t, r, max(r, g.First[id]), "a group's first row comes first")
		}
	}
}
