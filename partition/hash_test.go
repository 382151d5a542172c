package partition

import (
	"encoding/hex"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/partition/hashvectors"
	"github.com/porpoisedb/porpoise/value"
)

// date returns the raw DATE value of y.m.d.
func date(y, m, d int) int32 { return int32(value.DaysFromCivil(y, m, d)) }

// parseDate parses "yyyy.mm.dd".
func parseDate(t *testing.T, s string) int64 {
	p := strings.Split(s, ".")
	require.Len(t, p, 3, s)
	y, err1 := strconv.Atoi(p[0])
	m, err2 := strconv.Atoi(p[1])
	d, err3 := strconv.Atoi(p[2])
	require.NoError(t, err1)
	require.NoError(t, err2)
	require.NoError(t, err3)
	return value.DaysFromCivil(y, m, d)
}

// parseTimestamp parses "yyyy.mm.ddThh:mm:ss.mmm".
func parseTimestamp(t *testing.T, s string) int64 {
	ds, ts, ok := strings.Cut(s, "T")
	require.True(t, ok, s)
	days := parseDate(t, ds)
	hms, ms, ok := strings.Cut(ts, ".")
	require.True(t, ok, s)
	p := strings.Split(hms, ":")
	require.Len(t, p, 3)
	var sec int64
	for _, x := range p {
		n, err := strconv.Atoi(x)
		require.NoError(t, err)
		sec = sec*60 + int64(n)
	}
	msn, err := strconv.Atoi(ms)
	require.NoError(t, err)
	return days*86400000 + sec*1000 + int64(msn)
}

// hex128 parses 32 hex digits (dashes ignored), most significant first,
// into Porpoise's little-endian [16]byte.
func hex128(t *testing.T, s string) [16]byte {
	raw, err := hex.DecodeString(strings.ReplaceAll(s, "-", ""))
	require.NoError(t, err)
	require.Len(t, raw, 16)
	var b [16]byte
	for i := range b {
		b[i] = raw[15-i]
	}
	return b
}

func ipv4(t *testing.T, s string) [16]byte {
	p := strings.Split(s, ".")
	require.Len(t, p, 4)
	var b [16]byte
	for i, x := range p {
		n, err := strconv.Atoi(x)
		require.NoError(t, err)
		b[3-i] = byte(n)
	}
	return b
}

// tsvVector builds a one-element vector of the TSV's type and literal.
func tsvVector(t *testing.T, typ, lit string) *value.Vector {
	ty, ok := value.TypeByName(typ)
	require.True(t, ok, typ)
	if lit == "NULL" {
		return value.NewNullVector(ty, 1)
	}
	v := value.NewVector(ty, 0, 1)
	switch ty {
	case value.Int, value.Long, value.Short, value.Char:
		n, err := strconv.ParseInt(lit, 10, 64)
		require.NoError(t, err)
		v.AppendScalar(value.NewTyped(ty, n))
	case value.Date:
		v.AppendScalar(value.NewTyped(ty, parseDate(t, lit)))
	case value.Timestamp:
		v.AppendScalar(value.NewTyped(ty, parseTimestamp(t, lit)))
	case value.String, value.Symbol:
		v.Str = append(v.Str, lit)
	case value.UUID, value.Int128:
		v.B16 = append(v.B16, hex128(t, lit))
	case value.IPAddr:
		v.B16 = append(v.B16, ipv4(t, lit))
	default:
		t.Fatalf("unhandled type %s", typ)
	}
	return v
}

// TestHashBucketVectors checks every row of spec/vectors/hash-buckets.tsv.
func TestHashBucketVectors(t *testing.T) {
	for _, r := range hashvectors.Load(t, "testdata/hash-buckets.tsv") {
		v := tsvVector(t, r.Type, r.Value)
		require.Equal(t, []int32{int32(r.Bucket)}, HashBucket(v, r.Buckets), r.Line)
		require.Equal(t, int32(r.Bucket), HashBucketScalar(v.At(0), r.Buckets), r.Line)
	}
}

func TestMurmur2(t *testing.T) {
	for s, want := range map[string]uint32{
		"":            0,
		"A":           0x25f31569,
		"AAPL":        0xe73e4e85,
		"hello world": 0x44a81419,
		"中文":          0x76afcaaf,
	} {
		require.Equal(t, want, Murmur2([]byte(s)), s)
		require.Equal(t, want, murmur2(s), s)
	}
	var b [16]byte
	copy(b[:], "0123456789abcdef")
	require.Equal(t, Murmur2(b[:]), murmur2Bytes16(&b))
}

func TestHashBucketDocExamples(t *testing.T) {
	// semantics.md §8, DolphinDB hashBucket reference page.
	require.Equal(t, []int32{4, 5, 7}, HashBucket(value.NewInts([]int32{34, 45, 67}), 10))
	syms := value.NewStrings(value.String, strings.Split("AAPL TSLA GS MS GE BA UAL WMT", " "))
	require.Equal(t, []int32{9, 4, 1, 8, 3, 7, 5, 2}, HashBucket(syms, 10))
	syms.T = value.Symbol
	require.Equal(t, []int32{9, 4, 1, 8, 3, 7, 5, 2}, HashBucket(syms, 10))
}

func TestHashBucketMtwTable(t *testing.T) {
	// mtw.md §4.4 selected rows (type, raw value, b=3, b=10, b=1048576).
	type row struct {
		v    *value.Vector
		want [3]int32
	}
	uuid := &value.Vector{T: value.UUID, B16: [][16]byte{hex128(t, "5d212a78-cc48-e3b1-4235-b4d91473ee87")}}
	rows := []row{
		{value.NewInts([]int32{7}), [3]int32{1, 7, 7}},
		{value.NewInts([]int32{-1}), [3]int32{0, 5, 1048575}},
		{value.NewInts([]int32{-7}), [3]int32{0, 9, 1048569}},
		{value.NewInts([]int32{value.NullInt32}), [3]int32{-1, -1, -1}},
		{value.NewLongs([]int64{-1}), [3]int32{0, 5, 1048575}},
		{value.NewLongs([]int64{-5}), [3]int32{2, 1, 1048571}},
		{&value.Vector{T: value.Short, I16: []int16{-3}}, [3]int32{1, 3, 1048573}},
		{&value.Vector{T: value.Char, I8: []int8{-5}}, [3]int32{2, 1, 1048571}},
		{&value.Vector{T: value.Date, I32: []int32{19071}}, [3]int32{0, 1, 19071}},
		{&value.Vector{T: value.Timestamp, I64: []int64{-1}}, [3]int32{0, 5, 1048575}},
		{value.NewStrings(value.Symbol, []string{""}), [3]int32{0, 0, 0}},
		{value.NewStrings(value.Symbol, []string{"AAPL"}), [3]int32{0, 9, 937605}},
		{value.NewStrings(value.String, []string{"hello world"}), [3]int32{2, 1, 529433}},
		{value.NewStrings(value.String, []string{"中文"}), [3]int32{1, 5, 1034927}},
		{uuid, [3]int32{1, 8, 285296}},
		{value.NewNullVector(value.UUID, 1), [3]int32{2, 9, 574811}},
		{&value.Vector{T: value.IPAddr, B16: [][16]byte{ipv4(t, "192.168.1.13")}}, [3]int32{1, 9, 740423}},
	}
	for _, r := range rows {
		for k, b := range []int{3, 10, 1048576} {
			require.Equal(t, r.want[k], HashBucket(r.v, b)[0], "%s b=%d", r.v, b)
		}
	}
	// The UUID's text form round-trips through value's printer.
	require.Equal(t, "5d212a78-cc48-e3b1-4235-b4d91473ee87", uuid.FormatElem(0))
}

func TestHashBucketOtherTypes(t *testing.T) {
	// BOOL hashes like CHAR (C++/server; the Go API returns 0) [I].
	b := &value.Vector{T: value.Bool, I8: []int8{1, 0, value.NullInt8}}
	require.Equal(t, []int32{1, 0, -1}, HashBucket(b, 10))
	// MONTH hashes its raw value year*12+month-1.
	m := &value.Vector{T: value.Month, I32: []int32{2024*12 + 0}}
	require.Equal(t, []int32{int32(uint32(2024*12) % 7)}, HashBucket(m, 7))
	// Not hashable: -1.
	require.Equal(t, []int32{-1, -1}, HashBucket(value.NewDoubles([]float64{1, 2}), 10))
	require.False(t, Hashable(value.Double))
	require.Equal(t, int32(-1), HashBucketScalar(value.NewDouble(1.5), 10))
	// buckets <= 0.
	require.Equal(t, []int32{-1}, HashBucket(value.NewInts([]int32{5}), 0))
	// Scalars.
	require.Equal(t, int32(0), HashBucketScalar(value.NewString(""), 10))
	require.Equal(t, int32(-1), HashBucketScalar(value.NewInt(value.NullInt32), 10))
	require.Equal(t, int32(5), HashBucketScalar(value.NewLong(-1), 10))
}

// A coded SYMBOL vector hashes its rows to the buckets their strings do,
// whether its base is smaller than its rows (hashed per code) or larger.
func TestHashBucketCodedSymbols(t *testing.T) {
	strs := []string{"A", "B", "", "CC", "A", "B", "A"}
	plain := HashBucket(value.NewStrings(value.Symbol, strs), 4)
	require.Equal(t, plain, HashBucket(value.NewSymbols(strs), 4))
	wide := value.NewSymbols(append(append([]string(nil), strs...), "D", "E", "F", "G", "H", "I", "J"))
	require.Equal(t, plain, HashBucket(wide.Slice(0, len(strs)), 4))
	require.Equal(t, plain[:2], HashBucket(value.NewSymbols(strs).Slice(0, 2), 4))
}

// A coded STRING vector hashes as its plain form does.
func TestHashBucketCodedStrings(t *testing.T) {
	strs := []string{"A", "B", "", "CC", "A", "B", "A"}
	plain := HashBucket(value.NewStrings(value.String, strs), 4)
	require.Equal(t, plain, HashBucket(value.NewStrings(value.String, strs).Coded(), 4))
}
