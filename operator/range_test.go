package operator

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// a..b keeps CHAR (database.md makes partition schemes of
// string('A'..'Z')) and runs either way.
func TestRangeTypes(t *testing.T) {
	char := func(c byte) *value.Scalar { return &value.Scalar{T: value.Char, I: int64(c)} }
	cases := []struct {
		a, b  *value.Scalar
		t     value.Type
		elems []int64
	}{
		{char('B'), char('D'), value.Char, []int64{'B', 'C', 'D'}},
		{char('c'), char('a'), value.Char, []int64{'c', 'b', 'a'}},
		{value.NewInt(1), value.NewInt(3), value.Int, []int64{1, 2, 3}},
		{&value.Scalar{T: value.Short, I: 2}, &value.Scalar{T: value.Short, I: 1}, value.Int, []int64{2, 1}},
	}
	for _, c := range cases {
		got, err := Range(c.a, c.b)
		require.NoError(t, err)
		v := got.(*value.Vector)
		require.Equal(t, c.t, v.T)
		require.Equal(t, len(c.elems), v.Len())
		for i, want := range c.elems {
			x, _ := v.At(i).Int64()
			require.Equal(t, want, x)
		}
	}
}
