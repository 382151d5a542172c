package wire

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/pierrec/lz4/v4"
	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// decodeAllWays decodes b from a byte slice, a stream and a stream with a
// tiny buffer (texts spanning the buffer) and checks they agree.
func decodeAllWays(t *testing.T, b []byte) []value.Value {
	t.Helper()
	v1, n, err := DecodeBytes(b)
	require.NoError(t, err)
	require.Equal(t, len(b), n)
	v2, err := Decode(bytes.NewReader(b))
	require.NoError(t, err)
	v3, err := NewReader(bufio.NewReaderSize(bytes.NewReader(b), 16)).ReadObject()
	require.NoError(t, err)
	return []value.Value{v1, v2, v3}
}

// stringTexts covers the lengths the decoder treats differently: empty,
// short enough for one word with its NUL (up to 7), 8 and more, and
// longer than a chunk's share.
func stringTexts() []string {
	var texts []string
	for _, l := range []int{0, 1, 2, 6, 7, 8, 9, 15, 16, 17, 100, 1500, 5000} {
		for _, c := range "ab" {
			texts = append(texts, strings.Repeat(string(c), l))
		}
	}
	texts = append(texts, "600000.SH", "AAPL", "é€😀")
	return texts
}

func TestStringVectorsShareRepeatedTexts(t *testing.T) {
	texts := stringTexts()
	var col []string
	for i := 0; i < 40; i++ {
		for j := range texts {
			col = append(col, texts[(i*7+j)%len(texts)])
		}
	}
	for _, typ := range []value.Type{value.String, value.Symbol} {
		for _, enc := range []*EncodeOptions{nil, {Symbols: SymbolBase}} {
			b, err := Marshal(strs(typ, col...), enc)
			require.NoError(t, err)
			for _, v := range decodeAllWays(t, b) {
				got := v.(*value.Vector)
				require.Equal(t, typ, got.T)
				require.Equal(t, col, got.Strings())
				first := map[string]*byte{}
				for _, s := range got.Strings() {
					if s == "" {
						continue
					}
					if p, ok := first[s]; ok {
						require.Same(t, p, unsafe.StringData(s), "%q is shared", s)
					} else {
						first[s] = unsafe.StringData(s)
					}
				}
			}
		}
	}
}

func TestStringVectorOfUniqueTexts(t *testing.T) {
	col := make([]string, 50_000)
	for i := range col {
		col[i] = fmt.Sprintf("order-%07d", i*7919%1_000_003)
	}
	b, err := Marshal(strs(value.String, col...), nil)
	require.NoError(t, err)
	r := NewBytesReader(b)
	v, err := r.ReadObject()
	require.NoError(t, err)
	require.Equal(t, col, v.(*value.Vector).Str)
	require.True(t, r.st.Skipping(), "a column that does not repeat turns the cache off")
	for _, v := range decodeAllWays(t, b) {
		require.Equal(t, col, v.(*value.Vector).Str)
	}
}

func TestStringsDoNotAliasTheInput(t *testing.T) {
	col := []string{"alpha", "beta", "a-longer-text-of-some-size", "alpha"}
	for i := 0; i < 40; i++ {
		col = append(col, col[i%4])
	}
	b, err := Marshal(strs(value.String, col...), nil)
	require.NoError(t, err)
	v, _, err := DecodeBytes(b)
	require.NoError(t, err)
	for i := range b {
		b[i] = 'X'
	}
	require.Equal(t, col, v.(*value.Vector).Str)
}

// lz4StringVector builds a compressed STRING vector whose raw bytes (the
// NUL-terminated texts) are cut into blocks of at most blockSize bytes,
// wherever that falls, as other encoders than the C++ API may do.
func lz4StringVector(t *testing.T, texts []string, blockSize int) []byte {
	var raw []byte
	for _, s := range texts {
		raw = append(append(raw, s...), 0)
	}
	return lz4RawVector(t, raw, len(texts), blockSize)
}

// lz4RawVector builds a compressed STRING vector of count elements from
// raw bytes in blocks of at most blockSize bytes.
func lz4RawVector(t *testing.T, raw []byte, count, blockSize int) []byte {
	var payload []byte
	var c lz4.CompressorCCompat
	dst := make([]byte, lz4.CompressBlockBound(maxRawBlock))
	for off := 0; off < len(raw); off += blockSize {
		n, err := c.CompressBlock(raw[off:min(len(raw), off+blockSize)], dst)
		require.NoError(t, err)
		require.Positive(t, n)
		payload = binary.LittleEndian.AppendUint32(payload, uint32(n))
		payload = append(payload, dst[:n]...)
	}
	h := make([]byte, 2+compHeaderSize)
	h[0], h[1] = byte(value.Compress), byte(value.FormVector)
	binary.LittleEndian.PutUint32(h[2:], uint32(20+len(payload)))
	binary.LittleEndian.PutUint32(h[6:], 1)
	h[2+9], h[2+10], h[2+11], h[2+12], h[2+13] = 1, 0xff, byte(CompressLZ4), byte(value.String), 0xff
	binary.LittleEndian.PutUint32(h[2+20:], uint32(count))
	binary.LittleEndian.PutUint32(h[2+24:], 0xffffffff)
	return append(h, payload...)
}

func TestLZ4StringsCutAnywhere(t *testing.T) {
	texts := stringTexts()
	var col []string
	for i := 0; i < 30; i++ {
		col = append(col, texts...)
	}
	col = append(col, strings.Repeat("z", 3*maxRawBlock+5), "", "tail")
	for _, bs := range []int{1, 2, 3, 7, 8, 9, 100, 4096, maxRawBlock - 1, maxRawBlock} {
		b := lz4StringVector(t, col, bs)
		for _, v := range decodeAllWays(t, b) {
			require.Equal(t, col, v.(*value.Vector).Str, "blocks of %d bytes", bs)
		}
	}
	// fewer texts than announced, a text that never ends, and bytes after
	// the last text (ignored)
	for _, b := range [][]byte{
		lz4RawVector(t, []byte("a\x00b\x00"), 3, 3),
		lz4RawVector(t, []byte("a\x00bc"), 2, 3),
		lz4RawVector(t, bytes.Repeat([]byte("x"), 3*maxRawBlock), 1, maxRawBlock),
	} {
		_, _, err := DecodeBytes(b)
		require.ErrorIs(t, err, ErrMalformed)
		_, err = Decode(bytes.NewReader(b))
		require.ErrorIs(t, err, ErrMalformed)
	}
	for _, v := range decodeAllWays(t, lz4RawVector(t, []byte("a\x00b\x00c"), 1, 3)) {
		require.Equal(t, []string{"a"}, v.(*value.Vector).Str)
	}
}
