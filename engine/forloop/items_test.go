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

// TestItemsApart checks that every pass has its own scalar, past a
// block's end, that a change to one leaves the others, and that a vector's
// passes read its elements as Elem does.
func TestItemsApart(t *testing.T) {
	n := chunk*2 + 5
	ints := make([]int32, n)
	strs := make([]string, n)
	for i := range ints {
		ints[i] = int32(i * 3)
		strs[i] = string(rune('a' + i%26))
	}
	ints[7] = value.NullInt32
	for _, tc := range []struct {
		name string
		it   value.Value
		want func(i int) value.Value
	}{
		{"ints", value.NewInts(ints), value.NewInts(ints).Elem},
		{"strings", value.NewStrings(value.String, strs), value.NewStrings(value.String, strs).Elem},
		{"range up", &value.Pair{V: value.NewLongs([]int64{10, 10 + int64(n)})}, func(i int) value.Value { return value.NewLong(10 + int64(i)) }},
		{"range down", &value.Pair{V: value.NewInts([]int32{int32(n), 0})}, func(i int) value.Value { return value.NewInt(int32(n - 1 - i)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			count, item, err := Items(tc.it)
			require.NoError(t, err)
			require.Equal(t, n, count)
			var got []value.Value
			for i := 0; i < count; i++ {
				got = append(got, item(i))
				require.Equal(t, tc.want(i), got[i])
			}
			got[0].(*value.Scalar).I = -5
			for i := 1; i < count; i++ {
				require.Equal(t, tc.want(i), got[i])
			}
		})
	}
}
