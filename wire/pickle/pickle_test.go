package pickle

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// The expected streams are spelled out opcode by opcode as Python's
// pickletools.dis would list them; the unpickler the Python API embeds
// (CPython's, protocol <= 4) evaluates them to the objects named in each
// case.

func pkStr(s string) string { return "\x8c" + string(rune(len(s))) + s }

const (
	pkArray      = "cnumpy\narray\n"
	pkFrombuffer = "cnumpy\nfrombuffer\n"
	pkDtype      = "cnumpy\ndtype\n"
)

// pkNumeric is numpy.array(numpy.frombuffer(data, numpy.dtype(code))).
func pkNumeric(code string, data []byte) string {
	n := make([]byte, 4)
	binary.LittleEndian.PutUint32(n, uint32(len(data)))
	return pkArray + pkFrombuffer + "B" + string(n) + string(data) + pkDtype + pkStr(code) + "\x85R" + "\x86R\x85R"
}

// pkObjects is numpy.array([items], numpy.dtype("O")).
func pkObjects(items string) string {
	return pkArray + "](" + items + "e" + pkDtype + pkStr("O") + "\x85R\x86R"
}

// asList wraps one column in the list a table-as-list reply is.
func asList(col string) string { return "\x00\x26\x80\x04](" + col + "e." }

func le64(xs ...int64) []byte {
	var b []byte
	for _, x := range xs {
		b = binary.LittleEndian.AppendUint64(b, uint64(x))
	}
	return b
}

func f64s(xs ...float64) []byte {
	var b []byte
	for _, x := range xs {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	}
	return b
}

func TestPickleColumns(t *testing.T) {
	nan := math.NaN()
	const nat = math.MinInt64
	const day = int64(86400e9)
	for _, tc := range []struct {
		name string
		col  *value.Vector
		want string
	}{
		{"BOOL", &value.Vector{T: value.Bool, I8: []int8{1, 0}}, pkNumeric("?", []byte{1, 0})},
		{"BOOL with NULL is an object array", &value.Vector{T: value.Bool, I8: []int8{1, 0, value.NullInt8}},
			pkObjects("\x88\x89N")},
		{"CHAR", &value.Vector{T: value.Char, I8: []int8{-1, 2}}, pkNumeric("<i1", []byte{0xff, 2})},
		{"CHAR with NULL is float64", &value.Vector{T: value.Char, I8: []int8{1, value.NullInt8}},
			pkNumeric("<f8", f64s(1, nan))},
		{"SHORT", &value.Vector{T: value.Short, I16: []int16{1, -2}}, pkNumeric("<i2", []byte{1, 0, 0xfe, 0xff})},
		{"INT", &value.Vector{T: value.Int, I32: []int32{1, 2}}, pkNumeric("<i4", []byte{1, 0, 0, 0, 2, 0, 0, 0})},
		{"INT with NULL is float64", &value.Vector{T: value.Int, I32: []int32{value.NullInt32, 3}},
			pkNumeric("<f8", f64s(nan, 3))},
		{"LONG", &value.Vector{T: value.Long, I64: []int64{-5}}, pkNumeric("<i8", le64(-5))},
		{"LONG with NULL is float64", &value.Vector{T: value.Long, I64: []int64{value.NullInt64}},
			pkNumeric("<f8", f64s(nan))},
		{"FLOAT NULL is NaN", &value.Vector{T: value.Float, F32: []float32{1.5, value.NullFloat32}},
			pkNumeric("<f4", []byte{0, 0, 0xc0, 0x3f, 0, 0, 0xc0, 0x7f})},
		{"DOUBLE NULL is NaN", &value.Vector{T: value.Double, F64: []float64{2, value.NullFloat64}},
			pkNumeric("<f8", f64s(2, nan))},
		{"STRING", &value.Vector{T: value.String, Str: []string{"ab", ""}}, pkObjects(pkStr("ab") + pkStr(""))},
		{"coded STRING", value.NewStrings(value.String, []string{"ab", ""}).Coded(), pkObjects(pkStr("ab") + pkStr(""))},
		{"SYMBOL texts are memoized", &value.Vector{T: value.Symbol, Str: []string{"x", "y", "x"}},
			pkObjects(pkStr("x") + "q\x00" + pkStr("y") + "q\x01" + "h\x00")},
		{"DATE", &value.Vector{T: value.Date, I32: []int32{1, value.NullInt32}},
			pkNumeric("<M8[ns]", le64(day, nat))},
		{"MONTH counts months, as DolphinDB sends it", &value.Vector{T: value.Month, I32: []int32{1970*12 + 1, value.NullInt32}},
			pkNumeric("<M8[M]", le64(1, nat))},
		{"TIME", &value.Vector{T: value.Time, I32: []int32{1}}, pkNumeric("<M8[ns]", le64(1e6))},
		{"MINUTE", &value.Vector{T: value.Minute, I32: []int32{2}}, pkNumeric("<M8[ns]", le64(120e9))},
		{"SECOND", &value.Vector{T: value.Second, I32: []int32{3}}, pkNumeric("<M8[ns]", le64(3e9))},
		{"DATETIME", &value.Vector{T: value.DateTime, I32: []int32{4}}, pkNumeric("<M8[ns]", le64(4e9))},
		{"DATEHOUR", &value.Vector{T: value.DateHour, I32: []int32{1}}, pkNumeric("<M8[ns]", le64(3600e9))},
		{"TIMESTAMP", &value.Vector{T: value.Timestamp, I64: []int64{5, value.NullInt64}},
			pkNumeric("<M8[ns]", le64(5e6, nat))},
		{"NANOTIME", &value.Vector{T: value.NanoTime, I64: []int64{6}}, pkNumeric("<M8[ns]", le64(6))},
		{"NANOTIMESTAMP", &value.Vector{T: value.NanoTimestamp, I64: []int64{7}}, pkNumeric("<M8[ns]", le64(7))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tbl := value.NewTable([]string{"c"}, []*value.Vector{tc.col})
			require.True(t, Renders(tbl))
			got := AppendTable(nil, tbl, true)
			require.Equal(t, asList(tc.want), string(got))
		})
	}
}

func TestPickleDataFrame(t *testing.T) {
	tbl := value.NewTable([]string{"a", "b"}, []*value.Vector{
		{T: value.Int, I32: []int32{1}},
		{T: value.String, Str: []string{"x"}},
	})
	want := "\x00\x26\x80\x04" + "cpandas\nDataFrame\n" + "}(" +
		pkStr("a") + pkNumeric("<i4", []byte{1, 0, 0, 0}) +
		pkStr("b") + pkObjects(pkStr("x")) +
		"u\x85R."
	require.Equal(t, want, string(AppendTable(nil, tbl, false)))
}

func TestPickleLongTextsAndMemo(t *testing.T) {
	long := string(make([]byte, 300))
	syms := make([]string, 300)
	for i := range syms {
		syms[i] = string(rune('A'+i%26)) + string(rune('a'+i/26))
	}
	col := &value.Vector{T: value.Symbol, Str: append(syms, syms[299])}
	got := string(AppendTable(nil, value.NewTable([]string{"c"}, []*value.Vector{col}), true))
	// the 257th text goes to memo slot 256 (LONG_BINPUT), fetched with LONG_BINGET
	require.Contains(t, got, pkStr(syms[256])+"r\x00\x01\x00\x00")
	require.Contains(t, got, "j\x2b\x01\x00\x00e")
	s := string(AppendTable(nil, value.NewTable([]string{"c"}, []*value.Vector{{T: value.String, Str: []string{long}}}), true))
	require.Contains(t, s, "X\x2c\x01\x00\x00"+long)
}

func TestPickleRefusesWhatItCannotRender(t *testing.T) {
	for _, c := range []*value.Vector{
		{T: value.UUID, B16: [][16]byte{{}}},
		{T: value.Blob, Str: []string{"x"}},
		{T: value.Decimal32, I32: []int32{1}},
		{T: value.String, Str: []string{"\xff"}},
		{T: value.Int + value.ArrayOffset, I32: []int32{1}, Offsets: []int64{1}},
		value.NewTuple([]value.Value{value.NewInt(1)}),
	} {
		require.False(t, Renders(value.NewTable([]string{"c"}, []*value.Vector{c})), c.T.String())
	}
}
