package temporal

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// temporalParse reads text with a date/time pattern (the letters of
// temporalFormat). The result type follows the fields the pattern has:
// a date alone is DATE, year and month MONTH, a clock alone SECOND, TIME
// or NANOTIME by its finest field, both DATETIME, TIMESTAMP or
// NANOTIMESTAMP. Text that does not fit the pattern is NULL.

// compileParsePattern checks the pattern and picks the result type.
func CompileParsePattern(p string) ([]PatternToken, value.Type, error) {
	toks := tokenizePattern(p)
	var date, month, clock bool
	fine := 0 // 0 seconds, 1 milliseconds, 2 nanoseconds
	for _, t := range toks {
		switch t.letter {
		case 'y':
			month = true
		case 'M':
			month = true
		case 'd':
			date = true
		case 'H', 'h', 'm':
			clock = true
		case 's':
			clock = true
		case 'S':
			if t.n != 3 {
				return nil, 0, ddberr.Errorf("Invalid temporal format: '%s'. Millisecond (S) must have three digits.", p)
			}
			clock, fine = true, max(fine, 1)
		case 'n':
			if t.n != 6 && t.n != 9 {
				return nil, 0, ddberr.Errorf("Invalid temporal format: '%s'. Nanosecond (n) must have six or nine digits.", p)
			}
			clock, fine = true, 2
		}
	}
	switch {
	case date && clock:
		return toks, [...]value.Type{value.DateTime, value.Timestamp, value.NanoTimestamp}[fine], nil
	case date:
		return toks, value.Date, nil
	case month && !clock:
		return toks, value.Month, nil
	case clock:
		return toks, [...]value.Type{value.Second, value.Time, value.NanoTime}[fine], nil
	}
	return nil, 0, ddberr.Errorf("Invalid temporal format: '%s'.", p)
}

// parseWithPattern returns the raw value of s read with toks, or
// NullInt64 when s does not fit.
func ParseWithPattern(s string, toks []PatternToken, rt value.Type) int64 {
	year, month, day := 1970, 1, 1
	hour, minute, second := 0, 0, 0
	var nanos int64
	pm, ampm, twelve := false, false, false
	pos := 0
	for k, t := range toks {
		if t.letter == 0 {
			if !strings.HasPrefix(s[pos:], t.lit) {
				return value.NullInt64
			}
			pos += len(t.lit)
			continue
		}
		// A field followed directly by another field has exactly its
		// pattern's width; otherwise it takes every digit there is.
		fixed := k+1 < len(toks) && toks[k+1].letter != 0
		switch t.letter {
		case 'M':
			if t.n >= 3 {
				if pos+3 > len(s) {
					return value.NullInt64
				}
				m := -1
				for i, a := range monthAbbr {
					if strings.EqualFold(s[pos:pos+3], a) {
						m = i + 1
					}
				}
				if m < 0 {
					return value.NullInt64
				}
				month, pos = m, pos+3
				continue
			}
		case 'a':
			if pos+2 > len(s) {
				return value.NullInt64
			}
			switch strings.ToUpper(s[pos : pos+2]) {
			case "AM":
			case "PM":
				pm = true
			default:
				return value.NullInt64
			}
			ampm, pos = true, pos+2
			continue
		}
		width := 0
		if fixed || t.letter == 'S' || t.letter == 'n' {
			width = t.n
		}
		v, digits, ok := readDigits(s, pos, width)
		if !ok {
			return value.NullInt64
		}
		pos += digits
		switch t.letter {
		case 'y':
			year = int(v)
			if digits <= 2 {
				if v < 40 {
					year = 2000 + int(v)
				} else {
					year = 1900 + int(v)
				}
			}
		case 'M':
			month = int(v)
		case 'd':
			day = int(v)
		case 'H':
			hour = int(v)
		case 'h':
			hour, twelve = int(v), true
		case 'm':
			minute = int(v)
		case 's':
			second = int(v)
		case 'S':
			nanos = v * 1_000_000
		case 'n':
			if t.n == 6 {
				nanos = v * 1000
			} else {
				nanos = v
			}
		}
	}
	if pos != len(s) {
		return value.NullInt64
	}
	if ampm || twelve {
		if hour > 12 {
			return value.NullInt64
		}
		hour %= 12
		if pm {
			hour += 12
		}
	}
	if !value.ValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59 {
		return value.NullInt64
	}
	days := value.DaysFromCivil(year, month, day)
	ns := int64(hour)*nsPerHour + int64(minute)*nsPerMinute + int64(second)*nsPerSecond + nanos
	return joinTemporal(rt, days, ns)
}

// readDigits reads width digits at pos (all the digits there are when
// width is 0).
func readDigits(s string, pos, width int) (int64, int, bool) {
	var v int64
	n := 0
	for pos+n < len(s) && s[pos+n] >= '0' && s[pos+n] <= '9' && (width == 0 || n < width) {
		v = v*10 + int64(s[pos+n]-'0')
		n++
		if n > 18 {
			return 0, 0, false
		}
	}
	if n == 0 || (width > 0 && n != width) {
		return 0, 0, false
	}
	return v, n, true
}

func temporalParseFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	pattern, err := funcs.StrScalarArg("temporalParse", "format", args[1])
	if err != nil {
		return nil, err
	}
	toks, rt, err := CompileParsePattern(pattern)
	if err != nil {
		return nil, err
	}
	in, err := funcs.StringInput("temporalParse", args[0])
	if err != nil {
		return nil, err
	}
	out := make([]int64, len(in.S))
	for i, s := range in.S {
		out[i] = ParseWithPattern(s, toks, rt)
	}
	return in.Wrap(TypedVector(rt, out)), nil
}
