package wire

import (
	"math/rand/v2"
	"testing"

	"github.com/pierrec/lz4/v4"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// cutLZ4 compresses raw in blocks of size bytes, as an encoder would.
func cutLZ4(t *testing.T, raw []byte, size int) [][]byte {
	var c lz4.Compressor
	var blocks [][]byte
	for lo := 0; lo < len(raw); lo += size {
		src := raw[lo:min(len(raw), lo+size)]
		dst := make([]byte, lz4.CompressBlockBound(len(src)))
		n, err := c.CompressBlock(src, dst)
		require.NoError(t, err)
		require.NotZero(t, n)
		blocks = append(blocks, dst[:n])
	}
	return blocks
}

func TestUncompressFullBlocks(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	raw := make([]byte, 40*maxRawBlock+1234)
	for i := range raw {
		raw[i] = byte(r.IntN(16)) // compressible, not trivially
	}
	cases := []struct {
		name   string
		blocks func() [][]byte
		ok     bool
	}{
		{"standard cuts decode in parallel", func() [][]byte { return cutLZ4(t, raw, maxRawBlock) }, true},
		{"other cuts fall back", func() [][]byte { return cutLZ4(t, raw, maxRawBlock/2) }, false},
		{"too few blocks fall back", func() [][]byte { return cutLZ4(t, raw[:4*maxRawBlock], maxRawBlock) }, false},
		{"corrupt block falls back", func() [][]byte {
			b := cutLZ4(t, raw, maxRawBlock)
			b[7] = b[7][:len(b[7])/2]
			return b
		}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			blocks := c.blocks()
			n := len(raw)
			if c.name == "too few blocks fall back" {
				n = 4 * maxRawBlock
			}
			dst := make([]byte, n)
			require.Equal(t, c.ok, uncompressFullBlocks(blocks, dst, uncompressBlock))
			if c.ok {
				require.Equal(t, raw, dst)
			}
		})
	}
}

// A column large enough for the parallel path round-trips, and the same
// bytes cut in other block sizes still decode through the sequential path.
func TestLZ4LargeColumnRoundTrip(t *testing.T) {
	const n = 2_000_000 // 8 MB of INT: 123 blocks
	xs := make([]int32, n)
	r := rand.New(rand.NewPCG(9, 9))
	for i := range xs {
		xs[i] = int32(r.IntN(1000))
	}
	tbl := value.NewTable([]string{"x", "y"}, []*value.Vector{ints(xs...), value.NewDoubles(make([]float64, n))})
	compressedRoundTrip(t, tbl, []Compression{CompressLZ4, CompressLZ4}, EncodeOptions{})
}
