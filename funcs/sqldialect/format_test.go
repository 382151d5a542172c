package sqldialect

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// Oracle's number format models (SQL Language Reference, Table 2-14's
// examples among them).
func TestNumberFormat(t *testing.T) {
	cases := []struct {
		x    float64
		fmt  string
		want string
	}{
		{-1234567890, "9999999999S", "1234567890-"},
		{0, "99.99", "   .00"},
		{0.1, "99.99", "   .10"},
		{-0.2, "99.99", "  -.20"},
		{0, "90.99", "  0.00"},
		{0.1, "90.99", "  0.10"},
		{-0.2, "90.99", " -0.20"},
		{0, "9999", "    0"},
		{1, "9999", "    1"},
		{0, "B9999", ""},
		{123.456, "999.999", " 123.456"},
		{-123.456, "999.999", "-123.456"},
		{123.456, "FM999.009", "123.456"},
		{123.456, "9.9EEEE", ""},
		{1, "FM9.99", "1."},
		{1234567, "9,999", "######"},
		{5, "FM0009", "0005"},
		{1234.5, "L9999", ""},
		{-5, "999PR", "  <5>"},
		{5, "999PR", "   5 "},
		{2.5, "9", " 3"},
		{255, "FMXXXX", "FF"},
		{255, "0XXX", " 00FF"},
		{255, "xx", " ff"},
		{-1, "XX", "###"},
	}
	for _, c := range cases {
		f, err := parseNumFormat("to_char", c.fmt)
		if c.want == "" {
			require.Error(t, err, c.fmt)
			continue
		}
		require.NoError(t, err, c.fmt)
		require.Equal(t, c.want, f.formatFloat(c.x), "%v %s", c.x, c.fmt)
		if c.x == float64(int64(c.x)) {
			require.Equal(t, c.want, f.formatInt(int64(c.x)), "%v %s", c.x, c.fmt)
		}
	}
}

func TestDateFormatRoundTrip(t *testing.T) {
	day := value.DaysFromCivil(2024, 2, 29)
	cases := []struct {
		fmt, text string
		sec       int64
	}{
		{"YYYY-MM-DD", "2024-02-29", 0},
		{"DD/MM/YYYY HH24:MI:SS", "29/02/2024 23:59:58", 86398},
		{"fmMonth DD, YYYY", "February 29, 2024", 0},
		{"DY DD-MON-YYYY HH:MI P.M.", "THU 29-FEB-2024 01:30 P.M.", 13*3600 + 30*60},
		{"YYYY DDD SSSSS", "2024 060 00042", 42},
		{"J", "2460370", 0},
	}
	for _, c := range cases {
		elems, err := parseDateFormat("to_char", c.fmt)
		require.NoError(t, err, c.fmt)
		require.Equal(t, c.text, formatDate(elems, civilOf(day, c.sec)), c.fmt)
		d, s, ok := parseDate(elems, c.text, 2000, 1)
		require.True(t, ok, c.fmt)
		require.Equal(t, day, d, c.fmt)
		require.Equal(t, c.sec, s, c.fmt)
	}
}

func TestParseDateLenient(t *testing.T) {
	elems, err := parseDateFormat("to_date", "DD-MON-RR")
	require.NoError(t, err)
	cases := []struct {
		text       string
		y, m, d    int
		ok         bool
		nowY, nowM int
	}{
		{"5-jan-49", 2049, 1, 5, true, 2025, 3},
		{"5-jan-50", 1950, 1, 5, true, 2025, 3},
		{"5 January 2031", 2031, 1, 5, true, 2025, 3},
		{"31-APR-20", 0, 0, 0, false, 2025, 3},
		{"05-JAN-20 extra", 0, 0, 0, false, 2025, 3},
		{"5-XYZ-20", 0, 0, 0, false, 2025, 3},
	}
	for _, c := range cases {
		d, _, ok := parseDate(elems, c.text, c.nowY, c.nowM)
		require.Equal(t, c.ok, ok, c.text)
		if ok {
			require.Equal(t, value.DaysFromCivil(c.y, c.m, c.d), d, c.text)
		}
	}
	// fields the model leaves out are the first of the current month
	elems, err = parseDateFormat("to_date", "HH24:MI")
	require.NoError(t, err)
	d, s, ok := parseDate(elems, "10:30", 2025, 3)
	require.True(t, ok)
	require.Equal(t, value.DaysFromCivil(2025, 3, 1), d)
	require.Equal(t, int64(10*3600+30*60), s)
}
