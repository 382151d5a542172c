package cast

import (
	"math"
	"math/big"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func lit(t *testing.T, s string) *value.Scalar {
	t.Helper()
	if v, err := ParseTemporal(s); err == nil {
		return v
	}
	v, err := ParseNumber(s, "")
	require.NoError(t, err, s)
	return v
}

func mustParseAs(s string, typ value.Type) *value.Scalar {
	v, err := ParseAs(s, typ)
	if err != nil {
		panic(err)
	}
	return v
}

func castS(t *testing.T, x *value.Scalar, typ value.Type, scale int32) *value.Scalar {
	t.Helper()
	out, err := To(x, typ, scale)
	require.NoError(t, err, "%s %s -> %s", x.T, x, typ)
	s := out.(*value.Scalar)
	require.Equal(t, typ, s.T)
	return s
}

// castCase is a scalar cast and its printed result.
type castCase struct {
	in   *value.Scalar
	to   value.Type
	out  string
	null bool
}

// checkCasts casts each case's scalar to its type with scale 0.
func checkCasts(t *testing.T, cases []castCase) {
	t.Helper()
	for _, c := range cases {
		s := castS(t, c.in, c.to, 0)
		require.Equal(t, c.null, s.Null, "%s(%s %s)", c.to, c.in.T, c.in)
		require.Equal(t, c.out, s.String(), "%s(%s %s)", c.to, c.in.T, c.in)
	}
}

func TestCastDocumentedExamples(t *testing.T) {
	checkCasts(t, []castCase{
		// "Data Type Conversion" page
		{value.NewString("10.9"), value.Int, "10", false},
		{value.NewString("120.9c"), value.Short, "120", false},
		{value.NewString("12.3"), value.Short, "12", false},
		{value.NewString("10.9"), value.Long, "10", false},
		{value.NewString("128.9"), value.Int, "128", false},
		{lit(t, "2147483647"), value.Int, "2147483647", false},
		{lit(t, "2147483648"), value.Int, "", true},
		{lit(t, "32767"), value.Short, "32767", false},
		{lit(t, "32768"), value.Short, "", true},
		{lit(t, "65578"), value.Short, "42", false},     // "short" page
		{lit(t, "32789"), value.Short, "-32747", false}, // "short" page
		{lit(t, "9223372036854775808l"), value.Long, "9223372036854775807", false},
		{lit(t, "100.2"), value.Bool, "true", false},
		{lit(t, "0"), value.Bool, "false", false},
		{value.NewString("true"), value.Bool, "true", false},
		{value.NewString("false"), value.Bool, "false", false},
		{lit(t, "99"), value.Char, "'c'", false},
		{lit(t, "104"), value.Char, "'h'", false},
		{lit(t, "10"), value.String, "10", false},
		{lit(t, "108.5"), value.String, "108.5", false},
		{lit(t, "8.9"), value.Int, "9", false}, // 8.9$INT
		{value.NewString("10"), value.Double, "10", false},
		{value.NewString("10.9"), value.Double, "10.9", false},
		{lit(t, "1"), value.Date, "1970.01.02", false},
		{value.NewString("2011.10.12"), value.Date, "2011.10.12", false},
		{lit(t, "2012.12.03T01:22:01"), value.Date, "2012.12.03", false},
		{lit(t, "2016.03M"), value.Date, "2016.03.01", false},
		{lit(t, "1"), value.DateHour, "1970.01.01T01", false},
		{lit(t, "2012.06.13T13:30:10"), value.DateHour, "2012.06.13T13", false},
		{lit(t, "2012.06.15T15:32:10.158"), value.DateHour, "2012.06.15T15", false},
		{lit(t, "2012.01M"), value.DateHour, "2012.01.01T00", false},
		{lit(t, "1"), value.DateTime, "1970.01.01T00:00:01", false},
		{lit(t, "2009.11.10"), value.DateTime, "2009.11.10T00:00:00", false},
		{lit(t, "2012.01M"), value.DateTime, "2012.01.01T00:00:00", false},
		{lit(t, "1"), value.Timestamp, "1970.01.01T00:00:00.001", false},
		{lit(t, "2016.10.12"), value.Timestamp, "2016.10.12T00:00:00.000", false},
		{lit(t, "2012.01M"), value.Timestamp, "2012.01.01T00:00:00.000", false},
		{value.NewString("2012.12"), value.Month, "2012.12M", false},
		{lit(t, "2012.12.23"), value.Month, "2012.12M", false},
		{lit(t, "2016.02.14"), value.Month, "2016.02M", false},
		{lit(t, "1"), value.Second, "00:00:01", false},
		{lit(t, "61"), value.Second, "00:01:01", false},
		{value.NewString("19:36:12"), value.Second, "19:36:12", false},
		{lit(t, "2012.12.03T01:22:01"), value.Second, "01:22:01", false},
		{lit(t, "2012.06.13T13:30:10"), value.Second, "13:30:10", false},
		{lit(t, "1"), value.Minute, "00:01m", false},
		{lit(t, "1"), value.Time, "00:00:00.001", false},
		{value.NewString("12:32:56.356"), value.Time, "12:32:56.356", false},
		{lit(t, "1000000000"), value.NanoTime, "00:00:01.000000000", false},
		{lit(t, "12:06:09"), value.NanoTime, "12:06:09.000000000", false},
		{lit(t, "2012.12.03T01:22:01.123456789"), value.NanoTime, "01:22:01.123456789", false},
		{value.NewString("13:30:10.008007006"), value.NanoTime, "13:30:10.008007006", false},
		{lit(t, "1"), value.NanoTimestamp, "1970.01.01T00:00:00.000000001", false},
		{lit(t, "1000000000"), value.NanoTimestamp, "1970.01.01T00:00:01.000000000", false},
		{lit(t, "2012.12.03T12:06:09"), value.NanoTimestamp, "2012.12.03T12:06:09.000000000", false},
		{value.NewString("2012.12.03 13:30:10.008007006"), value.NanoTimestamp, "2012.12.03T13:30:10.008007006", false},
		{lit(t, "2012.01M"), value.NanoTimestamp, "2012.01.01T00:00:00.000000000", false},
		{value.NewString("9d457e79-1bed-d6c2-3612-b0d31c1881f6"), value.UUID, "9d457e79-1bed-d6c2-3612-b0d31c1881f6", false},
		{value.NewString(""), value.UUID, "00000000-0000-0000-0000-000000000000", true},
		{value.NewString("192.168.1.13"), value.IPAddr, "192.168.1.13", false},
		{value.NewString("e1671797c52e15f763380b45e841ec32"), value.Int128, "e1671797c52e15f763380b45e841ec32", false},
		{value.NewString("XOM"), value.Symbol, "XOM", false},
		// "Temporal Type and Conversion" page
		{lit(t, "2012.06.13T13:30:10"), value.Date, "2012.06.13", false},
		{lit(t, "2012.06.13T13:30:10"), value.Timestamp, "2012.06.13T13:30:10.000", false},
		// "Temporal Type Comparison" tutorial
		{lit(t, "2012.01M"), value.Date, "2012.01.01", false},
		{lit(t, "2012.01.02"), value.Month, "2012.01M", false},
		{lit(t, "23:30:00"), value.Minute, "23:30m", false},
		{lit(t, "23:30:00.000"), value.Minute, "23:30m", false},
		{lit(t, "23:30:00.000000000"), value.Minute, "23:30m", false},
		{lit(t, "23:30m"), value.Second, "23:30:00", false},
		{lit(t, "23:30:00.001"), value.Second, "23:30:00", false},
		{lit(t, "23:30:00.000000001"), value.Second, "23:30:00", false},
		{lit(t, "23:31m"), value.Time, "23:31:00.000", false},
		{lit(t, "23:30:01"), value.Time, "23:30:01.000", false},
		{lit(t, "23:30:01.000000001"), value.Time, "23:30:01.000", false},
	})
}

func TestCastRules(t *testing.T) {
	checkCasts(t, []castCase{
		// floating -> integral rounds half away from zero
		{lit(t, "2.5"), value.Int, "3", false},
		{lit(t, "-2.5"), value.Int, "-3", false},
		{lit(t, "2.4999"), value.Int, "2", false},
		{lit(t, "-0.4"), value.Int, "0", false},
		{lit(t, "1.5"), value.Long, "2", false},
		{lit(t, "126.6"), value.Char, "127", false},
		{lit(t, "3e9"), value.Int, "", true},
		{lit(t, "1e19"), value.Long, "", true},
		{lit(t, "40000.0"), value.Short, "", true},
		{value.NewFloat(2.5), value.Short, "3", false},
		{value.NewDouble(math.NaN()), value.Int, "", true},
		// integral narrowing keeps the low bits
		{lit(t, "300"), value.Char, "','", false}, // 300 keeps its low byte: 44
		{lit(t, "128"), value.Char, "", true},
		{lit(t, "4294967297l"), value.Int, "1", false},
		{lit(t, "22l"), value.Int, "22", false},
		{lit(t, "97c"), value.Int, "97", false},
		{lit(t, "1b"), value.Int, "1", false},
		{lit(t, "7"), value.Double, "7", false},
		{lit(t, "7"), value.Float, "7", false},
		{lit(t, "2.75"), value.Float, "2.75", false},
		{lit(t, "1e300"), value.Float, "", true},
		// -> BOOL
		{lit(t, "0.0"), value.Bool, "false", false},
		{lit(t, "-3"), value.Bool, "true", false},
		{value.NewString("abc"), value.Bool, "false", false},
		{lit(t, "2024.01.01"), value.Bool, "true", false},
		// -> STRING / SYMBOL: printed form
		{lit(t, "2.5"), value.String, "2.5", false},
		{lit(t, "97c"), value.String, "a", false},
		{lit(t, "1b"), value.String, "true", false},
		{lit(t, "2024.01.01T10:00:00"), value.String, "2024.01.01T10:00:00", false},
		{lit(t, "13:30m"), value.Symbol, "13:30m", false},
		{value.NewInt(value.NullInt32), value.String, "", true},
		{value.NewString("x"), value.Symbol, "x", false},
		{value.NewSymbol("x"), value.String, "x", false},
		{value.NewString("x"), value.Blob, "x", false},
		// temporal <-> temporal
		{lit(t, "2024.01.01T10:00:00"), value.Date, "2024.01.01", false},
		{lit(t, "2024.01.01"), value.Timestamp, "2024.01.01T00:00:00.000", false},
		{lit(t, "2024.03.15"), value.Month, "2024.03M", false},
		{lit(t, "2024.03.15T10:20:30"), value.Month, "2024.03M", false},
		{lit(t, "2024.03.15T10:20:30.123456789"), value.Timestamp, "2024.03.15T10:20:30.123", false},
		{lit(t, "2024.03.15T10:20:30.123"), value.NanoTimestamp, "2024.03.15T10:20:30.123000000", false},
		{lit(t, "2024.03.15T10:20:30.123"), value.DateTime, "2024.03.15T10:20:30", false},
		{lit(t, "2024.03.15T10:20:30.123"), value.Time, "10:20:30.123", false},
		{lit(t, "2024.03.15T10:20:30.123"), value.Minute, "10:20m", false},
		{lit(t, "2024.03.15T10:20:30.123"), value.DateHour, "2024.03.15T10", false},
		{lit(t, "2012.06.13T13"), value.DateTime, "2012.06.13T13:00:00", false},
		{lit(t, "2012.06.13T13"), value.Date, "2012.06.13", false},
		{lit(t, "2012.06.13T13"), value.Minute, "13:00m", false},
		{lit(t, "1969.12.31T23:59:59.999"), value.Date, "1969.12.31", false},
		{lit(t, "1969.12.31T23:59:59.999"), value.Second, "23:59:59", false},
		{lit(t, "1969.12.31T23:59:59.999"), value.DateTime, "1969.12.31T23:59:59", false},
		{lit(t, "1969.12M"), value.Date, "1969.12.01", false},
		{lit(t, "1960.06.15"), value.Month, "1960.06M", false},
		{lit(t, "2050.01.01"), value.DateTime, "", true}, // beyond DATETIME's range
		{lit(t, "2300.01.01"), value.NanoTimestamp, "", true},
		// integral -> temporal reinterprets the raw value
		{lit(t, "0"), value.Date, "1970.01.01", false},
		{lit(t, "-1"), value.Date, "1969.12.31", false},
		{lit(t, "24149"), value.Month, "2012.06M", false},
		{lit(t, "86400"), value.Second, "", true}, // outside a day
		{lit(t, "-1"), value.Time, "", true},
		{lit(t, "1.6"), value.Date, "1970.01.03", false},
		// temporal -> number: raw value
		{lit(t, "2012.06.13"), value.Int, "15504", false},
		{lit(t, "2012.06.13T13:30:10.008"), value.Double, "1.339594E12", false},
		{lit(t, "2012.06.13T13:30:10.008"), value.Long, "1339594210008", false},
		// binary family
		{mustParseAs("192.168.1.13", value.IPAddr), value.Int128, "000000000000000000000000c0a8010d", false},
		{mustParseAs("192.168.1.13", value.IPAddr), value.String, "192.168.1.13", false},
		{mustParseAs("5d212a78-cc48-e3b1-4235-b4d91473ee87", value.UUID), value.Symbol, "5d212a78-cc48-e3b1-4235-b4d91473ee87", false},
		// NULLs
		{value.NullScalar(value.Void), value.Int, "", true},
		{value.NullScalar(value.Void), value.Date, "", true},
		{value.NullScalar(value.Void), value.String, "", true},
		{value.NullScalar(value.Double), value.Int, "", true},
		{value.NullScalar(value.Date), value.Timestamp, "", true},
	})
}

func TestCastErrors(t *testing.T) {
	cases := []struct {
		in  *value.Scalar
		to  value.Type
		err string
	}{
		{lit(t, "13:30:10"), value.Date, "Can't convert SECOND to DATE"},
		{lit(t, "13:30:10.008"), value.Timestamp, "Can't convert TIME to TIMESTAMP"},
		{lit(t, "13:30m"), value.Month, "Can't convert MINUTE to MONTH"},
		{lit(t, "2024.01.01"), value.Time, "Can't convert DATE to TIME"},
		{lit(t, "2024.01M"), value.Second, "Can't convert MONTH to SECOND"},
		{lit(t, "2024.01.01"), value.UUID, "Can't convert DATE to UUID"},
		{lit(t, "1"), value.IPAddr, "Can't convert INT to IPADDR"},
		{lit(t, "1.5"), value.UUID, "Can't convert DOUBLE to UUID"},
		{lit(t, "2024.01.01"), value.Decimal32, "Can't convert DATE to DECIMAL32(2)"},
		{lit(t, "1b"), value.Decimal64, "Can't convert BOOL to DECIMAL64(2)"},
		{lit(t, "97c"), value.Decimal64, "Can't convert CHAR to DECIMAL64(2)"},
		{value.NewString("990"), value.Char, "Failed to convert the string to CHAR"},
		{value.NewString("zz"), value.UUID, "Invalid UUID string"},
		{lit(t, "1"), value.FunctionDef, "Can't convert INT to FUNCTIONDEF"},
		{lit(t, "1000000000"), value.Decimal32, "Decimal math overflow"},
	}
	for _, c := range cases {
		_, err := To(c.in, c.to, 2)
		require.EqualError(t, err, c.err, "%s -> %s", c.in.T, c.to)
	}
	_, err := To(lit(t, "1"), value.Decimal32, 10)
	require.EqualError(t, err, "Scale out of bounds (valid range: [0, 9], but get: 10). RefId: S05010")
	_, err = To(lit(t, "1"), value.Decimal64, 19)
	require.EqualError(t, err, "Scale out of bounds (valid range: [0, 18], but get: 19). RefId: S05010")
	_, err = To(lit(t, "1"), value.Decimal32, -1)
	require.EqualError(t, err, "Scale is out of bounds")
	// the same checks on vectors
	_, err = Vector(value.NewInts([]int32{1, 2}), value.UUID, 0)
	require.EqualError(t, err, "Can't convert INT to UUID")
	_, err = Vector(&value.Vector{T: value.Second, I32: []int32{1}}, value.Date, 0)
	require.EqualError(t, err, "Can't convert SECOND to DATE")
}

func TestCastDecimal(t *testing.T) {
	cases := []struct {
		in    *value.Scalar
		to    value.Type
		scale int32
		out   string
	}{
		// "Data Type Conversion" / decimal32 reference / DECIMAL tutorial
		{lit(t, "142"), value.Decimal32, 2, "142.00"},
		{lit(t, "142"), value.Decimal64, 2, "142.00"},
		{lit(t, "142"), value.Decimal128, 2, "142.00"},
		{value.NewDouble(1.0 / 7), value.Decimal32, 6, "0.142857"},
		{lit(t, "1.23456"), value.Decimal32, 3, "1.234"}, // numbers truncate
		{lit(t, "-1.23456"), value.Decimal64, 3, "-1.234"},
		{lit(t, "77.32"), value.Decimal32, 5, "77.31999"},
		{lit(t, "1.23"), value.Decimal32, 4, "1.2300"},
		{lit(t, "3"), value.Decimal32, 4, "3.0000"},
		{lit(t, "1000000000"), value.Decimal32, 0, "1000000000"},
		{value.NewString("3.1415926535"), value.Decimal32, 4, "3.1416"}, // strings round (2.00.10+)
		{value.NewString("1.23456"), value.Decimal32, 3, "1.235"},
		{value.NewString("1.341"), value.Decimal32, 2, "1.34"},
		{value.NewString("4.5677"), value.Decimal32, 2, "4.57"},
		{value.NewSymbol("4.5677"), value.Decimal64, 2, "4.57"},
		{lit(t, "1.5f"), value.Decimal64, 1, "1.5"},
		{lit(t, "-7"), value.Decimal128, 3, "-7.000"},
		{lit(t, "123456789012.5"), value.Decimal128, 2, "123456789012.50"},
		{lit(t, "00i"), value.Decimal32, 2, ""},
	}
	for _, c := range cases {
		s := castS(t, c.in, c.to, c.scale)
		require.Equal(t, c.scale, s.Scale)
		require.Equal(t, c.out, s.String(), "%s(%s, %d)", c.to, c.in, c.scale)
	}
	// and back
	d := value.NewDecimal(value.Decimal32, 314, 2)
	require.Equal(t, "3.14", d.String())
	require.Equal(t, "3", castS(t, d, value.Int, 0).String())
	require.Equal(t, "3.14", castS(t, d, value.Double, 0).String())
	require.Equal(t, "3.14", castS(t, d, value.String, 0).String())
	require.Equal(t, "true", castS(t, d, value.Bool, 0).String())
	require.Equal(t, "3.1400", castS(t, d, value.Decimal64, 4).String())
	require.Equal(t, "3.1", castS(t, d, value.Decimal64, 1).String())
	require.Equal(t, "3.14", castS(t, d, value.Decimal64, -1).String())
	require.Equal(t, "3.140", castS(t, d, value.Decimal128, 3).String())
	require.Equal(t, "-3", castS(t, value.NewDecimal(value.Decimal64, -250, 2), value.Int, 0).String())
	require.Equal(t, "-2", castS(t, value.NewDecimal(value.Decimal64, -249, 2), value.Int, 0).String())
	big128 := value.NewDecimal128(big.NewInt(-123456), 3)
	require.Equal(t, "-123.456", big128.String())
	require.Equal(t, "-123.456", castS(t, big128, value.Double, 0).String())
	require.Equal(t, "-123.45", castS(t, big128, value.Decimal64, 2).String())
	require.Equal(t, "-123", castS(t, big128, value.Long, 0).String())
	_, err := To(value.NewDecimal(value.Decimal64, 3, 0), value.Decimal32, 9)
	require.EqualError(t, err, "Decimal math overflow")
}

func TestCastVectorMatchesScalar(t *testing.T) {
	// Every fast path must agree with the element-by-element scalar rules.
	sources := []*value.Vector{
		value.NewInts([]int32{1, value.NullInt32, -7, 2147483647, -2147483647, 0, 15504, 86399}),
		value.NewLongs([]int64{1, value.NullInt64, 4294967297, -1, 1339594210008, 9223372036854775807}),
		{T: value.Short, I16: []int16{1, value.NullInt16, -32767, 300}},
		{T: value.Char, I8: []int8{97, value.NullInt8, -1, 127}},
		{T: value.Bool, I8: []int8{1, 0, value.NullInt8}},
		value.NewDoubles([]float64{1.5, -2.5, 2.4999, value.NullFloat64, math.NaN(), 3e9, -3e9, 1e19, 0.5, 1e300, 77.32, 1.0 / 7}),
		{T: value.Float, F32: []float32{1.5, -2.5, value.NullFloat32, 3e9, 0.25}},
		{T: value.Date, I32: []int32{0, -1, 15504, value.NullInt32, 2932896}},
		{T: value.Month, I32: []int32{24149, 23640, value.NullInt32, 0}},
		{T: value.Time, I32: []int32{48610008, 0, value.NullInt32, 86399999}},
		{T: value.Minute, I32: []int32{810, 0, value.NullInt32, 1439}},
		{T: value.Second, I32: []int32{48610, 0, value.NullInt32, 86399}},
		{T: value.DateTime, I32: []int32{1339594210, -1, value.NullInt32, 0}},
		{T: value.DateHour, I32: []int32{372109, -1, value.NullInt32}},
		{T: value.Timestamp, I64: []int64{1339594210008, -1, value.NullInt64, 0, 9223372036854775807}},
		{T: value.NanoTime, I64: []int64{48610008007006, 0, value.NullInt64}},
		{T: value.NanoTimestamp, I64: []int64{1339594210008007006, -1, value.NullInt64, -9223372036854775807}},
		{T: value.Decimal32, Scale: 2, I32: []int32{314, -250, value.NullInt32}},
		{T: value.Decimal64, Scale: 4, I64: []int64{31400, -15000, value.NullInt64}},
		value.NewStrings(value.String, []string{"10.9", "", "abc", "2024.01.01", "13:30:10"}),
	}
	targets := []value.Type{value.Bool, value.Char, value.Short, value.Int, value.Long, value.Float, value.Double, value.Date, value.Month, value.Time, value.Minute, value.Second,
		value.DateTime, value.Timestamp, value.NanoTime, value.NanoTimestamp, value.DateHour, value.String, value.Symbol, value.Decimal32, value.Decimal64, value.Decimal128}
	for _, src := range sources {
		for _, to := range targets {
			var scale int32
			if to.IsDecimal() {
				scale = 2
			}
			out, verr := Vector(src, to, scale)
			wants := make([]*value.Scalar, src.Len())
			var serr error
			for i := range wants {
				w, err := To(src.At(i), to, scale)
				if err != nil {
					serr = err
					break
				}
				wants[i] = w.(*value.Scalar)
			}
			if serr != nil {
				require.Error(t, verr, "%s -> %s: scalar failed with %v", src.T, to, serr)
				continue
			}
			require.NoError(t, verr, "%s -> %s", src.T, to)
			for i, ws := range wants {
				got := out.At(i)
				require.Equal(t, ws.Null, got.Null, "%s %s -> %s", src.T, src.At(i), to)
				require.Equal(t, ws.String(), got.String(), "%s %s -> %s", src.T, src.At(i), to)
			}
		}
	}
}

func TestCastVectorIdentityAndShapes(t *testing.T) {
	v := value.NewInts([]int32{1, 2, 3})
	out, err := Vector(v, value.Int, 0)
	require.NoError(t, err)
	require.Same(t, v, out)

	d := &value.Vector{T: value.Decimal32, Scale: 2, I32: []int32{314}}
	out, err = Vector(d, value.Decimal32, 2)
	require.NoError(t, err)
	require.Same(t, d, out)
	out, err = Vector(d, value.Decimal32, 3)
	require.NoError(t, err)
	require.Equal(t, "[3.140]", out.String())

	// DOUBLE -> INT rounds: append! page, 5.5 -> 6 and 6.6 -> 7
	out, err = Vector(value.NewDoubles([]float64{1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.2}), value.Int, 0)
	require.NoError(t, err)
	require.Equal(t, []int32{1, 2, 3, 4, 6, 7, 7}, out.I32)

	// symbol(`XOM`y) makes a SYMBOL vector
	out, err = Vector(value.NewStrings(value.String, []string{"XOM", "y"}), value.Symbol, 0)
	require.NoError(t, err)
	require.Equal(t, value.Symbol, out.T)
	require.Equal(t, `["XOM","y"]`, out.String())

	// x=1..10; x$DOUBLE
	out, err = Vector(value.NewInts([]int32{1, 2, 3}), value.Double, 0)
	require.NoError(t, err)
	require.Equal(t, "[1,2,3]", out.String())

	// pair and tuple
	p := value.NewPair(value.NewInt(1), value.NewInt(2))
	pv, err := To(p, value.Double, 0)
	require.NoError(t, err)
	require.Equal(t, "1:2", pv.String())
	require.Equal(t, value.Double, pv.Type())
	tup := value.NewTuple([]value.Value{value.NewInt(1), value.NewDouble(2.5), value.NullScalar(value.Void), value.NewString("7")})
	tv, err := Vector(tup, value.Double, 0)
	require.NoError(t, err)
	require.Equal(t, "[1,2.5,,7]", tv.String())
	back, err := Vector(tv, value.Any, 0)
	require.NoError(t, err)
	require.Equal(t, "(1,2.5,,7)", back.String())
	_, err = Vector(value.NewTuple([]value.Value{value.NewInts([]int32{1})}), value.Int, 0)
	require.Error(t, err)

	// VOID vector
	out, err = Vector(&value.Vector{T: value.Void}, value.Int, 0)
	require.NoError(t, err)
	require.Equal(t, 0, out.Len())

	// array vector: INT[] -> DOUBLE[]
	av := &value.Vector{T: value.Int + value.ArrayOffset, I32: []int32{1, 2, 3, value.NullInt32, 5}, Offsets: []int64{2, 2, 5}}
	ad, err := Vector(av, value.Double+value.ArrayOffset, 0)
	require.NoError(t, err)
	require.Equal(t, "[[1,2],[],[3,00F,5]]", ad.String())
	_, err = Vector(av, value.Double, 0)
	require.Error(t, err)

	// scalar to scalar of its own type is returned as is
	s := value.NewInt(5)
	same, err := To(s, value.Int, 0)
	require.NoError(t, err)
	require.Same(t, s, same)
}

func TestCastVectorAllocations(t *testing.T) {
	src := make([]float64, 10000)
	for i := range src {
		src[i] = float64(i) * 1.5
	}
	v := value.NewDoubles(src)
	iv := value.NewInts(make([]int32, 10000))
	dv := &value.Vector{T: value.Date, I32: make([]int32, 10000)}
	check := func(name string, f func()) {
		allocs := testing.AllocsPerRun(5, f)
		require.LessOrEqual(t, allocs, 3.0, name)
	}
	check("DOUBLE->INT", func() { _, _ = Vector(v, value.Int, 0) })
	check("INT->LONG", func() { _, _ = Vector(iv, value.Long, 0) })
	check("INT->DOUBLE", func() { _, _ = Vector(iv, value.Double, 0) })
	check("DATE->TIMESTAMP", func() { _, _ = Vector(dv, value.Timestamp, 0) })
	check("DATE->MONTH (generic)", func() { _, _ = Vector(dv, value.Month, 0) })
	check("DOUBLE->DECIMAL64", func() { _, _ = Vector(v, value.Decimal64, 2) })
	check("INT->SHORT", func() { _, _ = Vector(iv, value.Short, 0) })
}

func BenchmarkCastDoubleToInt(b *testing.B) {
	src := make([]float64, 1<<20)
	for i := range src {
		src[i] = float64(i) * 1.25
	}
	v := value.NewDoubles(src)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _ = Vector(v, value.Int, 0)
	}
}

func TestPromote(t *testing.T) {
	cases := []struct{ a, b, want value.Type }{
		{value.Int, value.Double, value.Double}, // [1, 2.5]
		{value.Void, value.Int, value.Int},      // 1 NULL 3
		{value.Int, value.Void, value.Int},
		{value.Int, value.Long, value.Long},
		{value.Bool, value.Int, value.Int},
		{value.Char, value.Short, value.Short},
		{value.Float, value.Double, value.Double},
		{value.Int, value.Float, value.Float},
		{value.Date, value.Int, value.Date},
		{value.Long, value.Timestamp, value.Timestamp},
		{value.Date, value.Date, value.Date},
		{value.Date, value.Timestamp, value.Any},
		{value.String, value.Symbol, value.String},
		{value.Decimal32, value.Decimal64, value.Decimal64},
		{value.Decimal32, value.Int, value.Decimal32},
		{value.Decimal64, value.Double, value.Double},
		{value.Int, value.String, value.Any},
		{value.UUID, value.Int, value.Any},
	}
	for _, c := range cases {
		require.Equal(t, c.want, value.Promote(c.a, c.b), "%s %s", c.a, c.b)
	}
}

func TestCompare(t *testing.T) {
	lt := [][2]*value.Scalar{
		{value.NullScalar(value.Int), value.NewInt(-5)},
		{value.NullScalar(value.Double), value.NewDouble(-1e300)},
		{value.NewDouble(math.NaN()), value.NewDouble(0)},
		{value.NullScalar(value.Void), value.NewInt(0)},
		{value.NewInt(1), value.NewInt(2)},
		{value.NewInt(1), value.NewDouble(1.5)},
		{value.NewDouble(0.5), value.NewLong(1)},
		{value.NewString(""), value.NewString("a")},
		{value.NewString("A"), value.NewString("a")},
		{value.NewSymbol("abc"), value.NewString("abd")},
		{lit(t, "2024.01.01"), lit(t, "2024.01.02")},
		{value.NewDecimal(value.Decimal32, 314, 2), value.NewDecimal(value.Decimal64, 3141, 3)},
		{value.NewDecimal(value.Decimal32, 314, 2), value.NewInt(4)},
		{value.NewDecimal128(big.NewInt(-5), 0), value.NewDecimal(value.Decimal32, 1, 2)},
		{value.NewDecimal128(big.NewInt(5), 1), value.NewDouble(0.6)},
	}
	for _, p := range lt {
		require.Equal(t, -1, value.Compare(p[0], p[1]), "%s < %s", p[0], p[1])
		require.Equal(t, 1, value.Compare(p[1], p[0]), "%s > %s", p[1], p[0])
	}
	require.Equal(t, 0, value.Compare(value.NullScalar(value.Int), value.NullScalar(value.Int)))
	require.Equal(t, 0, value.Compare(value.NullScalar(value.Int), value.NullScalar(value.Void)))
	require.Equal(t, 0, value.Compare(value.NewInt(3), value.NewLong(3)))
	require.Equal(t, 0, value.Compare(value.NewDecimal(value.Decimal32, 300, 2), value.NewInt(3)))
	a, _ := ParseAs("00000000-0000-0000-0000-000000000001", value.UUID)
	b, _ := ParseAs("10000000-0000-0000-0000-000000000000", value.UUID)
	require.Equal(t, -1, value.Compare(a, b))
}

func TestCompareElems(t *testing.T) {
	vecs := []*value.Vector{
		value.NewInts([]int32{3, value.NullInt32, -1, 3}),
		value.NewDoubles([]float64{2.5, value.NullFloat64, math.NaN(), -1}),
		{T: value.Float, F32: []float32{2.5, value.NullFloat32, -1}},
		value.NewStrings(value.Symbol, []string{"b", "", "a"}),
		{T: value.Char, I8: []int8{5, value.NullInt8, -3}},
		{T: value.Timestamp, I64: []int64{5, value.NullInt64, -3}},
		{T: value.Decimal128, B16: [][16]byte{value.Decimal128Bytes(big.NewInt(-3)), value.NullBytes16(value.Decimal128), value.Decimal128Bytes(big.NewInt(2))}},
	}
	for _, v := range vecs {
		for i := 0; i < v.Len(); i++ {
			for j := 0; j < v.Len(); j++ {
				want := value.Compare(v.At(i), v.At(j))
				require.Equal(t, want, value.CompareElems(v, i, j), "%s %d %d", v.T, i, j)
				require.Equal(t, want < 0, v.Less(i, j))
			}
		}
	}
	// NULL sorts first
	v := value.NewInts([]int32{3, value.NullInt32, -1})
	require.True(t, v.Less(1, 2))
	require.True(t, v.Less(2, 0))
}

// TestIntWidths pins the NULL sentinel, the non-NULL range and the
// narrowing of every integer storage, computed from the storage width.
func TestIntWidths(t *testing.T) {
	for _, c := range []struct {
		t        value.Type
		null, hi int64
		wrap     int64 // wrapInt of 0x1_8000_0081
	}{
		{value.Char, int64(value.NullInt8), math.MaxInt8, int64(int8(-127))},
		{value.Short, int64(value.NullInt16), math.MaxInt16, 0x81},
		{value.Date, int64(value.NullInt32), math.MaxInt32, int64(int32(-0x7FFFFF7F))},
		{value.Long, value.NullInt64, math.MaxInt64, 0x1_8000_0081},
		{value.Double, value.NullInt64, math.MaxInt64, 0x1_8000_0081},
	} {
		require.Equal(t, c.null, nullRaw(c.t), "%s", c.t)
		lo, hi := IntRange(c.t)
		require.Equal(t, c.null+1, lo, "%s", c.t)
		require.Equal(t, c.hi, hi, "%s", c.t)
		require.Equal(t, c.wrap, wrapInt(c.t, 0x1_8000_0081), "%s", c.t)
	}
}
