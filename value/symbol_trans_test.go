package value

import (
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAppendFromManyBases appends random batches coded in more other
// bases than a column's base keeps translations of, NULLs among them, to
// a coded column while those bases and the column's gain texts: its
// texts must be those appended, in order.
func TestAppendFromManyBases(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = "w" + strconv.Itoa(i)
	}
	vocab[0] = ""
	bases := make([]*SymbolBase, 6)
	for i := range bases {
		bases[i] = NewSymbolBase()
	}
	dst := NewSymbols([]string{"w1"})
	want := []string{"w1"}
	for step := 0; step < 300; step++ {
		b := bases[r.IntN(len(bases))]
		texts := make([]string, []int{1, 30, 2000}[r.IntN(3)])
		pool := 1 + r.IntN(len(vocab))
		for i := range texts {
			texts[i] = vocab[r.IntN(pool)]
		}
		dst.Syms.Intern(vocab[r.IntN(len(vocab))])
		dst.AppendVector(inBase(NewStrings(Symbol, texts), b))
		want = append(want, texts...)
	}
	require.Equal(t, want, texts(dst))
}

// TestFindKeysForeignBaseAllocates looks 10,000 keys coded in another
// base of 100,000 symbols up in a keyed table again and again: the
// table's base keeps the translation of that base, so a lookup allocates
// about its rows' codes, not a table over the other base (400 KB) and
// the texts of its rows (160 KB) each time.
func TestFindKeysForeignBaseAllocates(t *testing.T) {
	strs := make([]string, 100_000)
	for i := range strs {
		strs[i] = "f" + strconv.Itoa(i)
	}
	tb := keyedBuild([]*Vector{NewSymbols(strs), NewNullVector(Double, len(strs))})
	idx := make([]int, 10_000)
	for i := range idx {
		idx[i] = i * 7 % len(strs)
	}
	other := NewSymbols(append([]string{"zz"}, strs...)).Slice(1, len(strs)+1)
	keys := []*Vector{other.Gather(idx)}
	keys[0].I32[3] = 0 // NULL, which no row holds
	rows := make([]int32, len(idx))
	tb.FindKeys(keys, rows)
	for i, r := range rows {
		if i == 3 {
			require.Equal(t, int32(-1), r)
		} else {
			require.Equal(t, int32(idx[i]), r)
		}
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 10 {
		tb.FindKeys(keys, rows)
	}
	runtime.ReadMemStats(&after)
	perCall := (after.TotalAlloc - before.TotalAlloc) / 10
	require.Less(t, perCall, uint64(200_000), "bytes allocated by a lookup (40 KB of codes; more under -race, whose sync.Pool drops scratch)")
}
