package partition

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestRouterPolicies(t *testing.T) {
	newLevels := func() []Domain {
		v, err := NewValue(value.NewInts([]int32{1, 2}))
		require.NoError(t, err)
		return []Domain{v}
	}
	plain := value.NewInts([]int32{2, 5, 1, 5})
	nulls := value.NewInts([]int32{2, 5, value.NullInt32, 1})
	for _, tc := range []struct {
		name  string
		r     Router
		col   *value.Vector
		err   error
		part  []int32
		paths []string
	}{
		{name: "skip", r: Router{}, col: plain, part: []int32{0, -1, 1, -1}, paths: []string{"/2", "/1"}},
		{name: "fail", r: Router{NewValues: FailNewValues}, col: plain, err: ErrNotInScheme},
		{name: "skip without missing partitions", r: Router{FailMissing: true}, col: plain, err: ErrNotInScheme},
		{name: "skip without missing partitions, all in scheme", r: Router{FailMissing: true}, col: value.NewInts([]int32{2, 1}), part: []int32{0, 1}, paths: []string{"/2", "/1"}},
		{name: "drop nulls", r: Router{DropNulls: true}, col: nulls, part: []int32{0, -1, -1, 1}, paths: []string{"/2", "/1"}},
		{name: "add null", r: Router{NewValues: AddNewValues}, col: nulls, err: ErrValueNull},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.r.Levels = newLevels()
			got, err := tc.r.Route([]*value.Vector{tc.col})
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.part, got.Part)
			require.Equal(t, tc.paths, got.Paths)
		})
	}
	// add grows a copy of the level and leaves the router's own alone
	r := Router{Levels: newLevels(), NewValues: AddNewValues}
	got, err := r.Route([]*value.Vector{value.NewInts([]int32{2, 5, 1, 5})})
	require.NoError(t, err)
	require.Equal(t, []int32{0, 1, 2, 1}, got.Part)
	require.Equal(t, []string{"/2", "/5", "/1"}, got.Paths)
	require.Equal(t, []int{1, 2, 1}, got.Rows)
	require.Equal(t, 2, r.Levels[0].Len())
	require.Equal(t, 3, got.Grown[0].Len())
	require.Equal(t, []int32{5, 5}, got.Added[0].I32)
	groups := got.Groups()
	require.Equal(t, []int{1, 3}, groups["/5"])
}
