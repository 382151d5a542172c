package forloop

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestItems(t *testing.T) {
	pair := func(lo, hi int32) value.Value {
		return &value.Pair{V: value.NewInts([]int32{lo, hi})}
	}
	for _, tc := range []struct {
		name string
		it   value.Value
		want []string
		err  string
	}{
		{"vector", value.NewInts([]int32{5, 6}), []string{"5", "6"}, ""},
		{"set", value.NewSet(value.NewInts([]int32{8})), []string{"8"}, ""},
		{"pair up", pair(2, 4), []string{"2", "3"}, ""},
		{"pair down", pair(4, 1), []string{"3", "2", "1"}, ""},
		{"empty pair", pair(3, 3), nil, ""},
		{"scalar", value.NewInt(7), []string{"7"}, ""},
		{"dictionary", value.NewDict(value.Int, value.Int), nil, "The for-loop iterator must be a vector, pair, set or table."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, item, err := Items(tc.it)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			var got []string
			for i := 0; i < n; i++ {
				got = append(got, item(i).String())
			}
			require.Equal(t, tc.want, got)
		})
	}
}
