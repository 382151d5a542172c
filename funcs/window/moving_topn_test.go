package window

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

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
	case tiesOldest:
		run = run[:need]
	case tiesLatest:
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
			{top: 3, asc: true, ties: tiesOldest}, {top: 3, asc: true, ties: tiesLatest}, {top: 3, asc: true, ties: tiesAll},
			{top: 4, asc: false, ties: tiesOldest}, {top: 4, asc: false, ties: tiesLatest}, {top: 4, asc: false, ties: tiesAll},
			{top: 1, asc: true, ties: tiesLatest}, {share: 0.5, asc: true, ties: tiesLatest}, {share: 0.3, asc: false, ties: tiesAll},
		} {
			eachTopN(s, tc.f, o, func(i int, rows []int) {
				require.Equal(t, naiveTopN(s, tc.lo(i), i, o), slices.Clone(rows), "%s %+v row %d", tc.name, o, i)
			})
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
