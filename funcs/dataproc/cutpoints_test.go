package dataproc

import (
	"context"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// refCutPoints is cutPoints' boundaries (without the one past the largest
// value) as the comparison sort through CompareElems gave them.
func refCutPoints(v *value.Vector, bins int) *value.Vector {
	var keep []int
	for i := 0; i < v.Len(); i++ {
		if !v.IsNull(i) {
			keep = append(keep, i)
		}
	}
	sort.SliceStable(keep, func(a, b int) bool { return value.CompareElems(v, keep[a], keep[b]) < 0 })
	idx := make([]int, bins)
	for b := range idx {
		idx[b] = keep[b*len(keep)/bins]
	}
	return v.Gather(idx)
}

// cutPoints sorts with rowsort's radix passes: the boundaries are those
// the comparison sort gave, NULLs, infinities and strings included, and a
// cancelled request stops it.
func TestCutPointsMatchesComparisonSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 5000
	ints, doubles, strs := make([]int32, n), make([]float64, n), make([]string, n)
	for i := range ints {
		ints[i] = rng.Int32N(300) - 150
		doubles[i] = rng.NormFloat64()
		strs[i] = string(rune('a' + rng.IntN(26)))
		if rng.IntN(10) == 0 {
			ints[i], doubles[i], strs[i] = value.NullInt32, value.NullFloat64, ""
		}
	}
	doubles[7], doubles[8] = math.Inf(-1), math.Inf(1)
	env := &fakeenv.Func{Ctx: context.Background()}
	for _, v := range []*value.Vector{value.NewInts(ints), value.NewDoubles(doubles), value.NewStrings(value.String, strs)} {
		for _, bins := range []int{1, 3, 10, 64} {
			got, err := cutPoints(env, []value.Value{v, value.NewInt(int32(bins))})
			require.NoError(t, err)
			g := got.(*value.Vector)
			want := refCutPoints(v, bins)
			for b := 0; b < bins; b++ {
				require.Zero(t, value.CompareAcross(want, b, g, b), "%s bins=%d boundary %d", v.T, bins, b)
			}
		}
	}
	fakeenv.RequireStops(t, cutPoints, []value.Value{value.NewDoubles(doubles), value.NewInt(5)})
}
