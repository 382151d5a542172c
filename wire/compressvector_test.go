package wire

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// A COMPRESSED vector value (compress()'s result) goes over the wire as
// the compressed vector it holds, so a client decodes the original.
func TestCompressedVectorValue(t *testing.T) {
	cases := []struct {
		v *value.Vector
		m Compression
	}{
		{value.NewInts([]int32{1, 2, 3, value.NullInt32}), CompressDelta},
		{value.NewLongs([]int64{5, 1 << 40, -7}), CompressLZ4},
		{value.NewDoubles([]float64{1.5, -2.25}), CompressLZ4},
		{value.NewStrings(value.String, []string{"IBM", "", "MSFT"}), CompressLZ4},
	}
	for _, c := range cases {
		b, err := CompressVector(c.v, c.m)
		require.NoError(t, err)
		back, err := DecompressVector(b)
		require.NoError(t, err)
		require.Equal(t, c.v.String(), back.String())
		held := value.NewVector(value.Compress, len(b), len(b))
		for i, x := range b {
			held.I8[i] = int8(x)
		}
		for _, big := range []bool{false, true} {
			enc, err := Marshal(held, &EncodeOptions{BigEndian: big})
			require.NoError(t, err)
			r := NewBytesReader(enc)
			r.big = big
			got, err := r.ReadObject()
			require.NoError(t, err)
			require.Equal(t, c.v.T, got.Type())
			require.Equal(t, c.v.String(), got.String())
		}
	}
}
