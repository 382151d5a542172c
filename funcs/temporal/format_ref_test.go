package temporal

import (
	"math"
	"math/big"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// refClock is raw value x of t as a UTC time of Go's time package, which
// does its own calendar arithmetic: the dated types count their unit from
// 1970.01.01, MONTH counts months from year 0, and the time-only types
// count from midnight of 1970.01.01. ok is false for a time-only value
// outside its day, which Go's time would carry into the next day.
func refClock(t value.Type, x int64) (c time.Time, ok bool) {
	unit := map[value.Type]time.Duration{
		value.Date: 24 * time.Hour, value.DateHour: time.Hour, value.DateMinute: time.Minute, value.DateTime: time.Second,
		value.Timestamp: time.Millisecond, value.NanoTimestamp: 1,
		value.Time: time.Millisecond, value.Minute: time.Minute, value.Second: time.Second, value.NanoTime: 1,
	}
	switch t {
	case value.Month:
		// time.Date normalises the month count into years
		return time.Date(0, time.Month(x+1), 1, 0, 0, 0, 0, time.UTC), true
	case value.Time, value.Minute, value.Second, value.NanoTime:
		ns := x * int64(unit[t])
		return time.Unix(0, ns).UTC(), ns >= 0 && ns < int64(24*time.Hour)
	}
	u := int64(unit[t])
	// whole seconds and the nanoseconds left, so no product overflows
	if u >= int64(time.Second) {
		return time.Unix(x*(u/int64(time.Second)), 0).UTC(), true
	}
	per := int64(time.Second) / u
	sec, rest := x/per, x%per
	return time.Unix(sec, rest*u).UTC(), true
}

// refPad is n in decimal with zeros in front up to width characters, a
// minus sign counted and zeros put before it too (temporalFormat's rule).
func refPad(n, width int) string {
	s := strconv.Itoa(n)
	return strings.Repeat("0", max(width-len(s), 0)) + s
}

// patternRun splits a temporalFormat pattern into runs of one format
// letter and runs of other characters, which are copied.
var patternRun = regexp.MustCompile(`y+|M+|d+|H+|h+|m+|s+|S+|n+|a+|[^yMdHhmsSna]+`)

// refFormat renders c with pattern field by field as the manual's table
// (progr/data_mani/format_temp_obj.md) defines the fields: yy the last two
// digits of the year, MMM the month's abbreviation, hh the hour on a
// 12-hour clock 0-11, SSS the milliseconds, nnnnnn the microseconds and
// nnnnnnnnn the nanoseconds, a AM or PM; the number of letters is the
// digits a field is padded to.
func refFormat(c time.Time, pattern string) string {
	var b strings.Builder
	for _, run := range patternRun.FindAllString(pattern, -1) {
		n := len(run)
		switch run[0] {
		case 'y':
			if n == 2 {
				b.WriteString(refPad(c.Year()%100, 2))
			} else {
				b.WriteString(refPad(c.Year(), n))
			}
		case 'M':
			if n >= 3 {
				b.WriteString(strings.ToUpper(c.Month().String()[:3]))
			} else {
				b.WriteString(refPad(int(c.Month()), n))
			}
		case 'd':
			b.WriteString(refPad(c.Day(), n))
		case 'H':
			b.WriteString(refPad(c.Hour(), n))
		case 'h':
			b.WriteString(refPad(c.Hour()%12, n))
		case 'm':
			b.WriteString(refPad(c.Minute(), n))
		case 's':
			b.WriteString(refPad(c.Second(), n))
		case 'S':
			b.WriteString(refPad(c.Nanosecond()/1e6, n))
		case 'n':
			if n <= 6 {
				b.WriteString(refPad(c.Nanosecond()/1e3, n))
			} else {
				b.WriteString(refPad(c.Nanosecond(), n))
			}
		case 'a':
			if c.Hour() >= 12 {
				b.WriteString("PM")
			} else {
				b.WriteString("AM")
			}
		default:
			b.WriteString(run)
		}
	}
	return b.String()
}

var allTemporal = []value.Type{value.Date, value.Month, value.Time, value.Minute, value.Second, value.DateTime,
	value.Timestamp, value.NanoTime, value.NanoTimestamp, value.DateHour, value.DateMinute}

// temporalColumn is a vector of t of random raw values, with NULL, 0,
// ±1, the bounds, pre-1970 values, leap days and 9999.12.31 among them;
// half of a time-only column's values lie within the day.
func temporalColumn(rng *rand.Rand, t value.Type) *value.Vector {
	perDay := int64(1)
	if u := value.TickNanos(t); u > 0 {
		perDay = value.NsPerDay / u
	}
	var raws []int64
	for _, d := range []int64{0, -1, 1, value.DaysFromCivil(2024, 2, 29), value.DaysFromCivil(1900, 3, 1),
		value.DaysFromCivil(1969, 12, 31), value.DaysFromCivil(9999, 12, 31), value.DaysFromCivil(1, 1, 1)} {
		if t == value.Month {
			raws = append(raws, d/30, 2024*12+1, -1)
			continue
		}
		raws = append(raws, d*perDay, d*perDay+perDay-1, d*perDay+perDay/3)
	}
	wide := t.Storage() == value.StInt64
	lo, hi := int64(math.MinInt32)+1, int64(math.MaxInt32)
	if wide {
		lo, hi = math.MinInt64+1, math.MaxInt64
	}
	raws = append(raws, lo, hi)
	for len(raws) < 3000 {
		x := rng.Int64N(3000000*perDay) - 1000000*perDay
		if len(raws)%5 == 0 {
			x = rng.Int64()
		}
		if !HasDate(t) && len(raws)%2 == 1 {
			// a time-only value within its day
			x = rng.Int64N(perDay)
		}
		if !wide {
			x = int64(int32(x))
		}
		raws = append(raws, x)
	}
	v := value.NewVector(t, len(raws), len(raws))
	for i, x := range raws {
		if wide {
			v.I64[i] = x
		} else {
			v.I32[i] = int32(x)
		}
	}
	v.SetNull(7)
	return v
}

// temporalFormat prints every field of every temporal type as Go's
// calendar has it, NULL as "", for random values and the edges of the
// encodings; a scalar prints as its row in a column.
func TestTemporalFormatMatchesGoTime(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	patterns := []string{"yyyy.MM.dd", "HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SSS", "yy/M/d h:m:s a", "MMM dd yyyy",
		"yyyyMMddHHmmssnnnnnnnnn", "nnnnnn", "y", "d", "literal only", "hh 'o''clock' a", "yyyyyy MMMM SS n"}
	for _, typ := range allTemporal {
		in := temporalColumn(rng, typ)
		clocks := make([]time.Time, in.Len())
		known := make([]bool, in.Len())
		for i := range clocks {
			if !in.IsNull(i) {
				clocks[i], known[i] = refClock(typ, in.At(i).I)
			}
		}
		for _, p := range patterns {
			pv := value.NewString(p)
			got, err := temporalFormat(in, pv)
			require.NoError(t, err)
			texts := got.(*value.Vector).Strings()
			require.Len(t, texts, in.Len())
			for i, txt := range texts {
				switch {
				case in.IsNull(i):
					require.Empty(t, txt, "%s %q NULL row %d", typ, p, i)
				case known[i]:
					require.Equal(t, refFormat(clocks[i], p), txt, "%s %q raw %d", typ, p, in.At(i).I)
				}
			}
			for _, i := range []int{3, slices.Index(known[20:], true) + 20} {
				one, err := temporalFormat(in.At(i), pv)
				require.NoError(t, err)
				require.Equal(t, texts[i], one.(*value.Scalar).S, "%s %q scalar %d", typ, p, in.At(i).I)
			}
		}
	}
}

// A time-only value outside its day is printed unwrapped: the hours go
// past 23 and a negative value keeps its sign in each field.
func TestTemporalFormatOutsideTheDay(t *testing.T) {
	cases := []struct {
		typ     value.Type
		raw     int64
		pattern string
		want    string
	}{
		{value.Second, 90061, "HH:mm:ss", "25:01:01"},
		{value.Minute, 1500, "HH:mm a", "25:00 PM"},
		{value.Time, 100*3600*1000 + 5, "HH:mm:ss.SSS", "100:00:00.005"},
		{value.Second, -61, "HH:mm:ss", "00:-1:-1"},
		{value.Time, -1, "HH:mm:ss.SSS", "00:00:00.0-1"},
		{value.NanoTime, -1500, "nnnnnn nnnnnnnnn", "0000-1 0000-1500"},
	}
	for _, c := range cases {
		v := value.NewVector(c.typ, 1, 1)
		if c.typ.Storage() == value.StInt64 {
			v.I64[0] = c.raw
		} else {
			v.I32[0] = int32(c.raw)
		}
		got, err := temporalFormat(v, value.NewString(c.pattern))
		require.NoError(t, err)
		require.Equal(t, []string{c.want}, got.(*value.Vector).Strings(), "%s %d %q", c.typ, c.raw, c.pattern)
	}
}

// splitTemporal gives the day and the time of day Go's calendar gives:
// the days to the value's midnight and the nanoseconds since it; a
// time-only value is day 0 and its nanoseconds unwrapped.
func TestSplitterMatchesGoTime(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	ns := map[value.Type]int64{value.Time: 1e6, value.Minute: 60e9, value.Second: 1e9, value.NanoTime: 1}
	for _, typ := range allTemporal {
		in := temporalColumn(rng, typ)
		for i := 0; i < in.Len(); i++ {
			if in.IsNull(i) {
				continue
			}
			x := in.At(i).I
			days, nanos := splitTemporal(typ, x)
			if u, timeOnly := ns[typ]; timeOnly {
				require.Equal(t, [2]int64{0, x * u}, [2]int64{days, nanos}, "%s %d", typ, x)
				continue
			}
			c, _ := refClock(typ, x)
			midnight := time.Date(c.Year(), c.Month(), c.Day(), 0, 0, 0, 0, time.UTC)
			require.Equal(t, midnight.Unix()/86400, days, "%s %d", typ, x)
			require.Equal(t, c.Sub(midnight).Nanoseconds(), nanos, "%s %d", typ, x)
		}
	}
}

func TestParseFixedMatchesGeneral(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 13))
	patterns := []string{"yyyy.MM.dd", "yyyyMMdd", "yy-M-d", "HH:mm:ss", "yyyy.MM.dd HH:mm:ss.SSS", "yyyy.MM.ddTHH:mm:ss.nnnnnnnnn",
		"dd/MM/yyyy hh:mm:ss", "MMyyyy", "HHmmssSSS", "yyyy1MM"}
	for _, p := range patterns {
		toks, rt, err := CompileParsePattern(p)
		require.NoError(t, err)
		var texts []string
		for _, typ := range []value.Type{value.Date, value.Timestamp, value.NanoTimestamp, value.Second} {
			in := temporalColumn(rng, typ)
			f, err := temporalFormat(in, value.NewString(p))
			require.NoError(t, err)
			texts = append(texts, f.(*value.Vector).Strings()...)
		}
		// near misses: a byte changed to a digit, a letter or a separator
		for i := 0; i < 3000; i++ {
			b := []byte(texts[rng.IntN(len(texts))])
			if len(b) > 0 {
				b[rng.IntN(len(b))] = "0123456789.:-/ aT"[rng.IntN(17)]
			}
			texts = append(texts, string(b))
		}
		got := parseAll(texts, toks, rt)
		want := make([]int64, len(texts))
		for i, s := range texts {
			want[i] = ParseWithPattern(s, toks, rt)
		}
		require.Equal(t, TypedVector(rt, want), got, p)
	}
	_, ok := fixedLayout(tokenizePattern("yyyy1MM"))
	require.False(t, ok)
	_, ok = fixedLayout(tokenizePattern("yyyy.MM.dd"))
	require.True(t, ok)
}

// decPattern is one side of a decimalFormat pattern read as the manual
// (funcs/d/decimalFormat.md) describes it: literal text around a core of
// 0 (a digit always printed), # (a digit printed when needed), one ',' a
// group of the integer digits after it, '.', and E with zeros for the
// exponent's digits; % in the text scales by 100.
type decPattern struct {
	prefix, suffix           string
	minInt, group            int
	minFrac, maxFrac, expLen int
	percent                  bool
}

var decCore = regexp.MustCompile(`^([^0#.,]*)([0#,]*)(?:\.([0#]*))?(?:E(0+))?(.*)$`)

func readDecPattern(p string) decPattern {
	m := decCore.FindStringSubmatch(p)
	d := decPattern{prefix: m[1], suffix: m[5], minInt: strings.Count(m[2], "0"), minFrac: strings.Count(m[3], "0"),
		maxFrac: len(m[3]), expLen: len(m[4])}
	if k := strings.LastIndexByte(m[2], ','); k >= 0 {
		d.group = len(m[2]) - k - 1
	}
	d.percent = strings.Contains(m[1]+m[5], "%")
	return d
}

// decRounding is v rounded to frac digits, half away from zero, as an
// integer count of 10^-frac; where v*10^frac is a half, or so near one
// that float64 arithmetic may round it the other way, alt is that
// rounding.
func decRounding(v *big.Rat, frac int) (n, alt *big.Int) {
	s := new(big.Rat).Mul(v, pow10Rat(frac))
	n = new(big.Int).Quo(s.Num(), s.Denom())
	rest, _ := new(big.Rat).Sub(s, new(big.Rat).SetInt(n)).Float64()
	scaled, _ := s.Float64()
	// Below 2^53 the product is rounded first; from there up the digits
	// are f's own, and only an exact half is open (the manual does not
	// say which way a half goes).
	margin := 0.0
	if scaled < 1<<53 {
		margin = scaled * 1e-15
	}
	if math.Abs(rest-0.5) <= margin {
		alt = new(big.Int).Set(n)
		if rest < 0.5 {
			alt.Add(alt, big.NewInt(1))
		}
	}
	if rest >= 0.5 {
		n.Add(n, big.NewInt(1))
	}
	return n, alt
}

// render prints n counts of 10^-frac with the pattern's integer and
// fraction rules: trailing fraction zeros dropped down to minFrac, a lone
// integer 0 dropped when no 0 asks for it, zeros padding to minInt, and
// commas between groups.
func (d decPattern) render(n *big.Int) string {
	digits := n.String()
	if len(digits) <= d.maxFrac {
		digits = strings.Repeat("0", d.maxFrac+1-len(digits)) + digits
	}
	intPart, frac := digits[:len(digits)-d.maxFrac], digits[len(digits)-d.maxFrac:]
	for len(frac) > d.minFrac && strings.HasSuffix(frac, "0") {
		frac = frac[:len(frac)-1]
	}
	if intPart == "0" && d.minInt == 0 {
		intPart = ""
	}
	if len(intPart) < d.minInt {
		intPart = strings.Repeat("0", d.minInt-len(intPart)) + intPart
	}
	var b strings.Builder
	for i := range intPart {
		if d.group > 0 && i > 0 && (len(intPart)-i)%d.group == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// texts is what the pattern may print for f >= 0 worked out exactly: one
// text, or two where the last digit sits on a rounding tie.
func (d decPattern) texts(f float64) []string {
	var v *big.Rat
	switch {
	case d.percent && math.IsInf(f*100, 1):
		// a hundredfold past MaxFloat64 is taken exactly
		v = new(big.Rat).Mul(new(big.Rat).SetFloat64(f), big.NewRat(100, 1))
	case d.percent:
		// scaled in double precision, as Java's DecimalFormat does
		v = new(big.Rat).SetFloat64(f * 100)
	default:
		v = new(big.Rat).SetFloat64(f)
	}
	if d.expLen == 0 {
		var out []string
		n, alt := decRounding(v, d.maxFrac)
		for _, n := range []*big.Int{n, alt} {
			if n != nil {
				out = append(out, d.prefix+d.render(n)+d.suffix)
			}
		}
		return out
	}
	// the mantissa keeps max(minInt, 1) integer digits; one that rounds
	// up to a further digit moves to the next power
	intDigits := max(d.minInt, 1)
	exp := 0
	if v.Sign() != 0 {
		short := v.FloatString(0)
		if v.Cmp(big.NewRat(1, 1)) < 0 {
			short = strconv.FormatFloat(f, 'e', -1, 64)
		}
		// the search below moves exp to v's power from any start
		exp = len(short) - 1
		if k := strings.IndexByte(short, 'e'); k >= 0 {
			exp, _ = strconv.Atoi(short[k+1:])
		}
		for pow10Rat(exp).Cmp(v) > 0 {
			exp--
		}
		for pow10Rat(exp+1).Cmp(v) <= 0 {
			exp++
		}
		exp -= intDigits - 1
	}
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(intDigits+d.maxFrac)), nil)
	var out []string
	for _, e := range []int{exp, exp + 1} {
		n, alt := decRounding(new(big.Rat).Quo(v, pow10Rat(e)), d.maxFrac)
		for _, n := range []*big.Int{n, alt} {
			// a mantissa that rounds to a further digit belongs to e+1,
			// one short of its digits to e-1
			if n == nil || n.Cmp(limit) >= 0 || (e > exp && n.Cmp(new(big.Int).Quo(limit, big.NewInt(10))) < 0) {
				continue
			}
			sign := ""
			if e < 0 {
				sign = "-"
			}
			out = append(out, d.prefix+d.render(n)+"E"+sign+refPad(max(e, -e), d.expLen)+d.suffix)
		}
	}
	return out
}

// pow10Rat is 10^k.
func pow10Rat(k int) *big.Rat {
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(k, -k))), nil))
	if k < 0 {
		return p.Inv(p)
	}
	return p
}

// decimalFormat prints what the manual's rules give in exact arithmetic
// (either neighbour on a rounding tie), for random numbers of many
// magnitudes, zeros, halves, NULL, NaN, infinities (printed as string(x)
// prints them) and values whose scaled digits or percent overflow a
// double, with every kind of pattern the manual shows.
func TestDecimalFormatMatchesExactRounding(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 15))
	fs := []float64{0, 1, -1, 0.5, 0.005, 0.0049999, 999.995, 1234567.891, -1234567.891, 1e15, 1e-9,
		math.MaxFloat64 / 1000, -math.MaxFloat64 / 1000, math.SmallestNonzeroFloat64, value.NullFloat64,
		0.345, 123.45, 0.125, 0.12567, 123456789.166, 0.0000000000123456789, 999.9999999999999, 9.995,
		math.MaxFloat64, -math.MaxFloat64, 0x1p1020, math.MaxFloat64 / 100, math.Inf(1), math.Inf(-1), math.NaN()}
	for len(fs) < 4000 {
		fs = append(fs, (rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(24)-8)))
	}
	in := value.NewDoubles(fs)
	patterns := []string{"0.00", "#,###.00", "0", "#", "#.##", "000,000.0##", "0.0E0", "00.###E00", "0.00%", "#,##0.00;(#,##0.00)",
		"$#,##0.0 USD", "#,#", ".00", "0.000000000000", "#.##%", "0.000###", "0.00#E00;(0.00#E00)"}
	for _, p := range patterns {
		posText, negText, hasNeg := strings.Cut(p, ";")
		pos, neg := readDecPattern(posText), readDecPattern(negText)
		got, err := decimalFormat(in, value.NewString(p))
		require.NoError(t, err)
		texts := got.(*value.Vector).Strings()
		for i, v := range fs {
			var want []string
			switch {
			case v == value.NullFloat64 || math.IsNaN(v):
				want = []string{""}
			case math.IsInf(v, 1):
				want = []string{"inf"}
			case math.IsInf(v, -1):
				want = []string{"-inf"}
			case v < 0 && hasNeg:
				want = neg.texts(-v)
			case v < 0:
				// the sign follows the prefix, as in DolphinDB's
				// NumberFormat (its C++ API's src/Format.cpp)
				for _, w := range pos.texts(-v) {
					want = append(want, pos.prefix+"-"+strings.TrimPrefix(w, pos.prefix))
				}
			default:
				want = pos.texts(v)
			}
			require.Contains(t, want, texts[i], "%q %v", p, v)
		}
	}
}
