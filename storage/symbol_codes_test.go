package storage

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestEncodeSymbols(t *testing.T) {
	for _, n := range []int{0, 1, 10, 1 << 16, 200_000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(n)))
			strs := make([]string, n)
			for i := range strs {
				if k := r.IntN(500); k > 0 {
					strs[i] = fmt.Sprintf("s%d", k)
				}
			}
			c := EncodeSymbols(strs)
			require.Equal(t, strs, c.Strings())
			seen := map[string]bool{}
			for _, s := range c.Dict {
				require.NotEmpty(t, s)
				require.False(t, seen[s], "duplicate %q", s)
				seen[s] = true
			}
		})
	}
}

// AppendCoded of slices of one encoding must store exactly what Append of
// the strings stores, chunk by chunk, with each chunk's base holding only
// the symbols its rows use.
func TestAppendCodedMatchesAppend(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	const n = 100_000
	strs := make([]string, n)
	vals := make([]int32, n)
	for i := range strs {
		strs[i] = fmt.Sprintf("sym%d", r.IntN(3000))
		if i%97 == 0 {
			strs[i] = ""
		}
		vals[i] = int32(i)
	}
	codes := EncodeSymbols(strs)
	bounds := []int{0, 10, 5000, 5001, 60_000, n}
	for _, opts := range []ChunkOptions{{}, {SortColumns: []int{0}, KeepDuplicates: KeepAll}} {
		plain, coded := memStore(t), memStore(t)
		txA, txB := plain.Begin(), coded.Begin()
		for k := 0; k+1 < len(bounds); k++ {
			lo, hi := bounds[k], bounds[k+1]
			c := ChunkID{DB: "dfs://x", Table: "t", Partition: fmt.Sprintf("/%d", k)}
			require.NoError(t, txA.Append(c, nil, []*value.Vector{syms(strs[lo:hi]...), ints(vals[lo:hi]...)}, opts))
			require.NoError(t, txB.AppendCoded(c, nil, []*value.Vector{nil, ints(vals[lo:hi]...)}, []*SymbolCodes{codes.Slice(lo, hi)}, opts))
		}
		require.NoError(t, txA.Commit())
		require.NoError(t, txB.Commit())
		for k := 0; k+1 < len(bounds); k++ {
			c := ChunkID{DB: "dfs://x", Table: "t", Partition: fmt.Sprintf("/%d", k)}
			a := read(t, plain, c, value.Symbol, value.Int)
			b := read(t, coded, c, value.Symbol, value.Int)
			require.Equal(t, a[0].Strings(), b[0].Strings())
			require.Equal(t, a[1].I32, b[1].I32)
			ma, _, err := plain.ChunkMeta(c)
			require.NoError(t, err)
			mb, _, err := coded.ChunkMeta(c)
			require.NoError(t, err)
			require.Equal(t, ma, mb)
		}
	}
}

func TestAppendCodedErrors(t *testing.T) {
	s := memStore(t)
	tx := s.Begin()
	defer tx.Rollback()
	bad := &SymbolCodes{IDs: []int32{0, 3}, Dict: []string{"a"}}
	require.ErrorContains(t, tx.AppendCoded(chunkA, nil, []*value.Vector{nil}, []*SymbolCodes{bad}, ChunkOptions{}), "outside a dictionary")
	good := EncodeSymbols([]string{"a", "b"})
	require.ErrorContains(t, tx.AppendCoded(chunkA, nil, []*value.Vector{nil, ints(1)}, []*SymbolCodes{good}, ChunkOptions{}), "has 1 rows")
	require.ErrorContains(t, tx.AppendCoded(chunkA, nil, []*value.Vector{nil}, []*SymbolCodes{good, good}, ChunkOptions{}), "2 symbol codes for 1 columns")
}

func TestEncodeSymbolsInto(t *testing.T) {
	for _, n := range []int{5, 200_000} {
		r := rand.New(rand.NewPCG(3, uint64(n)))
		strs := make([]string, n)
		for i := range strs {
			if k := r.IntN(50); k > 0 {
				strs[i] = fmt.Sprintf("s%d", k)
			}
		}
		// drop every third row, reverse the rest
		pos := make([]int32, n)
		kept := 0
		for i := range pos {
			if i%3 == 1 {
				pos[i] = -1
			} else {
				kept++
			}
		}
		want := make([]string, kept)
		k := kept - 1
		for i := range pos {
			if pos[i] == 0 {
				pos[i] = int32(k)
				want[k] = strs[i]
				k--
			}
		}
		require.Equal(t, want, EncodeSymbolsInto(strs, pos, kept).Strings())
	}
}

// A panic in a parallel worker reaches the caller, where a recover (the
// server's, per request) can catch it, instead of ending the process.
func TestParallelPanicReachesCaller(t *testing.T) {
	require.PanicsWithValue(t, "boom", func() {
		parallel(64, func(k int) {
			if k == 37 {
				panic("boom")
			}
		})
	})
}
