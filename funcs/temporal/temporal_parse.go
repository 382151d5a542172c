package temporal

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
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
	for k := range toks {
		// A field followed directly by another field has exactly its
		// pattern's width; otherwise it takes every digit there is.
		if t := &toks[k]; t.letter != 0 && (k+1 < len(toks) && toks[k+1].letter != 0 || t.letter == 'S' || t.letter == 'n') {
			t.width = t.n
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
	f := fields{year: 1970, month: 1, day: 1}
	pos := 0
	for k := range toks {
		t := &toks[k]
		if t.letter == 0 {
			if len(s)-pos < len(t.lit) || s[pos:pos+len(t.lit)] != t.lit {
				return value.NullInt64
			}
			pos += len(t.lit)
			continue
		}
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
				f.month, pos = m, pos+3
				continue
			}
		case 'a':
			if pos+2 > len(s) {
				return value.NullInt64
			}
			switch strings.ToUpper(s[pos : pos+2]) {
			case "AM":
			case "PM":
				f.pm = true
			default:
				return value.NullInt64
			}
			f.ampm, pos = true, pos+2
			continue
		}
		v, digits, ok := readDigits(s, pos, t.width)
		if !ok {
			return value.NullInt64
		}
		pos += digits
		f.set(t, v, digits)
	}
	if pos != len(s) {
		return value.NullInt64
	}
	return f.value(newSplitter(rt))
}

// fields are the parts of a date and time read so far.
type fields struct {
	year, month, day     int
	hour, minute, second int
	nanos                int64
	pm, ampm, twelve     bool
}

// set stores field t's value v, written with digits digits.
func (f *fields) set(t *PatternToken, v int64, digits int) {
	switch t.letter {
	case 'y':
		f.year = int(v)
		if digits <= 2 {
			if v < 40 {
				f.year = 2000 + int(v)
			} else {
				f.year = 1900 + int(v)
			}
		}
	case 'M':
		f.month = int(v)
	case 'd':
		f.day = int(v)
	case 'H':
		f.hour = int(v)
	case 'h':
		f.hour, f.twelve = int(v), true
	case 'm':
		f.minute = int(v)
	case 's':
		f.second = int(v)
	case 'S':
		f.nanos = v * 1_000_000
	case 'n':
		if t.n == 6 {
			f.nanos = v * 1000
		} else {
			f.nanos = v
		}
	}
}

// value is the raw value of the splitter's type the fields make,
// NullInt64 when they are no real date or time.
func (f *fields) value(sp splitter) int64 {
	hour := f.hour
	if f.ampm || f.twelve {
		if hour > 12 {
			return value.NullInt64
		}
		hour %= 12
		if f.pm {
			hour += 12
		}
	}
	if !value.ValidDate(f.year, f.month, f.day) || hour > 23 || f.minute > 59 || f.second > 59 {
		return value.NullInt64
	}
	days := value.DaysFromCivil(f.year, f.month, f.day)
	ns := int64(hour)*nsPerHour + int64(f.minute)*nsPerMinute + int64(f.second)*nsPerSecond + f.nanos
	return sp.join(days, ns)
}

// layout is a pattern of digit fields and digit-free literals compiled
// for the texts that give each field exactly its pattern's width
// (yyyy.MM.dd reads 10 bytes): tmpl holds each byte a literal puts at
// its offset and 0 where a digit goes.
type layout struct {
	tmpl   []byte
	fields []fieldAt
}

// fieldAt is a field's token and offset in a layout.
type fieldAt struct {
	tok *PatternToken
	at  int
}

// fixedLayout compiles toks; ok is false for patterns with month names
// or AM/PM, or literals holding digits, which the general reader takes.
func fixedLayout(toks []PatternToken) (lay layout, ok bool) {
	for k := range toks {
		t := &toks[k]
		switch {
		case t.letter == 0:
			if strings.ContainsAny(t.lit, "0123456789") {
				return layout{}, false
			}
			lay.tmpl = append(lay.tmpl, t.lit...)
		case t.letter == 'a' || t.letter == 'M' && t.n >= 3 || t.n > 18:
			return layout{}, false
		default:
			lay.fields = append(lay.fields, fieldAt{tok: t, at: len(lay.tmpl)})
			lay.tmpl = append(lay.tmpl, make([]byte, t.n)...)
		}
	}
	return lay, true
}

// parseFixed reads s, of the layout's length; ok is false when s is not
// digits and the literals where the layout has them, and the general
// reader must decide. A field then has exactly its width in digits with
// a non-digit or the end after it, so it reads as ParseWithPattern reads
// it.
func (lay *layout) parseFixed(s string, sp splitter) (int64, bool) {
	for i, c := range []byte(s) {
		if want := lay.tmpl[i]; want == 0 {
			if c-'0' > 9 {
				return 0, false
			}
		} else if c != want {
			return 0, false
		}
	}
	f := fields{year: 1970, month: 1, day: 1}
	for _, fa := range lay.fields {
		var v int64
		for _, c := range []byte(s[fa.at : fa.at+fa.tok.n]) {
			v = v*10 + int64(c-'0')
		}
		f.set(fa.tok, v, fa.tok.n)
	}
	return f.value(sp), true
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
	if v, ok := args[0].(*value.Vector); ok && v.T.Category() == value.CatLiteral && !v.T.IsArray() {
		if codes, base, ok := v.CompactSymbolCodes(); ok {
			return cast.GatherCodes(parseAll(base, toks, rt), codes), nil
		}
	}
	in, err := funcs.StringInput("temporalParse", args[0])
	if err != nil {
		return nil, err
	}
	return in.Wrap(parseAll(in.S, toks, rt)), nil
}

// parseAll reads each string with the compiled pattern.
func parseAll(strs []string, toks []PatternToken, rt value.Type) *value.Vector {
	out := make([]int64, len(strs))
	lay, fixed := fixedLayout(toks)
	sp := newSplitter(rt)
	for i, s := range strs {
		if fixed && len(s) == len(lay.tmpl) {
			if v, ok := lay.parseFixed(s, sp); ok {
				out[i] = v
				continue
			}
		}
		out[i] = ParseWithPattern(s, toks, rt)
	}
	return TypedVector(rt, out)
}
