package temporal

import (
	"math"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Formatting values as text: temporalFormat (date and time patterns),
// decimalFormat (Java-style number patterns) and format, which picks one
// of them by X's type.

var monthAbbr = [12]string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}

// patternToken is a run of one pattern letter (yyyy, MM, SSS ...) or a
// literal.
type PatternToken struct {
	letter byte // 0 for a literal
	n      int
	lit    string
}

func isPatternLetter(c byte) bool { return strings.IndexByte("yMdHhmsSna", c) >= 0 }

func tokenizePattern(p string) []PatternToken {
	var out []PatternToken
	for i := 0; i < len(p); {
		c := p[i]
		j := i + 1
		if isPatternLetter(c) {
			for j < len(p) && p[j] == c {
				j++
			}
			out = append(out, PatternToken{letter: c, n: j - i})
		} else {
			for j < len(p) && !isPatternLetter(p[j]) {
				j++
			}
			out = append(out, PatternToken{lit: p[i:j]})
		}
		i = j
	}
	return out
}

func zpad(n int64, width int) string {
	s := strconv.FormatInt(n, 10)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// temporalFormat renders each temporal value with a pattern.
func temporalFormat(x, f value.Value) (value.Value, error) {
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
		days, ns := splitTemporal(in.T, r)
		y, m, d := value.CivilFromDays(days)
		b.Reset()
		for _, t := range toks {
			switch t.letter {
			case 0:
				b.WriteString(t.lit)
			case 'y':
				if t.n == 2 {
					b.WriteString(zpad(int64(y%100), 2))
				} else {
					b.WriteString(zpad(int64(y), t.n))
				}
			case 'M':
				if t.n >= 3 {
					b.WriteString(monthAbbr[m-1])
				} else {
					b.WriteString(zpad(int64(m), t.n))
				}
			case 'd':
				b.WriteString(zpad(int64(d), t.n))
			case 'H':
				b.WriteString(zpad(ns/nsPerHour, t.n))
			case 'h':
				b.WriteString(zpad(ns/nsPerHour%12, t.n))
			case 'm':
				b.WriteString(zpad(ns/nsPerMinute%60, t.n))
			case 's':
				b.WriteString(zpad(ns/nsPerSecond%60, t.n))
			case 'S':
				b.WriteString(zpad(ns/1_000_000%1000, t.n))
			case 'n':
				if t.n <= 6 {
					b.WriteString(zpad(ns/1000%1_000_000, t.n))
				} else {
					b.WriteString(zpad(ns%nsPerSecond, t.n))
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

// numPattern is one side (positive or negative) of a decimal pattern.
type numPattern struct {
	prefix, suffix   string
	minInt, group    int
	minFrac, maxFrac int
	expDigits        int // 0: no exponent
	percent          bool
}

func parseNumPattern(p string) numPattern {
	var np numPattern
	start := strings.IndexAny(p, "0#.,")
	if start < 0 {
		np.prefix = p
		return np
	}
	np.prefix = p[:start]
	end := start
	for end < len(p) && strings.IndexByte("0#.,E", p[end]) >= 0 {
		if p[end] == 'E' {
			end++
			for end < len(p) && p[end] == '0' {
				np.expDigits++
				end++
			}
			break
		}
		end++
	}
	core := p[start:end]
	np.suffix = p[end:]
	np.percent = strings.Contains(np.suffix, "%") || strings.Contains(np.prefix, "%")
	if k := strings.IndexByte(core, 'E'); k >= 0 {
		core = core[:k]
	}
	intPart, frac, _ := strings.Cut(core, ".")
	if k := strings.LastIndexByte(intPart, ','); k >= 0 {
		np.group = len(intPart) - k - 1
	}
	np.minInt = strings.Count(intPart, "0")
	np.minFrac = strings.Count(frac, "0")
	np.maxFrac = np.minFrac + strings.Count(frac, "#")
	return np
}

// fixed renders a non-negative f with the pattern's fraction and
// integer rules.
func (np numPattern) fixed(f float64) string {
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

func (np numPattern) format(f float64) string {
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
		body = np.fixed(mant)
		if mant2 := math.Round(mant*math.Pow10(np.maxFrac)) / math.Pow10(np.maxFrac); mant2 >= math.Pow10(intDigits) {
			exp++
			body = np.fixed(f / math.Pow10(exp))
		}
		e := zpad(int64(funcs.AbsInt(exp)), np.expDigits)
		if exp < 0 {
			e = "-" + e
		}
		body += "E" + e
	} else {
		body = np.fixed(f)
	}
	return np.prefix + body + np.suffix
}

// decimalFormat renders each number with a pattern such as "#,###.00";
// a pattern after ';' is used for negative numbers.
func decimalFormat(x, f value.Value) (value.Value, error) {
	pattern, err := funcs.StrScalarArg("decimalFormat", "format", f)
	if err != nil {
		return nil, err
	}
	if x == nil || !(x.Type().IsNumeric() || x.Type() == value.Void) {
		return nil, ddberr.Errorf("The argument [X] of decimalFormat must be a number or a numeric vector.")
	}
	xs, _, err := funcs.Floats("decimalFormat", x)
	if err != nil {
		return nil, err
	}
	posText, negText, hasNeg := strings.Cut(pattern, ";")
	pos := parseNumPattern(posText)
	neg := pos
	if hasNeg {
		neg = parseNumPattern(negText)
	}
	out := make([]string, len(xs))
	for i, v := range xs {
		switch {
		case v == value.NullFloat64:
		case v < 0 && hasNeg:
			out[i] = neg.format(-v)
		case v < 0:
			out[i] = "-" + pos.format(-v)
		default:
			out[i] = pos.format(v)
		}
	}
	r := value.NewStrings(value.String, out)
	if _, ok := x.(*value.Scalar); ok {
		return r.At(0), nil
	}
	return r, nil
}

func formatFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	if args[0] != nil && args[0].Type().IsTemporal() {
		return temporalFormat(args[0], args[1])
	}
	return decimalFormat(args[0], args[1])
}
