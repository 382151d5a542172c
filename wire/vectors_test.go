package wire

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// loadVector parses testdata/vectors/<name>.hex: '#' starts a comment,
// the rest are whitespace-separated hex bytes.
func loadVector(t testing.TB, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "vectors", name+".hex"))
	require.NoError(t, err)
	return parseHex(t, string(raw))
}

// decodeVector is the object vector name holds, decoded from its bytes
// (returned too) with every byte consumed.
func decodeVector(t testing.TB, name string) ([]byte, value.Value) {
	t.Helper()
	b := loadVector(t, name)
	got, n, err := DecodeBytes(b)
	require.NoError(t, err)
	require.Equal(t, len(b), n, "bytes consumed")
	return b, got
}

func parseHex(t testing.TB, s string) []byte {
	t.Helper()
	var sb strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		sb.WriteString(strings.Join(strings.Fields(line), ""))
	}
	b, err := hex.DecodeString(sb.String())
	require.NoError(t, err)
	return b
}

const sid = "1195587396"

// ints and strs build vectors; an empty one has a non-nil empty slice,
// as the decoder produces.
func ints(xs ...int32) *value.Vector {
	if xs == nil {
		xs = []int32{}
	}
	return value.NewInts(xs)
}

func strs(t value.Type, xs ...string) *value.Vector {
	if xs == nil {
		xs = []string{}
	}
	return value.NewStrings(t, xs)
}

func sampleTable() *value.Table {
	return value.NewTable([]string{"id", "sym", "price"}, []*value.Vector{
		ints(1, value.NullInt32, 3),
		strs(value.Symbol, "AAPL", "MSFT", "AAPL"),
		value.NewDoubles([]float64{10.5, 20.25, value.NullFloat64}),
	})
}

func goOpts() Options {
	return Options{Cancellable: true, Priority: 4, Parallelism: 64, Fields: 4}
}

// objectVectors are the files holding one serialized object: the value
// each decodes to and the options under which re-encoding reproduces the
// bytes exactly.
var objectVectors = []struct {
	file string
	want value.Value
	opts *EncodeOptions
}{
	{"12_scalar_int_42", value.NewInt(42), nil},
	{"13_scalar_int_null", value.NewInt(value.NullInt32), nil},
	{"14_scalar_double_3p14", value.NewDouble(3.14), nil},
	{"15_scalar_string_hello", value.NewString("hello"), nil},
	{"16_scalar_symbol_AAPL", &value.Scalar{T: value.Symbol, S: "AAPL"}, nil},
	{"17_scalar_date_2024_01_15", value.NewTyped(value.Date, value.DaysFromCivil(2024, 1, 15)), nil},
	{"18_scalar_timestamp", value.NewTyped(value.Timestamp, 1705311000123), nil},
	{"19_scalar_bool_true", value.NewBool(true), nil},
	{"20_scalar_uuid", &value.Scalar{T: value.UUID, B: [16]byte{0x87, 0xee, 0x73, 0x14, 0xd9, 0xb4, 0x35, 0x42, 0xb1, 0xe3, 0x48, 0xcc, 0x78, 0x2a, 0x21, 0x5d}}, nil},
	{"21_scalar_ipaddr", &value.Scalar{T: value.IPAddr, B: [16]byte{0x0d, 0x01, 0xa8, 0xc0}}, nil},
	{"22_scalar_blob", &value.Scalar{T: value.Blob, S: "ab\x00c"}, nil},
	{"23_scalar_decimal32", &value.Scalar{T: value.Decimal32, Scale: 2, I: 314}, nil},
	{"24_scalar_decimal64", &value.Scalar{T: value.Decimal64, Scale: 4, I: -15000}, nil},
	{"25_scalar_void", value.NullScalar(value.Void), nil},
	{"26_vector_int_1_null_3", ints(1, value.NullInt32, 3), nil},
	{"27_vector_string", strs(value.String, "a", "bc", ""), nil},
	{"28_vector_symbol_plain_go", strs(value.Symbol, "AAPL", "MSFT", "AAPL"), &EncodeOptions{Symbols: SymbolPlain}},
	{"29_vector_symbol_extended_cpp", strs(value.Symbol, "AAPL", "MSFT", "AAPL"), &EncodeOptions{Symbols: SymbolBase}},
	{"30_vector_date", &value.Vector{T: value.Date, I32: []int32{1, int32(value.DaysFromCivil(2024, 1, 15))}}, nil},
	{"31_vector_bool_with_null", &value.Vector{T: value.Bool, I8: []int8{1, 0, value.NullInt8}}, nil},
	{"32_vector_decimal64", &value.Vector{T: value.Decimal64, Scale: 2, I64: []int64{125, -300}}, nil},
	{"33_vector_any_tuple", value.NewTuple([]value.Value{value.NewInt(1), value.NewString("x")}), nil},
	{"34_pair_int", &value.Pair{V: ints(1, 5)}, nil},
	{"35_set_int", value.NewSet(ints(4, 9)), nil},
	{"36_dictionary_string_int", func() value.Value {
		d := value.NewDict(value.String, value.Int)
		d.Put(strs(value.String, "a", "b"), 0, ints(1, 2), 0)
		d.Put(strs(value.String, "a", "b"), 1, ints(1, 2), 1)
		return d
	}(), nil},
	{"37_matrix_int_2x2", &value.Matrix{V: ints(1, 2, 3, 4), Rows: 2, Cols: 2}, nil},
	{"38_array_vector_int", &value.Vector{T: value.Int + value.ArrayOffset, I32: []int32{1, 2, 3}, Offsets: []int64{2, 3}}, nil},
	{"39_table_int_sym_double", sampleTable(), nil},
	{"44_table_cpp_mtw_uncompressed", sampleTable(), &EncodeOptions{Symbols: SymbolBase}},
}

func TestVectorObjects(t *testing.T) {
	for _, tc := range objectVectors {
		t.Run(tc.file, func(t *testing.T) {
			b, got := decodeVector(t, tc.file)
			require.Equal(t, tc.want, plainSymbols(got))

			// Stream decoding gives the same value.
			got2, err := Decode(bytes.NewReader(b))
			require.NoError(t, err)
			require.Equal(t, tc.want, plainSymbols(got2))

			enc, err := Marshal(tc.want, tc.opts)
			require.NoError(t, err)
			require.Equal(t, hex.EncodeToString(b), hex.EncodeToString(enc), "re-encoded bytes")
		})
	}
}

// compressedVectors are the standalone compressed columns 45-48.
var compressedVectors = []struct {
	file   string
	want   *value.Vector
	method Compression
}{
	{"45_lz4_double_column", value.NewDoubles([]float64{10.5, 20.25, 10.5, 20.25, 10.5, 20.25, 10.5, 20.25}), CompressLZ4},
	{"46_lz4_string_column", strs(value.String, "AAPL", "MSFT", "AAPL", "AAPL"), CompressLZ4},
	{"47_delta_int_column", ints(1000, 1001, 1002, 1004, value.NullInt32, 1010), CompressDelta},
	{"48_delta_timestamp_column", &value.Vector{T: value.Timestamp, I64: []int64{1705311000000, 1705311000100, 1705311000200, 1705311000300, 1705311001300}}, CompressDelta},
}

func TestVectorCompressed(t *testing.T) {
	for _, tc := range compressedVectors {
		t.Run(tc.file, func(t *testing.T) {
			b, got := decodeVector(t, tc.file)
			require.Equal(t, tc.want, got)

			var buf bytes.Buffer
			w := NewWriter(&buf, nil)
			w.writeCompressed(tc.want, tc.method)
			require.NoError(t, w.Flush())
			require.Equal(t, hex.EncodeToString(b), hex.EncodeToString(buf.Bytes()))
		})
	}
}

func TestVectorCompressedTable(t *testing.T) {
	b, got := decodeVector(t, "49_compressed_table_cpp_mtw")
	// Vector 49 holds different data from vectors 39/44 (no NULLs).
	want := value.NewTable([]string{"id", "sym", "price"}, []*value.Vector{
		ints(1, 2, 3),
		strs(value.Symbol, "AAPL", "MSFT", "AAPL"),
		value.NewDoubles([]float64{10.5, 20.25, 10.5}),
	})
	require.Equal(t, contents(want), contents(plainSymbols(got)))

	var buf bytes.Buffer
	err := EncodeTable(&buf, want, []Compression{CompressDelta, CompressLZ4, CompressLZ4}, &EncodeOptions{Symbols: SymbolBase})
	require.NoError(t, err)
	require.Equal(t, hex.EncodeToString(b), hex.EncodeToString(buf.Bytes()))
}

var requestVectors = []struct {
	file string
	want *Request
}{
	{"01_connect_request_go", &Request{API: "API2", HasOptions: true, Options: goOpts(), Kind: KindConnect, Command: "connect"}},
	{"02_connect_request_cpp", &Request{API: "API", SessionID: "0", HasOptions: true,
		Options: Options{Flags: FlagAPIClient, Cancellable: true, Priority: 4, Parallelism: 2, Fields: 4}, Kind: KindConnect, Command: "connect"}},
	{"04_login_request_go", &Request{API: "API2", HasOptions: true, Options: goOpts(), Kind: KindScript, Command: "script", Script: "login('admin','123456')"}},
	{"06_login_request_cpp_function", &Request{API: "API2", SessionID: sid, HasOptions: true,
		Options: Options{Flags: FlagAPIClient, Cancellable: true, Priority: 4, Parallelism: 64, Fields: 6},
		Kind:    KindFunction, Command: "function", Function: "login",
		Args: []value.Value{value.NewString("admin"), value.NewString("123456"), value.NewBool(false)}}},
	{"07_script_request_1plus1", &Request{API: "API2", HasOptions: true, Options: goOpts(), Kind: KindScript, Command: "script", Script: "1+1"}},
	{"09_function_request_add_two_int_args", &Request{API: "API2", SessionID: sid, HasOptions: true, Options: goOpts(),
		Kind: KindFunction, Command: "function", Function: "add", TrailingLF: true, Args: []value.Value{value.NewInt(7), value.NewInt(7)}}},
	{"10_variable_request_upload_x", &Request{API: "API2", SessionID: sid, Options: DefaultOptions(),
		Kind: KindVariable, Command: "variable", Names: []string{"x"}, Args: []value.Value{value.NewInt(7)}}},
	{"40_tableInsert_request_go_mtw", &Request{API: "API2", SessionID: sid, HasOptions: true, Options: goOpts(),
		Kind: KindFunction, Command: "function", Function: `tableInsert{"t1"}`, TrailingLF: true, Args: []value.Value{sampleTable()}}},
	{"42_schema_request_go", &Request{API: "API2", HasOptions: true, Options: goOpts(), Kind: KindScript, Command: "script", Script: "schema(t1)"}},
	{"50_js_connect_with_login", &Request{API: "API2", SessionID: "0", HasOptions: true, Options: goOpts(),
		Kind: KindConnect, Command: "connect", User: "admin", Password: "123456"}},
}

func TestVectorRequests(t *testing.T) {
	for _, tc := range requestVectors {
		t.Run(tc.file, func(t *testing.T) {
			b := loadVector(t, tc.file)
			got, err := NewBytesReader(b).ReadRequest()
			require.NoError(t, err)
			require.Equal(t, tc.want, got)

			// Stream reader: same request, then a clean EOF.
			r := NewReader(bytes.NewReader(b))
			got2, err := r.ReadRequest()
			require.NoError(t, err)
			require.Equal(t, tc.want, got2)
			_, err = r.ReadRequest()
			require.ErrorIs(t, err, io_EOF)

			var buf bytes.Buffer
			require.NoError(t, WriteRequest(&buf, tc.want, nil))
			require.Equal(t, string(b), buf.String())
		})
	}
}

var responseVectors = []struct {
	file string
	want value.Value // nil: no object
	err  string      // server error text
}{
	{"03_connect_response", nil, ""},
	{"05_login_response_bool_true", value.NewBool(true), ""},
	{"08_script_response_int_2", value.NewInt(2), ""},
	{"11_error_response", nil, "Syntax Error: [line #1] Cannot recognize the token nosuchfunc"},
	{"41_tableInsert_response_int_3", value.NewInt(3), ""},
	{"43_schema_response_minimal", func() value.Value {
		colDefs := value.NewTable([]string{"name", "typeString", "typeInt", "extra", "comment"}, []*value.Vector{
			strs(value.String, "id", "sym", "price"),
			strs(value.String, "INT", "SYMBOL", "DOUBLE"),
			ints(4, 17, 16),
			ints(value.NullInt32, value.NullInt32, value.NullInt32),
			strs(value.String, "", "", ""),
		})
		d := value.NewDict(value.String, value.Any)
		d.Put(strs(value.String, "colDefs"), 0, value.NewTuple([]value.Value{colDefs}), 0)
		return d
	}(), ""},
}

func TestVectorResponses(t *testing.T) {
	for _, tc := range responseVectors {
		t.Run(tc.file, func(t *testing.T) {
			b := loadVector(t, tc.file)
			for _, r := range []*Reader{NewBytesReader(b), NewReader(bufio.NewReader(bytes.NewReader(b)))} {
				resp, err := r.ReadResponse()
				if tc.err != "" {
					var se *ServerError
					require.ErrorAs(t, err, &se)
					require.Equal(t, tc.err, se.Msg)
					require.Equal(t, sid, se.SessionID)
				} else {
					require.NoError(t, err)
					require.Equal(t, sid, resp.SessionID)
					require.Equal(t, tc.want, resp.Value)
				}
				_, err = r.ReadResponse()
				require.ErrorIs(t, err, io_EOF)
			}

			var buf bytes.Buffer
			if tc.err != "" {
				require.NoError(t, WriteError(&buf, sid, tc.err))
			} else {
				require.NoError(t, WriteResponse(&buf, sid, tc.want, nil))
			}
			require.Equal(t, hex.EncodeToString(b), hex.EncodeToString(buf.Bytes()))
		})
	}
}

// TestVectorFilesCovered makes sure every vector file is exercised.
func TestVectorFilesCovered(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range objectVectors {
		seen[tc.file] = true
	}
	for _, tc := range compressedVectors {
		seen[tc.file] = true
	}
	for _, tc := range requestVectors {
		seen[tc.file] = true
	}
	for _, tc := range responseVectors {
		seen[tc.file] = true
	}
	seen["49_compressed_table_cpp_mtw"] = true
	files, err := filepath.Glob(filepath.Join("testdata", "vectors", "*.hex"))
	require.NoError(t, err)
	require.Len(t, files, 50)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".hex")
		require.True(t, seen[name], "vector %s not tested", name)
	}
}
