package value

import (
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"
)

func lit(t *testing.T, s string) *Scalar {
	t.Helper()
	if v, err := ParseTemporal(s); err == nil {
		return v
	}
	v, err := ParseNumber(s, "")
	require.NoError(t, err, s)
	return v
}

func mustParseAs(s string, typ Type) *Scalar {
	v, err := ParseAs(s, typ)
	if err != nil {
		panic(err)
	}
	return v
}

func castS(t *testing.T, x *Scalar, typ Type, scale int32) *Scalar {
	t.Helper()
	out, err := Cast(x, typ, scale)
	require.NoError(t, err, "%s %s -> %s", x.T, x, typ)
	s := out.(*Scalar)
	require.Equal(t, typ, s.T)
	return s
}

func TestCastDocumentedExamples(t *testing.T) {
	cases := []struct {
		in   *Scalar
		to   Type
		out  string
		null bool
	}{
		// "Data Type Conversion" page
		{NewString("10.9"), Int, "10", false},
		{NewString("120.9c"), Short, "120", false},
		{NewString("12.3"), Short, "12", false},
		{NewString("10.9"), Long, "10", false},
		{NewString("128.9"), Int, "128", false},
		{lit(t, "2147483647"), Int, "2147483647", false},
		{lit(t, "2147483648"), Int, "", true},
		{lit(t, "32767"), Short, "32767", false},
		{lit(t, "32768"), Short, "", true},
		{lit(t, "65578"), Short, "42", false},     // "short" page
		{lit(t, "32789"), Short, "-32747", false}, // "short" page
		{lit(t, "9223372036854775808l"), Long, "9223372036854775807", false},
		{lit(t, "100.2"), Bool, "true", false},
		{lit(t, "0"), Bool, "false", false},
		{NewString("true"), Bool, "true", false},
		{NewString("false"), Bool, "false", false},
		{lit(t, "99"), Char, "'c'", false},
		{lit(t, "104"), Char, "'h'", false},
		{lit(t, "10"), String, "10", false},
		{lit(t, "108.5"), String, "108.5", false},
		{lit(t, "8.9"), Int, "9", false}, // 8.9$INT
		{NewString("10"), Double, "10", false},
		{NewString("10.9"), Double, "10.9", false},
		{lit(t, "1"), Date, "1970.01.02", false},
		{NewString("2011.10.12"), Date, "2011.10.12", false},
		{lit(t, "2012.12.03T01:22:01"), Date, "2012.12.03", false},
		{lit(t, "2016.03M"), Date, "2016.03.01", false},
		{lit(t, "1"), DateHour, "1970.01.01T01", false},
		{lit(t, "2012.06.13T13:30:10"), DateHour, "2012.06.13T13", false},
		{lit(t, "2012.06.15T15:32:10.158"), DateHour, "2012.06.15T15", false},
		{lit(t, "2012.01M"), DateHour, "2012.01.01T00", false},
		{lit(t, "1"), DateTime, "1970.01.01T00:00:01", false},
		{lit(t, "2009.11.10"), DateTime, "2009.11.10T00:00:00", false},
		{lit(t, "2012.01M"), DateTime, "2012.01.01T00:00:00", false},
		{lit(t, "1"), Timestamp, "1970.01.01T00:00:00.001", false},
		{lit(t, "2016.10.12"), Timestamp, "2016.10.12T00:00:00.000", false},
		{lit(t, "2012.01M"), Timestamp, "2012.01.01T00:00:00.000", false},
		{NewString("2012.12"), Month, "2012.12M", false},
		{lit(t, "2012.12.23"), Month, "2012.12M", false},
		{lit(t, "2016.02.14"), Month, "2016.02M", false},
		{lit(t, "1"), Second, "00:00:01", false},
		{lit(t, "61"), Second, "00:01:01", false},
		{NewString("19:36:12"), Second, "19:36:12", false},
		{lit(t, "2012.12.03T01:22:01"), Second, "01:22:01", false},
		{lit(t, "2012.06.13T13:30:10"), Second, "13:30:10", false},
		{lit(t, "1"), Minute, "00:01m", false},
		{lit(t, "1"), Time, "00:00:00.001", false},
		{NewString("12:32:56.356"), Time, "12:32:56.356", false},
		{lit(t, "1000000000"), NanoTime, "00:00:01.000000000", false},
		{lit(t, "12:06:09"), NanoTime, "12:06:09.000000000", false},
		{lit(t, "2012.12.03T01:22:01.123456789"), NanoTime, "01:22:01.123456789", false},
		{NewString("13:30:10.008007006"), NanoTime, "13:30:10.008007006", false},
		{lit(t, "1"), NanoTimestamp, "1970.01.01T00:00:00.000000001", false},
		{lit(t, "1000000000"), NanoTimestamp, "1970.01.01T00:00:01.000000000", false},
		{lit(t, "2012.12.03T12:06:09"), NanoTimestamp, "2012.12.03T12:06:09.000000000", false},
		{NewString("2012.12.03 13:30:10.008007006"), NanoTimestamp, "2012.12.03T13:30:10.008007006", false},
		{lit(t, "2012.01M"), NanoTimestamp, "2012.01.01T00:00:00.000000000", false},
		{NewString("9d457e79-1bed-d6c2-3612-b0d31c1881f6"), UUID, "9d457e79-1bed-d6c2-3612-b0d31c1881f6", false},
		{NewString(""), UUID, "00000000-0000-0000-0000-000000000000", true},
		{NewString("192.168.1.13"), IPAddr, "192.168.1.13", false},
		{NewString("e1671797c52e15f763380b45e841ec32"), Int128, "e1671797c52e15f763380b45e841ec32", false},
		{NewString("XOM"), Symbol, "XOM", false},
		// "Temporal Type and Conversion" page
		{lit(t, "2012.06.13T13:30:10"), Date, "2012.06.13", false},
		{lit(t, "2012.06.13T13:30:10"), Timestamp, "2012.06.13T13:30:10.000", false},
		// "Temporal Type Comparison" tutorial
		{lit(t, "2012.01M"), Date, "2012.01.01", false},
		{lit(t, "2012.01.02"), Month, "2012.01M", false},
		{lit(t, "23:30:00"), Minute, "23:30m", false},
		{lit(t, "23:30:00.000"), Minute, "23:30m", false},
		{lit(t, "23:30:00.000000000"), Minute, "23:30m", false},
		{lit(t, "23:30m"), Second, "23:30:00", false},
		{lit(t, "23:30:00.001"), Second, "23:30:00", false},
		{lit(t, "23:30:00.000000001"), Second, "23:30:00", false},
		{lit(t, "23:31m"), Time, "23:31:00.000", false},
		{lit(t, "23:30:01"), Time, "23:30:01.000", false},
		{lit(t, "23:30:01.000000001"), Time, "23:30:01.000", false},
	}
	for _, c := range cases {
		s := castS(t, c.in, c.to, 0)
		require.Equal(t, c.null, s.Null, "%s(%s)", c.to, c.in)
		require.Equal(t, c.out, s.String(), "%s(%s)", c.to, c.in)
	}
}

func TestCastRules(t *testing.T) {
	cases := []struct {
		in   *Scalar
		to   Type
		out  string
		null bool
	}{
		// floating -> integral rounds half away from zero
		{lit(t, "2.5"), Int, "3", false},
		{lit(t, "-2.5"), Int, "-3", false},
		{lit(t, "2.4999"), Int, "2", false},
		{lit(t, "-0.4"), Int, "0", false},
		{lit(t, "1.5"), Long, "2", false},
		{lit(t, "126.6"), Char, "127", false},
		{lit(t, "3e9"), Int, "", true},
		{lit(t, "1e19"), Long, "", true},
		{lit(t, "40000.0"), Short, "", true},
		{NewFloat(2.5), Short, "3", false},
		{NewDouble(math.NaN()), Int, "", true},
		// integral narrowing keeps the low bits
		{lit(t, "300"), Char, "','", false}, // 300 keeps its low byte: 44
		{lit(t, "128"), Char, "", true},
		{lit(t, "4294967297l"), Int, "1", false},
		{lit(t, "22l"), Int, "22", false},
		{lit(t, "97c"), Int, "97", false},
		{lit(t, "1b"), Int, "1", false},
		{lit(t, "7"), Double, "7", false},
		{lit(t, "7"), Float, "7", false},
		{lit(t, "2.75"), Float, "2.75", false},
		{lit(t, "1e300"), Float, "", true},
		// -> BOOL
		{lit(t, "0.0"), Bool, "false", false},
		{lit(t, "-3"), Bool, "true", false},
		{NewString("abc"), Bool, "false", false},
		{lit(t, "2024.01.01"), Bool, "true", false},
		// -> STRING / SYMBOL: printed form
		{lit(t, "2.5"), String, "2.5", false},
		{lit(t, "97c"), String, "a", false},
		{lit(t, "1b"), String, "true", false},
		{lit(t, "2024.01.01T10:00:00"), String, "2024.01.01T10:00:00", false},
		{lit(t, "13:30m"), Symbol, "13:30m", false},
		{NewInt(NullInt32), String, "", true},
		{NewString("x"), Symbol, "x", false},
		{NewSymbol("x"), String, "x", false},
		{NewString("x"), Blob, "x", false},
		// temporal <-> temporal
		{lit(t, "2024.01.01T10:00:00"), Date, "2024.01.01", false},
		{lit(t, "2024.01.01"), Timestamp, "2024.01.01T00:00:00.000", false},
		{lit(t, "2024.03.15"), Month, "2024.03M", false},
		{lit(t, "2024.03.15T10:20:30"), Month, "2024.03M", false},
		{lit(t, "2024.03.15T10:20:30.123456789"), Timestamp, "2024.03.15T10:20:30.123", false},
		{lit(t, "2024.03.15T10:20:30.123"), NanoTimestamp, "2024.03.15T10:20:30.123000000", false},
		{lit(t, "2024.03.15T10:20:30.123"), DateTime, "2024.03.15T10:20:30", false},
		{lit(t, "2024.03.15T10:20:30.123"), Time, "10:20:30.123", false},
		{lit(t, "2024.03.15T10:20:30.123"), Minute, "10:20m", false},
		{lit(t, "2024.03.15T10:20:30.123"), DateHour, "2024.03.15T10", false},
		{lit(t, "2012.06.13T13"), DateTime, "2012.06.13T13:00:00", false},
		{lit(t, "2012.06.13T13"), Date, "2012.06.13", false},
		{lit(t, "2012.06.13T13"), Minute, "13:00m", false},
		{lit(t, "1969.12.31T23:59:59.999"), Date, "1969.12.31", false},
		{lit(t, "1969.12.31T23:59:59.999"), Second, "23:59:59", false},
		{lit(t, "1969.12.31T23:59:59.999"), DateTime, "1969.12.31T23:59:59", false},
		{lit(t, "1969.12M"), Date, "1969.12.01", false},
		{lit(t, "1960.06.15"), Month, "1960.06M", false},
		{lit(t, "2050.01.01"), DateTime, "", true}, // beyond DATETIME's range
		{lit(t, "2300.01.01"), NanoTimestamp, "", true},
		// integral -> temporal reinterprets the raw value
		{lit(t, "0"), Date, "1970.01.01", false},
		{lit(t, "-1"), Date, "1969.12.31", false},
		{lit(t, "24149"), Month, "2012.06M", false},
		{lit(t, "86400"), Second, "", true}, // outside a day
		{lit(t, "-1"), Time, "", true},
		{lit(t, "1.6"), Date, "1970.01.03", false},
		// temporal -> number: raw value
		{lit(t, "2012.06.13"), Int, "15504", false},
		{lit(t, "2012.06.13T13:30:10.008"), Double, "1.339594E12", false},
		{lit(t, "2012.06.13T13:30:10.008"), Long, "1339594210008", false},
		// binary family
		{mustParseAs("192.168.1.13", IPAddr), Int128, "000000000000000000000000c0a8010d", false},
		{mustParseAs("192.168.1.13", IPAddr), String, "192.168.1.13", false},
		{mustParseAs("5d212a78-cc48-e3b1-4235-b4d91473ee87", UUID), Symbol, "5d212a78-cc48-e3b1-4235-b4d91473ee87", false},
		// NULLs
		{NullScalar(Void), Int, "", true},
		{NullScalar(Void), Date, "", true},
		{NullScalar(Void), String, "", true},
		{NullScalar(Double), Int, "", true},
		{NullScalar(Date), Timestamp, "", true},
	}
	for _, c := range cases {
		s := castS(t, c.in, c.to, 0)
		require.Equal(t, c.null, s.Null, "%s(%s %s)", c.to, c.in.T, c.in)
		require.Equal(t, c.out, s.String(), "%s(%s %s)", c.to, c.in.T, c.in)
	}
}

func TestCastErrors(t *testing.T) {
	cases := []struct {
		in  *Scalar
		to  Type
		err string
	}{
		{lit(t, "13:30:10"), Date, "Can't convert SECOND to DATE"},
		{lit(t, "13:30:10.008"), Timestamp, "Can't convert TIME to TIMESTAMP"},
		{lit(t, "13:30m"), Month, "Can't convert MINUTE to MONTH"},
		{lit(t, "2024.01.01"), Time, "Can't convert DATE to TIME"},
		{lit(t, "2024.01M"), Second, "Can't convert MONTH to SECOND"},
		{lit(t, "2024.01.01"), UUID, "Can't convert DATE to UUID"},
		{lit(t, "1"), IPAddr, "Can't convert INT to IPADDR"},
		{lit(t, "1.5"), UUID, "Can't convert DOUBLE to UUID"},
		{lit(t, "2024.01.01"), Decimal32, "Can't convert DATE to DECIMAL32(2)"},
		{lit(t, "1b"), Decimal64, "Can't convert BOOL to DECIMAL64(2)"},
		{lit(t, "97c"), Decimal64, "Can't convert CHAR to DECIMAL64(2)"},
		{NewString("990"), Char, "Failed to convert the string to CHAR"},
		{NewString("zz"), UUID, "Invalid UUID string"},
		{lit(t, "1"), FunctionDef, "Can't convert INT to FUNCTIONDEF"},
		{lit(t, "1000000000"), Decimal32, "Decimal math overflow"},
	}
	for _, c := range cases {
		_, err := Cast(c.in, c.to, 2)
		require.EqualError(t, err, c.err, "%s -> %s", c.in.T, c.to)
	}
	_, err := Cast(lit(t, "1"), Decimal32, 10)
	require.EqualError(t, err, "Scale is out of bounds")
	_, err = Cast(lit(t, "1"), Decimal64, 19)
	require.EqualError(t, err, "Scale is out of bounds")
	_, err = Cast(lit(t, "1"), Decimal32, -1)
	require.EqualError(t, err, "Scale is out of bounds")
	// the same checks on vectors
	_, err = CastVector(NewInts([]int32{1, 2}), UUID, 0)
	require.EqualError(t, err, "Can't convert INT to UUID")
	_, err = CastVector(&Vector{T: Second, I32: []int32{1}}, Date, 0)
	require.EqualError(t, err, "Can't convert SECOND to DATE")
}

func TestCastDecimal(t *testing.T) {
	cases := []struct {
		in    *Scalar
		to    Type
		scale int32
		out   string
	}{
		// "Data Type Conversion" / decimal32 reference / DECIMAL tutorial
		{lit(t, "142"), Decimal32, 2, "142.00"},
		{lit(t, "142"), Decimal64, 2, "142.00"},
		{lit(t, "142"), Decimal128, 2, "142.00"},
		{NewDouble(1.0 / 7), Decimal32, 6, "0.142857"},
		{lit(t, "1.23456"), Decimal32, 3, "1.234"}, // numbers truncate
		{lit(t, "-1.23456"), Decimal64, 3, "-1.234"},
		{lit(t, "77.32"), Decimal32, 5, "77.31999"},
		{lit(t, "1.23"), Decimal32, 4, "1.2300"},
		{lit(t, "3"), Decimal32, 4, "3.0000"},
		{lit(t, "1000000000"), Decimal32, 0, "1000000000"},
		{NewString("3.1415926535"), Decimal32, 4, "3.1416"}, // strings round (2.00.10+)
		{NewString("1.23456"), Decimal32, 3, "1.235"},
		{NewString("1.341"), Decimal32, 2, "1.34"},
		{NewString("4.5677"), Decimal32, 2, "4.57"},
		{NewSymbol("4.5677"), Decimal64, 2, "4.57"},
		{lit(t, "1.5f"), Decimal64, 1, "1.5"},
		{lit(t, "-7"), Decimal128, 3, "-7.000"},
		{lit(t, "123456789012.5"), Decimal128, 2, "123456789012.50"},
		{lit(t, "00i"), Decimal32, 2, ""},
	}
	for _, c := range cases {
		s := castS(t, c.in, c.to, c.scale)
		require.Equal(t, c.scale, s.Scale)
		require.Equal(t, c.out, s.String(), "%s(%s, %d)", c.to, c.in, c.scale)
	}
	// and back
	d := NewDecimal(Decimal32, 314, 2)
	require.Equal(t, "3.14", d.String())
	require.Equal(t, "3", castS(t, d, Int, 0).String())
	require.Equal(t, "3.14", castS(t, d, Double, 0).String())
	require.Equal(t, "3.14", castS(t, d, String, 0).String())
	require.Equal(t, "true", castS(t, d, Bool, 0).String())
	require.Equal(t, "3.1400", castS(t, d, Decimal64, 4).String())
	require.Equal(t, "3.1", castS(t, d, Decimal64, 1).String())
	require.Equal(t, "3.14", castS(t, d, Decimal64, -1).String())
	require.Equal(t, "3.140", castS(t, d, Decimal128, 3).String())
	require.Equal(t, "-3", castS(t, NewDecimal(Decimal64, -250, 2), Int, 0).String())
	require.Equal(t, "-2", castS(t, NewDecimal(Decimal64, -249, 2), Int, 0).String())
	big128 := NewDecimal128(big.NewInt(-123456), 3)
	require.Equal(t, "-123.456", big128.String())
	require.Equal(t, "-123.456", castS(t, big128, Double, 0).String())
	require.Equal(t, "-123.45", castS(t, big128, Decimal64, 2).String())
	require.Equal(t, "-123", castS(t, big128, Long, 0).String())
	_, err := Cast(NewDecimal(Decimal64, 3, 0), Decimal32, 9)
	require.EqualError(t, err, "Decimal math overflow")
}

func TestCastVectorMatchesScalar(t *testing.T) {
	// Every fast path must agree with the element-by-element scalar rules.
	sources := []*Vector{
		NewInts([]int32{1, NullInt32, -7, 2147483647, -2147483647, 0, 15504, 86399}),
		NewLongs([]int64{1, NullInt64, 4294967297, -1, 1339594210008, 9223372036854775807}),
		{T: Short, I16: []int16{1, NullInt16, -32767, 300}},
		{T: Char, I8: []int8{97, NullInt8, -1, 127}},
		{T: Bool, I8: []int8{1, 0, NullInt8}},
		NewDoubles([]float64{1.5, -2.5, 2.4999, NullFloat64, math.NaN(), 3e9, -3e9, 1e19, 0.5, 1e300, 77.32, 1.0 / 7}),
		{T: Float, F32: []float32{1.5, -2.5, NullFloat32, 3e9, 0.25}},
		{T: Date, I32: []int32{0, -1, 15504, NullInt32, 2932896}},
		{T: Month, I32: []int32{24149, 23640, NullInt32, 0}},
		{T: Time, I32: []int32{48610008, 0, NullInt32, 86399999}},
		{T: Minute, I32: []int32{810, 0, NullInt32, 1439}},
		{T: Second, I32: []int32{48610, 0, NullInt32, 86399}},
		{T: DateTime, I32: []int32{1339594210, -1, NullInt32, 0}},
		{T: DateHour, I32: []int32{372109, -1, NullInt32}},
		{T: Timestamp, I64: []int64{1339594210008, -1, NullInt64, 0, 9223372036854775807}},
		{T: NanoTime, I64: []int64{48610008007006, 0, NullInt64}},
		{T: NanoTimestamp, I64: []int64{1339594210008007006, -1, NullInt64, -9223372036854775807}},
		{T: Decimal32, Scale: 2, I32: []int32{314, -250, NullInt32}},
		{T: Decimal64, Scale: 4, I64: []int64{31400, -15000, NullInt64}},
		NewStrings(String, []string{"10.9", "", "abc", "2024.01.01", "13:30:10"}),
	}
	targets := []Type{Bool, Char, Short, Int, Long, Float, Double, Date, Month, Time, Minute, Second,
		DateTime, Timestamp, NanoTime, NanoTimestamp, DateHour, String, Symbol, Decimal32, Decimal64, Decimal128}
	for _, src := range sources {
		for _, to := range targets {
			var scale int32
			if to.IsDecimal() {
				scale = 2
			}
			out, verr := CastVector(src, to, scale)
			wants := make([]*Scalar, src.Len())
			var serr error
			for i := range wants {
				w, err := Cast(src.At(i), to, scale)
				if err != nil {
					serr = err
					break
				}
				wants[i] = w.(*Scalar)
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
	v := NewInts([]int32{1, 2, 3})
	out, err := CastVector(v, Int, 0)
	require.NoError(t, err)
	require.Same(t, v, out)

	d := &Vector{T: Decimal32, Scale: 2, I32: []int32{314}}
	out, err = CastVector(d, Decimal32, 2)
	require.NoError(t, err)
	require.Same(t, d, out)
	out, err = CastVector(d, Decimal32, 3)
	require.NoError(t, err)
	require.Equal(t, "[3.140]", out.String())

	// DOUBLE -> INT rounds: append! page, 5.5 -> 6 and 6.6 -> 7
	out, err = CastVector(NewDoubles([]float64{1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.2}), Int, 0)
	require.NoError(t, err)
	require.Equal(t, []int32{1, 2, 3, 4, 6, 7, 7}, out.I32)

	// symbol(`XOM`y) makes a SYMBOL vector
	out, err = CastVector(NewStrings(String, []string{"XOM", "y"}), Symbol, 0)
	require.NoError(t, err)
	require.Equal(t, Symbol, out.T)
	require.Equal(t, `["XOM","y"]`, out.String())

	// x=1..10; x$DOUBLE
	out, err = CastVector(NewInts([]int32{1, 2, 3}), Double, 0)
	require.NoError(t, err)
	require.Equal(t, "[1,2,3]", out.String())

	// pair and tuple
	p := NewPair(NewInt(1), NewInt(2))
	pv, err := Cast(p, Double, 0)
	require.NoError(t, err)
	require.Equal(t, "1:2", pv.String())
	require.Equal(t, Double, pv.Type())
	tup := NewTuple([]Value{NewInt(1), NewDouble(2.5), NullScalar(Void), NewString("7")})
	tv, err := CastVector(tup, Double, 0)
	require.NoError(t, err)
	require.Equal(t, "[1,2.5,,7]", tv.String())
	back, err := CastVector(tv, Any, 0)
	require.NoError(t, err)
	require.Equal(t, "(1,2.5,,7)", back.String())
	_, err = CastVector(NewTuple([]Value{NewInts([]int32{1})}), Int, 0)
	require.Error(t, err)

	// VOID vector
	out, err = CastVector(&Vector{T: Void}, Int, 0)
	require.NoError(t, err)
	require.Equal(t, 0, out.Len())

	// array vector: INT[] -> DOUBLE[]
	av := &Vector{T: Int + ArrayOffset, I32: []int32{1, 2, 3, NullInt32, 5}, Offsets: []int64{2, 2, 5}}
	ad, err := CastVector(av, Double+ArrayOffset, 0)
	require.NoError(t, err)
	require.Equal(t, "[[1,2],[],[3,,5]]", ad.String())
	_, err = CastVector(av, Double, 0)
	require.Error(t, err)

	// scalar to scalar of its own type is returned as is
	s := NewInt(5)
	same, err := Cast(s, Int, 0)
	require.NoError(t, err)
	require.Same(t, s, same)
}

func TestCastVectorAllocations(t *testing.T) {
	src := make([]float64, 10000)
	for i := range src {
		src[i] = float64(i) * 1.5
	}
	v := NewDoubles(src)
	iv := NewInts(make([]int32, 10000))
	dv := &Vector{T: Date, I32: make([]int32, 10000)}
	check := func(name string, f func()) {
		allocs := testing.AllocsPerRun(5, f)
		require.LessOrEqual(t, allocs, 3.0, name)
	}
	check("DOUBLE->INT", func() { _, _ = CastVector(v, Int, 0) })
	check("INT->LONG", func() { _, _ = CastVector(iv, Long, 0) })
	check("INT->DOUBLE", func() { _, _ = CastVector(iv, Double, 0) })
	check("DATE->TIMESTAMP", func() { _, _ = CastVector(dv, Timestamp, 0) })
	check("DATE->MONTH (generic)", func() { _, _ = CastVector(dv, Month, 0) })
	check("DOUBLE->DECIMAL64", func() { _, _ = CastVector(v, Decimal64, 2) })
	check("INT->SHORT", func() { _, _ = CastVector(iv, Short, 0) })
}

func BenchmarkCastDoubleToInt(b *testing.B) {
	src := make([]float64, 1<<20)
	for i := range src {
		src[i] = float64(i) * 1.25
	}
	v := NewDoubles(src)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _ = CastVector(v, Int, 0)
	}
}

func TestPromote(t *testing.T) {
	cases := []struct{ a, b, want Type }{
		{Int, Double, Double}, // [1, 2.5]
		{Void, Int, Int},      // 1 NULL 3
		{Int, Void, Int},
		{Int, Long, Long},
		{Bool, Int, Int},
		{Char, Short, Short},
		{Float, Double, Double},
		{Int, Float, Float},
		{Date, Int, Date},
		{Long, Timestamp, Timestamp},
		{Date, Date, Date},
		{Date, Timestamp, Any},
		{String, Symbol, String},
		{Decimal32, Decimal64, Decimal64},
		{Decimal32, Int, Decimal32},
		{Decimal64, Double, Double},
		{Int, String, Any},
		{UUID, Int, Any},
	}
	for _, c := range cases {
		require.Equal(t, c.want, Promote(c.a, c.b), "%s %s", c.a, c.b)
	}
}

func TestCompare(t *testing.T) {
	lt := [][2]*Scalar{
		{NullScalar(Int), NewInt(-5)},
		{NullScalar(Double), NewDouble(-1e300)},
		{NewDouble(math.NaN()), NewDouble(0)},
		{NullScalar(Void), NewInt(0)},
		{NewInt(1), NewInt(2)},
		{NewInt(1), NewDouble(1.5)},
		{NewDouble(0.5), NewLong(1)},
		{NewString(""), NewString("a")},
		{NewString("A"), NewString("a")},
		{NewSymbol("abc"), NewString("abd")},
		{lit(t, "2024.01.01"), lit(t, "2024.01.02")},
		{NewDecimal(Decimal32, 314, 2), NewDecimal(Decimal64, 3141, 3)},
		{NewDecimal(Decimal32, 314, 2), NewInt(4)},
		{NewDecimal128(big.NewInt(-5), 0), NewDecimal(Decimal32, 1, 2)},
		{NewDecimal128(big.NewInt(5), 1), NewDouble(0.6)},
	}
	for _, p := range lt {
		require.Equal(t, -1, Compare(p[0], p[1]), "%s < %s", p[0], p[1])
		require.Equal(t, 1, Compare(p[1], p[0]), "%s > %s", p[1], p[0])
	}
	require.Equal(t, 0, Compare(NullScalar(Int), NullScalar(Int)))
	require.Equal(t, 0, Compare(NullScalar(Int), NullScalar(Void)))
	require.Equal(t, 0, Compare(NewInt(3), NewLong(3)))
	require.Equal(t, 0, Compare(NewDecimal(Decimal32, 300, 2), NewInt(3)))
	a, _ := ParseAs("00000000-0000-0000-0000-000000000001", UUID)
	b, _ := ParseAs("10000000-0000-0000-0000-000000000000", UUID)
	require.Equal(t, -1, Compare(a, b))
}

func TestCompareElems(t *testing.T) {
	vecs := []*Vector{
		NewInts([]int32{3, NullInt32, -1, 3}),
		NewDoubles([]float64{2.5, NullFloat64, math.NaN(), -1}),
		{T: Float, F32: []float32{2.5, NullFloat32, -1}},
		NewStrings(Symbol, []string{"b", "", "a"}),
		{T: Char, I8: []int8{5, NullInt8, -3}},
		{T: Timestamp, I64: []int64{5, NullInt64, -3}},
		{T: Decimal128, B16: [][16]byte{Decimal128Bytes(big.NewInt(-3)), nullDecimal128, Decimal128Bytes(big.NewInt(2))}},
	}
	for _, v := range vecs {
		for i := 0; i < v.Len(); i++ {
			for j := 0; j < v.Len(); j++ {
				want := Compare(v.At(i), v.At(j))
				require.Equal(t, want, CompareElems(v, i, j), "%s %d %d", v.T, i, j)
				require.Equal(t, want < 0, v.Less(i, j))
			}
		}
	}
	// NULL sorts first
	v := NewInts([]int32{3, NullInt32, -1})
	require.True(t, v.Less(1, 2))
	require.True(t, v.Less(2, 0))
}
