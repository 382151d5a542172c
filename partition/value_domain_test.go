package partition

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// A VALUE domain maps a coded STRING or SYMBOL column (each symbol looked
// up once) exactly as it maps the same strings plain, errors included.
func TestValueMapCoded(t *testing.T) {
	d, err := NewValue(value.NewStrings(value.String, []string{"A", "B", "C"}))
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		rows []string
		err  error
	}{
		{"hits and misses", []string{"A", "C", "Z", "A", "B"}, nil},
		{"NULL row", []string{"A", "", "B"}, ErrValueNull},
		{"invisible before NULL", []string{"A", "x y", ""}, ErrInvisibleChar},
		{"NULL before invisible", []string{"", "x y"}, ErrValueNull},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, wantErr := d.Map(value.NewStrings(value.String, tc.rows))
			require.Equal(t, tc.err, wantErr)
			for _, typ := range []value.Type{value.String, value.Symbol} {
				got, err := d.Map(value.NewStrings(typ, tc.rows).Coded())
				require.Equal(t, wantErr, err, typ)
				if wantErr == nil {
					require.Equal(t, want, got, typ)
				}
			}
		})
	}
}

// RemoveValues (dropPartition's deleteSchema) drops only values in the
// scheme, and the partitions after them move down so Map stays exact.
func TestValueRemoveValues(t *testing.T) {
	for _, tc := range []struct {
		name    string
		scheme  *value.Vector
		remove  *value.Vector
		removed int
		left    []string
		lookup  *value.Vector
		want    []int32
	}{
		{"dates", value.NewInts([]int32{10, 11, 12, 13}), value.NewInts([]int32{11, 99}), 1,
			[]string{"10", "12", "13"}, value.NewInts([]int32{11, 12, 13}), []int32{-1, 1, 2}},
		{"nothing there", value.NewInts([]int32{1, 2}), value.NewInts([]int32{5}), 0,
			[]string{"1", "2"}, value.NewInts([]int32{2}), []int32{1}},
		{"symbols", value.NewStrings(value.Symbol, []string{"A", "B", "C"}), value.NewStrings(value.String, []string{"A", "C"}), 2,
			[]string{"B"}, value.NewStrings(value.String, []string{"A", "B"}), []int32{-1, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := NewValue(tc.scheme)
			require.NoError(t, err)
			n, err := d.RemoveValues(tc.remove)
			require.NoError(t, err)
			require.Equal(t, tc.removed, n)
			var names []string
			for i := 0; i < d.Len(); i++ {
				names = append(names, d.PartitionName(i))
			}
			require.Equal(t, tc.left, names)
			got, err := d.Map(tc.lookup)
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}
