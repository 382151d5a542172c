package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestChoose(t *testing.T) {
	pick := []bool{true, false, false, true}
	base := NewSymbolBaseOf([]string{"", "a", "b", "x", "y"})
	coded := func(b *SymbolBase, s ...string) *Vector {
		return &Vector{T: Symbol, I32: b.InternAll(nil, s), Syms: b}
	}
	arr := func(rows ...[]int32) *Vector {
		v := NewVector(Int+ArrayOffset, 0, len(rows))
		for _, r := range rows {
			v.AppendVector(&Vector{T: Int + ArrayOffset, I32: r, Offsets: []int64{int64(len(r))}})
		}
		return v
	}
	cases := []struct {
		name string
		a, b *Vector
		want string
	}{
		{"int", NewInts([]int32{1, 2, 3, 4}), NewInts([]int32{-1, NullInt32, -3, -4}), "[1,,-3,4]"},
		{"double", NewDoubles([]float64{1.5, 2, 3, 4}), NewDoubles([]float64{-1, -2, NullFloat64, -4}), "[1.5,-2,,4]"},
		{"string", NewStrings(String, []string{"a", "b", "c", "d"}), NewStrings(String, []string{"w", "x", "y", "z"}), `["a","x","y","d"]`},
		{"symbol, one base", coded(base, "a", "b", "a", "b"), coded(base, "x", "y", "x", "y"), `["a","y","x","b"]`},
		{"symbol, two bases", NewSymbols([]string{"a", "b", "c", "d"}), NewSymbols([]string{"w", "x", "y", "z"}), `["a","x","y","d"]`},
		{"array vector", arr([]int32{1}, []int32{2, 2}, []int32{3}, []int32{4, 4}), arr([]int32{9}, []int32{8, 8, 8}, []int32{}, []int32{7}), "[[1],[8,8,8],[],[4,4]]"},
		{"tuple", NewTuple([]Value{NewInts([]int32{1}), NewInt(2), NewInt(3), NewInt(4)}), NewTuple([]Value{NewInt(9), NewInt(8), NewInt(7), NewInt(6)}), "([1],8,7,4)"},
	}
	for _, c := range cases {
		got := Choose(pick, c.a, c.b)
		require.Equal(t, c.want, got.String(), c.name)
		require.Equal(t, c.a.T, got.T, c.name)
		require.Equal(t, 4, got.Len(), c.name)
	}
}

func TestHasNullMatchesIsNull(t *testing.T) {
	for _, typ := range columnTypes {
		if typ.IsArray() { // a NULL row holds no cell
			continue
		}
		for _, n := range []int{0, 1, 5} {
			v := NewNullVector(typ, n)
			require.Equal(t, n > 0, v.HasNull(), "%s all NULL", typ)
		}
	}
	for _, v := range []*Vector{
		NewInts([]int32{1, 2}), NewDoubles([]float64{1, 2}), NewStrings(String, []string{"a"}), NewSymbols([]string{"a", "b"}),
		{T: Float, F32: []float32{1}}, {T: Short, I16: []int16{3}}, {T: Bool, I8: []int8{0, 1}}, NewLongs([]int64{5}),
	} {
		require.False(t, v.HasNull(), "%s", v.T)
		w := v.Clone()
		w.AppendNull()
		require.True(t, w.HasNull(), "%s", v.T)
	}
	av := &Vector{T: Int + ArrayOffset, I32: []int32{1, 2, 3}, Offsets: []int64{1, 3}}
	require.False(t, av.HasNull())
	av.I32[2] = NullInt32 // the second row's last cell
	require.True(t, av.HasNull())
}
