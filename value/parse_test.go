package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseNumber(t *testing.T) {
	cases := []struct {
		text, suffix string
		typ          Type
		out          string // printed form ("" for NULL)
		null         bool
	}{
		// "Data Types" page: default integer literal is INT, decimal is DOUBLE.
		{"21", "", Int, "21", false},
		{"-3", "", Int, "-3", false},
		{"2147483647", "", Int, "2147483647", false},
		{"2147483648", "", Long, "2147483648", false},
		{"-2147483648", "", Long, "-2147483648", false},
		{"0x1F", "", Int, "31", false},
		{"0x1f", "", Int, "31", false},
		{"2.1", "", Double, "2.1", false},
		{"1e5", "", Double, "100000", false},
		{".5", "", Double, "0.5", false},
		{"-1.5e-3", "", Double, "-0.0015", false},
		{"1e400", "", Double, "", true}, // DOUBLE overflow is NULL
		// suffixes, given split or attached
		{"97", "c", Char, "'a'", false},
		{"97c", "", Char, "'a'", false},
		{"-128c", "", Char, "", true}, // -128c is 00c ("Data Types" page)
		{"122", "h", Short, "122", false},
		{"122h", "", Short, "122", false},
		{"21i", "", Int, "21", false},
		{"22l", "", Long, "22", false},
		{"22", "l", Long, "22", false},
		{"9223372036854775807l", "", Long, "9223372036854775807", false},
		// long(9223372036854775808l) = 9223372036854775807 (conversion page)
		{"9223372036854775808l", "", Long, "9223372036854775807", false},
		{"99999999999999999999", "", Long, "9223372036854775807", false},
		{"2.1f", "", Float, "2.1", false},
		{"3f", "", Float, "3", false},
		{"2.1F", "", Double, "2.1", false},
		{"3F", "", Double, "3", false},
		{"1b", "", Bool, "true", false},
		{"0b", "", Bool, "false", false},
		{"3b", "", Bool, "true", false},
		{"3P", "", Decimal64, "3", false},
		{"3.141P", "", Decimal64, "3.141", false},
		{"65578h", "", Short, "42", false},
		// typed NULLs
		{"00i", "", Int, "", true},
		{"00", "i", Int, "", true},
		{"00l", "", Long, "", true},
		{"00h", "", Short, "", true},
		{"00c", "", Char, "", true},
		{"00b", "", Bool, "", true},
		{"00f", "", Float, "", true},
		{"00F", "", Double, "", true},
		{"00d", "", Date, "", true},
		{"00M", "", Month, "", true},
		{"00t", "", Time, "", true},
		{"00m", "", Minute, "", true},
		{"00s", "", Second, "", true},
		{"00D", "", DateTime, "", true},
		{"00T", "", Timestamp, "", true},
		{"00n", "", NanoTime, "", true},
		{"00N", "", NanoTimestamp, "", true},
		{"00", "", Int, "0", false},
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
		typ     Type
	}{
		{"2013.06.13", "2013.06.13", Date},
		{"2012.06M", "2012.06M", Month},
		{"13:30:10.008", "13:30:10.008", Time},
		{"13:30m", "13:30m", Minute},
		{"13:30:10", "13:30:10", Second},
		{"2012.06.13T13:30:10", "2012.06.13T13:30:10", DateTime},
		{"2012.06.13 13:30:10", "2012.06.13T13:30:10", DateTime},
		{"2012.06.13T13:30:10.008", "2012.06.13T13:30:10.008", Timestamp},
		{"2012.06.13 13:30:10.008", "2012.06.13T13:30:10.008", Timestamp},
		{"13:30:10.008007006", "13:30:10.008007006", NanoTime},
		{"09:00:01.000100001", "09:00:01.000100001", NanoTime},
		{"2012.06.13T13:30:10.008007006", "2012.06.13T13:30:10.008007006", NanoTimestamp},
		{"2016.12.30T09:00:01.000100001", "2016.12.30T09:00:01.000100001", NanoTimestamp},
		{"2012.06.13T13", "2012.06.13T13", DateHour},
		{"2024.02.29", "2024.02.29", Date},
		{"2000.02.29", "2000.02.29", Date},
		{"1969.12.31", "1969.12.31", Date},
		{"0001.01.01", "0001.01.01", Date},
		{"1901.12.13T20:45:53", "1901.12.13T20:45:53", DateTime},
		{"2038.01.19T03:14:07", "2038.01.19T03:14:07", DateTime},
		{"1677.09.21T00:12:43.145224193", "1677.09.21T00:12:43.145224193", NanoTimestamp},
		{"2262.04.11T23:47:16.854775807", "2262.04.11T23:47:16.854775807", NanoTimestamp},
		{"13:30:10.008007", "13:30:10.008007000", NanoTime},
		// a trailing type letter converts
		{"2013.06.13T", "2013.06.13T00:00:00.000", Timestamp},
		{"13:30:10t", "13:30:10.000", Time},
		{"2012.06.13T13:30:10d", "2012.06.13", Date},
		{"00d", "", Date},
		{"00N", "", NanoTimestamp},
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
		typ  Type
		out  string
		null bool
	}{
		// "Data Type Conversion" page examples
		{"10.9", Int, "10", false},
		{"12.3", Short, "12", false},
		{"120.9c", Short, "120", false},
		{"10.9", Long, "10", false},
		{"128.9", Int, "128", false},
		{"-7abc", Int, "-7", false},
		{"abc", Int, "", true},
		{"", Int, "", true},
		{"65578", Short, "42", false},
		{"true", Bool, "true", false},
		{"false", Bool, "false", false},
		{"TRUE", Bool, "true", false},
		{"0", Bool, "false", false},
		{"5", Bool, "true", false},
		{"99", Char, "'c'", false},
		{"'a'", Char, "'a'", false},
		{"10", Double, "10", false},
		{"10.9", Double, "10.9", false},
		{"1e3x", Double, "1000", false},
		{"2.5", Float, "2.5", false},
		{"nope", Double, "", true},
		{"2011.10.12", Date, "2011.10.12", false},
		{"2024.01.01", Date, "2024.01.01", false},
		{"2012.06.13T13:30:10", Date, "2012.06.13", false},
		{"2023.02.30", Date, "", true},
		{"junk", Date, "", true},
		{"2012.12", Month, "2012.12M", false},
		{"2012.12M", Month, "2012.12M", false},
		{"2012.12.23", Month, "2012.12M", false},
		{"19:36:12", Second, "19:36:12", false},
		{"12:32:56.356", Time, "12:32:56.356", false},
		{"13:30:10.008007006", NanoTime, "13:30:10.008007006", false},
		{"2012.12.03 13:30:10.008007006", NanoTimestamp, "2012.12.03T13:30:10.008007006", false},
		{"2012.06.13 13:30:10", DateTime, "2012.06.13T13:30:10", false},
		{"2012.06.13", Timestamp, "2012.06.13T00:00:00.000", false},
		{"13:30", Minute, "13:30m", false},
		{"2024-01-05", Date, "2024.01.05", false},
		{"5d212a78-cc48-e3b1-4235-b4d91473ee87", UUID, "5d212a78-cc48-e3b1-4235-b4d91473ee87", false},
		{"9d457e79-1bed-d6c2-3612-b0d31c1881f6", UUID, "9d457e79-1bed-d6c2-3612-b0d31c1881f6", false},
		{"", UUID, "00000000-0000-0000-0000-000000000000", true},
		{"192.168.1.13", IPAddr, "192.168.1.13", false},
		{"2001:db8::1", IPAddr, "2001:db8::1", false},
		{"1:2:3:4:5:6:7:8", IPAddr, "1:2:3:4:5:6:7:8", false},
		{"300.1.1.1", IPAddr, "0.0.0.0", true},
		{"e1671797c52e15f763380b45e841ec32", Int128, "e1671797c52e15f763380b45e841ec32", false},
		{"xyz", Int128, "00000000000000000000000000000000", true},
		{"hello", String, "hello", false},
		{"AAPL", Symbol, "AAPL", false},
		{"3.14", Decimal32, "3.14", false},
		{"-1.5000", Decimal64, "-1.5000", false},
	}
	for _, c := range cases {
		s, err := ParseAs(c.in, c.typ)
		require.NoError(t, err, "%q as %s", c.in, c.typ)
		require.Equal(t, c.typ, s.T)
		require.Equal(t, c.null, s.Null, "%q as %s null", c.in, c.typ)
		require.Equal(t, c.out, s.String(), "%q as %s", c.in, c.typ)
	}
	// char("990") fails ("char" reference page).
	_, err := ParseAs("990", Char)
	require.EqualError(t, err, "Failed to convert the string to CHAR")
	_, err = ParseAs("5d212a78", UUID)
	require.EqualError(t, err, "Invalid UUID string")
}

func TestParseDecimal(t *testing.T) {
	cases := []struct {
		in    string
		typ   Type
		scale int32
		out   string
	}{
		{"3.1415926535", Decimal32, 4, "3.1416"}, // rounding since 2.00.10
		{"3.1415926535", Decimal128, 4, "3.1416"},
		{"1.341", Decimal32, 2, "1.34"},
		{"4.5677", Decimal32, 2, "4.57"},
		{"-4.5677", Decimal64, 2, "-4.57"},
		{"1.23456", Decimal32, 3, "1.235"},
		{"142", Decimal32, 2, "142.00"},
		{"999999999", Decimal32, 0, "999999999"},
		{"0.5", Decimal32, 0, "1"},
		{".25", Decimal64, 2, "0.25"},
		{"12345678901234567890.123", Decimal128, 3, "12345678901234567890.123"},
		{"-0.001", Decimal128, 5, "-0.00100"},
	}
	for _, c := range cases {
		s, err := ParseDecimal(c.in, c.typ, c.scale)
		require.NoError(t, err, c.in)
		require.Equal(t, c.out, s.String(), c.in)
		require.Equal(t, c.scale, s.Scale)
	}
	// "Data Types" page: decimal32(`1000000000, 0) fails.
	_, err := ParseDecimal("1000000000", Decimal32, 0)
	require.EqualError(t, err, "Can't convert STRING to DECIMAL32(0): parse 1000000000 to DECIMAL32(0) failed: decimal overflow")
	_, err = ParseDecimal("12345678", Decimal32, 2)
	require.Error(t, err)
	_, err = ParseDecimal("1.2", Decimal32, 10)
	require.EqualError(t, err, "Scale is out of bounds")
	_, err = ParseDecimal("1.2x", Decimal64, 2)
	require.Error(t, err)
	s, err := ParseDecimal("", Decimal64, 2)
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
		if s.T != Char {
			require.NoError(t, err)
			require.Equal(t, s.String(), as.String(), in)
		}
	}
	for _, typ := range []Type{UUID, IPAddr, Int128} {
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
func literalForm(s *Scalar) string {
	switch s.T {
	case Long:
		return s.String() + "l"
	case Short:
		return s.String() + "h"
	case Char:
		return itoa(s.I) + "c"
	case Float:
		return s.String() + "f"
	case Bool:
		if s.I != 0 {
			return "1b"
		}
		return "0b"
	case Double:
		return s.String() + "F"
	}
	return s.String()
}

func itoa(v int64) string { return NewLong(v).String() }

// TestBinaryWireOrder pins the UUID, IPADDR and INT128 byte order to the
// official Go API's serialization (spec vectors 20_scalar_uuid and
// 21_scalar_ipaddr).
func TestBinaryWireOrder(t *testing.T) {
	u, err := ParseAs("5d212a78-cc48-e3b1-4235-b4d91473ee87", UUID)
	require.NoError(t, err)
	require.Equal(t, [16]byte{0x87, 0xee, 0x73, 0x14, 0xd9, 0xb4, 0x35, 0x42, 0xb1, 0xe3, 0x48, 0xcc, 0x78, 0x2a, 0x21, 0x5d}, u.B)
	ip, err := ParseAs("192.168.1.13", IPAddr)
	require.NoError(t, err)
	require.Equal(t, [16]byte{0x0d, 0x01, 0xa8, 0xc0}, ip.B)
	i128, err := ParseAs("e1671797c52e15f763380b45e841ec32", Int128)
	require.NoError(t, err)
	require.Equal(t, byte(0x32), i128.B[0])
	require.Equal(t, byte(0xe1), i128.B[15])
	ip6, err := ParseAs("2001:db8::1", IPAddr)
	require.NoError(t, err)
	require.Equal(t, byte(0x20), ip6.B[15])
	require.Equal(t, byte(0x01), ip6.B[14])
	require.Equal(t, byte(0x01), ip6.B[0])
}
