package value

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// The text forms as they were printed before they were appended into
// byte slices (fmt.Sprintf and string concatenation per element): the
// appenders must print every value byte for byte the same. The DOUBLE
// form is held to its exact rounding rule in value/digits.

// oldFormatRaw prints an integer-stored value of type t (BOOL, integral,
// DURATION, DECIMAL32/64 with its scale, temporal) from its raw int64.
func oldFormatRaw(t Type, x int64, scale int32) string {
	switch t {
	case Duration:
		return strconv.FormatInt(x, 10) + DurationUnitName(scale)
	case Bool:
		if x != 0 {
			return "true"
		}
		return "false"
	case Char, Short, Int, Long:
		return strconv.FormatInt(x, 10)
	case Decimal32, Decimal64:
		return oldFormatDecimal(x, scale)
	}
	return oldFormatTemporal(t, x)
}

func oldFormatDecimal(x int64, scale int32) string {
	neg := x < 0
	u := uint64(x)
	if neg {
		u = uint64(-x)
	}
	s := strconv.FormatUint(u, 10)
	if scale > 0 {
		for len(s) <= int(scale) {
			s = "0" + s
		}
		s = s[:len(s)-int(scale)] + "." + s[len(s)-int(scale):]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// oldFormatTemporal renders a raw temporal value of type t.
func oldFormatTemporal(t Type, x int64) string {
	switch t {
	case Date:
		return oldFormatDate(x)
	case Month:
		y, m := FloorDiv(x, 12), FloorMod(x, 12)+1
		return fmt.Sprintf("%04d.%02dM", y, m)
	case Time:
		return oldFormatClock(FloorDiv(x, 1000)) + fmt.Sprintf(".%03d", FloorMod(x, 1000))
	case Minute:
		return fmt.Sprintf("%02d:%02dm", x/60, x%60)
	case Second:
		return oldFormatClock(x)
	case DateTime:
		return oldFormatDate(FloorDiv(x, SecPerDay)) + "T" + oldFormatClock(FloorMod(x, SecPerDay))
	case Timestamp:
		days, ms := FloorDiv(x, MsPerDay), FloorMod(x, MsPerDay)
		return oldFormatDate(days) + "T" + oldFormatClock(ms/1000) + fmt.Sprintf(".%03d", ms%1000)
	case NanoTime:
		return oldFormatClock(FloorDiv(x, NsPerSec)) + fmt.Sprintf(".%09d", FloorMod(x, NsPerSec))
	case NanoTimestamp:
		days, ns := FloorDiv(x, NsPerDay), FloorMod(x, NsPerDay)
		return oldFormatDate(days) + "T" + oldFormatClock(ns/NsPerSec) + fmt.Sprintf(".%09d", ns%NsPerSec)
	case DateHour:
		days, h := FloorDiv(x, 24), FloorMod(x, 24)
		return oldFormatDate(days) + fmt.Sprintf("T%02d", h)
	case DateMinute:
		days, m := FloorDiv(x, 1440), FloorMod(x, 1440)
		return oldFormatDate(days) + fmt.Sprintf("T%02d:%02dm", m/60, m%60)
	}
	return strconv.FormatInt(x, 10)
}

func oldFormatDate(days int64) string {
	y, m, d := CivilFromDays(days)
	return fmt.Sprintf("%04d.%02d.%02d", y, m, d)
}

func oldFormatClock(sec int64) string {
	return fmt.Sprintf("%02d:%02d:%02d", sec/3600, sec/60%60, sec%60)
}

// edgeRaws are raw values at the edges of the temporal encodings: 0,
// around 1970, pre-1970 and leap days, 9999.12.31 and beyond, and the
// bounds of the storage integers.
func edgeRaws(t Type) []int64 {
	perDay := int64(1)
	switch t {
	case DateTime:
		perDay = SecPerDay
	case Timestamp:
		perDay = MsPerDay
	case NanoTimestamp:
		perDay = NsPerDay
	case DateHour:
		perDay = 24
	case DateMinute:
		perDay = 1440
	}
	days := []int64{0, -1, 1, -719468, -719469, DaysFromCivil(2000, 2, 29), DaysFromCivil(1900, 2, 28), DaysFromCivil(1600, 2, 29),
		DaysFromCivil(9999, 12, 31), DaysFromCivil(10000, 1, 1), DaysFromCivil(999, 12, 31), DaysFromCivil(-1, 1, 1), DaysFromCivil(1969, 12, 31)}
	var out []int64
	for _, d := range days {
		if t == Month {
			out = append(out, d/30)
			continue
		}
		if d > math.MaxInt64/perDay || d < math.MinInt64/perDay {
			continue
		}
		out = append(out, d*perDay, d*perDay+perDay-1, d*perDay+perDay/2+1)
	}
	var lo, hi int64 = math.MinInt64 + 1, math.MaxInt64
	if t.Storage() == StInt32 {
		lo, hi = math.MinInt32+1, math.MaxInt32
	}
	return append(out, lo, hi, -1, 1, 59, 60, 1439, 1440, 86399, 86400, 86399999, 86400000, NsPerDay-1, NsPerDay)
}

func TestAppendTemporalMatchesSprintf(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for _, typ := range []Type{Date, Month, Time, Minute, Second, DateTime, Timestamp, NanoTime, NanoTimestamp, DateHour, DateMinute} {
		xs := edgeRaws(typ)
		for i := 0; i < 20000; i++ {
			x := rng.Int64()
			if typ.Storage() == StInt32 {
				x = int64(int32(x))
			}
			if i%2 == 0 {
				x %= 1 << uint(10+i%50)
			}
			xs = append(xs, x)
		}
		for _, x := range xs {
			require.Equal(t, oldFormatTemporal(typ, x), FormatTemporal(typ, x), "%s %d", typ, x)
			require.Equal(t, "<"+oldFormatTemporal(typ, x), string(AppendTemporal([]byte("<"), typ, x)), "%s %d", typ, x)
		}
	}
}

func TestAppendRawMatchesOld(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	xs := []int64{0, 1, -1, 9, 10, -10, 99, 100, math.MaxInt64, math.MinInt64, math.MinInt64 + 1, math.MaxInt32, math.MinInt32}
	for i := 0; i < 20000; i++ {
		xs = append(xs, rng.Int64()>>uint(i%64))
	}
	for _, x := range xs {
		for _, typ := range []Type{Bool, Char, Short, Int, Long} {
			require.Equal(t, oldFormatRaw(typ, x, 0), FormatRaw(typ, x, 0))
		}
		for scale := int32(0); scale <= 18; scale++ {
			require.Equal(t, oldFormatRaw(Decimal64, x, scale), FormatRaw(Decimal64, x, scale), "%d %d", x, scale)
		}
		require.Equal(t, oldFormatRaw(Duration, x, 3), FormatRaw(Duration, x, 3))
	}
}
