package join

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// Joins on a coded SYMBOL and an INT column, numbered densely when the
// right side's values span small ranges, give what the same tables with
// plain SYMBOL columns (encoded keys in a map) give: NULLs in either
// column, values only one side has, repeated keys, every joiner.
func TestDenseKeysMatchTexts(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	syms := []string{"", "A", "B", "C", "D", "E"}
	gen := func(n, spread int) ([]string, []int32) {
		s, x := make([]string, n), make([]int32, n)
		for i := range s {
			s[i] = syms[rng.IntN(len(syms))]
			x[i] = rng.Int32N(int32(spread)) - 2
			if rng.IntN(8) == 0 {
				x[i] = value.NullInt32
			}
		}
		return s, x
	}
	for _, spread := range []int{3, 40, 1 << 30} { // the last is too wide to number densely
		ls, lt := gen(120, spread)
		rs, rt := gen(90, spread)
		for _, kind := range []Kind{Equi, Left, LeftSemi, Full, Right, SortedEqui} {
			for _, nullSafe := range []bool{false, true} {
				t.Run(fmt.Sprintf("spread=%d/%s/nullSafe=%v", spread, kind.Name(), nullSafe), func(t *testing.T) {
					var got [2]string
					for i, coded := range []bool{true, false} {
						l, r := symTables(coded, ls, rs, lt, rt)
						res, err := Tables(context.Background(), kind, l, r, []string{"sym", "t"}, []string{"sym", "t"}, "r", nullSafe, Filter{})
						require.NoError(t, err)
						got[i] = res.T.String()
					}
					require.Equal(t, got[1], got[0])
				})
			}
		}
	}
}

func TestDenseKeys(t *testing.T) {
	a := []*value.Vector{value.NewInts([]int32{5, 7, value.NullInt32, 9}), value.NewInts([]int32{1, 2, 2, 1})}
	b := []*value.Vector{value.NewInts([]int32{7, 5, 6, value.NullInt32}), value.NewInts([]int32{2, 1, 1, 2})}
	ac, bc, n, ok := denseKeys(a, b, false)
	require.True(t, ok)
	// b's ranges: 5..7 (3 values), 1..2 (2): number = (x-5) + 3*(y-1), plus one
	require.Equal(t, []int32{6, 1, 2, -1}, bc)
	require.Equal(t, []int32{1, 6, -1, -1}, ac, "NULL and 9 (outside 5..7) match nothing")
	require.Equal(t, 7, n)
	_, _, _, ok = denseKeys(a, b, true)
	require.False(t, ok, "a NULL that matches NULL widens the range past the limit")
}

// sej's rows are ej's, stably sorted by the matching columns (NULLs
// first), coded SYMBOL keys by their text.
func TestSortedEquiOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	syms := []string{"", "D", "B", "C", "A"}
	gen := func(n int) ([]string, []int32) {
		s, x := make([]string, n), make([]int32, n)
		for i := range s {
			s[i] = syms[rng.IntN(len(syms))]
			x[i] = rng.Int32N(7) - 3
			if rng.IntN(8) == 0 {
				x[i] = value.NullInt32
			}
		}
		return s, x
	}
	ls, lt := gen(80)
	rs, rt := gen(60)
	for _, coded := range []bool{true, false} {
		for _, nullSafe := range []bool{false, true} {
			t.Run(fmt.Sprintf("coded=%v/nullSafe=%v", coded, nullSafe), func(t *testing.T) {
				l, r := symTables(coded, ls, rs, lt, rt)
				keys := []string{"t", "sym"}
				ej, err := Tables(context.Background(), Equi, l, r, keys, keys, "r", nullSafe, Filter{})
				require.NoError(t, err)
				sej, err := Tables(context.Background(), SortedEqui, l, r, keys, keys, "r", nullSafe, Filter{})
				require.NoError(t, err)
				order := value.Iota(ej.T.Rows())
				tc, sc := ej.T.Cols[1], ej.T.Cols[0]
				slices.SortStableFunc(order, func(a, b int) int {
					if c := value.CompareElems(tc, a, b); c != 0 {
						return c
					}
					return value.CompareElems(sc, a, b)
				})
				require.Equal(t, ej.T.Gather(order).String(), sej.T.String())
			})
		}
	}
}
