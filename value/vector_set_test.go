package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Every storage kind must take Set, SetNull and SetFrom: a kind missing
// from one of their switches once left COMPLEX and POINT vectors
// unchanged by x[i] = y.
func TestSetEveryStorage(t *testing.T) {
	pair := func(tp Type, a, b float64) *Scalar { return &Scalar{T: tp, F: a, B: float64Pair(b)} }
	cases := []struct {
		name string
		vec  *Vector
		put  *Scalar
	}{
		{"BOOL", &Vector{T: Bool, I8: []int8{1, 0, 1}}, NewBool(false)},
		{"SHORT", &Vector{T: Short, I16: []int16{1, 2, 3}}, NewTyped(Short, 9)},
		{"INT", NewInts([]int32{1, 2, 3}), NewInt(9)},
		{"LONG", NewLongs([]int64{1, 2, 3}), NewLong(9)},
		{"FLOAT", &Vector{T: Float, F32: []float32{1, 2, 3}}, NewFloat(9)},
		{"DOUBLE", NewDoubles([]float64{1, 2, 3}), NewDouble(9)},
		{"STRING", NewStrings(String, []string{"a", "b", "c"}), NewString("z")},
		{"SYMBOL", NewSymbols([]string{"a", "b", "c"}), NewSymbol("z")},
		{"UUID", &Vector{T: UUID, B16: [][16]byte{{1}, {2}, {3}}}, &Scalar{T: UUID, B: [16]byte{9}}},
		{"COMPLEX", &Vector{T: Complex, F64: []float64{1, 4, 2, 5, 3, 6}}, pair(Complex, 9, 8)},
		{"POINT", &Vector{T: Point, F64: []float64{1, 4, 2, 5, 3, 6}}, pair(Point, 9, 8)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := c.vec
			v.Set(0, c.put)
			require.Equal(t, c.put.String(), v.At(0).String())
			v.SetNull(1)
			require.True(t, v.IsNull(1))
			require.False(t, v.IsNull(2))
			v.SetFrom(2, v, 0)
			require.Equal(t, c.put.String(), v.At(2).String())
		})
	}
}
