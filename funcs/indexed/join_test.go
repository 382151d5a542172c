package indexed

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func TestJoinLabels(t *testing.T) {
	a := value.NewInts([]int32{0, 1, 3})
	b := value.NewInts([]int32{0, 3, 3, 4})
	for _, tc := range []struct {
		name        string
		how         joinKind
		labels      []int32
		left, right []int
	}{
		{"outer pairs equal runs", outerJoin, []int32{0, 1, 3, 3, 4}, []int{0, 1, 2, 2, -1}, []int{0, -1, 1, 2, 3}},
		{"inner", innerJoin, []int32{0, 3, 3}, []int{0, 2, 2}, []int{0, 1, 2}},
		{"left keeps left rows", leftJoin, []int32{0, 1, 3, 3}, []int{0, 1, 2, 2}, []int{0, -1, 1, 2}},
		{"right keeps right rows", rightJoin, []int32{0, 3, 3, 4}, []int{0, 2, 2, -1}, []int{0, 1, 2, 3}},
		{"asof takes the last not above", asofJoin, []int32{0, 1, 3}, []int{0, 1, 2}, []int{0, 0, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j, err := joinLabels(a, b, tc.how)
			require.NoError(t, err)
			require.Equal(t, tc.labels, j.labels.I32)
			require.Equal(t, tc.left, j.left)
			require.Equal(t, tc.right, j.right)
		})
	}
}

func TestJoinLabelsUnsorted(t *testing.T) {
	j, err := joinLabels(value.NewInts([]int32{3, 1}), value.NewLongs([]int64{1, 2}), outerJoin)
	require.NoError(t, err)
	require.Equal(t, []int32{1, 2, 3}, j.labels.I32)
	require.Equal(t, []int{1, -1, 0}, j.left)
	require.Equal(t, []int{0, 1, -1}, j.right)

	_, err = joinLabels(value.NewInts([]int32{1}), value.NewStrings(value.String, []string{"a"}), outerJoin)
	require.EqualError(t, err, "The labels to align must have compatible types.")
}

func TestJoinLabelsRanked(t *testing.T) {
	a := value.NewStrings(value.Symbol, []string{"b", "a", "c"})
	b := value.NewStrings(value.String, []string{"c", "b", "b", "d"})
	j, err := joinLabels(a, b, outerJoin)
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b", "b", "c", "d"}, j.labels.Strings())
	require.Equal(t, []int{1, 0, 0, 2, -1}, j.left)
	require.Equal(t, []int{-1, 1, 2, 0, 3}, j.right)

	j, err = joinLabels(a, b, asofJoin)
	require.NoError(t, err)
	require.Equal(t, []int{2, -1, 0}, j.right)
}
