package funcs

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func TestWildcardMatch(t *testing.T) {
	cases := []struct {
		s, p string
		want bool
	}{
		{"ABCDEFG", "%DE%", true},
		{"ABCDEFG", "DE", false},
		{"abc", "a?c", true},
		{"abc", "a?", false},
		{"", "%", true},
		{"aab", "%a%b", true},
		{"aXbXc", "a%b%c", true},
		{"aXbXd", "a%b%c", false},
	}
	for _, c := range cases {
		require.Equal(t, c.want, value.LikeMatch(c.s, c.p), "%q like %q", c.s, c.p)
	}
}

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

func TestRecodeGBKRoundTrip(t *testing.T) {
	gbk, err := recode("fromUTF8", value.NewString("高性能"), "utf-8", "gbk")
	require.NoError(t, err)
	require.Len(t, gbk.(*value.Scalar).S, 6, "GBK uses two bytes per character")
	back, err := recode("toUTF8", gbk, "gbk", "utf-8")
	require.NoError(t, err)
	require.Equal(t, "高性能", back.(*value.Scalar).S)
	_, err = recode("toUTF8", value.NewString("x"), "GBK", "utf-8")
	require.Error(t, err, "encoding names are lower case")
}

func TestParseWithPatternRejects(t *testing.T) {
	cases := []struct{ text, pattern string }{
		{"2018.02.30", "yyyy.MM.dd"},
		{"25:00:00", "HH:mm:ss"},
		{"2018/2/6 13:30:10.01", "y/M/d H:m:s.SSS"},
		{"14-02-2018x", "dd-MM-yyyy"},
	}
	for _, c := range cases {
		toks, rt, err := compileParsePattern(c.pattern)
		require.NoError(t, err)
		require.Equal(t, value.NullInt64, parseWithPattern(c.text, toks, rt), "%s with %s", c.text, c.pattern)
	}
}

func TestParseRadix(t *testing.T) {
	v, null, ok := parseRadix("  -1A2", 11)
	require.True(t, ok)
	require.False(t, null)
	require.Equal(t, int64(-233), v)
	_, null, ok = parseRadix("   ", 10)
	require.True(t, ok && null)
	_, _, ok = parseRadix("x1", 10)
	require.False(t, ok)
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

// concat is tested here rather than in string.test while the engine's
// older "concat" shadows the registry entry.
func TestConcat(t *testing.T) {
	spec, ok := Lookup("concat")
	require.True(t, ok)
	str := func(v value.Value) string { return v.(*value.Scalar).S }
	cases := []struct {
		args []value.Value
		want string
	}{
		{[]value.Value{value.NewSymbol("hello"), value.NewSymbol("world")}, "helloworld"},
		{[]value.Value{value.NewStrings(value.Symbol, []string{"IBM", "GOOG", "APPL"}), value.NewString(",")}, "IBM,GOOG,APPL"},
		{[]value.Value{value.NewStrings(value.String, []string{}), value.NewString("a")}, ""},
		{[]value.Value{value.NewString("55"), value.NewString("")}, "55"},
		{[]value.Value{value.NewStrings(value.Symbol, []string{"a", "b", "c", "d"}), nil}, "abcd"},
		{[]value.Value{value.NewStrings(value.Symbol, []string{"a", "b"})}, "ab"},
	}
	for _, c := range cases {
		r, err := spec.Fn(nil, c.args)
		require.NoError(t, err)
		require.Equal(t, c.want, str(r))
	}
}
