package access

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// TestIndexVectorCoded: a coded SYMBOL or STRING vector indexed by a
// vector of positions keeps its base (its rows' codes moved), with the
// elements and NULLs (out of range, negative, NULL positions) a plain
// vector's indexing gives.
func TestIndexVectorCoded(t *testing.T) {
	texts := []string{"a", "b", "", "c", "a"}
	for _, c := range []struct {
		name string
		typ  value.Type
		idx  *value.Vector
		want []string
	}{
		{"symbol", value.Symbol, value.NewLongs([]int64{3, 0, 1, 1, 4}), []string{"c", "a", "b", "b", "a"}},
		{"out of range", value.Symbol, value.NewLongs([]int64{9, 2, -1, 3, 5}), []string{"", "", "", "c", ""}},
		{"null position", value.String, value.NewInts([]int32{value.NullInt32, 1}), []string{"", "b"}},
		{"none", value.Symbol, value.NewInts(nil), []string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			plain := value.NewStrings(c.typ, texts)
			v := plain.CodedAs(c.typ)
			got, err := IndexVector(v, c.idx)
			require.NoError(t, err)
			out := got.(*value.Vector)
			require.Equal(t, c.typ, out.T)
			require.Same(t, v.Syms, out.Syms, "the rows keep the vector's base")
			require.Equal(t, c.want, out.Strings())
			want, err := IndexVector(plain, c.idx)
			require.NoError(t, err)
			require.Equal(t, want.(*value.Vector).Strings(), out.Strings(), "as a plain vector's")
			for i, s := range c.want {
				require.Equal(t, s == "", out.IsNull(i))
			}
		})
	}
}
