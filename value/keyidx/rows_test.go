package keyidx

import (
	"encoding/binary"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// rowsKey is the key bytes of row i of a (LONG, STRING) key.
func rowsKey(longs []int64, strs []string, i int) []byte {
	b := binary.LittleEndian.AppendUint64(nil, uint64(longs[i]))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(strs[i])))
	return append(b, strs[i]...)
}

// TestRowsGrowDropPut adds, moves and drops many two-column keys, across
// growths and backward-shift deletions, and checks every key's row
// against a Go map, by columns (Find) and by key bytes (FindBytes).
func TestRowsGrowDropPut(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 60_000
	longs, strs := make([]int64, n), make([]string, n)
	for i := range longs {
		longs[i], strs[i] = int64(r.IntN(200)), strconv.Itoa(r.IntN(400))
	}
	cols := []Column{{Kind: Int64s, I64: longs}, {Kind: Strings, Str: strs}}
	model := map[[2]string]int32{}
	key := func(i int) [2]string { return [2]string{strconv.FormatInt(longs[i], 10), strs[i]} }
	x := NewRows([]Kind{Int64s, Strings}, 0)
	check := func() {
		got, want := make([]int32, n), make([]int32, n)
		x.Find(cols, 0, n, got)
		for i := range want {
			w, ok := model[key(i)]
			if !ok {
				w = -1
			}
			want[i] = w
			if i%7 == 0 {
				require.Equal(t, int(w), x.FindBytes(rowsKey(longs, strs, i)))
			}
		}
		require.Equal(t, want, got)
		require.Equal(t, len(model), x.Len())
	}
	for lo := 0; lo < n; lo += 10_000 {
		hi := lo + 10_000
		switch (lo / 10_000) % 3 {
		case 0:
			rows := make([]int32, hi-lo)
			first := x.Add(cols, lo, hi, rows, lo, nil)
			for k, i := range first {
				model[key(i)] = int32(lo + k)
			}
		case 1:
			x.Put(cols, lo, hi)
			for i := lo; i < hi; i++ {
				model[key(i)] = int32(i)
			}
		case 2:
			x.Drop(cols, lo, lo+3000)
			for i := lo; i < lo+3000; i++ {
				delete(model, key(i))
			}
		}
		check()
		c := x.Clone()
		c.Drop(cols, 0, n)
		require.Equal(t, 0, c.Len())
		check()
	}
	require.Equal(t, -1, x.FindBytes([]byte{1, 2}), "bytes of no key")
	require.Equal(t, -1, x.FindBytes(append(rowsKey(longs, strs, 0), 0)), "a byte too many")
	other := []Column{{Kind: Int32s, I32: []int32{1}}, {Kind: Strings, Str: []string{"1"}}}
	require.Equal(t, []int32{-1}, func() []int32 { o := []int32{0}; x.Find(other, 0, 1, o); return o }())
	require.Panics(t, func() { x.Add(other, 0, 1, nil, 0, nil) })
}
