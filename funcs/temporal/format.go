package temporal

import (
	"bytes"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/digits"
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
	// width is the digits a parsed field must have, 0 for as many as
	// there are (set by CompileParsePattern).
	width int
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

// appendZpad appends n in decimal with zeros before it (before a minus
// sign too) up to width characters.
func appendZpad(b []byte, n int64, width int) []byte {
	if n >= 0 {
		return digits.AppendPadded(b, n, width)
	}
	var tmp [20]byte
	d := strconv.AppendInt(tmp[:0], n, 10)
	for k := len(d); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, d...)
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
	if pattern == "" {
		// DolphinDB's TemporalFormat refuses it as NumberFormat does
		return nil, ddberr.Errorf("The format string can't be empty.")
	}
	toks := tokenizePattern(pattern)
	needDate := false
	for _, t := range toks {
		needDate = needDate || t.letter == 'y' || t.letter == 'M' || t.letter == 'd'
	}
	sp := newSplitter(in.T)
	out := digits.Column(len(in.Raw), len(pattern), func(b []byte, i int) []byte {
		r := in.Raw[i]
		if r == value.NullInt64 {
			return b
		}
		days, ns := sp.split(r)
		var y, m, d int
		if needDate {
			y, m, d = value.CivilFromDays(days)
		}
		for k := range toks {
			t := &toks[k]
			switch t.letter {
			case 0:
				if len(t.lit) == 1 {
					b = append(b, t.lit[0])
				} else {
					b = append(b, t.lit...)
				}
			case 'y':
				if t.n == 2 {
					b = appendZpad(b, int64(y%100), 2)
				} else {
					b = appendZpad(b, int64(y), t.n)
				}
			case 'M':
				if t.n >= 3 {
					b = append(b, monthAbbr[m-1]...)
				} else {
					b = appendZpad(b, int64(m), t.n)
				}
			case 'd':
				b = appendZpad(b, int64(d), t.n)
			case 'H':
				b = appendZpad(b, ns/nsPerHour, t.n)
			case 'h':
				b = appendZpad(b, ns/nsPerHour%12, t.n)
			case 'm':
				b = appendZpad(b, ns/nsPerMinute%60, t.n)
			case 's':
				b = appendZpad(b, ns/nsPerSecond%60, t.n)
			case 'S':
				b = appendZpad(b, ns/1_000_000%1000, t.n)
			case 'n':
				if t.n <= 6 {
					b = appendZpad(b, ns/1000%1_000_000, t.n)
				} else {
					b = appendZpad(b, ns%nsPerSecond, t.n)
				}
			case 'a':
				if ns >= 12*nsPerHour {
					b = append(b, "PM"...)
				} else {
					b = append(b, "AM"...)
				}
			}
		}
		return b
	})
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

// numSymbols are the characters of a number pattern's core, which must
// stand together; the text before and after the core is printed as it
// is.
const numSymbols = "0#.,E%"

// parseNumPattern reads one side of a decimalFormat pattern. It refuses
// what DolphinDB's NumberFormat refuses, with its texts (read from the
// formatter DolphinDB publishes in its C++ API, src/Format.cpp), and
// counts the digits as it does: the integer's 0s back from the point up
// to a '#', the fraction's 0s and then its '#'s from the point.
func parseNumPattern(p string) (numPattern, error) {
	var np numPattern
	if p == "" {
		return np, ddberr.Errorf("The format string can't be empty.")
	}
	first, last := -1, -1
	exp, point, comma := -1, -1, -1
	var exps, points, commas, percents, digitCount int
	for i := 0; i < len(p); i++ {
		c := p[i]
		if strings.IndexByte(numSymbols, c) < 0 {
			continue
		}
		if first < 0 {
			first = i
		} else if last != i-1 {
			return np, ddberr.Errorf("Characters other than 0/#/./,/E/%% can't appear in the middle of a number format.")
		}
		last = i
		switch c {
		case 'E':
			exps, exp = exps+1, i
		case '.':
			points, point = points+1, i
		case ',':
			commas, comma = commas+1, i
		case '%':
			percents++
		default:
			digitCount++
		}
	}
	if exps > 1 || points > 1 || commas > 1 || percents > 1 {
		return np, ddberr.Errorf("Symbol (./,/E/%%) can't occur more than once in number format.")
	}
	if digitCount == 0 {
		return np, ddberr.Errorf("The number format doesn't contain '0' or '#'.")
	}
	// end is the core's last digit symbol: a percent sign closes it
	end := last
	if percents > 0 {
		if p[last] != '%' {
			return np, ddberr.Errorf("The percent sign(%%) must be the last symbol of a number format.")
		}
		np.percent = true
		end--
	}
	if exp >= 0 {
		if exp == first || exp == last {
			return np, ddberr.Errorf("The scientific notation(E) can't be the first symbol or last symbol of a number format.")
		}
		for i := exp + 1; i <= last; i++ {
			if p[i] != '0' {
				return np, ddberr.Errorf("The format symbol after scientific notation (E) must be 0")
			}
		}
		np.expDigits = last - exp
		end = exp - 1
	}
	intEnd := end
	if point >= 0 {
		intEnd = point - 1
	}
	if comma >= 0 {
		if comma == first || comma == last {
			return np, ddberr.Errorf("The decimal separator(,) can't be the first symbol or last symbol of a number format.")
		}
		if point >= 0 && point < comma {
			return np, ddberr.Errorf("The decimal separator(,) must appear before decimal point(.) in a number format.")
		}
		np.group = intEnd - comma
	}
	for i := intEnd; i >= first && p[i] != '#'; i-- {
		if p[i] == '0' {
			np.minInt++
		}
	}
	if point >= 0 {
		i := point + 1
		for ; i <= end && p[i] == '0'; i++ {
			np.minFrac++
		}
		for i <= end && p[i] == '#' {
			i++
		}
		np.maxFrac = i - point - 1
	}
	np.prefix, np.suffix = p[:first], p[end+1:]
	if exp >= 0 {
		np.suffix = p[last+1:]
	}
	return np, nil
}

// appendFixed appends f*10^shift, f not negative, with the pattern's
// fraction and integer rules. A shift is only asked for where f*10^shift
// overflows a double, so f is then far above 2^53 and a whole number.
func (np numPattern) appendFixed(b []byte, f float64, shift int) []byte {
	var scratch [48]byte
	var intPart, frac []byte
	if shift > 0 {
		intPart = strconv.AppendFloat(scratch[:0], f, 'f', 0, 64)
		for range shift {
			intPart = append(intPart, '0')
		}
	} else {
		// From 2^53 up f*scale has no fraction left to round, and scaling
		// back would move f off its own digits (or overflow to +Inf), so
		// AppendFloat rounds f itself.
		scale := math.Pow10(np.maxFrac)
		if s := f * scale; s < 1<<53 {
			f = math.Round(s) / scale
		}
		txt := strconv.AppendFloat(scratch[:0], f, 'f', np.maxFrac, 64)
		intPart, frac = txt, txt[:0]
		if i := bytes.IndexByte(txt, '.'); i >= 0 {
			intPart, frac = txt[:i], txt[i+1:]
		}
	}
	for len(frac) > np.minFrac && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	if len(intPart) == 1 && intPart[0] == '0' && np.minInt == 0 {
		intPart = intPart[:0]
	}
	// the integer digits, zero-padded to minInt, with a comma before
	// every group counted from the right
	zeros := max(np.minInt-len(intPart), 0)
	n := zeros + len(intPart)
	for j := 0; j < n; j++ {
		if np.group > 0 && n > np.group && j > 0 && (n-j)%np.group == 0 {
			b = append(b, ',')
		}
		if j < zeros {
			b = append(b, '0')
		} else {
			b = append(b, intPart[j-zeros])
		}
	}
	if len(frac) == 0 && np.minFrac == 0 {
		return b
	}
	b = append(append(b, '.'), frac...)
	for k := len(frac); k < np.minFrac; k++ {
		b = append(b, '0')
	}
	return b
}

// appendFormat appends f (not negative) with the pattern, with a minus
// sign when neg: after the prefix, where DolphinDB's NumberFormat puts
// it.
func (np numPattern) appendFormat(b []byte, f float64, neg bool) []byte {
	// The percent is taken in double precision, as Java's DecimalFormat
	// and DolphinDB's NumberFormat do; above MaxFloat64/100 that product
	// is +Inf, so the two zeros are put in the text instead (shift).
	shift := 0
	if np.percent {
		if s := f * 100; math.IsInf(s, 1) {
			shift = 2
		} else {
			f = s
		}
	}
	b = append(b, np.prefix...)
	if neg {
		b = append(b, '-')
	}
	if np.expDigits > 0 {
		intDigits := max(np.minInt, 1)
		exp := 0
		if f != 0 {
			exp = int(math.Floor(log10(f))) + shift - (intDigits - 1)
		}
		// f's digits down to 10^(exp-maxFrac), rounded in one step as the
		// fixed patterns round f*10^maxFrac: dividing by 10^exp first
		// rounded twice, and printed 9995 as 9.99E03
		digitsAt := func(exp int) float64 { return roundedDigits(f, np.maxFrac+shift-exp) }
		r := digitsAt(exp)
		switch {
		case r >= math.Pow10(intDigits+np.maxFrac):
			exp++
			r = digitsAt(exp)
		case f != 0 && r < math.Pow10(intDigits-1+np.maxFrac):
			// log10 rounded up to the next power of ten
			exp--
			r = digitsAt(exp)
		}
		b = np.appendFixed(b, r/math.Pow10(np.maxFrac), 0)
		b = append(b, 'E')
		if exp < 0 {
			b = append(b, '-')
		}
		b = appendZpad(b, int64(funcs.AbsInt(exp)), np.expDigits)
	} else {
		b = np.appendFixed(b, f, shift)
	}
	return append(b, np.suffix...)
}

// log10 is math.Log10 with subnormal f scaled into the normal range
// first: math.Log10 of a subnormal is off by up to 16.
func log10(f float64) float64 {
	if f < 1e-290 {
		return math.Log10(f*1e300) - 300
	}
	return math.Log10(f)
}

// roundedDigits is f*10^k (f not negative) rounded half away from
// zero: in one rounding by an exact power of ten where there is one
// (|k| <= 22), as the fixed patterns round f*10^maxFrac, and exactly
// where 10^k itself would round first.
func roundedDigits(f float64, k int) float64 {
	switch {
	case k >= 0 && k <= 22:
		return math.Round(f * math.Pow10(k))
	case k < 0 && k >= -22:
		return math.Round(f / math.Pow10(-k))
	}
	r := new(big.Rat).SetFloat64(f)
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(funcs.AbsInt(k))), nil))
	if k > 0 {
		r.Mul(r, p)
	} else {
		r.Quo(r, p)
	}
	r.Add(r, big.NewRat(1, 2))
	x, _ := new(big.Float).SetInt(new(big.Int).Quo(r.Num(), r.Denom())).Float64()
	return x
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
	// A ';' splits off the negative numbers' pattern; one that starts or
	// ends the format splits nothing and is text of the one pattern.
	posText, negText, hasNeg := pattern, "", false
	if k := strings.IndexByte(pattern, ';'); k > 0 && k < len(pattern)-1 {
		posText, negText, hasNeg = pattern[:k], pattern[k+1:], true
	}
	pos, err := parseNumPattern(posText)
	if err != nil {
		return nil, err
	}
	neg := pos
	if hasNeg {
		if neg, err = parseNumPattern(negText); err != nil {
			return nil, err
		}
	}
	out := digits.Column(len(xs), len(pattern), func(b []byte, i int) []byte {
		switch v := xs[i]; {
		case funcs.IsNullF(v):
			// a NaN is NULL in DolphinDB, printed empty as string(x) does
			return b
		case math.IsInf(v, 0):
			// Neither the manual nor DolphinDB's published NumberFormat
			// (which never leaves its scaling loop on an infinity) says
			// what an infinity prints, so it prints as string(x) does.
			return digits.AppendFloat(b, v, 6)
		case v < 0 && hasNeg:
			return neg.appendFormat(b, -v, false)
		case v < 0:
			return pos.appendFormat(b, -v, true)
		default:
			return pos.appendFormat(b, v, false)
		}
	})
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
