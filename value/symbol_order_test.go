package value

import (
	"cmp"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// The counting sort over ranks is the stable sort of the texts, NULL
// first ascending and last descending, and the cached ranks follow the
// base when it grows.
func TestSymbolSortPermMatchesTextSort(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	words := []string{"", "b", "a", "ab", "B", "zz", "a\x00", "m"}
	strs := make([]string, 500)
	for i := range strs {
		strs[i] = words[r.Intn(len(words))]
	}
	v := NewSymbols(strs)
	for round := 0; round < 2; round++ {
		for _, asc := range []bool{true, false} {
			perm, ok := v.SymbolSortPerm(asc)
			if !ok {
				t.Fatal("coded vector not sorted on codes")
			}
			want := Iota(len(strs))
			slices.SortStableFunc(want, func(i, j int) int {
				c := strings.Compare(strs[i], strs[j])
				if !asc {
					c = -c
				}
				return c
			})
			if !slices.Equal(perm, want) {
				t.Fatalf("round %d asc %v: perm %v, want %v", round, asc, perm[:20], want[:20])
			}
		}
		ranks, ok := v.SymbolRankVector()
		if !ok {
			t.Fatal("no rank vector for a coded vector")
		}
		for k := 0; k < 1000; k++ {
			i, j := r.Intn(len(strs)), r.Intn(len(strs))
			if got, want := cmp.Compare(ranks.I32[i], ranks.I32[j]), strings.Compare(strs[i], strs[j]); got != want {
				t.Fatalf("ranks of %q and %q compare %d, texts %d", strs[i], strs[j], got, want)
			}
		}
		// grow the base with texts sorting between the old ones
		for _, w := range []string{"aa", "A", "c"} {
			v.AppendScalar(&Scalar{T: Symbol, S: w})
			strs = append(strs, w)
		}
	}
	if _, ok := NewStrings(Symbol, strs).SymbolSortPerm(true); ok {
		t.Fatal("plain vector sorted on codes")
	}
}
