package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// columnTypes covers every storage, an array vector and COMPLEX pairs.
var columnTypes = []Type{Bool, Short, Int, Long, Float, Double, String, Symbol, UUID, Decimal128, Complex, Any, Void, Int + ArrayOffset}

func TestAppendNullsMatchesAppendNull(t *testing.T) {
	for _, typ := range columnTypes {
		for _, n := range []int{0, 1, 2, 7, 1000} {
			want, got := NewVector(typ, 0, 0), NewVector(typ, 0, 0)
			want.AppendNull()
			got.AppendNull()
			for range n {
				want.AppendNull()
			}
			got.AppendNulls(n)
			require.Equal(t, want.Len(), got.Len(), "%s %d", typ, n)
			for i := range want.Len() {
				if !typ.IsArray() { // IsNull reads flat elements
					require.True(t, got.IsNull(i), "%s %d row %d", typ, n, i)
				}
			}
			require.Equal(t, want, got, "%s %d", typ, n)
		}
	}
}

func TestReorderMatchesGather(t *testing.T) {
	v := NewInts([]int32{10, 20, NullInt32, 40})
	perm := []int32{3, 0, 2, 1}
	inv := []int32{1, 3, 2, 0} // row j moves to inv[j]: the same order as perm
	var scratch Vector
	require.Equal(t, v.Gather([]int{3, 0, 2, 1}).I32, v.Reorder(&scratch, perm, nil).I32)
	require.Equal(t, v.Gather([]int{3, 0, 2, 1}).I32, v.Reorder(&scratch, nil, inv).I32)
	require.Equal(t, v.I32, v.Reorder(&scratch, nil, nil).I32)
	s := NewStrings(String, []string{"a", "b"})
	require.Equal(t, []string{"b", "a"}, s.Reorder(&scratch, []int32{1, 0}, nil).Str)
}

func TestGrowKeepsElementsAndRoom(t *testing.T) {
	for _, typ := range columnTypes {
		v := NewNullVector(typ, 3)
		want := DeepCopy(v)
		v.Grow(100)
		require.Equal(t, want, v, "%s", typ)
		before := v.storage()
		v.AppendNulls(100)
		which := 0
		if typ.IsArray() { // Grow reserves rows: the offsets
			which = 1
		}
		require.Equal(t, before[which].lo, v.storage()[which].lo, "%s reallocated", typ)
	}
}
