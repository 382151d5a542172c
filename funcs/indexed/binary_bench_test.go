package indexed

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// series is an indexed series of n DOUBLEs labelled from, from+step, ...
func series(n int, from, step int64) *value.Matrix {
	labels := make([]int64, n)
	vals := make([]float64, n)
	for i := range labels {
		labels[i] = from + int64(i)*step
		vals[i] = float64(i)
	}
	return &value.Matrix{V: value.NewDoubles(vals), Rows: n, Cols: 1, RowLabels: value.NewLongs(labels), Indexed: value.IndexedSeries}
}

// BenchmarkAlignedAdd is s1 + s2 over two 1M-row series whose labels half
// overlap, against the kernel's add of two plain 1M-element vectors.
func BenchmarkAlignedAdd(b *testing.B) {
	const n = 1 << 20
	op, _ := kernel.ParseOp("+")
	b.Run("aligned", func(b *testing.B) {
		s1, s2 := series(n, 0, 2), series(n, 1, 3)
		for i := 0; i < b.N; i++ {
			if _, _, err := Binary(op, s1, s2); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("plain", func(b *testing.B) {
		x, y := series(n, 0, 2).V, series(n, 1, 3).V
		for i := 0; i < b.N; i++ {
			if _, err := kernel.Binary(op, kernel.Operand{V: x}, kernel.Operand{V: y}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
