package insert

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestRowWritesOnArrayVectors(t *testing.T) {
	av := func(flat []float64, ends ...int64) *value.Vector {
		return &value.Vector{T: value.Double + value.ArrayOffset, F64: flat, Offsets: ends}
	}
	null := value.NullFloat64
	for _, tc := range []struct {
		name     string
		write    func(col *value.Vector)
		wantFlat []float64
		wantEnds []int64
	}{
		{"a longer row in the middle", func(col *value.Vector) { SetRow(col, 1, av([]float64{7, 8, 9}, 3), 0) },
			[]float64{1, 2, 7, 8, 9, 4, 5, 6}, []int64{2, 5, 8}},
		{"a shorter first row", func(col *value.Vector) { SetRow(col, 0, av([]float64{9}, 1), 0) },
			[]float64{9, 3, 4, 5, 6}, []int64{1, 2, 5}},
		{"a row of the column itself", func(col *value.Vector) { SetRow(col, 0, col, 2) },
			[]float64{4, 5, 6, 3, 4, 5, 6}, []int64{3, 4, 7}},
		{"a NULL row holds one NULL cell", func(col *value.Vector) { SetNullRows(col, []int{2, 0}) },
			[]float64{null, 3, null}, []int64{1, 2, 3}},
		{"batched rows", func(col *value.Vector) {
			o := NewOverwrite([]*value.Vector{col})
			o.Set(0, 2, av([]float64{0}, 1), 0)
			o.Set(0, 0, av([]float64{5, 5, 5}, 3), 0)
			o.Apply()
		}, []float64{5, 5, 5, 3, 0}, []int64{3, 4, 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			col := av([]float64{1, 2, 3, 4, 5, 6}, 2, 3, 6)
			tc.write(col)
			require.Equal(t, tc.wantFlat, col.F64)
			require.Equal(t, tc.wantEnds, col.Offsets)
		})
	}
}

func TestRowIsNull(t *testing.T) {
	null := value.NullFloat64
	col := &value.Vector{T: value.Double + value.ArrayOffset, F64: []float64{1, null, null, null, 2}, Offsets: []int64{1, 2, 2, 4, 5}}
	var got []bool
	for i := range col.Len() {
		got = append(got, RowIsNull(col, i))
	}
	require.Equal(t, []bool{false, true, true, true, false}, got)
	require.True(t, RowIsNull(value.NewDoubles([]float64{null}), 0))
}
