package sqldialect

import (
	"math"
	"strconv"
	"strings"
)

// numFormat is an Oracle number format model (SQL Language Reference,
// "Number Format Models"): the elements 9, 0, comma or G, period or D,
// a leading $, S first or last, MI or PR last, FM first, or X digits for
// hexadecimal.
type numFormat struct {
	text                          string
	fm, dollar, signLead, signEnd bool
	mi, pr                        bool
	intPart                       []byte // '9', '0', ','
	frac                          []byte // '9', '0'
	point                         bool
	hex                           int // X digits; 0 for a decimal model
	hexZero, hexLower             bool
}

func parseNumFormat(fn, text string) (*numFormat, error) {
	f := &numFormat{text: text}
	s := strings.ToUpper(text)
	if strings.HasPrefix(s, "FM") {
		f.fm, s = true, s[2:]
	}
	switch {
	case strings.HasSuffix(s, "MI"):
		f.mi, s = true, s[:len(s)-2]
	case strings.HasSuffix(s, "PR"):
		f.pr, s = true, s[:len(s)-2]
	case strings.HasPrefix(s, "S"):
		f.signLead, s = true, s[1:]
	case strings.HasSuffix(s, "S"):
		f.signEnd, s = true, s[:len(s)-1]
	}
	if strings.HasPrefix(s, "$") {
		f.dollar, s = true, s[1:]
	}
	if t := strings.TrimLeft(s, "0"); t != "" && strings.Trim(t, "X") == "" {
		f.hex, f.hexZero = len(s), len(t) < len(s)
		f.hexLower = strings.Contains(text, "x")
		return f, nil
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case (c == '9' || c == '0') && f.point:
			f.frac = append(f.frac, c)
		case c == '9' || c == '0':
			f.intPart = append(f.intPart, c)
		case (c == ',' || c == 'G') && !f.point:
			f.intPart = append(f.intPart, ',')
		case (c == '.' || c == 'D') && !f.point:
			f.point = true
		default:
			return nil, badFormat(fn, text)
		}
	}
	if len(f.intPart) == 0 && len(f.frac) == 0 {
		return nil, badFormat(fn, text)
	}
	return f, nil
}

// overflow is what Oracle prints for a value the model has too few
// digits for.
func (f *numFormat) overflow() string { return strings.Repeat("#", len(f.text)+1) }

// formatInt writes an integer by the model.
func (f *numFormat) formatInt(x int64) string {
	if f.hex > 0 {
		if x < 0 {
			return f.overflow()
		}
		return f.formatHex(uint64(x))
	}
	neg := x < 0
	abs := strconv.FormatUint(uint64(x), 10)
	if neg {
		abs = strconv.FormatUint(uint64(-x), 10)
	}
	return f.formatDigits(neg, abs, strings.Repeat("0", len(f.frac)))
}

// formatFloat writes a number by the model, rounded to its fraction
// digits.
func (f *numFormat) formatFloat(x float64) string {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return f.overflow()
	}
	if f.hex > 0 {
		r := math.Round(x)
		if r < 0 || r >= 1<<63 {
			return f.overflow()
		}
		return f.formatHex(uint64(r))
	}
	// Oracle rounds halves away from zero, FormatFloat to even
	scale := math.Pow(10, float64(len(f.frac)))
	r := math.Round(math.Abs(x)*scale) / scale
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return f.overflow()
	}
	s := strconv.FormatFloat(r, 'f', len(f.frac), 64)
	intDigits, fracDigits, _ := strings.Cut(s, ".")
	neg := x < 0 && strings.Trim(s, "0.") != ""
	return f.formatDigits(neg, intDigits, fracDigits)
}

func (f *numFormat) formatHex(x uint64) string {
	s := strings.ToUpper(strconv.FormatUint(x, 16))
	if f.hexLower {
		s = strings.ToLower(s)
	}
	if len(s) > f.hex {
		return f.overflow()
	}
	pad := " "
	if f.hexZero {
		pad = "0"
	}
	s = strings.Repeat(pad, f.hex-len(s)) + s
	if f.fm {
		return strings.TrimLeft(s, " ")
	}
	return " " + s
}

// formatDigits lays the digits of |x| out by the model: intDigits
// without a sign, fracDigits as many as the model's fraction has.
func (f *numFormat) formatDigits(neg bool, intDigits, fracDigits string) string {
	intDigits = strings.TrimLeft(intDigits, "0")
	if intDigits == "" && len(f.frac) == 0 {
		intDigits = "0"
	}
	places := 0
	zeroFrom := -1
	for _, c := range f.intPart {
		if c == ',' {
			continue
		}
		if c == '0' && zeroFrom < 0 {
			zeroFrom = places
		}
		places++
	}
	if len(intDigits) > places {
		return f.overflow()
	}
	blanks := places - len(intDigits)
	var body strings.Builder
	k, started := 0, false
	for _, c := range f.intPart {
		if c == ',' {
			if started {
				body.WriteByte(',')
			} else {
				body.WriteByte(' ')
			}
			continue
		}
		switch {
		case k >= blanks:
			body.WriteByte(intDigits[k-blanks])
			started = true
		case zeroFrom >= 0 && k >= zeroFrom:
			body.WriteByte('0')
			started = true
		default:
			body.WriteByte(' ')
		}
		k++
	}
	if f.point {
		frac := fracDigits
		if f.fm {
			end := len(frac)
			for end > 0 && f.frac[end-1] == '9' && frac[end-1] == '0' {
				end--
			}
			frac = frac[:end]
		}
		body.WriteByte('.')
		body.WriteString(frac)
	}
	digits := body.String()
	number := strings.TrimLeft(digits, " ")
	lead := digits[:len(digits)-len(number)]
	if f.dollar {
		number = "$" + number
	}
	sign, minus := "", "-"
	if !neg {
		minus = " "
	}
	switch {
	case f.signLead:
		sign = map[bool]string{true: "-", false: "+"}[neg]
		number = sign + number
	case f.signEnd:
		number += map[bool]string{true: "-", false: "+"}[neg]
	case f.mi:
		number += minus
	case f.pr:
		if neg {
			number = "<" + number + ">"
		} else {
			number = " " + number + " "
		}
	default:
		number = minus + number
	}
	out := lead + number
	if f.fm {
		return strings.TrimSpace(out)
	}
	return out
}

// numberText is TO_CHAR of a number without a model: the shortest text
// of its value to 15 significant digits, without the 0 before the point.
func numberText(x float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	s := strconv.FormatFloat(r, 'f', -1, 64)
	switch {
	case strings.HasPrefix(s, "0."):
		return s[1:]
	case strings.HasPrefix(s, "-0."):
		return "-" + s[2:]
	}
	return s
}
