package contents

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// refGather is the window contents as a gather of every window's row
// numbers (-1 for a padding NULL), one index per element.
func refGather(v *value.Vector, lo []int, pad int) value.Value {
	n := v.Len()
	total, _ := Size("f", lo, pad)
	idx := make([]int, 0, total)
	ends := make([]int64, n)
	for i := range n {
		for k := i - lo[i] + 1; k < pad; k++ {
			idx = append(idx, -1)
		}
		for j := lo[i]; j <= i; j++ {
			idx = append(idx, j)
		}
		ends[i] = int64(len(idx))
	}
	flat := value.GatherOrNull(v, idx)
	if v.T.Storage() != value.StString && v.T != value.Any && v.T != value.Void && !v.T.IsArray() {
		flat.T += value.ArrayOffset
		flat.Offsets = ends
		return flat
	}
	rows := make([]value.Value, n)
	start := 0
	for i, end := range ends {
		rows[i] = flat.Slice(start, int(end))
		start = int(end)
	}
	return value.NewTuple(rows)
}

// requireSame compares two results element by element, NULLs included.
func requireSame(t *testing.T, want, got value.Value, msg string) {
	t.Helper()
	w, g := want.(*value.Vector), got.(*value.Vector)
	require.Equal(t, w.T, g.T, msg)
	require.Equal(t, w.Scale, g.Scale, msg)
	require.Equal(t, w.Len(), g.Len(), msg)
	if w.T == value.Any {
		for i := range w.Any {
			requireSame(t, w.Any[i], g.Any[i], msg)
		}
		return
	}
	if w.T.IsArray() {
		require.Equal(t, w.Offsets, g.Offsets, msg)
		w, g = w.Cells(), g.Cells()
	}
	for i := 0; i < w.Len(); i++ {
		require.Equal(t, w.IsNull(i), g.IsNull(i), "%s element %d", msg, i)
		require.Zero(t, value.CompareAcross(w, i, g, i), "%s element %d", msg, i)
	}
}

// Gather copies each window's run at once: on random vectors of several
// types with NULLs, uneven windows and padding, it gives the gather of
// every element's index.
func TestGatherMatchesIndexGather(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for trial := 0; trial < 40; trial++ {
		n := rng.IntN(80)
		lo := make([]int, n)
		for i := 1; i < n; i++ {
			lo[i] = min(i, lo[i-1]+rng.IntN(3))
		}
		pad := 0
		if rng.IntN(2) == 0 {
			pad = 1 + rng.IntN(6)
		}
		ints, doubles, strs := make([]int32, n), make([]float64, n), make([]string, n)
		longs := make([]int64, n)
		for i := range n {
			ints[i], doubles[i], strs[i], longs[i] = rng.Int32N(50), rng.Float64(), string(rune('a'+rng.IntN(5))), rng.Int64N(1e9)
			if rng.IntN(5) == 0 {
				ints[i], doubles[i], strs[i], longs[i] = value.NullInt32, value.NullFloat64, "", value.NullInt64
			}
		}
		for _, v := range []*value.Vector{
			value.NewInts(ints), value.NewDoubles(doubles), {T: value.Decimal64, Scale: 3, I64: longs},
			value.NewStrings(value.String, strs), value.NewStrings(value.Symbol, strs),
		} {
			total, err := Size("f", lo, pad)
			require.NoError(t, err)
			got, err := Gather(context.Background(), v, lo, pad, total)
			require.NoError(t, err)
			requireSame(t, refGather(v, lo, pad), got, v.T.String())
		}
	}
}

// A window count over the bound fails before anything is made, and a
// cancelled request stops the copying.
func TestGatherStops(t *testing.T) {
	lo := make([]int, 100_000)
	_, err := Size("movingWindowData", lo, 0)
	require.EqualError(t, err, "The result of movingWindowData can't exceed 2 billion elements.")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n := 10_000
	lo = make([]int, n)
	for i := range lo {
		lo[i] = max(0, i-999)
	}
	total, err := Size("f", lo, 0)
	require.NoError(t, err)
	_, err = Gather(ctx, value.NewDoubles(make([]float64, n)), lo, 0, total)
	require.ErrorIs(t, err, context.Canceled)
}

// BenchmarkGather: 200,000 DOUBLEs in windows of 1,000, the runs copied
// against the gather of every element's index.
func BenchmarkGather(b *testing.B) {
	n := 200_000
	xs := make([]float64, n)
	lo := make([]int, n)
	for i := range xs {
		xs[i], lo[i] = float64(i), max(0, i-999)
	}
	v := value.NewDoubles(xs)
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			refGather(v, lo, 0)
		}
	})
	total, _ := Size("f", lo, 0)
	b.Run("runs", func(b *testing.B) {
		for b.Loop() {
			_, err := Gather(context.Background(), v, lo, 0, total)
			require.NoError(b, err)
		}
	})
}
