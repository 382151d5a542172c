package textio

import (
	"errors"
	"math"
	"strconv"
	"unsafe"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Field parsers: each reads one field's bytes as DolphinDB's text import
// does and reports false for a NULL. Numbers are lenient (the import
// tutorial, "数值类型的解析"): letters and symbols around the number are
// ignored ($2,131 is 2131, 2023Q1 is 2023), thousands separators are
// skipped, and a field without digits is NULL.

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// bstr views b as a string for the standard parsers without copying; the
// result must not outlive the call it is passed to.
func bstr(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// parseInt reads the first integer in b, skipping thousands separators.
func parseInt(b []byte) (int64, bool) {
	i := 0
	for i < len(b) && !isDigit(b[i]) {
		i++
	}
	if i == len(b) {
		return 0, false
	}
	neg := i > 0 && b[i-1] == '-'
	var u uint64
	for ; i < len(b); i++ {
		c := b[i]
		if isDigit(c) {
			if u > (math.MaxInt64-9)/10 {
				return 0, false
			}
			u = u*10 + uint64(c-'0')
		} else if c != ',' {
			break
		}
	}
	if neg {
		return -int64(u), true
	}
	return int64(u), true
}

// parseFloat reads the first number in b: sign, digits (thousands
// separators skipped), fraction and exponent.
func parseFloat(b []byte, scratch *[]byte) (float64, bool) {
	i := 0
	for i < len(b) && !isDigit(b[i]) && !(b[i] == '.' && i+1 < len(b) && isDigit(b[i+1])) {
		i++
	}
	if i == len(b) {
		return 0, false
	}
	start := i
	if i > 0 && b[i-1] == '-' {
		start = i - 1
	}
	plain := true
	j := i
	for j < len(b) && (isDigit(b[j]) || b[j] == ',') {
		if b[j] == ',' {
			plain = false
		}
		j++
	}
	if j < len(b) && b[j] == '.' {
		j++
		for j < len(b) && isDigit(b[j]) {
			j++
		}
	}
	if j < len(b) && (b[j] == 'e' || b[j] == 'E') {
		k := j + 1
		if k < len(b) && (b[k] == '+' || b[k] == '-') {
			k++
		}
		if k < len(b) && isDigit(b[k]) {
			for k < len(b) && isDigit(b[k]) {
				k++
			}
			j = k
		}
	}
	num := b[start:j]
	if !plain {
		buf := (*scratch)[:0]
		for _, c := range num {
			if c != ',' {
				buf = append(buf, c)
			}
		}
		*scratch = buf
		num = buf
	}
	f, err := strconv.ParseFloat(bstr(num), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, false
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// parseBool reads true/false (any case) or a number's truth.
func parseBool(b []byte) (int64, bool) {
	b = trimSpace(b)
	if len(b) == 0 {
		return 0, false
	}
	switch {
	case equalFold(b, "true") || equalFold(b, "t"):
		return 1, true
	case equalFold(b, "false") || equalFold(b, "f"):
		return 0, true
	}
	var scratch []byte
	f, ok := parseFloat(b, &scratch)
	if !ok {
		return 0, false
	}
	if f != 0 {
		return 1, true
	}
	return 0, true
}

func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// num reads between 1 and max digits at b[i:].
func num(b []byte, i, max int) (int, int, bool) {
	v, j := 0, i
	for j < len(b) && j-i < max && isDigit(b[j]) {
		v = v*10 + int(b[j]-'0')
		j++
	}
	return v, j, j > i
}

func isDateSep(c byte) bool { return c == '.' || c == '-' || c == '/' }

// parseTemporal reads a date, time or date-time with separators: dates
// yyyy.MM.dd, yyyy-MM-dd, yyyy/MM/dd (and yy.MM.dd), times HH:mm,
// HH:mm:ss, HH:mm:ss.fff and up to nanoseconds, and a date and a time
// joined by 'T' or a space. It returns the value in the unit of the type
// it found.
func parseTemporal(b []byte) (int64, value.Type, bool) {
	b = trimSpace(b)
	if len(b) < 4 {
		return 0, 0, false
	}
	if y, i, ok := num(b, 0, 4); ok && i < len(b) && isDateSep(b[i]) && (i == 4 || i == 2) {
		if i == 2 {
			y = century(y)
		}
		sep := b[i]
		m, j, ok := num(b, i+1, 2)
		if !ok || m < 1 || m > 12 {
			return 0, 0, false
		}
		if j == len(b) {
			if i == 4 && sep != '.' {
				return int64(y)*12 + int64(m) - 1, value.Month, true
			}
			return 0, 0, false
		}
		if b[j] != sep {
			return 0, 0, false
		}
		d, k, ok := num(b, j+1, 2)
		if !ok || !value.ValidDate(y, m, d) {
			return 0, 0, false
		}
		days := value.DaysFromCivil(y, m, d)
		if k == len(b) {
			return days, value.Date, true
		}
		if b[k] != 'T' && b[k] != ' ' {
			return 0, 0, false
		}
		tv, tt, ok := parseClock(b[k+1:])
		if !ok {
			return 0, 0, false
		}
		switch tt {
		case value.Minute:
			return days*value.SecPerDay + tv*60, value.DateTime, inDateTime(days*value.SecPerDay + tv*60)
		case value.Second:
			return days*value.SecPerDay + tv, value.DateTime, inDateTime(days*value.SecPerDay + tv)
		case value.Time:
			return days*value.MsPerDay + tv, value.Timestamp, true
		default:
			return days*value.SecPerDay*value.NsPerSec + tv, value.NanoTimestamp, true
		}
	}
	return parseClock(b)
}

func inDateTime(v int64) bool { return v > math.MinInt32 && v <= math.MaxInt32 }

// century maps a two-digit year: 00-49 are 20xx, 50-99 19xx.
func century(y int) int {
	if y < 50 {
		return 2000 + y
	}
	return 1900 + y
}

// parseClock reads HH:mm[:ss[.f...]] to the end of b.
func parseClock(b []byte) (int64, value.Type, bool) {
	h, i, ok := num(b, 0, 2)
	if !ok || h > 23 || i >= len(b) || b[i] != ':' {
		return 0, 0, false
	}
	mi, j, ok := num(b, i+1, 2)
	if !ok || mi > 59 || j-i-1 != 2 {
		return 0, 0, false
	}
	if j == len(b) {
		return int64(h*60 + mi), value.Minute, true
	}
	if b[j] != ':' {
		return 0, 0, false
	}
	s, k, ok := num(b, j+1, 2)
	if !ok || s > 59 || k-j-1 != 2 {
		return 0, 0, false
	}
	secs := int64(h*3600 + mi*60 + s)
	if k == len(b) {
		return secs, value.Second, true
	}
	if b[k] != '.' {
		return 0, 0, false
	}
	frac, e, ok := num(b, k+1, 9)
	if !ok || e != len(b) {
		return 0, 0, false
	}
	v, t := cast.ClockFraction(secs, frac, e-k-1)
	return v, t, true
}

// digitDate reads yyMMdd or yyyyMMdd (the forms the manual says are taken
// as DATE: 1900<=yyyy<=2100, month 1-12, day 1-31). shape reports the
// form; ok that it names a real day (20230231 has the shape, no day).
func digitDate(b []byte) (days int64, shape, ok bool) {
	var y, m, d int
	switch len(b) {
	case 6:
		y, m, d = century(atoi(b[0:2])), atoi(b[2:4]), atoi(b[4:6])
	case 8:
		y, m, d = atoi(b[0:4]), atoi(b[4:6]), atoi(b[6:8])
		if y < 1900 || y > 2100 {
			return 0, false, false
		}
	default:
		return 0, false, false
	}
	for _, c := range b {
		if !isDigit(c) {
			return 0, false, false
		}
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false, false
	}
	if !value.ValidDate(y, m, d) {
		return 0, true, false
	}
	return value.DaysFromCivil(y, m, d), true, true
}

func atoi(b []byte) int {
	v := 0
	for _, c := range b {
		v = v*10 + int(c-'0')
	}
	return v
}
