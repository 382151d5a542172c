package analytic

import (
	"testing"

	"github.com/porpoisedb/porpoise/query/window"
	"github.com/stretchr/testify/require"
)

// Frames ending at each row take the moving or cumulative kernel; frames
// whose width changes away from the partition's start, or that are empty,
// keep the frame-by-frame path.
func TestKernelFrames(t *testing.T) {
	parts := window.Partitions{Starts: []int{0, 4, 9}}
	cases := []struct {
		lo, hi     window.Bound
		width      int
		cumulative bool
		ok         bool
	}{
		{window.Bound{Offset: -2}, window.Bound{}, 3, false, true},
		{window.Bound{Unbounded: true}, window.Bound{}, 0, true, true},
		{window.Bound{Unbounded: true}, window.Bound{Offset: 1}, 0, true, true},
		{window.Bound{Offset: -3}, window.Bound{Offset: -1}, 0, false, false},
		{window.Bound{Offset: -1}, window.Bound{Offset: 1}, 0, false, false},
	}
	for _, c := range cases {
		w, cum, ok := kernelFrames(parts, window.Rows(parts, 9, c.lo, c.hi))
		require.Equal(t, c.ok, ok, c)
		require.Equal(t, c.cumulative, cum, c)
		require.Equal(t, c.width, w, c)
	}
}
