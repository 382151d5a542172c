package groupagg

import (
	"math"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// The typed loops skip each storage's NULLs (sentinels and NaN) and keep
// the built-ins' result types, whatever the column's storage.
func TestAggregateTypedLoopsPerStorage(t *testing.T) {
	g := Group([]*value.Vector{value.NewInts([]int32{1, 2, 1, 2, 1, 3})}, 6)
	g.SortByKeys()
	cases := []*value.Vector{
		{T: value.Char, I8: []int8{4, 7, value.NullInt8, 1, 2, value.NullInt8}},
		{T: value.Short, I16: []int16{4, 7, value.NullInt16, 1, 2, value.NullInt16}},
		value.NewInts([]int32{4, 7, value.NullInt32, 1, 2, value.NullInt32}),
		value.NewLongs([]int64{4, 7, value.NullInt64, 1, 2, value.NullInt64}),
		{T: value.Float, F32: []float32{4, 7, value.NullFloat32, 1, 2, float32(math.NaN())}},
		value.NewDoubles([]float64{4, 7, math.NaN(), 1, 2, value.NullFloat64}),
	}
	for _, v := range cases {
		agg := func(name string) *value.Vector {
			out, ok := Aggregate(name, []*value.Vector{v}, g)
			require.True(t, ok, name)
			return out
		}
		name := v.T.String()
		require.Equal(t, []int32{2, 2, 0}, agg("count").I32, name)
		require.Equal(t, "[2,1,]", agg("min").String(), name)
		require.Equal(t, "[4,7,]", agg("max").String(), name)
		require.Equal(t, []float64{3, 4, value.NullFloat64}, agg("avg").F64, name)
		require.Equal(t, []float64{2, 18, value.NullFloat64}, agg("var").F64, name)
		sum := agg("sum")
		require.Equal(t, "[6,8,]", sum.String(), name)
		if v.T.Category() == value.CatFloating {
			require.Equal(t, value.Double, sum.T, name)
		}
		f := FloatsOf(v)
		require.True(t, math.IsNaN(f[2]) && math.IsNaN(f[5]), name)
		require.Equal(t, []float64{4, 7, 1, 2}, []float64{f[0], f[1], f[3], f[4]}, name)
	}
	s := value.NewStrings(value.String, []string{"b", "c", "", "a", "d", ""})
	out, ok := Aggregate("max", []*value.Vector{s}, g)
	require.True(t, ok)
	require.Equal(t, []string{"d", "c", ""}, out.Str)
}
