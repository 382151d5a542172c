package value

import (
	"math/rand"
	"strings"
	"testing"
)

// The rank vector compares as the texts do, NULL lowest, and the cached
// ranks follow the base when it grows.
func TestSymbolRankVectorMatchesTexts(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	words := []string{"", "b", "a", "ab", "B", "zz", "a\x00", "m"}
	strs := make([]string, 500)
	for i := range strs {
		strs[i] = words[r.Intn(len(words))]
	}
	v := NewSymbols(strs)
	for round := 0; round < 2; round++ {
		ranks, ok := v.SymbolRankVector()
		if !ok {
			t.Fatal("no rank vector for a coded vector")
		}
		for k := 0; k < 1000; k++ {
			i, j := r.Intn(len(strs)), r.Intn(len(strs))
			if got, want := CompareElems(ranks, i, j), strings.Compare(strs[i], strs[j]); got != want {
				t.Fatalf("ranks of %q and %q compare %d, texts %d", strs[i], strs[j], got, want)
			}
		}
		// grow the base with texts sorting between the old ones
		for _, w := range []string{"aa", "A", "c"} {
			v.AppendScalar(&Scalar{T: Symbol, S: w})
			strs = append(strs, w)
		}
	}
	if _, ok := NewStrings(Symbol, strs).SymbolRankVector(); ok {
		t.Fatal("plain vector ranked on codes")
	}
}
