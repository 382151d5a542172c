package temporal

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// temporalFormat and the date parts appended and split whole columns
// with their units worked out once; they must give what the row-at-a-time
// code they replaced gave, kept here as the reference.

// oldSplitTemporal is splitTemporal as it was, the type examined a row.
func oldSplitTemporal(t value.Type, x int64) (days, nanos int64) {
	if t == value.Month {
		y, m := value.FloorDiv(x, 12), value.FloorMod(x, 12)
		return value.DaysFromCivil(int(y), int(m)+1, 1), 0
	}
	u := value.TickNanos(t)
	if !HasDate(t) {
		return 0, x * u
	}
	per := value.NsPerDay / u
	return value.FloorDiv(x, per), value.FloorMod(x, per) * u
}

func oldZpad(n int64, width int) string {
	s := strconv.FormatInt(n, 10)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// oldTemporalFormat is temporalFormat as it was, one string a row.
func oldTemporalFormat(x, f value.Value) (value.Value, error) {
	in, err := TemporalInput("temporalFormat", x)
	if err != nil {
		return nil, err
	}
	pattern, err := funcs.StrScalarArg("temporalFormat", "format", f)
	if err != nil {
		return nil, err
	}
	toks := tokenizePattern(pattern)
	out := make([]string, len(in.Raw))
	var b strings.Builder
	for i, r := range in.Raw {
		if r == value.NullInt64 {
			continue
		}
		days, ns := oldSplitTemporal(in.T, r)
		y, m, d := value.CivilFromDays(days)
		b.Reset()
		for _, t := range toks {
			switch t.letter {
			case 0:
				b.WriteString(t.lit)
			case 'y':
				if t.n == 2 {
					b.WriteString(oldZpad(int64(y%100), 2))
				} else {
					b.WriteString(oldZpad(int64(y), t.n))
				}
			case 'M':
				if t.n >= 3 {
					b.WriteString(monthAbbr[m-1])
				} else {
					b.WriteString(oldZpad(int64(m), t.n))
				}
			case 'd':
				b.WriteString(oldZpad(int64(d), t.n))
			case 'H':
				b.WriteString(oldZpad(ns/nsPerHour, t.n))
			case 'h':
				b.WriteString(oldZpad(ns/nsPerHour%12, t.n))
			case 'm':
				b.WriteString(oldZpad(ns/nsPerMinute%60, t.n))
			case 's':
				b.WriteString(oldZpad(ns/nsPerSecond%60, t.n))
			case 'S':
				b.WriteString(oldZpad(ns/1_000_000%1000, t.n))
			case 'n':
				if t.n <= 6 {
					b.WriteString(oldZpad(ns/1000%1_000_000, t.n))
				} else {
					b.WriteString(oldZpad(ns%nsPerSecond, t.n))
				}
			case 'a':
				if ns >= 12*nsPerHour {
					b.WriteString("PM")
				} else {
					b.WriteString("AM")
				}
			}
		}
		out[i] = b.String()
	}
	return in.Wrap(value.NewStrings(value.String, out)), nil
}

var allTemporal = []value.Type{value.Date, value.Month, value.Time, value.Minute, value.Second, value.DateTime,
	value.Timestamp, value.NanoTime, value.NanoTimestamp, value.DateHour, value.DateMinute}

// temporalColumn is a vector of t of random raw values, with NULL, 0,
// ±1, the bounds, pre-1970 values, leap days and 9999.12.31 among them.
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

func TestTemporalFormatMatchesOld(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	patterns := []string{"yyyy.MM.dd", "HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SSS", "yy/M/d h:m:s a", "MMM dd yyyy",
		"yyyyMMddHHmmssnnnnnnnnn", "nnnnnn", "y", "d", "literal only", "", "hh 'o''clock' a"}
	for _, typ := range allTemporal {
		in := temporalColumn(rng, typ)
		for _, p := range patterns {
			pv := value.NewString(p)
			want, err := oldTemporalFormat(in, pv)
			require.NoError(t, err)
			got, err := temporalFormat(in, pv)
			require.NoError(t, err)
			require.Equal(t, want.(*value.Vector).Strings(), got.(*value.Vector).Strings(), "%s %q", typ, p)
			one, err := temporalFormat(in.At(3), pv)
			require.NoError(t, err)
			require.Equal(t, want.(*value.Vector).Strings()[3], one.(*value.Scalar).S)
		}
	}
}

func TestSplitterMatchesOld(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	for _, typ := range allTemporal {
		in := temporalColumn(rng, typ)
		for i := 0; i < in.Len(); i++ {
			if in.IsNull(i) {
				continue
			}
			x := in.At(i).I
			d0, n0 := oldSplitTemporal(typ, x)
			d1, n1 := splitTemporal(typ, x)
			require.Equal(t, [2]int64{d0, n0}, [2]int64{d1, n1}, "%s %d", typ, x)
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

// fixed renders a non-negative f with the pattern's fraction and
// integer rules.
func (np numPattern) oldFixed(f float64) string {
	scale := math.Pow10(np.maxFrac)
	f = math.Round(f*scale) / scale
	s := strconv.FormatFloat(f, 'f', np.maxFrac, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	for len(frac) > np.minFrac && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	if intPart == "0" && np.minInt == 0 {
		intPart = ""
	}
	for len(intPart) < np.minInt {
		intPart = "0" + intPart
	}
	if np.group > 0 && len(intPart) > np.group {
		var b strings.Builder
		lead := len(intPart) % np.group
		if lead > 0 {
			b.WriteString(intPart[:lead])
		}
		for i := lead; i < len(intPart); i += np.group {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(intPart[i : i+np.group])
		}
		intPart = b.String()
	}
	if frac == "" {
		return intPart
	}
	return intPart + "." + frac
}

func (np numPattern) oldFormat(f float64) string {
	if np.percent {
		f *= 100
	}
	var body string
	if np.expDigits > 0 {
		intDigits := max(np.minInt, 1)
		exp := 0
		if f != 0 {
			exp = int(math.Floor(math.Log10(f))) - (intDigits - 1)
		}
		mant := f / math.Pow10(exp)
		body = np.oldFixed(mant)
		if mant2 := math.Round(mant*math.Pow10(np.maxFrac)) / math.Pow10(np.maxFrac); mant2 >= math.Pow10(intDigits) {
			exp++
			body = np.oldFixed(f / math.Pow10(exp))
		}
		e := oldZpad(int64(funcs.AbsInt(exp)), np.expDigits)
		if exp < 0 {
			e = "-" + e
		}
		body += "E" + e
	} else {
		body = np.oldFixed(f)
	}
	return np.prefix + body + np.suffix
}

func TestDecimalFormatMatchesOld(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 15))
	fs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 0.005, 0.0049999, 999.995, 1234567.891, -1234567.891, 1e15, 1e-9,
		math.MaxFloat64 / 10, math.Inf(1), math.Inf(-1), math.NaN(), value.NullFloat64}
	for len(fs) < 4000 {
		fs = append(fs, (rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(24)-8)))
	}
	in := value.NewDoubles(fs)
	patterns := []string{"0.00", "#,###.00", "0", "#", "#.##", "000,000.0##", "0.0E0", "00.###E00", "0.00%", "#,##0.00;(#,##0.00)",
		"$#,##0.0 USD", "#,#", ".00", "0.000000000000"}
	for _, p := range patterns {
		pv := value.NewString(p)
		posText, negText, hasNeg := strings.Cut(p, ";")
		pos, neg := parseNumPattern(posText), parseNumPattern(negText)
		want := make([]string, len(fs))
		for i, v := range fs {
			switch {
			case v == value.NullFloat64:
			case v < 0 && hasNeg:
				want[i] = neg.oldFormat(-v)
			case v < 0:
				want[i] = "-" + pos.oldFormat(-v)
			default:
				want[i] = pos.oldFormat(v)
			}
		}
		got, err := decimalFormat(in, pv)
		require.NoError(t, err)
		require.Equal(t, want, got.(*value.Vector).Strings(), p)
	}
}
