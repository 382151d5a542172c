package funcs

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func TestTypeArg(t *testing.T) {
	intFn := &Spec{Name: "int"}
	cases := []struct {
		name  string
		arg   value.Value
		want  value.Type
		scale int32
		err   string
	}{
		{"type constant", value.NewInt(int32(value.Int)), value.Int, 0, ""},
		{"decimal with scale", value.NewInt(int32(value.Decimal32) | 2<<16), value.Decimal32, 2, ""},
		{"upper-case name", value.NewString("SYMBOL"), value.Symbol, 0, ""},
		{"lower-case name", value.NewString("nanotimestamp"), value.NanoTimestamp, 0, ""},
		{"conversion function", intFn, value.Int, 0, ""},
		{"unknown name", value.NewString("integer"), 0, 0, "Invalid data type integer"},
		{"NULL", value.NullScalar(value.Int), 0, 0, "The data type argument must be a type constant such as INT."},
		{"vector", value.NewInts([]int32{4}), 0, 0, "The data type argument must be a type constant such as INT."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, scale, err := TypeArg(c.arg)
			if c.err != "" {
				require.EqualError(t, err, c.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, c.want, got)
			require.Equal(t, c.scale, scale)
		})
	}
}

func TestTypesArg(t *testing.T) {
	ts, scales, err := TypesArg(value.NewInts([]int32{int32(value.Int), int32(value.Decimal64) | 3<<16}))
	require.NoError(t, err)
	require.Equal(t, []value.Type{value.Int, value.Decimal64}, ts)
	require.Equal(t, []int32{0, 3}, scales)
	_, _, err = TypesArg(value.NewTable([]string{"a"}, []*value.Vector{value.NewInts([]int32{1})}))
	require.EqualError(t, err, "The column types must be a vector of data types.")
}
