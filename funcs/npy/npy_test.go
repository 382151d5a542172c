package npy

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// Files numpy 1.26 wrote with np.save (generated once, by
// np.save(io.BytesIO(), a) and .hex(); interop/python/test_npy.py checks
// the same against numpy on every CI run).
var numpyFiles = map[string]string{
	// np.array([1, -2, 3], dtype='<i4')
	"vec": "934e554d5059010076007b276465736372273a20273c6934272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a01000000feffffff03000000",
	// np.asfortranarray([[1.5, 2.5, 3.5], [4.5, 5.5, 6.5]])
	"fmat": "934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f72646572273a20547275652c20277368617065273a2028322c2033292c207d20202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a000000000000f83f0000000000001240000000000000044000000000000016400000000000000c400000000000001a40",
	// np.arange(12, dtype='<i2').reshape(2, 2, 3)
	"c3": "934e554d5059010076007b276465736372273a20273c6932272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028322c20322c2033292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a00000100020003000400050006000700080009000a000b00",
	// np.asfortranarray(np.arange(12, dtype='<i2').reshape(2, 2, 3))
	"f3": "934e554d5059010076007b276465736372273a20273c6932272c2027666f727472616e5f6f72646572273a20547275652c20277368617065273a2028322c20322c2033292c207d20202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a00000600030009000100070004000a000200080005000b00",
	// np.array(["ab", "é"])
	"str": "934e554d5059010076007b276465736372273a20273c5532272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028322c292c207d2020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a6100000062000000e900000000000000",
}

func numpyFile(t *testing.T, name string) []byte {
	b, err := hex.DecodeString(numpyFiles[name])
	require.NoError(t, err)
	return b
}

func TestEncodeWritesNumpysBytes(t *testing.T) {
	if value.HostBigEndian() {
		t.Skip("the files are little endian")
	}
	for _, tc := range []struct {
		file    string
		v       *value.Vector
		shape   []int
		fortran bool
	}{
		{"vec", value.NewInts([]int32{1, -2, 3}), []int{3}, false},
		{"fmat", value.NewDoubles([]float64{1.5, 4.5, 2.5, 5.5, 3.5, 6.5}), []int{2, 3}, true},
	} {
		t.Run(tc.file, func(t *testing.T) {
			require.Equal(t, numpyFile(t, tc.file), encode(tc.v, tc.shape, tc.fortran))
		})
	}
}

func TestDecodeReadsNumpysFiles(t *testing.T) {
	shorts := func(xs ...int16) *value.Vector { return &value.Vector{T: value.Short, I16: xs} }
	planes := value.NewTuple([]value.Value{
		&value.Matrix{V: shorts(0, 3, 1, 4, 2, 5), Rows: 2, Cols: 3},
		&value.Matrix{V: shorts(6, 9, 7, 10, 8, 11), Rows: 2, Cols: 3},
	})
	for _, tc := range []struct {
		file string
		want value.Value
	}{
		{"vec", value.NewInts([]int32{1, -2, 3})},
		{"fmat", &value.Matrix{V: value.NewDoubles([]float64{1.5, 4.5, 2.5, 5.5, 3.5, 6.5}), Rows: 2, Cols: 3}},
		{"c3", planes},
		{"f3", planes},
		{"str", value.NewStrings(value.String, []string{"ab", "é"})},
	} {
		t.Run(tc.file, func(t *testing.T) {
			got, err := load("loadNpy", tc.file, numpyFile(t, tc.file))
			require.NoError(t, err)
			require.Equal(t, tc.want.String(), got.String())
			require.Equal(t, tc.want.Type(), got.Type())
		})
	}
}

func TestHeaderVersions(t *testing.T) {
	// a shape long enough to need a version 2.0 header
	shape := make([]int, 30000)
	for i := range shape {
		shape[i] = 1
	}
	b := appendHeader(nil, header{descr: "<f8", shape: shape})
	require.Equal(t, byte(2), b[6])
	require.Zero(t, len(b)%64)
	h, at, err := parseHeader(b)
	require.NoError(t, err)
	require.Equal(t, len(b), at)
	require.Equal(t, shape, h.shape)
	require.Equal(t, "<f8", h.descr)
}

// BenchmarkRoundTrip writes and reads back a million-row DOUBLE matrix
// column (8 MB): saveAsNpy's and loadNpy's work without the disk.
func BenchmarkRoundTrip(b *testing.B) {
	xs := make([]float64, 1_000_000)
	for i := range xs {
		xs[i] = float64(i) + 0.5
	}
	v := value.NewDoubles(xs)
	b.SetBytes(int64(8 * len(xs)))
	for b.Loop() {
		f := encode(v, []int{1000, 1000}, true)
		if _, err := load("loadNpy", "bench", f); err != nil {
			b.Fatal(err)
		}
	}
}
