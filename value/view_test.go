package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFixedViews(t *testing.T) {
	for _, tc := range []struct {
		t     Type
		width int
	}{
		{Bool, 1}, {Short, 2}, {Int, 4}, {Date, 4}, {Long, 8}, {Float, 4}, {Double, 8},
		{UUID, 16}, {Complex, 16}, {String, 0}, {Symbol, 0},
	} {
		require.Equal(t, tc.width, tc.t.Storage().Width(), tc.t.String())
		v := NewVector(tc.t, 0, 0)
		tail, w := v.ExtendFixed(3)
		require.Equal(t, tc.width, w, tc.t.String())
		require.Len(t, tail, 3*tc.width, tc.t.String())
		all, w := v.FixedBytes()
		require.Equal(t, tc.width, w)
		require.Len(t, all, 3*tc.width)
		if tc.width > 0 {
			require.Equal(t, 3, v.Len(), tc.t.String())
		}
	}
	v := NewInts([]int32{1, 2})
	b, _ := v.FixedBytes()
	b[0] = 7 // a view, not a copy
	if !HostBigEndian() {
		require.Equal(t, int32(7), v.I32[0])
	}
}
