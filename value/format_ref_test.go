package value

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The text forms as they were printed before they were appended into
// byte slices (fmt.Sprintf and string concatenation per element): the
// appenders must print every value byte for byte the same.

func oldFormatFloat(f float64, prec int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	if prec < 1 {
		prec = 1
	}
	a := math.Abs(f)
	if (a > 0 && a <= 0.000001) || a >= 1000000.0 {
		return oldNumberFormat(f, 1, prec-1, true)
	}
	return oldNumberFormat(f, 0, prec, false)
}

var oldPow10f = [10]float64{1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

// oldNumberFormat is NumberFormat::format for the patterns "0.{fracMin zeros}
// {fracOpt #}" and, with sci, the same followed by "E0".
func oldNumberFormat(x float64, fracMin, fracOpt int, sci bool) string {
	rounding := 0.5
	for d := fracMin + fracOpt; d > 0; {
		k := min(d, 10)
		d -= k
		rounding /= oldPow10f[k-1]
	}
	if 1e-12 < rounding/10 {
		rounding += 1e-12
	}
	var b []byte
	if x < 0 {
		b = append(b, '-')
		x = -x
	}
	sci = sci || x >= 1e15
	power := 0
	if sci {
		for x < 1 {
			power -= 10
			x *= oldPow10f[9]
		}
		if x >= 10 {
			for x >= oldPow10f[9] {
				power += 10
				x /= oldPow10f[9]
			}
			i := 0
			for i < 10 && x >= oldPow10f[i] {
				i++
			}
			if i >= 1 {
				power += i
				x /= oldPow10f[i-1]
			}
		}
	}
	x += rounding
	integral := int64(x)
	fraction := x - float64(integral)
	intPart := strconv.FormatInt(integral, 10)
	if sci && len(intPart) == 2 {
		power++
		fraction /= 10
		intPart = intPart[:1]
	}
	b = append(b, intPart...)
	if fracMin+fracOpt > 0 {
		b = append(b, '.')
		if fracMin > 0 {
			b = oldAppendFraction(b, fracMin, false, &fraction)
		}
		if fracOpt > 0 {
			b = oldAppendFraction(b, fracOpt, true, &fraction)
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if sci {
		b = append(b, 'E')
		b = strconv.AppendInt(b, int64(power), 10)
	}
	return string(b)
}

// oldAppendFraction is NumberFormat::printFraction.
func oldAppendFraction(b []byte, digits int, optional bool, fraction *float64) []byte {
	start := len(b)
	for digits != 0 {
		k := min(digits, 10)
		digits -= k
		val := *fraction * oldPow10f[k-1]
		x := int64(val)
		*fraction = val - float64(x)
		s := strconv.FormatInt(x, 10)
		if x == 0 {
			s = ""
		}
		if len(s) < k && (!optional || digits != 0 || x != 0) {
			b = append(b, strings.Repeat("0", k-len(s))...)
		}
		b = append(b, s...)
	}
	if optional {
		for len(b) > start && b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
	}
	return b
}

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

// formatIPv6 ports IPAddr::toString of DolphinDB's C++ API
// (src/ScalarImp.cpp): groups in lowercase hex without leading zeros, and
// one run of zeros written as "::". The zero-run test is kept exactly as
// the C++ code has it for little-endian data: at group g (0 < g < 6) it
// looks at the 4 bytes b[11-2g..14-2g] (the low byte of g, group g+1 and

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

func TestFormatFloatMatchesOld(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 17))
	fs := []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, -math.MaxFloat64,
		math.SmallestNonzeroFloat64, 1e-6, 1e6, 999999.9999995, 0.0000005, 1e15, 1e15 - 1, 9.2e18, 1e300, -1e-300,
		float64(math.MaxFloat32), float64(math.SmallestNonzeroFloat32), 0.5, 0.05, 0.15, 2.675}
	for i := 0; i < 200000; i++ {
		var f float64
		switch i % 4 {
		case 0:
			f = rng.Float64()
		case 1:
			f = (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(40)-20))
		case 2:
			f = math.Float64frombits(rng.Uint64())
		default:
			f = float64(rng.IntN(2000000)-1000000) / 1000
		}
		fs = append(fs, f, float64(float32(f)))
	}
	for _, f := range fs {
		for _, prec := range []int{0, 1, 4, 6, 9, 12, 15, 17, 25} {
			require.Equal(t, oldFormatFloat(f, prec), FormatFloat(f, prec), "%v %d", f, prec)
		}
	}
}
