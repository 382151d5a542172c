package wire

import (
	"encoding/binary"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// TestIOTAnyVectorBytes checks an IOTANY vector against the layout the
// Java API's BasicIotAnyVector and the JavaScript API read: the type-41
// header, an ANY vector's counts (1 + value types, 1), the INT index
// vector (rows, types, each row's position, each row's type id, 0 for a
// row without a value) and one vector per value type in type id order.
func TestIOTAnyVectorBytes(t *testing.T) {
	v := &value.Vector{T: value.IOTAny, Any: []value.Value{
		value.NewDouble(2.5), value.NewInt(233), value.NullScalar(value.Void), value.NewString("on"), value.NewInt(5)}}
	b, err := Marshal(v, nil)
	require.NoError(t, err)
	le := binary.LittleEndian
	i32 := func(xs ...int32) []byte {
		var out []byte
		for _, x := range xs {
			out = le.AppendUint32(out, uint32(x))
		}
		return out
	}
	want := []byte{byte(value.IOTAny), byte(value.FormVector)}
	want = append(want, i32(4, 1)...)
	want = append(want, byte(value.Int), byte(value.FormVector))
	want = append(want, i32(12, 1, 5, 3, 0, 0, 0, 0, 1, 16, 4, 0, 18, 4)...)
	want = append(want, byte(value.Int), byte(value.FormVector))
	want = append(want, i32(2, 1, 233, 5)...)
	want = append(want, byte(value.Double), byte(value.FormVector))
	want = append(want, i32(1, 1)...)
	want = le.AppendUint64(want, 0x4004000000000000) // 2.5
	want = append(want, byte(value.String), byte(value.FormVector))
	want = append(want, i32(1, 1)...)
	want = append(want, 'o', 'n', 0)
	require.Equal(t, want, b)
	for _, got := range decodeAllWays(t, b) {
		g := got.(*value.Vector)
		require.Equal(t, value.IOTAny, g.T)
		require.Equal(t, "[2.5,233,,on,5]", g.String())
		require.Equal(t, value.Int, g.Any[1].Type())
		require.Equal(t, value.String, g.Any[3].Type())
	}
	tbl := value.NewTable([]string{"id", "value"}, []*value.Vector{value.NewInts([]int32{1, 2, 3, 4, 5}), v})
	b, err = Marshal(tbl, nil)
	require.NoError(t, err)
	for _, got := range decodeAllWays(t, b) {
		require.Equal(t, value.IOTAny, got.(*value.Table).Cols[1].T)
	}
	_, err = Marshal(&value.Vector{T: value.IOTAny, Any: []value.Value{value.NewInts([]int32{1})}}, nil)
	require.Error(t, err)
}
