package value

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCalendarAgainstTime checks DaysFromCivil/CivilFromDays against Go's
// proleptic Gregorian calendar, day by day across leap years, century
// rules and dates before 1970.
func TestCalendarAgainstTime(t *testing.T) {
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	const span = 800000 // about years 0160 .. 4160
	tm := epoch.AddDate(0, 0, -span)
	for days := int64(-span); days <= span; days++ {
		y, m, d := CivilFromDays(days)
		if y != tm.Year() || m != int(tm.Month()) || d != tm.Day() {
			t.Fatalf("CivilFromDays(%d) = %d-%d-%d, want %s", days, y, m, d, tm.Format("2006-01-02"))
		}
		if back := DaysFromCivil(y, m, d); back != days {
			t.Fatalf("DaysFromCivil(%d-%d-%d) = %d, want %d", y, m, d, back, days)
		}
		tm = tm.AddDate(0, 0, 1)
	}
	for _, days := range []int64{-719528, -719162, -146097, -1, 0, 1, 2932896, 106751, -106752} {
		tm := epoch.AddDate(0, 0, int(days))
		y, m, d := CivilFromDays(days)
		require.Equal(t, [3]int{tm.Year(), int(tm.Month()), tm.Day()}, [3]int{y, m, d}, "days %d", days)
		require.Equal(t, days, DaysFromCivil(y, m, d))
	}
}

func TestCalendarKnownDays(t *testing.T) {
	cases := []struct {
		y, m, d int
		days    int64
	}{
		{1970, 1, 1, 0},
		{1970, 1, 2, 1},
		{1969, 12, 31, -1},
		{2012, 6, 13, 15504}, // "date_time" tutorial
		{2000, 2, 29, 11016},
		{1900, 3, 1, -25508},
		{1600, 2, 29, -135081},
		{1, 1, 1, -719162},
		{0, 1, 1, -719528},
		{9999, 12, 31, 2932896},
	}
	for _, c := range cases {
		require.Equal(t, c.days, DaysFromCivil(c.y, c.m, c.d), "%d.%d.%d", c.y, c.m, c.d)
		y, m, d := CivilFromDays(c.days)
		require.Equal(t, [3]int{c.y, c.m, c.d}, [3]int{y, m, d})
	}
}

func TestValidDate(t *testing.T) {
	require.True(t, ValidDate(2024, 2, 29))
	require.True(t, ValidDate(2000, 2, 29))
	require.False(t, ValidDate(1900, 2, 29))
	require.False(t, ValidDate(2023, 2, 29))
	require.False(t, ValidDate(2023, 2, 30))
	require.False(t, ValidDate(2023, 4, 31))
	require.True(t, ValidDate(2023, 12, 31))
	require.False(t, ValidDate(2023, 13, 1))
	require.False(t, ValidDate(2023, 0, 1))
	require.False(t, ValidDate(2023, 1, 0))
	require.Equal(t, 29, DaysInMonth(2024, 2))
	require.Equal(t, 28, DaysInMonth(2100, 2))
}

// TestTemporalRoundTripMany parses the printed form of many raw values of
// every temporal type back to the same raw value.
func TestTemporalRoundTripMany(t *testing.T) {
	types := []Type{Date, Month, Time, Minute, Second, DateTime, Timestamp, NanoTime, NanoTimestamp, DateHour}
	for _, typ := range types {
		per := unitsPerDay(typ)
		var raws []int64
		switch typ {
		case Month:
			for v := int64(0); v < 12*10000; v += 7 {
				raws = append(raws, v)
			}
		case Time, Minute, Second, NanoTime:
			for k := int64(0); k < 5000; k++ {
				raws = append(raws, k*(per/5000)+k%7)
			}
			raws = append(raws, 0, per-1)
		case DateTime:
			for v := int64(-2147483647); v < 2147483647-1000003; v += 1000003 {
				raws = append(raws, v)
			}
		default:
			// roughly year 1000 .. 2262 (NANOTIMESTAMP's range)
			lo, hi := DaysFromCivil(1000, 1, 1)*per, DaysFromCivil(2262, 1, 1)*per
			if typ == NanoTimestamp {
				lo = DaysFromCivil(1678, 1, 1) * per
			}
			step := (hi - lo) / 4999
			for k := int64(0); k < 5000; k++ {
				raws = append(raws, lo+k*step+k%13)
			}
		}
		for _, raw := range raws {
			s := NewTyped(typ, raw)
			back, err := ParseTemporal(s.String())
			if err != nil || back.T != typ || back.I != raw {
				t.Fatalf("%s %d printed %s parsed back as %v (err %v)", typ, raw, s, back, err)
			}
		}
	}
}
