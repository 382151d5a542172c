package symcache

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
	"weak"

	"github.com/stretchr/testify/require"
)

// base is a stand-in for a symbol base: texts by code.
type base struct{ strs []string }

// home is a base translated into, counting the texts looked up in it.
type home struct {
	codes map[string]int32
	looks int
}

func (h *home) look(from *base) Look {
	return func(c int32) int32 {
		h.looks++
		if code, ok := h.codes[from.strs[c]]; ok {
			return code
		}
		return -1
	}
}

// TestCodesLookEachCodeOnce translates random batches of codes of a
// growing base, sparse (few codes next to the base) and dense, into a
// home that gains texts as it goes: every result must be the home's code
// of the text, each code found must be looked up once for good, and a
// code found missing again each time it comes.
func TestCodesLookEachCodeOnce(t *testing.T) {
	for _, tc := range []struct {
		name       string
		size, rows int
	}{{"sparse", 100_000, 50}, {"dense", 2_000, 500}, {"sparse-then-dense", 20_000, 400}} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(tc.size), 7))
			from := &base{strs: []string{""}}
			h := &home{codes: map[string]int32{"": 0}}
			var c Cache[base]
			found := map[int32]bool{}
			for step := 0; step < 60; step++ {
				for i := 0; i < tc.size/60; i++ { // the base grows
					from.strs = append(from.strs, "t"+string(rune('a'+r.IntN(26)))+string(rune(len(from.strs))))
				}
				for i := 0; i < 20; i++ { // the home gains some of its texts
					s := from.strs[r.IntN(len(from.strs))]
					if _, ok := h.codes[s]; !ok {
						h.codes[s] = int32(len(h.codes))
					}
				}
				codes := make([]int32, tc.rows)
				for i := range codes {
					codes[i] = int32(r.IntN(len(from.strs)))
				}
				wantLooks := map[int32]bool{}
				want := make([]int32, len(codes))
				for i, code := range codes {
					w, ok := h.codes[from.strs[code]]
					if !ok {
						w = -1
					}
					want[i] = w
					if !found[code] {
						wantLooks[code] = true
					}
				}
				h.looks = 0
				got := c.Codes([]int32{99}, codes, from, len(from.strs), h.look(from))
				require.Equal(t, append([]int32{99}, want...), got)
				require.Equal(t, len(wantLooks), h.looks, "only codes not found before are looked up, once a call")
				for i, code := range codes {
					if want[i] >= 0 {
						found[code] = true
					}
				}
				h.looks = 0
				require.Equal(t, append([]int32{99}, want...), c.Codes([]int32{99}, codes, from, len(from.strs), h.look(from)))
				missing := map[int32]bool{}
				for i, code := range codes {
					if want[i] < 0 {
						missing[code] = true
					}
				}
				require.Equal(t, len(missing), h.looks, "the same codes again: only the missing looked up")
			}
		})
	}
}

// TestOnceKeepsNothing checks Once looks each distinct code up once a
// call and again the next call.
func TestOnceKeepsNothing(t *testing.T) {
	from := &base{strs: []string{"", "a", "b", "c"}}
	h := &home{codes: map[string]int32{"": 0, "c": 1, "a": 2}}
	for range 2 {
		h.looks = 0
		require.Equal(t, []int32{2, 2, -1, 1, 0, -1}, Once(nil, []int32{1, 1, 2, 3, 0, 2}, len(from.strs), h.look(from)))
		require.Equal(t, 4, h.looks, "each distinct code once, a missing one once a call")
	}
}

// TestCacheKeepsFewBasesWeakly translates from more bases than a cache
// keeps: the least recently used is dropped (looked up again when it
// comes back), the others are not, and a base no longer used by anyone
// is collected although its translation was kept.
func TestCacheKeepsFewBasesWeakly(t *testing.T) {
	h := &home{codes: map[string]int32{"": 0, "x": 1, "y": 2}}
	bases := make([]*base, maxBases+1)
	for i := range bases {
		bases[i] = &base{strs: []string{"", "y", "x"}}
	}
	var c Cache[base]
	use := func(b *base) int {
		h.looks = 0
		require.Equal(t, []int32{2, 1}, c.Codes(nil, []int32{1, 2}, b, len(b.strs), h.look(b)))
		return h.looks
	}
	for _, b := range bases[:maxBases] {
		require.Equal(t, 2, use(b))
	}
	require.Equal(t, 0, use(bases[0]), "kept")
	require.Equal(t, 2, use(bases[maxBases]), "new: drops bases[1], the least recently used")
	require.Len(t, c.tables, maxBases)
	require.Equal(t, 0, use(bases[0]))
	require.Equal(t, 2, use(bases[1]), "dropped, translated again")

	gone := &base{strs: []string{"", "x"}}
	w := weak.Make(gone)
	c.Codes(nil, []int32{1}, gone, len(gone.strs), h.look(gone))
	gone = nil
	runtime.GC()
	require.Nil(t, w.Value(), "a kept translation does not keep its base alive")
	use(bases[2])
	for _, tb := range c.tables {
		require.NotNil(t, tb.from.Value(), "a translation of a collected base is dropped")
	}
}

// TestMissesForgottenAtWrap runs a translation's call count to its end:
// a code found missing long ago must not pass for a miss of the new
// count's calls once the home has its text.
func TestMissesForgottenAtWrap(t *testing.T) {
	for _, n := range []int{3, 1000} { // dense, sparse
		from := &base{strs: make([]string, n)}
		from.strs[1], from.strs[2] = "a", "b"
		h := &home{codes: map[string]int32{"": 0}}
		var c Cache[base]
		require.Equal(t, []int32{-1, -1}, c.Codes(nil, []int32{1, 2}, from, n, h.look(from)))
		c.tables[0].call = math.MaxInt32 - 1
		require.Equal(t, []int32{-1}, c.Codes(nil, []int32{2}, from, n, h.look(from)))
		h.codes["a"], h.codes["b"] = 1, 2
		require.Equal(t, []int32{1, 2}, c.Codes(nil, []int32{1, 2}, from, n, h.look(from)), "n=%d", n)
	}
}

// BenchmarkCodes translates batches of codes already translated (the
// steady state of appends from one base): dense, a batch of 64K codes of
// a base of 100K; sparse, 1K codes of a base of 1M.
func BenchmarkCodes(b *testing.B) {
	for _, tc := range []struct {
		name       string
		size, rows int
	}{{"dense", 100_000, 1 << 16}, {"sparse", 1_000_000, 1 << 10}} {
		b.Run(tc.name, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			codes := make([]int32, tc.rows)
			for i := range codes {
				codes[i] = rng.Int32N(int32(tc.size))
			}
			look := func(c int32) int32 {
				if c%7 == 0 {
					return -1
				}
				return c / 2
			}
			var c Cache[base]
			from := &base{}
			dst := c.Codes(nil, codes, from, tc.size, look)
			b.ResetTimer()
			for range b.N {
				dst = c.Codes(dst[:0], codes, from, tc.size, look)
			}
			runtime.KeepAlive(from)
		})
	}
}
