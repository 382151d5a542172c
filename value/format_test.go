package value

import (
	"encoding/hex"
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFormatFloat(t *testing.T) {
	cases := []struct {
		f      float64
		scalar string // 6 decimals (scalars, vectors)
		table  string // 4 decimals (table cells)
	}{
		// "ratio" reference page: 11\3 = 3.666667, 2\x = [2,1,0.666667],
		// 9\2 = 4.5, -7\5 = -1.4, 1.333333 and 0.166667 in a matrix.
		{11.0 / 3, "3.666667", "3.6667"},
		{2.0 / 3, "0.666667", "0.6667"},
		{4.5, "4.5", "4.5"},
		{-7.0 / 5, "-1.4", "-1.4"},
		{4.0 / 3, "1.333333", "1.3333"},
		{1.0 / 6, "0.166667", "0.1667"},
		{1.0 / 3, "0.333333", "0.3333"},
		{math.Pi, "3.141593", "3.1416"},
		{2.1, "2.1", "2.1"},
		{10, "10", "10"},
		{0, "0", "0"},
		{math.Copysign(0, -1), "0", "0"},
		{-2.5, "-2.5", "-2.5"},
		{0.1 + 0.2, "0.3", "0.3"},
		{123456.789, "123456.789", "123456.789"},
		{999999.99, "999999.99", "999999.99"},
		{999999.9999999, "1000000", "1000000"},
		{0.0000015, "0.000002", "0"},
		{0.00012345, "0.000123", "0.0001"},
		// DolphinDB switches to scientific notation at |x| >= 1e6 and
		// 0 < |x| <= 1e-6 (C++ API Double::toString, pattern 0.0#####E0).
		{1000000, "1.0E6", "1.0E6"},
		{1234567, "1.234567E6", "1.2346E6"},
		{-1234567.891, "-1.234568E6", "-1.2346E6"},
		{5.297834e11, "5.297834E11", "5.2978E11"},
		{1e20, "1.0E20", "1.0E20"},
		{0.000001, "1.0E-6", "1.0E-6"},
		{1.5e-7, "1.5E-7", "1.5E-7"},
		{-2.5e-9, "-2.5E-9", "-2.5E-9"},
		{9.9999999e6, "1.0E7", "1.0E7"},
		{math.Inf(1), "inf", "inf"},
		{math.Inf(-1), "-inf", "-inf"},
		{math.NaN(), "NaN", "NaN"},
	}
	for _, c := range cases {
		require.Equal(t, c.scalar, FormatFloat(c.f, 6), "%v", c.f)
		require.Equal(t, c.table, FormatFloat(c.f, 4), "%v (table)", c.f)
	}
	// FLOAT prints through the same rules.
	require.Equal(t, "2.1", NewFloat(2.1).String())
	require.Equal(t, "0.1", NewFloat(0.1).String())
	require.Equal(t, "3.141593", NewFloat(math.Pi).String())
}

func TestScalarPrinting(t *testing.T) {
	cases := []struct {
		s    *Scalar
		want string
	}{
		{NewInt(21), "21"},
		{NewLong(-22), "-22"},
		{NewTyped(Short, 122), "122"},
		{NewBool(true), "true"},
		{NewBool(false), "false"},
		{NewTyped(Char, 'a'), "'a'"},
		{NewTyped(Char, ' '), "' '"},
		{NewTyped(Char, 10), "10"},
		{NewDouble(2.1), "2.1"},
		{NewDouble(1.0 / 3), "0.333333"},
		{NewString("Hello"), "Hello"},
		{NewSymbol("AAPL"), "AAPL"},
		{NewDecimal(Decimal32, 314, 2), "3.14"},
		{NewDecimal(Decimal32, 14200, 2), "142.00"},
		{NewDecimal(Decimal64, -15000, 4), "-1.5000"},
		{NewDecimal(Decimal64, -5, 3), "-0.005"},
		{NewDecimal(Decimal32, 7, 0), "7"},
		{NewDecimal128(big.NewInt(12345), 2), "123.45"},
		{NewTyped(Date, 15504), "2012.06.13"},
		{NewTyped(Month, 24149), "2012.06M"},
		{NewTyped(Time, 48610008), "13:30:10.008"},
		{NewTyped(Minute, 810), "13:30m"},
		{NewTyped(Second, 48610), "13:30:10"},
		{NewTyped(DateTime, 1339594210), "2012.06.13T13:30:10"},
		{NewTyped(Timestamp, 1339594210008), "2012.06.13T13:30:10.008"},
		{NewTyped(NanoTime, 32401000100001), "09:00:01.000100001"},
		{NewTyped(NanoTimestamp, 1339594210008007006), "2012.06.13T13:30:10.008007006"},
		{NewTyped(DateHour, 372109), "2012.06.13T13"},
		{NewTyped(Timestamp, -1), "1969.12.31T23:59:59.999"},
		{NewTyped(DateTime, -1), "1969.12.31T23:59:59"},
		{NewTyped(NanoTimestamp, -1), "1969.12.31T23:59:59.999999999"},
		// NULLs print as nothing, except the 16-byte types, which print
		// zeros (uuid("") on the "Data Type Conversion" page).
		{NullScalar(Int), ""},
		{NullScalar(Double), ""},
		{NullScalar(Bool), ""},
		{NullScalar(Char), ""},
		{NullScalar(Date), ""},
		{NullScalar(String), ""},
		{NullScalar(Void), ""},
		{NullScalar(Decimal64), ""},
		{NullScalar(Decimal128), ""},
		{NullScalar(UUID), "00000000-0000-0000-0000-000000000000"},
		{NullScalar(IPAddr), "0.0.0.0"},
		{NullScalar(Int128), "00000000000000000000000000000000"},
	}
	for _, c := range cases {
		require.Equal(t, c.want, c.s.String(), "%s", c.s.T)
	}
}

func TestVectorPrinting(t *testing.T) {
	v := NewInts([]int32{1, NullInt32, 3})
	require.Equal(t, "[1,,3]", v.String())
	require.Equal(t, `["A","B"]`, NewStrings(String, []string{"A", "B"}).String())
	require.Equal(t, `["A001","B001"]`, NewStrings(Symbol, []string{"A001", "B001"}).String())
	require.Equal(t, `["A",,"C"]`, NewStrings(String, []string{"A", "", "C"}).String())
	require.Equal(t, "[true,false,]", (&Vector{T: Bool, I8: []int8{1, 0, NullInt8}}).String())
	require.Equal(t, "[]", NewInts(nil).String())
	require.Equal(t, "[1,2,3,4,5,6,7,8,9,10]", NewInts([]int32{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}).String())
	require.Equal(t, "[0.5,1,1.5]", NewDoubles([]float64{0.5, 1, 1.5}).String())
	require.Equal(t, "[2,1,0.666667]", NewDoubles([]float64{2, 1, 2.0 / 3}).String())
	require.Equal(t, "[2.5,,]", NewDoubles([]float64{2.5, NullFloat64, math.NaN()}).String())
	require.Equal(t, "[2012.06.13,]", (&Vector{T: Date, I32: []int32{15504, NullInt32}}).String())
	require.Equal(t, "[2012.06.15T15,2012.06.15T17]", (&Vector{T: DateHour, I32: []int32{372159, 372161}}).String())
	// "decimal32" page: [1.2300,3.0000,3.1400]
	require.Equal(t, "[1.2300,3.0000,3.1400]", (&Vector{T: Decimal32, Scale: 4, I32: []int32{12300, 30000, 31400}}).String())
	// "toCharArray" page: ['I','t',' ',...,10]
	require.Equal(t, "['I','t',' ','!',10,]", (&Vector{T: Char, I8: []int8{'I', 't', ' ', '!', 10, NullInt8}}).String())
	// tuples: strings quoted, nested vectors printed
	tup := NewTuple([]Value{NewInt(1), NewString("a"), NewDouble(2.5), NewInts([]int32{1, 2}), NullScalar(Void)})
	require.Equal(t, `(1,"a",2.5,[1,2],)`, tup.String())
	// "decimal32" page: (1.2300,3.0000,3.140)
	require.Equal(t, "(1.2300,3.0000,3.140)", NewTuple([]Value{
		NewDecimal(Decimal32, 12300, 4), NewDecimal(Decimal32, 30000, 4), NewDecimal(Decimal32, 3140, 3),
	}).String())
	// array vector
	av := &Vector{T: Int + ArrayOffset, I32: []int32{1, 2, 3}, Offsets: []int64{2, 3}}
	require.Equal(t, "[[1,2],[3]]", av.String())
	// UUID vector with a NULL
	u := &Vector{T: UUID, B16: [][16]byte{uuidBytes(t, "5d212a78cc48e3b14235b4d91473ee87"), {}}}
	require.Equal(t, "[5d212a78-cc48-e3b1-4235-b4d91473ee87,00000000-0000-0000-0000-000000000000]", u.String())
}

func TestPairSetDictPrinting(t *testing.T) {
	// tableUpsert returns a LONG pair printed 1:2 (FORMAT.md).
	require.Equal(t, "1:2", NewPair(NewLong(1), NewLong(2)).String())
	require.Equal(t, "2:4", NewPair(NewInt(2), NewInt(4)).String())
	require.Equal(t, "3.4:7.8", NewPair(NewDouble(3.4), NewDouble(7.8)).String())
	require.Equal(t, ":5", NewPair(NullScalar(Int), NewInt(5)).String())
	p := NewPair(NewInt(1), NewInt(2))
	require.Equal(t, FormPair, p.Form())
	require.Equal(t, Int, p.Type())
	require.Equal(t, "set(1,2)", NewSet(NewInts([]int32{1, 2, 1})).String())
	for _, c := range []struct {
		v    *Vector
		want string
	}{
		{NewNullVector(Int, 1), "set(00i)"}, // progr/data_mani/null_in_vst.md
		{NewNullVector(Long, 1), "set(00l)"},
		{NewNullVector(Double, 1), "set(00F)"},
		{NewNullVector(Date, 1), "set(00d)"},
		{NewNullVector(Int, 0), "set()"},
		{NewInts([]int32{NullInt32, 1}), "set(,1)"},
	} {
		require.Equal(t, c.want, NewSet(c.v).String(), c.want)
	}
	d := NewDict(String, Int)
	d.Put(NewStrings(String, []string{"a"}), 0, NewInts([]int32{1}), 0)
	require.Equal(t, "a->1\n", d.String())
}

func TestTablePrinting(t *testing.T) {
	tb := NewTable([]string{"id", "sym", "val", "c", "d"}, []*Vector{
		NewInts([]int32{1, NullInt32, 3}),
		NewStrings(Symbol, []string{"A", "B", ""}),
		NewDoubles([]float64{1.0 / 3, NullFloat64, 12345.678912}),
		{T: Char, I8: []int8{'a', NullInt8, 10}},
		{T: Date, I32: []int32{15504, 15505, NullInt32}},
	})
	got := tb.String()
	lines := splitLines(got)
	require.Len(t, lines, 5)
	require.Equal(t, "id sym val        c  d", trimRight(lines[0]))
	require.Equal(t, "-- --- ---------- -- ----------", trimRight(lines[1]))
	require.Equal(t, "1  A   0.3333     a  2012.06.13", trimRight(lines[2]))
	require.Equal(t, "   B                 2012.06.14", trimRight(lines[3]))
	require.Equal(t, "3      12345.6789 10", trimRight(lines[4]))
	// table cells: DOUBLE to 4 decimals, strings unquoted, NULL empty
	require.Equal(t, "0.3333", tb.Cols[2].FormatTableCell(0))
	require.Equal(t, "", tb.Cols[2].FormatTableCell(1))
	require.Equal(t, "A", tb.Cols[1].FormatTableCell(0))
	require.Equal(t, "a", tb.Cols[3].FormatTableCell(0))
	require.Equal(t, "10", tb.Cols[3].FormatTableCell(2))
	require.Equal(t, "1.2346E6", NewDoubles([]float64{1234567}).FormatTableCell(0))
	require.Equal(t, "2.5", (&Vector{T: Float, F32: []float32{2.5}}).FormatTableCell(0))
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func trimRight(s string) string {
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}

// uuidBytes is the 16-byte storage of a UUID given as 32 hex digits: the
// bytes in reverse order, as DolphinDB keeps them.
func uuidBytes(t *testing.T, h string) [16]byte {
	raw, err := hex.DecodeString(h)
	require.NoError(t, err)
	var b [16]byte
	for i := range b {
		b[i] = raw[15-i]
	}
	return b
}

// The console prints row labels left of a bar (tutorials/panel_data.md).
func TestMatrixStringRowLabels(t *testing.T) {
	cases := []struct {
		name string
		m    *Matrix
		want string
	}{
		{"indexed series", &Matrix{V: &Vector{T: Int, I32: []int32{NullInt32, 8}}, Rows: 2, Cols: 1,
			RowLabels: &Vector{T: Date, I32: []int32{18567, 18570}}, Indexed: IndexedSeries},
			"           #0\n           --\n2020.11.01|\n2020.11.04|8\n"},
		{"labelled matrix", &Matrix{V: NewInts([]int32{1, 2, 3, 2, 3, 4}), Rows: 3, Cols: 2,
			RowLabels: NewStrings(Symbol, []string{"a", "a", "b"}), ColLabels: NewStrings(String, []string{"x", "y"})},
			"  x y\n  - -\na|1 2\na|2 3\nb|3 4\n"},
		{"plain matrix", &Matrix{V: NewInts([]int32{1, 2}), Rows: 1, Cols: 2}, "#0 #1\n-- --\n1  2\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { require.Equal(t, c.want, c.m.String()) })
	}
}
