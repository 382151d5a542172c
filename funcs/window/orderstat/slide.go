package orderstat

import (
	"context"

	"github.com/porpoisedb/porpoise/value"
)

// Number is the element types Slide takes: a column's own storage.
type Number interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~float32 | ~float64
}

// Stat is an order statistic of n values, which it reads by rank: at(k)
// is the k-th smallest (0-based).
type Stat func(n int, at func(k int) float64) float64

// holder keeps a window's values for reading by rank (sorted, ranked).
type holder interface {
	enter(row int, x float64)
	leave(row int, x float64)
	swap(oldRow int, old float64, row int, x float64)
	size() int
	at(k int) float64
}

// check is how many values Slide moves between looks at its context: a
// row moves about as many as its window holds, so a window of 1000 looks
// every few thousand rows, a few milliseconds.
const check = 1 << 22

// wide is the most rows a window may span for Slide to keep it in sorted
// rather than ranked (see sorted for the figures).
const wide = 8192

// Slide writes g of each window's non-NULL values into out: row i's
// window is xs[start(i, lo):i+1], lo the previous row's start (starts
// never fall), and keep(i, n) says
// whether a window of n values has a result (NULL, value.NullFloat64,
// where not). NULL in xs is null, or NaN. The values are kept in order
// as rows enter and leave, where sorting each window was O(w log w) a
// row. It stops with ctx's error once ctx is cancelled.
func Slide[T Number](ctx context.Context, xs []T, null T, start func(i, lo int) int, keep func(i, n int) bool, out []float64, g Stat) error {
	return slide(ctx, xs, null, start, keep, out, g, wide)
}

// slide is Slide keeping windows of more than most rows in ranked.
func slide[T Number](ctx context.Context, xs []T, null T, start func(i, lo int) int, keep func(i, n int) bool, out []float64, g Stat, most int) error {
	widest, lo := 0, 0
	for i := range xs {
		lo = max(lo, start(i, lo))
		widest = max(widest, i-lo+1)
	}
	var w holder = &sorted{}
	if widest > most {
		w = newRanked(xs, null)
	}
	lo, work, at := 0, check, w.at
	for i, t := range xs {
		if work += min(w.size(), wide) + 16; work >= check {
			if err := ctx.Err(); err != nil {
				return err
			}
			work = 0
		}
		l := max(lo, start(i, lo))
		in := t != null && t == t
		// a full count window's row: one value in and one out, with one
		// move of the values between
		if y := xs[lo]; in && l == lo+1 && y != null && y == y {
			w.swap(lo, float64(y), i, float64(t))
			in, lo = false, l
		}
		if in {
			w.enter(i, float64(t))
		}
		for ; lo < l; lo++ {
			if y := xs[lo]; y != null && y == y {
				w.leave(lo, float64(y))
			}
		}
		if n := w.size(); keep(i, n) && n > 0 {
			out[i] = g(n, at)
		} else {
			out[i] = value.NullFloat64
		}
	}
	return nil
}
