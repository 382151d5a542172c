package temporal

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func TestBusinessIndexRoundTrip(t *testing.T) {
	start := value.DaysFromCivil(2019, 1, 1)
	for d := start; d < start+60; d++ {
		b := businessIndex(d)
		bd := businessDate(b)
		if wd := weekdayOf(d); wd < 5 {
			require.Equal(t, d, bd, "weekday %d", d)
		} else {
			require.Equal(t, int64(4), weekdayOf(bd), "a weekend day maps to its Friday")
			require.Less(t, d-bd, int64(3))
		}
	}
}

func TestParseWithPatternRejects(t *testing.T) {
	cases := []struct{ text, pattern string }{
		{"2018.02.30", "yyyy.MM.dd"},
		{"25:00:00", "HH:mm:ss"},
		{"2018/2/6 13:30:10.01", "y/M/d H:m:s.SSS"},
		{"14-02-2018x", "dd-MM-yyyy"},
	}
	for _, c := range cases {
		toks, rt, err := CompileParsePattern(c.pattern)
		require.NoError(t, err)
		require.Equal(t, value.NullInt64, ParseWithPattern(c.text, toks, rt), "%s with %s", c.text, c.pattern)
	}
}

func TestMarketCalendarAdd(t *testing.T) {
	d := func(y, m, dd int) int64 { return value.DaysFromCivil(y, m, dd) }
	holidays := &marketCalendar{days: []int64{d(2022, 1, 3), d(2022, 1, 5)}, holiday: map[int64]bool{d(2022, 1, 3): true, d(2022, 1, 5): true}}
	list := &marketCalendar{days: []int64{d(2024, 2, 8), d(2024, 2, 9), d(2024, 2, 18)}, tradingList: true}
	cases := []struct {
		c       *marketCalendar
		from, n int64
		want    int64
		ok      bool
	}{
		{holidays, d(2022, 1, 1), 1, d(2022, 1, 4), true},
		{holidays, d(2022, 1, 4), 1, d(2022, 1, 6), true},
		{holidays, d(2022, 1, 8), -1, d(2022, 1, 7), true},
		{holidays, d(2022, 1, 6), -1, d(2022, 1, 4), true},
		{list, d(2024, 2, 9), 1, d(2024, 2, 18), true},
		{list, d(2024, 2, 10), -1, d(2024, 2, 9), true},
		{list, d(2024, 2, 18), 1, 0, false},
	}
	for _, c := range cases {
		got, ok := c.c.add(c.from, c.n)
		require.Equal(t, c.ok, ok)
		if ok {
			require.Equal(t, c.want, got, "%d + %d", c.from, c.n)
		}
	}
	require.Equal(t, holidays.index(d(2022, 1, 10))-holidays.index(d(2022, 1, 1)), int64(4))
}
