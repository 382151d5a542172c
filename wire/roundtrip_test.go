package wire

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/tensor"
	"github.com/stretchr/testify/require"
)

func f64bits(f float64) [16]byte {
	var b [16]byte
	binaryPutF64(b[:8], f)
	return b
}

// scalarCases lists a value and a NULL of every scalar type, in the
// canonical form the decoder produces.
func scalarCases() []*value.Scalar {
	dec128 := value.Decimal128Bytes(big.NewInt(-123456789012345))
	return []*value.Scalar{
		value.NullScalar(value.Void),
		value.NewBool(true), value.NewBool(false), value.NewTyped(value.Bool, int64(value.NullInt8)),
		value.NewTyped(value.Char, 'a'), value.NewTyped(value.Char, int64(value.NullInt8)),
		value.NewTyped(value.Short, -300), value.NewTyped(value.Short, int64(value.NullInt16)),
		value.NewInt(-7), value.NewInt(value.NullInt32),
		value.NewLong(1 << 40), value.NewLong(value.NullInt64),
		value.NewTyped(value.Date, 19737), value.NewTyped(value.Month, 2024*12), value.NewTyped(value.Time, 3600000),
		value.NewTyped(value.Minute, 600), value.NewTyped(value.Second, 86399), value.NewTyped(value.DateTime, 1705311000),
		value.NewTyped(value.Timestamp, 1705311000123), value.NewTyped(value.NanoTime, 1), value.NewTyped(value.NanoTimestamp, -5),
		value.NewTyped(value.DateHour, 473000), value.NewTyped(value.DateMinute, 28000000),
		value.NewTyped(value.DateTime, int64(value.NullInt32)), value.NewTyped(value.NanoTimestamp, value.NullInt64),
		{T: value.Float, F: 1.5}, {T: value.Float, F: float64(value.NullFloat32), Null: true},
		value.NewDouble(-2.25), value.NewDouble(value.NullFloat64),
		{T: value.Symbol, S: "IBM"}, {T: value.Symbol, Null: true},
		value.NewString("héllo wörld"), value.NewString(""),
		{T: value.Blob, S: "\x00\x01\xff binary"}, {T: value.Blob, Null: true},
		{T: value.UUID, B: [16]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}}, {T: value.UUID, Null: true},
		{T: value.IPAddr, B: [16]byte{13, 1, 168, 192}}, {T: value.IPAddr, Null: true},
		{T: value.Int128, B: [16]byte{0: 0xff, 15: 0x7f}}, {T: value.Int128, Null: true},
		{T: value.Decimal32, Scale: 2, I: 314}, {T: value.Decimal32, Scale: 3, I: int64(value.NullInt32), Null: true},
		{T: value.Decimal64, Scale: 4, I: -15000}, {T: value.Decimal64, Scale: 0, I: value.NullInt64, Null: true},
		{T: value.Decimal128, Scale: 10, B: dec128}, {T: value.Decimal128, Scale: 5, B: nullDecimal128, Null: true},
		{T: value.Complex, F: 1.5, B: f64bits(-2)}, {T: value.Complex, F: value.NullFloat64, B: f64bits(value.NullFloat64), Null: true},
		{T: value.Point, F: 3, B: f64bits(4)},
		{T: value.Duration, I: 5, Scale: 2}, {T: value.Duration, I: int64(value.NullInt32), Scale: 6, Null: true},
		// a trading calendar's unit travels as its name packed in the unit int
		{T: value.Duration, I: 3, Scale: -1, S: "XNYS"},
		{T: value.FunctionDef, I: 0, S: "def f(x){return x+1}"},
		{T: value.Handle, S: "h"}, {T: value.Code, S: "1+1"},
	}
}

// vectorCases lists vectors of every element type, with NULLs.
func vectorCases() []*value.Vector {
	return []*value.Vector{
		{T: value.Void, I8: []int8{value.NullInt8, value.NullInt8}},
		{T: value.Bool, I8: []int8{1, 0, value.NullInt8}},
		{T: value.Char, I8: []int8{'a', value.NullInt8}},
		{T: value.Short, I16: []int16{1, value.NullInt16, -1}},
		ints(1, value.NullInt32, 3),
		value.NewLongs([]int64{math.MaxInt64, value.NullInt64}),
		{T: value.Date, I32: []int32{1, 19737}},
		{T: value.Month, I32: []int32{24288}},
		{T: value.Time, I32: []int32{0, value.NullInt32}},
		{T: value.Minute, I32: []int32{1}}, {T: value.Second, I32: []int32{2}}, {T: value.DateTime, I32: []int32{3}},
		{T: value.Timestamp, I64: []int64{1705311000123, value.NullInt64}},
		{T: value.NanoTime, I64: []int64{5}}, {T: value.NanoTimestamp, I64: []int64{6}},
		{T: value.DateHour, I32: []int32{7}}, {T: value.DateMinute, I32: []int32{8}},
		{T: value.Float, F32: []float32{1.5, value.NullFloat32}},
		value.NewDoubles([]float64{math.Pi, value.NullFloat64, -0.5}),
		strs(value.Symbol, "A", "", "B", "A"),
		strs(value.Symbol),
		strs(value.String, "x", "", "yz"),
		strs(value.Blob, "a\x00b", "", "c"),
		{T: value.UUID, B16: [][16]byte{{1}, {}}},
		{T: value.IPAddr, B16: [][16]byte{{2, 3}}},
		{T: value.Int128, B16: [][16]byte{{4}}},
		{T: value.Decimal32, Scale: 2, I32: []int32{314, value.NullInt32}},
		{T: value.Decimal64, Scale: 4, I64: []int64{-15000}},
		{T: value.Decimal128, Scale: 6, B16: [][16]byte{value.Decimal128Bytes(big.NewInt(42)), nullDecimal128}},
		{T: value.Complex, F64: []float64{1, 2, value.NullFloat64, value.NullFloat64}},
		{T: value.Point, F64: []float64{3, 4}},
		{T: value.FunctionDef, Str: []string{"f"}},
		value.NewTuple([]value.Value{value.NewInt(1), value.NewString("x"), ints(1, 2),
			value.NewTuple([]value.Value{strs(value.Symbol, "S"), value.NullScalar(value.Void)})}),
		value.NewTuple([]value.Value{}),
		{T: value.Int + value.ArrayOffset, I32: []int32{1, 2, 3}, Offsets: []int64{2, 2, 3}},
		{T: value.Double + value.ArrayOffset, F64: []float64{1.5, value.NullFloat64}, Offsets: []int64{0, 2}},
		{T: value.Decimal64 + value.ArrayOffset, Scale: 3, I64: []int64{1, 2}, Offsets: []int64{1, 2}},
		{T: value.String + value.ArrayOffset, Str: []string{"a", "b"}, Offsets: []int64{2}},
		{T: value.UUID + value.ArrayOffset, B16: [][16]byte{{9}}, Offsets: []int64{1}},
		{T: value.Int + value.ArrayOffset, I32: []int32{}, Offsets: []int64{}},
	}
}

func allTypesTable() *value.Table {
	var names []string
	var cols []*value.Vector
	for i, v := range vectorCases() {
		if v.T == value.Void || v.T == value.FunctionDef {
			continue
		}
		names = append(names, fmt.Sprintf("c%d", i))
		cols = append(cols, v)
	}
	// Give every column 3 rows.
	for i, c := range cols {
		for c.Len() < 3 {
			if c.T == value.Any {
				c.Any = append(c.Any, value.NewInt(int32(i)))
				continue
			}
			c.AppendNull()
		}
		for c.Len() > 3 {
			c.Truncate(3)
		}
	}
	return value.NewTable(names, cols)
}

// objectCases lists objects of every form.
func objectCases() []value.Value {
	var out []value.Value
	for _, s := range scalarCases() {
		out = append(out, s)
	}
	for _, v := range vectorCases() {
		out = append(out, v)
	}
	d := value.NewDict(value.String, value.Any)
	keys := strs(value.String, "a", "b", "c")
	vals := value.NewTuple([]value.Value{value.NewInt(1), strs(value.Symbol, "x", "y"), sampleTable()})
	for i := 0; i < 3; i++ {
		d.Put(keys, i, vals, i)
	}
	d2 := value.NewDict(value.Int, value.Decimal32)
	d2.Vals.Scale = 2
	d2.Put(ints(1), 0, &value.Vector{T: value.Decimal32, Scale: 2, I32: []int32{150}}, 0)
	out = append(out,
		&value.Pair{V: ints(1, 5)},
		&value.Pair{V: strs(value.Symbol, "a", "b")},
		&value.Pair{V: &value.Vector{T: value.Decimal64, Scale: 2, I64: []int64{1, 2}}},
		&value.Matrix{V: value.NewDoubles([]float64{1, 2, 3, 4, 5, 6}), Rows: 2, Cols: 3},
		&value.Matrix{V: ints(1, 2, 3, 4), Rows: 2, Cols: 2, RowLabels: strs(value.Symbol, "r1", "r2"), ColLabels: &value.Vector{T: value.Date, I32: []int32{1, 2}}},
		&value.Matrix{V: ints(1, 2), Rows: 1, Cols: 2, ColLabels: strs(value.String, "a", "b")},
		&value.Matrix{V: &value.Vector{T: value.Decimal32, Scale: 1, I32: []int32{5}}, Rows: 1, Cols: 1},
		value.NewSet(ints(4, 9, 4)),
		value.NewSet(strs(value.Symbol, "x", "y")),
		d, d2,
		sampleTable(),
		value.NewTable([]string{}, []*value.Vector{}),
		value.NewTable([]string{"a"}, []*value.Vector{ints()}),
		allTypesTable(),
		value.NewTuple([]value.Value{sampleTable(), sampleTable(), d}),
	)
	return out
}

func roundTrip(t *testing.T, v value.Value, opts EncodeOptions) {
	t.Helper()
	b, err := Marshal(v, &opts)
	require.NoError(t, err)

	decodeBoth(t, b, opts.BigEndian, v, &opts)
}

func TestRoundTripAllForms(t *testing.T) {
	for _, mode := range []SymbolMode{SymbolPlain, SymbolBase, SymbolSharedBase} {
		for _, big := range []bool{false, true} {
			for i, v := range objectCases() {
				name := fmt.Sprintf("mode%d/big=%v/%d_%s_%s", mode, big, i, v.Form(), v.Type())
				t.Run(name, func(t *testing.T) {
					roundTrip(t, v, EncodeOptions{Symbols: mode, BigEndian: big})
				})
			}
		}
	}
}

func TestSymbolModes(t *testing.T) {
	tbl := value.NewTable([]string{"a", "b", "c"}, []*value.Vector{
		strs(value.Symbol, "X", "Y"), strs(value.Symbol, "Y", "Z"), strs(value.Symbol, "", ""),
	})
	plain, err := Marshal(tbl, nil)
	require.NoError(t, err)
	require.Equal(t, 0, bytes.Count(plain, []byte{0x91, 0x01}))

	perVec, err := Marshal(tbl, &EncodeOptions{Symbols: SymbolBase})
	require.NoError(t, err)
	require.Equal(t, 3, bytes.Count(perVec, []byte{0x91, 0x01}))
	// ids 0, 1, 2
	for id := byte(0); id < 3; id++ {
		require.True(t, bytes.Contains(perVec, []byte{0x91, 0x01, 2, 0, 0, 0, 1, 0, 0, 0, id, 0, 0, 0}))
	}

	shared, err := Marshal(tbl, &EncodeOptions{Symbols: SymbolSharedBase})
	require.NoError(t, err)
	require.Less(t, len(shared), len(perVec))
	// the second and third columns reuse id 0 with size 0
	require.Equal(t, 2, bytes.Count(shared, []byte{0x91, 0x01, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
	got, _, err := DecodeBytes(shared)
	require.NoError(t, err)
	require.Equal(t, tbl, plainSymbols(got))
}

// Coded SYMBOL vectors (sharing a base that holds symbols they don't use)
// encode to the same bytes as the same texts held as strings.
func TestCodedSymbolsEncodeAsTexts(t *testing.T) {
	all := value.NewSymbols([]string{"Q", "X", "Y", "Z", ""})
	x := all.Gather([]int{1, 2, 1, 4})
	y := all.Gather([]int{2, 3, 3, 1})
	plain := func(v *value.Vector) *value.Vector { return value.NewStrings(value.Symbol, v.Strings()) }
	// as a dfs:// chunk reads: stored ids over the chunk's whole base
	stored := &value.Vector{T: value.Symbol, I32: []int32{3, 0, 1, 3}, Syms: value.NewSymbolBaseOf([]string{"", "B", "A", "C"})}
	for _, mode := range []SymbolMode{SymbolPlain, SymbolBase, SymbolSharedBase} {
		opts := &EncodeOptions{Symbols: mode}
		for _, pair := range [][2]value.Value{
			{x, plain(x)},
			{stored, plain(stored)},
			{value.NewTable([]string{"a", "s"}, []*value.Vector{x, stored}), value.NewTable([]string{"a", "s"}, []*value.Vector{plain(x), plain(stored)})},
			{value.NewTable([]string{"a", "b"}, []*value.Vector{x, y}), value.NewTable([]string{"a", "b"}, []*value.Vector{plain(x), plain(y)})},
		} {
			got, err := Marshal(pair[0], opts)
			require.NoError(t, err)
			want, err := Marshal(pair[1], opts)
			require.NoError(t, err)
			require.Equal(t, want, got, "mode %d", mode)
		}
	}
}

// TestSymbolBaseReplace: an id resent with strings replaces the base
// (C++ semantics; Go would reject it).
func TestSymbolBaseReplace(t *testing.T) {
	b := parseHex(t, `00 06 01000000 02000000 00 6100 6200
		91 01 01000000 01000000 07000000 02000000 00 4100 01000000
		91 01 01000000 01000000 07000000 02000000 00 4200 01000000`)
	got, _, err := DecodeBytes(b)
	require.NoError(t, err)
	require.Equal(t, value.NewTable([]string{"a", "b"}, []*value.Vector{strs(value.Symbol, "A"), strs(value.Symbol, "B")}), plainSymbols(got))

	// reuse of an unknown id with size 0: only index 0 (NULL) is valid
	b = parseHex(t, `91 01 01000000 01000000 05000000 00000000 00000000`)
	got, _, err = DecodeBytes(b)
	require.NoError(t, err)
	require.Equal(t, strs(value.Symbol, ""), plainSymbols(got))
	b = parseHex(t, `91 01 01000000 01000000 05000000 00000000 01000000`)
	_, _, err = DecodeBytes(b)
	require.ErrorIs(t, err, ErrMalformed)
}

// TestArrayVectorGoLayout decodes the Go API layout: one block per row.
func TestArrayVectorGoLayout(t *testing.T) {
	b := parseHex(t, `44 01 02000000 02000000
		0100 01 00 02 01000000 02000000
		0100 01 00 01 03000000`)
	got, _, err := DecodeBytes(b)
	require.NoError(t, err)
	require.Equal(t, &value.Vector{T: value.Int + value.ArrayOffset, I32: []int32{1, 2, 3}, Offsets: []int64{2, 3}}, got)
}

func TestArrayVectorWideCounts(t *testing.T) {
	for _, c := range []struct{ rows, rowLen int }{{70000, 0}, {70000, 1}, {300, 255}, {300, 256}, {3, 70000}} {
		rows, rowLen := c.rows, c.rowLen
		v := &value.Vector{T: value.Short + value.ArrayOffset, I16: []int16{}}
		for r := 0; r < rows; r++ {
			for k := 0; k < rowLen; k++ {
				v.I16 = append(v.I16, int16(r+k))
			}
			v.Offsets = append(v.Offsets, int64(len(v.I16)))
		}
		b, err := Marshal(v, nil)
		require.NoError(t, err)
		got, _, err := DecodeBytes(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
		want := byte(1)
		if rowLen > 65535 {
			want = 4
		} else if rowLen > 255 {
			want = 2
		}
		require.Equal(t, want, b[2+8+2], "count width")
	}
}

func compressedRoundTrip(t *testing.T, tbl *value.Table, methods []Compression, opts EncodeOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, EncodeTable(&buf, tbl, methods, &opts))
	b := buf.Bytes()
	decodeBoth(t, b, opts.BigEndian, tbl, nil)
	return b
}

// decodeBoth decodes b with a bytes reader (which must consume all of it)
// and with a stream reader and requires both to give want (SYMBOL columns
// compared as texts); with reencode, the bytes reader's value, as decoded,
// must encode to b again.
func decodeBoth(t *testing.T, b []byte, big bool, want value.Value, reencode *EncodeOptions) {
	t.Helper()
	r := NewBytesReader(b)
	r.SetBigEndian(big)
	got, err := r.ReadObject()
	require.NoError(t, err)
	require.Equal(t, len(b), r.Offset())
	if reencode != nil {
		b2, err := Marshal(got, reencode)
		require.NoError(t, err)
		require.Equal(t, b, b2, "re-encoding the decoded value")
	}
	require.Equal(t, contents(want), contents(plainSymbols(got)))
	sr := NewReader(bytes.NewReader(b))
	sr.SetBigEndian(big)
	got, err = sr.ReadObject()
	require.NoError(t, err)
	require.Equal(t, contents(want), contents(plainSymbols(got)))
}

// contents is what a decoded v must equal: a set's or dictionary's
// elements in order, not the state of its key index, which depends on
// how the set was built (a set made from 4 9 4 is sized for three keys,
// its decoded copy for two).
func contents(v value.Value) any {
	switch x := v.(type) {
	case *value.Set:
		return []any{"set", x.V}
	case *value.Dict:
		return []any{"dict", x.Keys, x.Vals, x.Ordered}
	}
	return v
}

func TestCompressedAllTypes(t *testing.T) {
	tbl := allTypesTable()
	for _, big := range []bool{false, true} {
		methods := make([]Compression, len(tbl.Cols))
		for i := range methods {
			methods[i] = CompressLZ4
		}
		b := compressedRoundTrip(t, tbl, methods, EncodeOptions{BigEndian: big})
		require.Equal(t, byte(8), b[0])
		for i, c := range tbl.Cols {
			methods[i] = CompressNone
			switch c.T.Storage() {
			case value.StInt16, value.StInt32, value.StInt64:
				if !c.T.IsArray() {
					methods[i] = CompressDelta
				}
			}
		}
		compressedRoundTrip(t, tbl, methods, EncodeOptions{BigEndian: big, Symbols: SymbolBase})
	}
}

// xorshift is a reproducible pseudo-random sequence for test data.
func xorshift(seed uint64) func() uint64 {
	return func() uint64 {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return seed
	}
}

func TestCompressedLargeColumns(t *testing.T) {
	const n = 100_000
	i16 := make([]int16, n)
	i32 := make([]int32, n)
	i64 := make([]int64, n)
	ts := make([]int64, n)
	f64 := make([]float64, n)
	s := make([]string, n)
	blob := make([]string, n/100)
	rnd := xorshift(1)
	for i := 0; i < n; i++ {
		i16[i] = int16(rnd())
		i32[i] = int32(i*3 + int(rnd()%5))
		i64[i] = int64(rnd()) // full-width deltas: 64-bit dod codes
		ts[i] = 1705311000000 + int64(i)*1000 + int64(rnd()%3)
		f64[i] = float64(rnd()%1000) / 8
		s[i] = fmt.Sprintf("s%d", rnd()%5000)
		if rnd()%10 == 0 {
			i16[i], i32[i], i64[i], ts[i], f64[i], s[i] = value.NullInt16, value.NullInt32, value.NullInt64, value.NullInt64, value.NullFloat64, ""
		}
	}
	for i := range blob {
		blob[i] = strings.Repeat(string(rune('a'+i%26)), int(rnd()%3000))
	}
	blob[7] = strings.Repeat("x", 150_000) // spans three blocks
	tbl := value.NewTable(
		[]string{"i16", "i32", "i64", "ts", "f64", "s", "sym"},
		[]*value.Vector{
			{T: value.Short, I16: i16}, ints(i32...), value.NewLongs(i64), {T: value.Timestamp, I64: ts},
			value.NewDoubles(f64), strs(value.String, s...), strs(value.Symbol, s...),
		})
	methods := []Compression{CompressDelta, CompressDelta, CompressDelta, CompressDelta, CompressLZ4, CompressLZ4, CompressLZ4}
	compressedRoundTrip(t, tbl, methods, EncodeOptions{Symbols: SymbolBase})
	for i := range methods {
		methods[i] = CompressLZ4
	}
	compressedRoundTrip(t, tbl, methods, EncodeOptions{})

	btbl := value.NewTable([]string{"b", "s"}, []*value.Vector{strs(value.Blob, blob...), strs(value.String, blob...)})
	compressedRoundTrip(t, btbl, []Compression{CompressLZ4, CompressLZ4}, EncodeOptions{})
}

func TestDeltaEdgeCases(t *testing.T) {
	N := value.NullInt32
	cases := [][]int32{
		{N}, {N, N, N}, {5}, {N, 5}, {5, N}, {N, 5, N}, {5, 6}, {N, 5, N, N, 6, N, 7},
		{0, math.MaxInt32, math.MinInt32 + 1, 0, math.MaxInt32, math.MinInt32 + 1},
		{0, 1 << 30, -(1 << 30), 1 << 30},
	}
	// a block whose bit count is an exact multiple of 64 (extra zero word)
	for k := 0; k < 70; k++ {
		c := []int32{1, 2}
		for j := 0; j < k; j++ {
			c = append(c, int32(3+j))
		}
		cases = append(cases, c)
	}
	for _, c := range cases {
		v := ints(c...)
		tbl := value.NewTable([]string{"x"}, []*value.Vector{v})
		b := compressedRoundTrip(t, tbl, []Compression{CompressDelta}, EncodeOptions{})
		require.Equal(t, byte(CompressDelta), b[2+8+1+2+2+11], "method byte for %v", c)
	}
	// first delta not representable in 32 bits: falls back to LZ4
	tbl := value.NewTable([]string{"x"}, []*value.Vector{ints(-2_000_000_000, 2_000_000_000)})
	b := compressedRoundTrip(t, tbl, []Compression{CompressDelta}, EncodeOptions{})
	require.Equal(t, byte(CompressLZ4), b[2+8+1+2+2+11])
	// int64 overflow: falls back to LZ4
	tbl = value.NewTable([]string{"x"}, []*value.Vector{value.NewLongs([]int64{math.MinInt64 + 1, math.MaxInt64, 0})})
	b = compressedRoundTrip(t, tbl, []Compression{CompressDelta}, EncodeOptions{})
	require.Equal(t, byte(CompressLZ4), b[2+8+1+2+2+11])
	// DELTA of DOUBLE is refused
	err := EncodeTable(&bytes.Buffer{}, value.NewTable([]string{"d"}, []*value.Vector{value.NewDoubles([]float64{1})}), []Compression{CompressDelta}, nil)
	require.ErrorIs(t, err, ErrUnsupported)
}

func TestProgressiveStreamColumn(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates ~100 MB")
	}
	n := 20*initialAlloc/8 + 12345
	v := make([]int64, n)
	for i := range v {
		v[i] = int64(i) * 7
	}
	b, err := Marshal(value.NewLongs(v), nil)
	require.NoError(t, err)
	got, err := Decode(bytes.NewReader(b))
	require.NoError(t, err)
	require.Equal(t, value.NewLongs(v), got)
}

func TestEncodeErrors(t *testing.T) {
	_, err := Marshal(strs(value.String, "a\x00b"), nil)
	require.ErrorIs(t, err, errNUL)
	_, err = Marshal(strs(value.Symbol, "a\x00b"), &EncodeOptions{Symbols: SymbolBase})
	require.ErrorIs(t, err, errNUL)
	_, err = Marshal(value.NewTable([]string{"a", "b"}, []*value.Vector{ints(1), ints(1, 2)}), nil)
	require.ErrorIs(t, err, ErrMalformed)
	cyc := value.NewTuple([]value.Value{nil})
	cyc.Any[0] = cyc
	_, err = Marshal(cyc, nil)
	require.ErrorIs(t, err, ErrLimit)
	_, err = Marshal(&value.Matrix{V: ints(1, 2, 3), Rows: 2, Cols: 2}, nil)
	require.ErrorIs(t, err, ErrMalformed)
}

func TestTableNames(t *testing.T) {
	tbl := sampleTable()
	b, err := Marshal(tbl, &EncodeOptions{TableName: func(*value.Table) string { return "trades" }})
	require.NoError(t, err)
	require.Equal(t, []byte("trades\x00id\x00"), b[10:20])
	r := NewBytesReader(b)
	var name string
	r.TableName = func(_ *value.Table, n string) { name = n }
	_, err = r.ReadObject()
	require.NoError(t, err)
	require.Equal(t, "trades", name)
}

// A dictionary's SYMBOL keys and values travel as STRING, as DolphinDB
// sends them; SYMBOL vectors inside its ANY values keep their type.
func TestDictSymbolsGoAsStrings(t *testing.T) {
	for _, mode := range []SymbolMode{SymbolPlain, SymbolBase} {
		d := value.NewDict(value.Symbol, value.Symbol)
		d.Put(&value.Vector{T: value.Symbol, Str: []string{"a", "b"}}, 0, &value.Vector{T: value.Symbol, Str: []string{"x", "y"}}, 0)
		d.Put(&value.Vector{T: value.Symbol, Str: []string{"a", "b"}}, 1, &value.Vector{T: value.Symbol, Str: []string{"x", "y"}}, 1)
		b, err := Marshal(d, &EncodeOptions{Symbols: mode})
		require.NoError(t, err)
		require.Equal(t, []byte{byte(value.String), byte(value.FormDictionary)}, b[:2])
		require.Equal(t, []byte{byte(value.String), byte(value.FormVector)}, b[2:4])
		got, err := NewBytesReader(b).ReadObject()
		require.NoError(t, err)
		gd := got.(*value.Dict)
		require.Equal(t, value.String, gd.Keys.T)
		require.Equal(t, value.String, gd.Vals.T)
		require.ElementsMatch(t, []string{"a", "b"}, gd.Keys.Str)

		any := value.NewDict(value.String, value.Any)
		any.Put(&value.Vector{T: value.String, Str: []string{"k"}}, 0, value.NewTuple([]value.Value{&value.Vector{T: value.Symbol, Str: []string{"s"}}}), 0)
		b, err = Marshal(any, &EncodeOptions{Symbols: mode})
		require.NoError(t, err)
		got, err = NewBytesReader(b).ReadObject()
		require.NoError(t, err)
		require.Equal(t, value.Symbol, got.(*value.Dict).Vals.Any[0].Type())
	}
}

// TestDurationCalendarBytes checks a trading calendar's DURATION against
// the Java API's layout (BasicDuration): the count, then the calendar's
// four letters as one big-endian int where a unit code would be.
func TestDurationCalendarBytes(t *testing.T) {
	b, err := Marshal(&value.Scalar{T: value.Duration, I: 3, Scale: -1, S: "XNYS"}, nil)
	require.NoError(t, err)
	require.Equal(t, []byte{3, 0, 0, 0, 'S', 'Y', 'N', 'X'}, b[len(b)-8:])
}

// TestDurationVectorBytes checks DURATION vectors and pairs against the
// Java API's layout (BasicDurationVector): each element's count, then its
// unit; elements of several units decode to a tuple of them.
func TestDurationVectorBytes(t *testing.T) {
	v := &value.Vector{T: value.Duration, I64: []int64{-60, value.NullInt64}, Scale: 3} // s
	b, err := Marshal(v, nil)
	require.NoError(t, err)
	require.Equal(t, []byte{0xc4, 0xff, 0xff, 0xff, 3, 0, 0, 0, 0, 0, 0, 0x80, 3, 0, 0, 0}, b[len(b)-16:])
	for _, got := range decodeAllWays(t, b) {
		require.Equal(t, "[-60s,]", got.(*value.Vector).String())
	}
	p := &value.Pair{V: &value.Vector{T: value.Duration, I64: []int64{-5, 0}, Scale: 4}} // m
	b, err = Marshal(p, nil)
	require.NoError(t, err)
	for _, got := range decodeAllWays(t, b) {
		require.Equal(t, "-5m:0m", got.String())
	}
	b[len(b)-4] = 3 // the second element in seconds: each keeps its unit
	for _, got := range decodeAllWays(t, b) {
		require.Equal(t, "-5m:0s", got.String())
	}
	// trading-calendar elements keep their calendar's name, which a
	// vector's one unit code cannot hold
	b = []byte{byte(value.Duration), byte(value.FormVector), 2, 0, 0, 0, 1, 0, 0, 0,
		1, 0, 0, 0, 'S', 'Y', 'N', 'X', 2, 0, 0, 0, 'S', 'Y', 'N', 'X'}
	for _, got := range decodeAllWays(t, b) {
		require.Equal(t, "(1XNYS,2XNYS)", got.String())
	}
}

// A SYMBOL column sent as a symbol base decodes to codes, and columns
// sending the same base share one value.SymbolBase.
func TestSymbolBaseDecodesToCodes(t *testing.T) {
	tbl := value.NewTable([]string{"a", "b"}, []*value.Vector{strs(value.Symbol, "A", "", "B", "A"), strs(value.Symbol, "B", "A", "A", "")})
	for _, mode := range []SymbolMode{SymbolBase, SymbolSharedBase} {
		b, err := Marshal(tbl, &EncodeOptions{Symbols: mode})
		require.NoError(t, err)
		for _, got := range decodeAllWays(t, b) {
			cols := got.(*value.Table).Cols
			for i, c := range cols {
				require.NotNil(t, c.Syms, "mode %d column %d coded", mode, i)
				require.Equal(t, tbl.Cols[i].Str, c.Strings())
			}
			if mode == SymbolSharedBase {
				require.Same(t, cols[0].Syms, cols[1].Syms)
			}
		}
	}
}

// Coded STRING and BLOB vectors encode to the same bytes as their texts
// held as strings, plain or compressed, alone or in a table.
func TestCodedStringsEncodeAsTexts(t *testing.T) {
	all := value.NewStrings(value.String, []string{"Q", "X", "Y", "Z", ""}).Coded()
	x := all.Gather([]int{1, 2, 1, 4, 1})
	blob := value.NewStrings(value.Blob, []string{"b1", "b2", "b1"}).Coded()
	plain := func(v *value.Vector) *value.Vector { return value.NewStrings(v.T, v.Strings()) }
	for _, v := range []*value.Vector{x, blob} {
		for _, big := range []bool{false, true} {
			opts := &EncodeOptions{BigEndian: big}
			for _, pair := range [][2]value.Value{
				{v, plain(v)},
				{value.NewTable([]string{"a"}, []*value.Vector{v}), value.NewTable([]string{"a"}, []*value.Vector{plain(v)})},
			} {
				got, err := Marshal(pair[0], opts)
				require.NoError(t, err)
				want, err := Marshal(pair[1], opts)
				require.NoError(t, err)
				require.Equal(t, want, got, "%s big=%v", v.T, big)
			}
			var got, want bytes.Buffer
			tbl := func(v *value.Vector) *value.Table { return value.NewTable([]string{"a"}, []*value.Vector{v}) }
			require.NoError(t, EncodeTable(&got, tbl(v), []Compression{CompressLZ4}, opts))
			require.NoError(t, EncodeTable(&want, tbl(plain(v)), []Compression{CompressLZ4}, opts))
			require.Equal(t, want.Bytes(), got.Bytes(), "LZ4 %s big=%v", v.T, big)
		}
	}
}

func TestTensorRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   *tensor.Tensor
		hex  string
	}{
		{"int 2x3", &tensor.Tensor{Shape: []int{2, 3}, Data: value.NewInts([]int32{1, 3, 5, 2, 4, 6})},
			"04 0a 00 00 00000000 02000000 0200000000000000 0300000000000000 0300000000000000 0100000000000000" +
				" 0000000000000000 0600000000000000 01000000 03000000 05000000 02000000 04000000 06000000"},
		{"double 1", &tensor.Tensor{Shape: []int{1}, Data: value.NewDoubles([]float64{1.5})},
			"10 0a 00 00 00000000 01000000 0100000000000000 0100000000000000 0000000000000000 0100000000000000 000000000000f83f"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Marshal(tc.in, nil)
			require.NoError(t, err)
			require.Equal(t, parseHex(t, tc.hex), b)
			got, _, err := DecodeBytes(b)
			require.NoError(t, err)
			require.Equal(t, tc.in.String(), got.String())
			require.Equal(t, tc.in.Shape, got.(*tensor.Tensor).Shape)
		})
	}
}
