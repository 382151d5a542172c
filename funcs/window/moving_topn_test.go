package window

import (
	"context"
	"math/rand"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/window/orderstat"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// naiveTopN picks the kept rows of rows lo..i from scratch: every
// non-NULL row ranked by (s, row), the first top kept, and a run of equal
// values cut by top resolved by ties.
func naiveTopN(s []float64, lo, i int, o topNOpts) []int {
	var cand []int
	for j := lo; j <= i; j++ {
		if s[j] != value.NullFloat64 {
			cand = append(cand, j)
		}
	}
	slices.SortStableFunc(cand, func(a, b int) int {
		switch {
		case s[a] == s[b]:
			return 0
		case (s[a] < s[b]) == o.asc:
			return -1
		}
		return 1
	})
	top := o.count(i - lo + 1)
	if len(cand) <= top {
		return cand
	}
	cut := s[cand[top-1]]
	var before, run []int
	for _, j := range cand {
		switch {
		case (s[j] < cut) == o.asc && s[j] != cut:
			before = append(before, j)
		case s[j] == cut:
			run = append(run, j)
		}
	}
	need := top - len(before)
	switch o.ties {
	case orderstat.TiesOldest:
		run = run[:need]
	case orderstat.TiesLatest:
		run = run[len(run)-need:]
	}
	return append(before, run...)
}

// TestEachTopNMatchesNaive checks the cumulative path (which keeps only the
// previous window's rows as candidates) and the sliding paths (which keep
// the window sorted as rows enter and leave) against a selection from
// scratch, over data with many ties and NULLs.
func TestEachTopNMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	s := make([]float64, 300)
	for i := range s {
		s[i] = float64(r.Intn(6))
		if r.Intn(7) == 0 {
			s[i] = value.NullFloat64
		}
	}
	ts := make([]int64, len(s))
	for i := 1; i < len(ts); i++ {
		ts[i] = ts[i-1] + int64(r.Intn(3))
	}
	tf := timeFrames(ts, 6)
	for _, tc := range []struct {
		name string
		f    *frames
		lo   func(i int) int
	}{
		{"cumulative", nil, func(int) int { return 0 }},
		{"window 9", countFrames(len(s), 9, 0), func(i int) int { return max(0, i-8) }},
		{"time window 6", tf, func(i int) int { return tf.lo[i] }},
	} {
		for _, o := range []topNOpts{
			{top: 3, asc: true, ties: orderstat.TiesOldest}, {top: 3, asc: true, ties: orderstat.TiesLatest}, {top: 3, asc: true, ties: orderstat.TiesAll},
			{top: 4, asc: false, ties: orderstat.TiesOldest}, {top: 4, asc: false, ties: orderstat.TiesLatest}, {top: 4, asc: false, ties: orderstat.TiesAll},
			{top: 1, asc: true, ties: orderstat.TiesLatest}, {share: 0.5, asc: true, ties: orderstat.TiesLatest}, {share: 0.3, asc: false, ties: orderstat.TiesAll},
		} {
			var prev []int
			require.NoError(t, eachTopN(context.Background(), s, tc.f, o, func(i int, rows []int, same bool) {
				want := naiveTopN(s, tc.lo(i), i, o)
				require.Equal(t, want, slices.Clone(rows), "%s %+v row %d", tc.name, o, i)
				if same {
					require.Equal(t, prev, want, "%s %+v row %d: not row i-1's rows", tc.name, o, i)
				}
				prev = want
			}))
		}
	}
}

func TestTopNCount(t *testing.T) {
	for _, tc := range []struct {
		o          topNOpts
		size, want int
	}{
		{topNOpts{top: 3}, 10, 3},
		{topNOpts{share: 0.5}, 7, 3},
		{topNOpts{share: 0.1}, 5, 1},
		{topNOpts{share: 0.25}, 8, 2},
	} {
		require.Equal(t, tc.want, tc.o.count(tc.size), "%+v size %d", tc.o, tc.size)
	}
}

// The TopN functions check every column's type before they compute any:
// over a cancelled request, a table whose last column is STRING is
// refused for its type, and an all-numeric one stops for the request.
func TestTopNChecksTypesFirst(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	env := &fakeenv.Func{Ctx: ctx}
	n := 100_000
	xs, strs := make([]float64, n), make([]string, n)
	for i := range xs {
		xs[i], strs[i] = float64(i%977), "a"
	}
	num := value.NewDoubles(xs)
	for _, name := range []string{"cumsumTopN", "cumavgTopN", "cumstdTopN", "msumTopN", "cumcorrTopN", "cumbetaTopN"} {
		spec, ok := funcs.Lookup(name)
		require.True(t, ok, name)
		call := func(cols ...*value.Vector) error {
			x := value.NewTable([]string{"a", "b"}, cols)
			args := []value.Value{x, x}
			if spec.Params[1] == "Y" || spec.Params[1] == "X" {
				args = append(args, x)
			}
			if spec.Params[len(args)] == "window" {
				args = append(args, value.NewInt(1000))
			}
			_, err := spec.Fn(env, append(args, value.NewInt(1000)))
			return err
		}
		require.ErrorContains(t, call(num, value.NewStrings(value.String, strs)), "numeric", name)
		require.ErrorIs(t, call(num, num), context.Canceled, name)
	}
}

// BenchmarkCumTopNRefused: cumsumTopN over a table of a 200,000-row
// DOUBLE column and a STRING one, refused for its type, against the sum
// over the DOUBLE column alone (top 1,000), which is what a refusal cost
// when the columns were checked as they were computed.
func BenchmarkCumTopNRefused(b *testing.B) {
	n := 200_000
	rng := rand.New(rand.NewSource(17))
	xs, strs := make([]float64, n), make([]string, n)
	for i := range xs {
		xs[i], strs[i] = rng.Float64(), "a"
	}
	spec, _ := funcs.Lookup("cumsumTopN")
	env := &fakeenv.Func{Ctx: context.Background()}
	num := value.NewDoubles(xs)
	mixed := value.NewTable([]string{"a", "b"}, []*value.Vector{num, value.NewStrings(value.String, strs)})
	b.Run("computeFirst", func(b *testing.B) {
		for b.Loop() {
			_, err := spec.Fn(env, []value.Value{num, num, value.NewInt(1000)})
			require.NoError(b, err)
		}
	})
	b.Run("refused", func(b *testing.B) {
		for b.Loop() {
			_, err := spec.Fn(env, []value.Value{mixed, mixed, value.NewInt(1000)})
			require.Error(b, err)
		}
	})
}
