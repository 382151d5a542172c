package wire

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// TestTruncatedVectors: every proper prefix of every object vector fails
// cleanly in both reader modes.
func TestTruncatedVectors(t *testing.T) {
	var files []string
	for _, tc := range objectVectors {
		files = append(files, tc.file)
	}
	for _, tc := range compressedVectors {
		files = append(files, tc.file)
	}
	files = append(files, "49_compressed_table_cpp_mtw")
	for _, f := range files {
		b := loadVector(t, f)
		for n := 0; n < len(b); n++ {
			_, _, err := DecodeBytes(b[:n])
			require.Error(t, err, "%s[:%d]", f, n)
			_, err = Decode(bytes.NewReader(b[:n]))
			require.Error(t, err, "%s[:%d]", f, n)
			if n > 0 {
				require.NotEqual(t, io.EOF, err)
			}
		}
	}
	for _, tc := range requestVectors {
		b := loadVector(t, tc.file)
		for n := 1; n < len(b); n++ {
			_, err := NewBytesReader(b[:n]).ReadRequest()
			require.Error(t, err, "%s[:%d]", tc.file, n)
		}
	}
}

// TestMutatedVectors flips every byte of every vector to a few values and
// decodes: errors are fine, panics are not (run under -race in CI).
func TestMutatedVectors(t *testing.T) {
	for _, tc := range objectVectors {
		b := loadVector(t, tc.file)
		m := make([]byte, len(b))
		for i := range b {
			for _, x := range []byte{0, 1, 0x7f, 0x80, 0xff, b[i] ^ 0x40} {
				copy(m, b)
				m[i] = x
				_, _, _ = DecodeBytes(m)
				_, _ = Decode(bytes.NewReader(m))
			}
		}
	}
}

func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestHugeCountsDoNotAllocate: lying counts are rejected before any large
// allocation, against the slice size or the stream's MaxFrame.
func TestHugeCountsDoNotAllocate(t *testing.T) {
	inputs := []string{
		"04 01 ffffff7f 01000000 01000000",                                          // INT vector of 2^31-1 rows
		"05 01 ffffff7f ffffff7f",                                                   // rows*cols overflow
		"12 01 ffffff7f 01000000 6100",                                              // STRING vector
		"19 01 ffffff7f 01000000 0400 01000000",                                     // tuple
		"91 01 ffffff7f 01000000 00000000 ffffff7f 00",                              // symbol base
		"44 01 ffffff7f 01000000 ffff 04 00 ffffffff",                               // array vector
		"04 03 00 04 03 ffffff7f ffffff7f",                                          // matrix
		"00 06 01000000 ffffff7f 00 6100",                                           // table columns
		"20 00 ffffffff 61",                                                         // blob
		"1a 01 ffffff7f 01000000 00 01 ff 01 04 04 0000 00000000 ffffff7f ffffffff", // compressed
		"1a 01 20000000 01000000 00 01 ff 01 04 04 0000 00000000 ffffff7f ffffffff 08000000 1f00000000000000", // LZ4 count
		"1a 01 20000000 01000000 00 01 ff 02 04 04 0000 00000000 ffffff7f ffffffff 08000000 ffffffffffffffff", // DELTA count
	}
	for _, in := range inputs {
		b := parseHex(t, in)
		n := allocated(func() {
			_, _, err := DecodeBytes(b)
			require.Error(t, err, in)
		})
		require.Less(t, n, uint64(1<<20), "bytes allocated for %s", in)
		n = allocated(func() {
			r := NewReader(bytes.NewReader(b))
			r.MaxFrame = 1 << 20
			_, err := r.ReadObject()
			require.Error(t, err, in)
		})
		require.Less(t, n, uint64(4<<20), "bytes allocated (stream) for %s", in)
	}
}

func TestStreamFrameLimit(t *testing.T) {
	b, err := Marshal(value.NewLongs(make([]int64, 1000)), nil)
	require.NoError(t, err)
	r := NewReader(bytes.NewReader(b))
	r.MaxFrame = 4000
	_, err = r.ReadObject()
	require.ErrorIs(t, err, ErrLimit)
	r = NewReader(bytes.NewReader(b))
	r.MaxFrame = int64(len(b))
	_, err = r.ReadObject()
	require.NoError(t, err)

	// the limit also covers unterminated strings
	r = NewReader(strings.NewReader("\x12\x00" + strings.Repeat("a", 5000)))
	r.MaxFrame = 1000
	_, err = r.ReadObject()
	require.ErrorIs(t, err, ErrLimit)
}

func TestDepthLimit(t *testing.T) {
	var b []byte
	for i := 0; i < 10000; i++ {
		b = append(b, 0x19, 0x01, 1, 0, 0, 0, 1, 0, 0, 0)
	}
	b = append(b, 4, 0, 1, 0, 0, 0)
	_, _, err := DecodeBytes(b)
	require.ErrorIs(t, err, ErrLimit)
	_, err = Decode(bytes.NewReader(b))
	require.ErrorIs(t, err, ErrLimit)

	// MaxDepth nested tuples decode; one more does not.
	v := value.Value(value.NewInt(1))
	for i := 0; i < DefaultMaxDepth-1; i++ {
		v = value.NewTuple([]value.Value{v})
	}
	enc, err := Marshal(v, nil)
	require.NoError(t, err)
	_, _, err = DecodeBytes(enc)
	require.NoError(t, err)
	_, err = Marshal(value.NewTuple([]value.Value{v}), nil)
	require.ErrorIs(t, err, ErrLimit)
}

func TestMalformedObjects(t *testing.T) {
	cases := map[string]error{
		"12 0a 0000 00000000 01000000": ErrUnsupported, // STRING tensor
		"04 0a 0100 00000000 01000000": ErrUnsupported, // tensor type 1
		"04 0a 0000 00000000 0b000000": ErrMalformed,   // 11 dimensions
		"04 0a 0000 00000000 01000000 0200000000000000 0100000000000000 0000000000000000 0300000000000000 01000000 02000000":                                                     ErrMalformed,   // count
		"04 0a 0000 00000000 02000000 0200000000000000 0200000000000000 0100000000000000 0200000000000000 0000000000000000 0400000000000000 01000000 02000000 03000000 04000000": ErrUnsupported, // strides
		"04 07":                              ErrUnsupported, // CHART
		"18 00":                              ErrUnsupported, // RESOURCE scalar
		"00 01 02000000 01000000":            ErrUnsupported, // VOID vector with rows
		"04 01 ffffffff 01000000":            ErrMalformed,
		"92 01 01000000 01000000":            ErrUnsupported,
		"44 01 01000000 01000000 0000 01 00": ErrMalformed, // empty block
		"44 01 01000000 01000000 0100 03 00 01 01000000":                                     ErrMalformed,
		"44 01 01000000 01000000 0200 01 00 01 01 0100000001000000":                          ErrMalformed, // too many rows
		"04 04 04 00 01000000":                                                               ErrMalformed, // set of a scalar
		"04 05 04 01 01000000 01000000 01000000 04 01 00000000 01000000":                     ErrMalformed,
		"00 06 02000000 01000000 00 6100 04 01 01000000 01000000 01000000":                   ErrMalformed, // column length
		"00 06 01000000 01000000 00 6100 04 00 01000000":                                     ErrMalformed, // scalar column
		"04 03 01 04 01 02000000 01000000 0100000002000000 04 03 01000000 01000000 05000000": ErrMalformed, // labels
		"1a 01 13000000": ErrMalformed,
		"1a 01 14000000 01000000 00 01 ff 09 04 04 0000 00000000 00000000 ffffffff":             ErrUnsupported,
		"1a 01 14000000 01000000 00 01 ff 01 11 04 0000 00000000 00000000 ffffffff":             ErrUnsupported, // SYMBOL
		"1a 01 14000000 01000000 00 01 ff 02 10 08 0000 00000000 00000000 ffffffff":             ErrUnsupported, // DELTA DOUBLE
		"1a 01 14000000 01000000 00 01 ff 02 04 08 0000 00000000 00000000 ffffffff":             ErrMalformed,   // unit mismatch
		"1a 01 16000000 01000000 00 01 ff 01 04 04 0000 00000000 00000000 ffffffff 0000":        ErrMalformed,   // stray bytes
		"1a 01 18000000 01000000 00 01 ff 01 04 04 0000 00000000 01000000 ffffffff 00000000":    ErrMalformed,   // empty block
		"1a 01 19000000 01000000 00 01 ff 01 04 04 0000 00000000 01000000 ffffffff 01000000 ff": ErrMalformed,   // bad LZ4
		"1a 01 19000000 01000000 00 01 ff 01 04 04 0000 00000000 01000000 ffffffff 01000000 00": ErrMalformed,   // too few bytes
		"1a 01 14000000 01000000 00 01 ff 01 04 04 0000 00000000 01000000 ffffffff":             ErrMalformed,   // no data
		"1a 01 19000000 01000000 00 01 ff 01 12 ff 0000 00000000 02000000 ffffffff 01000000 10": ErrMalformed,   // short strings
	}
	for in, want := range cases {
		b := parseHex(t, in)
		_, _, err := DecodeBytes(b)
		require.Error(t, err, in)
		if want != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
			require.ErrorIs(t, err, want, in)
		}
	}
}
