package groupagg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// Cumulative equals Aggregate over each cumulative group's rows gathered
// group after group (cgroup by's definition), on random columns with
// NULLs, groups of NULLs only and several outer groups.
func TestCumulativeMatchesAggregateOverPrefixes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const rows = 400
	outer := make([]int32, rows)
	fine := make([]int32, rows)
	ints := make([]int32, rows)
	longs := make([]int64, rows)
	dbls := make([]float64, rows)
	strs := make([]string, rows)
	for i := range outer {
		outer[i] = rng.Int32N(3)
		fine[i] = rng.Int32N(12)
		ints[i], longs[i], dbls[i], strs[i] = rng.Int32N(100)-50, rng.Int64N(1e12), rng.Float64()*10, fmt.Sprint(rng.IntN(30))
		if rng.IntN(5) == 0 || fine[i] == 7 { // group 7 is NULL only
			ints[i], longs[i], dbls[i], strs[i] = value.NullInt32, value.NullInt64, value.NullFloat64, ""
		}
	}
	outerKey, fineKey := value.NewInts(outer), value.NewInts(fine)
	g := Group([]*value.Vector{outerKey, fineKey}, rows)
	g.SortByKeys()
	g.Index()
	og := Group([]*value.Vector{outerKey}, rows)
	runs := make([]int32, g.N)
	for i := range runs {
		runs[i] = og.IDs[g.First[i]]
	}
	cols := []*value.Vector{value.NewInts(ints), value.NewLongs(longs), value.NewDoubles(dbls), value.NewStrings(value.String, strs)}
	for _, name := range []string{"count", "sum", "avg", "std", "var", "min", "max", "first", "last", "wavg"} {
		for _, col := range cols {
			args := []*value.Vector{col}
			if name == "wavg" {
				args = append(args, cols[0])
			}
			got, ok := Cumulative(name, args, g, runs)
			if col.T == value.String && name != "count" && name != "min" && name != "max" && name != "first" && name != "last" {
				require.False(t, ok, "%s(%v)", name, col.T)
				continue
			}
			require.True(t, ok, "%s(%v)", name, col.T)
			var acc []int
			for i := 0; i < g.N; i++ {
				if runStart(runs, i) {
					acc = acc[:0]
				}
				acc = append(acc, g.Perm[g.Starts[i]:g.Starts[i+1]]...)
				sub := make([]*value.Vector, len(args))
				for k, a := range args {
					sub[k] = a.Gather(acc)
				}
				want, ok := Aggregate(name, sub, Group(nil, len(acc)))
				require.True(t, ok)
				w, gv := want.Elem(0).(*value.Scalar), got.Elem(i).(*value.Scalar)
				msg := fmt.Sprintf("%s(%v) group %d", name, col.T, i)
				require.Equal(t, w.IsNull(), gv.IsNull(), msg)
				if w.T.Category() == value.CatFloating && !w.IsNull() {
					require.InDelta(t, w.Float64(), gv.Float64(), 1e-9*math.Max(1, math.Abs(w.Float64())), msg)
				} else {
					require.Equal(t, w.String(), gv.String(), msg)
				}
			}
		}
	}
}
