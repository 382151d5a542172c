package lookup

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// refRollingPanel is rollingPanel by the definition (funcs/r/rollingPanel.md):
// the rows of every window of w consecutive rows of each group, one after
// another, gathered at once, each window numbered from 0.
func refRollingPanel(t *testing.T, x *value.Table, w int, group []string) *value.Table {
	members := [][]int{make([]int, x.Rows())}
	for i := range members[0] {
		members[0][i] = i
	}
	if group != nil {
		keys := make([]value.Value, len(group))
		for i, g := range group {
			keys[i] = x.Column(g)
		}
		var err error
		members, err = higherorder.GroupRows("rollingPanel", value.NewTuple(keys), x.Rows())
		require.NoError(t, err)
	}
	var idx []int
	number := []int32{}
	for _, rows := range members {
		for start := 0; start+w <= len(rows); start++ {
			for _, r := range rows[start : start+w] {
				idx = append(idx, r)
				number = append(number, int32(len(number)/w))
			}
		}
	}
	g := x.Gather(idx)
	return value.NewTable(append(g.Names, "panelNumber"), append(g.Cols, value.NewInts(number)))
}

// randomPanelTable has n rows of a group key with few values, INTs and
// DOUBLEs with NULLs, STRINGs, SYMBOLs and an INT array vector.
func randomPanelTable(rng *rand.Rand, n int) *value.Table {
	id, ints := make([]int32, n), make([]int32, n)
	fs, strs := make([]float64, n), make([]string, n)
	arr := &value.Vector{T: value.Int + value.ArrayOffset, Offsets: make([]int64, n)}
	for i := range n {
		id[i], ints[i] = int32(rng.IntN(4)), int32(rng.IntN(100))
		fs[i], strs[i] = rng.Float64(), string(rune('a'+rng.IntN(5)))
		if rng.IntN(5) == 0 {
			ints[i], fs[i], strs[i] = value.NullInt32, value.NullFloat64, ""
		}
		for range rng.IntN(3) {
			arr.I32 = append(arr.I32, int32(rng.IntN(9)))
		}
		arr.Offsets[i] = int64(len(arr.I32))
	}
	return value.NewTable([]string{"id", "i", "f", "s", "sym", "arr"}, []*value.Vector{
		value.NewInts(id), value.NewInts(ints), value.NewDoubles(fs),
		value.NewStrings(value.String, strs), value.NewStrings(value.Symbol, strs), arr,
	})
}

// Each window gathered into place gives the definition's table, with
// and without groups, windows longer than some groups included.
func TestRollingPanelMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	env := &fakeenv.Func{Ctx: context.Background()}
	for trial := 0; trial < 40; trial++ {
		x := randomPanelTable(rng, rng.IntN(60))
		w := 1 + rng.IntN(20)
		for _, group := range [][]string{nil, {"id"}, {"id", "sym"}} {
			args := []value.Value{x, value.NewInt(int32(w))}
			if group != nil {
				args = append(args, value.NewStrings(value.String, group))
			}
			got, err := rollingPanel(env, args)
			require.NoError(t, err)
			want := refRollingPanel(t, x, w, group)
			require.Equal(t, want.Names, got.(*value.Table).Names)
			for k, c := range want.Cols {
				require.Equal(t, c, got.(*value.Table).Cols[k], "w=%d group=%v column %s", w, group, want.Names[k])
			}
		}
	}
}

// A cancelled request stops the gathering (200,000 rows in windows of
// 1,000 are 200 million result rows).
func TestRollingPanelCancel(t *testing.T) {
	x := value.NewTable([]string{"a"}, []*value.Vector{value.NewInts(make([]int32, 200_000))})
	fakeenv.RequireStops(t, rollingPanel, []value.Value{x, value.NewInt(1000)})
}

// BenchmarkRollingPanel: rollingPanel over 200,000 rows (INT, DOUBLE and
// SYMBOL columns) in windows of 50 (10 million result rows), the
// definition's index vector and gather against each window gathered into
// place.
func BenchmarkRollingPanel(b *testing.B) {
	rng := rand.New(rand.NewPCG(45, 46))
	const n = 200_000
	ints, fs, strs := make([]int32, n), make([]float64, n), make([]string, n)
	for i := range n {
		ints[i], fs[i], strs[i] = int32(rng.IntN(1000)), rng.Float64(), string(rune('a'+rng.IntN(26)))
	}
	x := value.NewTable([]string{"i", "f", "sym"}, []*value.Vector{
		value.NewInts(ints), value.NewDoubles(fs), value.NewStrings(value.Symbol, strs),
	})
	b.Run("index-gather", func(b *testing.B) {
		t := &testing.T{}
		for b.Loop() {
			refRollingPanel(t, x, 50, nil)
		}
	})
	env := &fakeenv.Func{Ctx: context.Background()}
	b.Run("in-place", func(b *testing.B) {
		for b.Loop() {
			_, err := rollingPanel(env, []value.Value{x, value.NewInt(50)})
			require.NoError(b, err)
		}
	})
}
