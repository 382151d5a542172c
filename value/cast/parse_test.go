package cast

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestParseNumber(t *testing.T) {
	cases := []struct {
		text, suffix string
		typ          value.Type
		out          string // printed form ("" for NULL)
		null         bool
	}{
		// "Data Types" page: default integer literal is INT, decimal is DOUBLE.
		{"21", "", value.Int, "21", false},
		{"-3", "", value.Int, "-3", false},
		{"2147483647", "", value.Int, "2147483647", false},
		{"2147483648", "", value.Long, "2147483648", false},
		{"-2147483648", "", value.Long, "-2147483648", false},
		{"0x1F", "", value.Int, "31", false},
		{"0x1f", "", value.Int, "31", false},
		{"2.1", "", value.Double, "2.1", false},
		{"1e5", "", value.Double, "100000", false},
		{".5", "", value.Double, "0.5", false},
		{"-1.5e-3", "", value.Double, "-0.0015", false},
		{"1e400", "", value.Double, "", true}, // DOUBLE overflow is NULL
		// suffixes, given split or attached
		{"97", "c", value.Char, "'a'", false},
		{"97c", "", value.Char, "'a'", false},
		{"-128c", "", value.Char, "", true}, // -128c is 00c ("Data Types" page)
		{"122", "h", value.Short, "122", false},
		{"122h", "", value.Short, "122", false},
		{"21i", "", value.Int, "21", false},
		{"22l", "", value.Long, "22", false},
		{"22", "l", value.Long, "22", false},
		{"9223372036854775807l", "", value.Long, "9223372036854775807", false},
		// long(9223372036854775808l) = 9223372036854775807 (conversion page)
		{"9223372036854775808l", "", value.Long, "9223372036854775807", false},
		{"99999999999999999999", "", value.Long, "9223372036854775807", false},
		{"2.1f", "", value.Float, "2.1", false},
		{"3f", "", value.Float, "3", false},
		{"2.1F", "", value.Double, "2.1", false},
		{"3F", "", value.Double, "3", false},
		{"1b", "", value.Bool, "true", false},
		{"0b", "", value.Bool, "false", false},
		{"3b", "", value.Bool, "true", false},
		{"3P", "", value.Decimal64, "3", false},
		{"3.141P", "", value.Decimal64, "3.141", false},
		{"65578h", "", value.Short, "42", false},
		// typed NULLs
		{"00i", "", value.Int, "", true},
		{"00", "i", value.Int, "", true},
		{"00l", "", value.Long, "", true},
		{"00h", "", value.Short, "", true},
		{"00c", "", value.Char, "", true},
		{"00b", "", value.Bool, "", true},
		{"00f", "", value.Float, "", true},
		{"00F", "", value.Double, "", true},
		{"00d", "", value.Date, "", true},
		{"00M", "", value.Month, "", true},
		{"00t", "", value.Time, "", true},
		{"00m", "", value.Minute, "", true},
		{"00s", "", value.Second, "", true},
		{"00D", "", value.DateTime, "", true},
		{"00T", "", value.Timestamp, "", true},
		{"00n", "", value.NanoTime, "", true},
		{"00N", "", value.NanoTimestamp, "", true},
		{"00", "", value.Int, "0", false},
	}
	for _, c := range cases {
		s, err := ParseNumber(c.text, c.suffix)
		require.NoError(t, err, "%s %s", c.text, c.suffix)
		require.Equal(t, c.typ, s.T, "%s%s type", c.text, c.suffix)
		require.Equal(t, c.null, s.Null, "%s%s null", c.text, c.suffix)
		require.Equal(t, c.out, s.String(), "%s%s print", c.text, c.suffix)
	}
	for _, bad := range []string{"", "abc", "1x", "1.2.3", "0x", "00q", "1d", "-", "2s"} {
		_, err := ParseNumber(bad, "")
		require.Error(t, err, bad)
	}
}

func TestParseTemporal(t *testing.T) {
	cases := []struct {
		in, out string
		typ     value.Type
	}{
		{"2013.06.13", "2013.06.13", value.Date},
		{"2012.06M", "2012.06M", value.Month},
		{"13:30:10.008", "13:30:10.008", value.Time},
		{"13:30m", "13:30m", value.Minute},
		{"13:30:10", "13:30:10", value.Second},
		{"2012.06.13T13:30:10", "2012.06.13T13:30:10", value.DateTime},
		{"2012.06.13 13:30:10", "2012.06.13T13:30:10", value.DateTime},
		{"2012.06.13T13:30:10.008", "2012.06.13T13:30:10.008", value.Timestamp},
		{"2012.06.13 13:30:10.008", "2012.06.13T13:30:10.008", value.Timestamp},
		{"13:30:10.008007006", "13:30:10.008007006", value.NanoTime},
		{"09:00:01.000100001", "09:00:01.000100001", value.NanoTime},
		{"2012.06.13T13:30:10.008007006", "2012.06.13T13:30:10.008007006", value.NanoTimestamp},
		{"2016.12.30T09:00:01.000100001", "2016.12.30T09:00:01.000100001", value.NanoTimestamp},
		{"2012.06.13T13", "2012.06.13T13", value.DateHour},
		{"2024.02.29", "2024.02.29", value.Date},
		{"2000.02.29", "2000.02.29", value.Date},
		{"1969.12.31", "1969.12.31", value.Date},
		{"0001.01.01", "0001.01.01", value.Date},
		{"1901.12.13T20:45:53", "1901.12.13T20:45:53", value.DateTime},
		{"2038.01.19T03:14:07", "2038.01.19T03:14:07", value.DateTime},
		{"1677.09.21T00:12:43.145224193", "1677.09.21T00:12:43.145224193", value.NanoTimestamp},
		{"2262.04.11T23:47:16.854775807", "2262.04.11T23:47:16.854775807", value.NanoTimestamp},
		{"13:30:10.008007", "13:30:10.008007000", value.NanoTime},
		// a trailing type letter converts
		{"2013.06.13T", "2013.06.13T00:00:00.000", value.Timestamp},
		{"13:30:10t", "13:30:10.000", value.Time},
		{"2012.06.13T13:30:10d", "2012.06.13", value.Date},
		{"00d", "", value.Date},
		{"00N", "", value.NanoTimestamp},
	}
	for _, c := range cases {
		s, err := ParseTemporal(c.in)
		require.NoError(t, err, c.in)
		require.Equal(t, c.typ, s.T, c.in)
		require.Equal(t, c.out, s.String(), c.in)
	}
	// Known raw values ("date_time" tutorial: 2012.06.13 is 15504,
	// 2012.06M is 24149, 13:30m is 810, 13:30:10 is 48610, 13:30:10.008 is
	// 48610008, 09:00:01.000100001 is 32401000100001, 2012.06.13T13:30:10 is
	// 1339594210, the TIMESTAMP 1339594210008 is 2012.06.13T13:30:10.008).
	raw := map[string]int64{
		"2012.06.13": 15504, "2012.06M": 24149, "13:30m": 810, "13:30:10": 48610,
		"13:30:10.008": 48610008, "09:00:01.000100001": 32401000100001,
		"2012.06.13T13:30:10": 1339594210, "2012.06.13T13:30:10.008": 1339594210008,
		"1970.01.01": 0, "1970.01.02": 1, "1969.12.31": -1,
	}
	for in, want := range raw {
		s, err := ParseTemporal(in)
		require.NoError(t, err, in)
		require.Equal(t, want, s.I, in)
	}
	for _, bad := range []string{
		"2023.02.30", "2023.02.29", "2100.02.29", "2023.13.01", "2023.00.10", "2023.01.00",
		"24:00:00", "13:60:00", "13:30:60", "13:30", "2012.06", "2012.06.13X10",
		"1901.12.13T20:45:52", "2038.01.19T03:14:08", "2262.04.11T23:47:16.854775808",
		"13:30:10.", "abc", "2012.06.13T13:30:10.008x", "13:30:10.0080070061",
	} {
		_, err := ParseTemporal(bad)
		require.Error(t, err, bad)
	}
}

func TestParseAs(t *testing.T) {
	cases := []struct {
		in   string
		typ  value.Type
		out  string
		null bool
	}{
		// "Data Type Conversion" page examples
		{"10.9", value.Int, "10", false},
		{"12.3", value.Short, "12", false},
		{"120.9c", value.Short, "120", false},
		{"10.9", value.Long, "10", false},
		{"128.9", value.Int, "128", false},
		{"-7abc", value.Int, "-7", false},
		{"abc", value.Int, "", true},
		{"", value.Int, "", true},
		{"65578", value.Short, "42", false},
		{"true", value.Bool, "true", false},
		{"false", value.Bool, "false", false},
		{"TRUE", value.Bool, "true", false},
		{"0", value.Bool, "false", false},
		{"5", value.Bool, "true", false},
		{"99", value.Char, "'c'", false},
		{"'a'", value.Char, "'a'", false},
		{"10", value.Double, "10", false},
		{"10.9", value.Double, "10.9", false},
		{"1e3x", value.Double, "1000", false},
		{"2.5", value.Float, "2.5", false},
		{"nope", value.Double, "", true},
		{"2011.10.12", value.Date, "2011.10.12", false},
		{"2024.01.01", value.Date, "2024.01.01", false},
		{"2012.06.13T13:30:10", value.Date, "2012.06.13", false},
		{"2023.02.30", value.Date, "", true},
		{"junk", value.Date, "", true},
		{"2012.12", value.Month, "2012.12M", false},
		{"2012.12M", value.Month, "2012.12M", false},
		{"2012.12.23", value.Month, "2012.12M", false},
		{"19:36:12", value.Second, "19:36:12", false},
		{"12:32:56.356", value.Time, "12:32:56.356", false},
		{"13:30:10.008007006", value.NanoTime, "13:30:10.008007006", false},
		{"2012.12.03 13:30:10.008007006", value.NanoTimestamp, "2012.12.03T13:30:10.008007006", false},
		{"2012.06.13 13:30:10", value.DateTime, "2012.06.13T13:30:10", false},
		{"2012.06.13", value.Timestamp, "2012.06.13T00:00:00.000", false},
		{"13:30", value.Minute, "13:30m", false},
		{"2024-01-05", value.Date, "2024.01.05", false},
		{"5d212a78-cc48-e3b1-4235-b4d91473ee87", value.UUID, "5d212a78-cc48-e3b1-4235-b4d91473ee87", false},
		{"9d457e79-1bed-d6c2-3612-b0d31c1881f6", value.UUID, "9d457e79-1bed-d6c2-3612-b0d31c1881f6", false},
		{"", value.UUID, "00000000-0000-0000-0000-000000000000", true},
		{"192.168.1.13", value.IPAddr, "192.168.1.13", false},
		{"2001:db8::1", value.IPAddr, "2001:db8::1", false},
		{"1:2:3:4:5:6:7:8", value.IPAddr, "1:2:3:4:5:6:7:8", false},
		{"300.1.1.1", value.IPAddr, "0.0.0.0", true},
		{"e1671797c52e15f763380b45e841ec32", value.Int128, "e1671797c52e15f763380b45e841ec32", false},
		{"xyz", value.Int128, "00000000000000000000000000000000", true},
		{"hello", value.String, "hello", false},
		{"AAPL", value.Symbol, "AAPL", false},
		{"3.14", value.Decimal32, "3.14", false},
		{"-1.5000", value.Decimal64, "-1.5000", false},
	}
	for _, c := range cases {
		s, err := ParseAs(c.in, c.typ)
		require.NoError(t, err, "%q as %s", c.in, c.typ)
		require.Equal(t, c.typ, s.T)
		require.Equal(t, c.null, s.Null, "%q as %s null", c.in, c.typ)
		require.Equal(t, c.out, s.String(), "%q as %s", c.in, c.typ)
	}
	// char("990") fails ("char" reference page).
	_, err := ParseAs("990", value.Char)
	require.EqualError(t, err, "Failed to convert the string to CHAR")
	_, err = ParseAs("5d212a78", value.UUID)
	require.EqualError(t, err, "Invalid UUID string")
}

func TestParseDecimal(t *testing.T) {
	cases := []struct {
		in    string
		typ   value.Type
		scale int32
		out   string
	}{
		{"3.1415926535", value.Decimal32, 4, "3.1416"}, // rounding since 2.00.10
		{"3.1415926535", value.Decimal128, 4, "3.1416"},
		{"1.341", value.Decimal32, 2, "1.34"},
		{"4.5677", value.Decimal32, 2, "4.57"},
		{"-4.5677", value.Decimal64, 2, "-4.57"},
		{"1.23456", value.Decimal32, 3, "1.235"},
		{"142", value.Decimal32, 2, "142.00"},
		{"999999999", value.Decimal32, 0, "999999999"},
		{"0.5", value.Decimal32, 0, "1"},
		{".25", value.Decimal64, 2, "0.25"},
		{"12345678901234567890.123", value.Decimal128, 3, "12345678901234567890.123"},
		{"-0.001", value.Decimal128, 5, "-0.00100"},
	}
	for _, c := range cases {
		s, err := ParseDecimal(c.in, c.typ, c.scale)
		require.NoError(t, err, c.in)
		require.Equal(t, c.out, s.String(), c.in)
		require.Equal(t, c.scale, s.Scale)
	}
	// "Data Types" page: decimal32(`1000000000, 0) fails.
	_, err := ParseDecimal("1000000000", value.Decimal32, 0)
	require.EqualError(t, err, "Can't convert STRING to DECIMAL32(0): parse 1000000000 to DECIMAL32(0) failed: decimal overflow")
	_, err = ParseDecimal("12345678", value.Decimal32, 2)
	require.Error(t, err)
	_, err = ParseDecimal("1.2", value.Decimal32, 10)
	require.EqualError(t, err, "Scale out of bounds (valid range: [0, 9], but get: 10). RefId: S05010")
	_, err = ParseDecimal("1.2x", value.Decimal64, 2)
	require.Error(t, err)
	s, err := ParseDecimal("", value.Decimal64, 2)
	require.NoError(t, err)
	require.True(t, s.Null)
}

// TestLiteralRoundTrip parses every type's printed form back to the same
// value.
func TestLiteralRoundTrip(t *testing.T) {
	temporal := []string{
		"2013.06.13", "2012.06M", "13:30:10.008", "13:30m", "13:30:10",
		"2012.06.13T13:30:10", "2012.06.13T13:30:10.008", "13:30:10.008007006",
		"2012.06.13T13:30:10.008007006", "2012.06.13T13", "1960.02.29T23:59:59.999",
		"1800.01.01", "9999.12.31", "00:00m", "23:59:59.999999999",
	}
	for _, in := range temporal {
		s, err := ParseTemporal(in)
		require.NoError(t, err, in)
		back, err := ParseTemporal(literalForm(s))
		require.NoError(t, err, in)
		require.Equal(t, s, back, in)
		// ParseAs of the printed form gives the same value too.
		as, err := ParseAs(s.String(), s.T)
		require.NoError(t, err)
		require.Equal(t, s.I, as.I, in)
	}
	numbers := []string{"21", "-7", "22l", "122h", "97c", "2.5", "-0.125", "1.5f", "1b", "0b", "3000000000"}
	for _, in := range numbers {
		s, err := ParseNumber(in, "")
		require.NoError(t, err, in)
		back, err := ParseNumber(literalForm(s), "")
		require.NoError(t, err, in)
		require.Equal(t, s.T, back.T, in)
		require.Equal(t, s.String(), back.String(), in)
		as, err := ParseAs(s.String(), s.T)
		if s.T != value.Char {
			require.NoError(t, err)
			require.Equal(t, s.String(), as.String(), in)
		}
	}
	for _, typ := range []value.Type{value.UUID, value.IPAddr, value.Int128} {
		for _, in := range []string{"5d212a78-cc48-e3b1-4235-b4d91473ee87", "192.168.1.13", "e1671797c52e15f763380b45e841ec32", "10.0.0.1", "fe80::1:2"} {
			s, err := ParseAs(in, typ)
			if err != nil || s.Null {
				continue
			}
			back, err := ParseAs(s.String(), typ)
			require.NoError(t, err)
			require.Equal(t, s.B, back.B, in)
		}
	}
}

// literalForm is the script literal of a scalar: its printed form plus the
// suffix the printed form leaves out.
func literalForm(s *value.Scalar) string {
	switch s.T {
	case value.Long:
		return s.String() + "l"
	case value.Short:
		return s.String() + "h"
	case value.Char:
		return itoa(s.I) + "c"
	case value.Float:
		return s.String() + "f"
	case value.Bool:
		if s.I != 0 {
			return "1b"
		}
		return "0b"
	case value.Double:
		return s.String() + "F"
	}
	return s.String()
}

func itoa(v int64) string { return value.NewLong(v).String() }

// TestBinaryWireOrder pins the UUID, IPADDR and INT128 byte order to the
// official Go API's serialization (spec vectors 20_scalar_uuid and
// 21_scalar_ipaddr).
func TestBinaryWireOrder(t *testing.T) {
	u, err := ParseAs("5d212a78-cc48-e3b1-4235-b4d91473ee87", value.UUID)
	require.NoError(t, err)
	require.Equal(t, [16]byte{0x87, 0xee, 0x73, 0x14, 0xd9, 0xb4, 0x35, 0x42, 0xb1, 0xe3, 0x48, 0xcc, 0x78, 0x2a, 0x21, 0x5d}, u.B)
	ip, err := ParseAs("192.168.1.13", value.IPAddr)
	require.NoError(t, err)
	require.Equal(t, [16]byte{0x0d, 0x01, 0xa8, 0xc0}, ip.B)
	i128, err := ParseAs("e1671797c52e15f763380b45e841ec32", value.Int128)
	require.NoError(t, err)
	require.Equal(t, byte(0x32), i128.B[0])
	require.Equal(t, byte(0xe1), i128.B[15])
	ip6, err := ParseAs("2001:db8::1", value.IPAddr)
	require.NoError(t, err)
	require.Equal(t, byte(0x20), ip6.B[15])
	require.Equal(t, byte(0x01), ip6.B[14])
	require.Equal(t, byte(0x01), ip6.B[0])
}
