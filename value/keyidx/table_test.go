package keyidx

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTableSizes: a table starts at the slots its hint needs, minSlots
// for a few keys (a small dictionary's), and doubles as keys come,
// staying at most half full, every key found by its code and a key it
// lacks by none.
func TestTableSizes(t *testing.T) {
	cases := []struct {
		hint, keys        int
		startSlots, slots int
	}{
		{0, 0, minSlots, minSlots},
		{0, 3, minSlots, minSlots},
		{0, 4, minSlots, minSlots},
		{0, 5, minSlots, 2 * minSlots},
		{3, 3, minSlots, minSlots},
		{5, 5, 2 * minSlots, 2 * minSlots},
		{100, 100, 256, 256},
		{0, 100_000, minSlots, 1 << 18},
		{1 << 20, 100_000, 1 << 16, 1 << 18}, // a hint past 1<<15 keys is not trusted
	}
	for _, c := range cases {
		name := strconv.Itoa(c.hint) + "/" + strconv.Itoa(c.keys)
		ws := make([]uint64, 2*c.keys) // every key twice, then as many others
		for i := range c.keys {
			ws[i] = uint64(i) << 33
			ws[c.keys+i] = ^ws[i]
		}
		x := NewWords(c.hint)
		require.Len(t, x.slots, c.startSlots, name)
		codes := make([]int32, 2*c.keys)
		first := x.Add(ws[:c.keys], codes, 0, nil)
		first = x.Add(ws[:c.keys], codes[c.keys:], c.keys, first)
		require.Len(t, first, c.keys, name)
		require.Len(t, x.slots, c.slots, name)
		require.Equal(t, c.keys, x.Len(), name)
		x.Find(ws, codes)
		for i, code := range codes {
			want := int32(i)
			if i >= c.keys {
				want = -1
			}
			require.Equal(t, want, code, "%s: key %d", name, i)
		}
	}
}

// TestSmallIndexAllocs: an index of three keys takes one allocation for
// its keys, not one per doubling, and the slots of a small table.
func TestSmallIndexAllocs(t *testing.T) {
	c := Column{Kind: Strings, Str: []string{"id", "name", "price"}}
	var x *Index
	first := make([]int, 0, 3)
	allocs := testing.AllocsPerRun(20, func() {
		x = NewIndex(0)
		x.Add(&c, 0, 3, nil, first)
	})
	require.Equal(t, 4.0, allocs, "the index, its table, slots and keys")
	require.Len(t, x.text.slots, minSlots)
	require.Equal(t, []int32{0, 1, 2}, x.FindAll(&c))
}

// TestNullKeys: a NULL (INT's minimum, DOUBLE's -DBL_MAX, the empty
// string) is one key, found again, and unlike 0; NaN's bits are a key
// of their own.
func TestNullKeys(t *testing.T) {
	cases := []Column{
		{Kind: Int32s, I32: []int32{math.MinInt32, 0, math.MinInt32, 7}},
		{Kind: Int64s, I64: []int64{math.MinInt64, 0, math.MinInt64, 7}},
		{Kind: Float64s, F64: []float64{-math.MaxFloat64, 0, -math.MaxFloat64, math.NaN()}},
		{Kind: Strings, Str: []string{"", "0", "", "7"}},
		{Kind: Coded, Codes: []int32{0, 2, 0, 1}, Base: []string{"", "7", "0"}},
	}
	for _, c := range cases {
		x := NewIndex(0)
		codes := make([]int32, 4)
		first := x.Add(&c, 0, 4, codes, nil)
		require.Equal(t, []int{0, 1, 3}, first, "kind %d", c.Kind)
		require.Equal(t, []int32{0, 1, 0, 2}, codes, "kind %d", c.Kind)
		require.Equal(t, codes, x.FindAll(&c), "kind %d", c.Kind)
	}
}

// TestRowsSmall adds, moves and drops keys of a few values, NULLs among
// them, in a table that stays at a few slots, so probes wrap around its
// end and deletions shift runs across it; every key's row is checked
// against a Go map after each step.
func TestRowsSmall(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ints := []int32{math.MinInt32, 0, 1, 2}
	strs := []string{"", "a", "b"}
	const n = 12 // every combination once, in order
	is, ss := make([]int32, n), make([]string, n)
	for i := range n {
		is[i], ss[i] = ints[i%len(ints)], strs[i/len(ints)]
	}
	cols := []Column{{Kind: Int32s, I32: is}, {Kind: Strings, Str: ss}}
	x := NewRows([]Kind{Int32s, Strings}, 0)
	require.Len(t, x.slots, minSlots)
	model := map[int]int32{} // combination to its row
	for step := range 2000 {
		lo := r.IntN(n)
		hi := lo + 1 + r.IntN(min(3, n-lo))
		switch r.IntN(3) {
		case 0:
			first := x.Add(cols, lo, hi, nil, 100, nil)
			for k, i := range first {
				model[i] = int32(100 + k)
			}
		case 1:
			x.Put(cols, lo, hi)
			for i := lo; i < hi; i++ {
				model[i] = int32(i)
			}
		case 2:
			x.Drop(cols, lo, hi)
			for i := lo; i < hi; i++ {
				delete(model, i)
			}
		}
		got := make([]int32, n)
		x.Find(cols, 0, n, got)
		for i := range n {
			want, ok := model[i]
			if !ok {
				want = -1
			}
			require.Equal(t, want, got[i], "step %d, key %d", step, i)
		}
		require.Equal(t, len(model), x.Len())
		require.LessOrEqual(t, len(x.slots), 32)
	}
}

// TestRowsCodedBases keys rows by symbols coded in one base, a few
// symbols over many rows (each hashed once a call) and found again by
// codes of another base, by their strings and one row at a time: the
// same key whichever form it comes in.
func TestRowsCodedBases(t *testing.T) {
	const n = 1000
	baseA := []string{"", "x", "y", "z", "w"}
	baseB := []string{"", "w", "q", "z", "y", "x"} // other codes, and a symbol A lacks
	toB := []int32{0, 5, 4, 3, 1}
	codesA, codesB, strs, days := make([]int32, n), make([]int32, n), make([]string, n), make([]int32, n)
	for i := range n {
		codesA[i] = int32(i % len(baseA))
		codesB[i], strs[i], days[i] = toB[codesA[i]], baseA[codesA[i]], int32(i/len(baseA)%50)
	}
	a := []Column{{Kind: Coded, Codes: codesA, Base: baseA}, {Kind: Int32s, I32: days}}
	x := NewRows([]Kind{Coded, Int32s}, 0)
	first := x.Add(a, 0, n, nil, 0, nil)
	require.Len(t, first, 250, "5 symbols (NULL among them) on 50 days")
	want := make([]int32, n)
	x.Find(a, 0, n, want)
	for i, r := range want {
		require.Equal(t, codesA[i], codesA[first[r]], "row %d", i)
		require.Equal(t, days[i], days[first[r]], "row %d", i)
	}
	for _, cols := range [][]Column{
		{{Kind: Coded, Codes: codesB, Base: baseB}, a[1]},
		{{Kind: Strings, Str: strs}, a[1]},
	} {
		got := make([]int32, n)
		x.Find(cols, 0, n, got)
		require.Equal(t, want, got)
		for i := 0; i < n; i += 97 {
			one := []int32{0}
			x.Find(cols, i, i+1, one)
			require.Equal(t, want[i], one[0])
		}
	}
	missing := []Column{{Kind: Coded, Codes: make([]int32, n), Base: baseB}, a[1]}
	for i := range missing[0].Codes {
		missing[0].Codes[i] = 2 // "q"
	}
	got := make([]int32, n)
	x.Find(missing, 0, n, got)
	for _, r := range got {
		require.Equal(t, int32(-1), r)
	}
}
