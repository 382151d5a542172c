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
		{value.NewInts([]int32{1, 2, 3, value.NullInt32}), CompressZstd},
		{value.NewDoubles([]float64{1.5, -2.25}), CompressZstd},
		{value.NewStrings(value.String, []string{"IBM", "", "MSFT"}), CompressZstd},
		{value.NewStrings(value.Blob, []string{"a\x00b", ""}), CompressZstd},
		// several blocks, one of them a run of zeros (a ratio past LZ4's)
		{value.NewLongs(append(make([]int64, 40000), seq(100000)...)), CompressZstd},
		{value.NewStrings(value.String, texts(30000)), CompressZstd},
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

func seq(n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = int64(i * i)
	}
	return out
}

func texts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = value.NewLong(int64(i)).String()
	}
	return out
}
