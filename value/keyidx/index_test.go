package keyidx

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTablesGrow codes more distinct keys than the first table holds, each
// kind of table, in blocks and across growths, and finds every key again
// by its code.
func TestTablesGrow(t *testing.T) {
	const n = 200_000
	strs := make([]string, 2*n)
	longs := make([]int64, 2*n)
	wide := make([][16]byte, 2*n)
	for i := range strs {
		k := i % n // every key twice
		strs[i], longs[i] = strconv.Itoa(k), int64(k)<<40
		wide[i][15], wide[i][0], wide[i][1] = byte(k), byte(k>>8), byte(k>>16)
	}
	for _, c := range []Column{{Kind: Strings, Str: strs}, {Kind: Int64s, I64: longs}, {Kind: Wide, B16: wide}} {
		x := NewIndex(0)
		codes := make([]int32, c.Len())
		var first []int
		for lo := 0; lo < len(codes); lo += 7777 {
			hi := min(lo+7777, len(codes))
			first = x.Add(&c, lo, hi, codes[lo:hi], first)
		}
		require.Equal(t, n, x.Len())
		require.Len(t, first, n)
		for i, code := range codes {
			require.Equal(t, int32(i%n), code)
		}
		require.Equal(t, codes, x.FindAll(&c))
	}
}

// TestIndexClone: a clone's keys are its own.
func TestIndexClone(t *testing.T) {
	a := NewIndex(0)
	c := Column{Kind: Int32s, I32: []int32{5, 6}}
	a.Add(&c, 0, 1, nil, nil)
	b := a.Clone()
	b.Add(&c, 1, 2, nil, nil)
	require.Equal(t, []int32{0, -1}, a.FindAll(&c))
	require.Equal(t, []int32{0, 1}, b.FindAll(&c))
}

// TestIndexOtherClass: a column of another class finds nothing and may
// not be added.
func TestIndexOtherClass(t *testing.T) {
	x := NewIndex(0)
	c := Column{Kind: Int32s, I32: []int32{5}}
	x.Add(&c, 0, 1, nil, nil)
	f := Column{Kind: Float32s, F32: []float32{0}}
	require.Equal(t, []int32{-1}, x.FindAll(&Column{Kind: Int64s, I64: []int64{5}}))
	require.Equal(t, int32(-1), x.FindOne(&f, 0))
	require.Panics(t, func() { x.Add(&Column{Kind: Strings, Str: []string{"5"}}, 0, 1, nil, nil) })
	code, added := x.AddOne(&c, 0)
	require.Equal(t, int32(0), code)
	require.False(t, added)
}
