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

func TestMarchDaysIsTheFormula(t *testing.T) {
	for m := 1; m <= 12; m++ {
		mp := (m + 9) % 12
		require.Equal(t, (153*mp+2)/5, marchDays[m], "month %d", m)
	}
}
