package sqldialect

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// An Oracle datetime format model (SQL Language Reference, "Datetime
// Format Models") split into elements: each a format element (upper
// case, with the case it was written in kept for names) or literal text.
type dateElem struct {
	name    string // the element, upper case; "" for literal text
	written string // as written (a name's case follows it), or the literal
}

// dateElements are the elements we know, longest first so that a prefix
// never shadows a longer element.
var dateElements = []string{
	"SSSSS", "SYYYY", "MONTH", "A.M.", "P.M.", "YYYY", "RRRR", "HH24", "HH12",
	"YYY", "DDD", "MON", "DAY", "YY", "RR", "MM", "DD", "DY", "HH", "MI", "SS",
	"AM", "PM", "FM", "FX", "IW", "WW", "CC", "Q", "D", "W", "Y", "J",
}

// parseDateFormat splits fmt into elements; fn names the function in the
// error for text it does not know.
func parseDateFormat(fn, fmtText string) ([]dateElem, error) {
	var out []dateElem
	for i := 0; i < len(fmtText); {
		c := fmtText[i]
		if c == '"' {
			j := strings.IndexByte(fmtText[i+1:], '"')
			if j < 0 {
				return nil, badFormat(fn, fmtText)
			}
			out = append(out, dateElem{written: fmtText[i+1 : i+1+j]})
			i += j + 2
			continue
		}
		if strings.IndexByte(" -/,.;:", c) >= 0 {
			out = append(out, dateElem{written: string(c)})
			i++
			continue
		}
		found := false
		for _, e := range dateElements {
			if len(fmtText)-i >= len(e) && strings.EqualFold(fmtText[i:i+len(e)], e) {
				out = append(out, dateElem{name: e, written: fmtText[i : i+len(e)]})
				i += len(e)
				found = true
				break
			}
		}
		if !found {
			return nil, badFormat(fn, fmtText)
		}
	}
	return out, nil
}

func badFormat(fn, fmtText string) error {
	return ddberr.Errorf("Invalid format '%s' of %s.", fmtText, fn)
}

var monthNames = []string{"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"}
var dayNames = []string{"SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}

// civil is a time split into its calendar fields.
type civil struct {
	days          int64 // since 1970-01-01
	y, m, d       int
	hour, min, se int
}

func civilOf(days, secOfDay int64) civil {
	y, m, d := value.CivilFromDays(days)
	return civil{days: days, y: y, m: m, d: d, hour: int(secOfDay / 3600), min: int(secOfDay / 60 % 60), se: int(secOfDay % 60)}
}

// weekday is 0 for Sunday (the first day of Oracle's week in the AMERICA
// territory).
func (c civil) weekday() int { return int(value.FloorMod(c.days+4, 7)) }

func (c civil) dayOfYear() int { return int(c.days-value.DaysFromCivil(c.y, 1, 1)) + 1 }

// isoWeek is the ISO 8601 week number.
func (c civil) isoWeek() int {
	mondayBased := int(value.FloorMod(c.days+3, 7)) // 0 Monday
	thursday := c.days - int64(mondayBased) + 3
	y, _, _ := value.CivilFromDays(thursday)
	return int(thursday-value.DaysFromCivil(y, 1, 1))/7 + 1
}

// inCase writes name (upper case) in the case of the element as written:
// Month is May, MONTH is MAY, month is may (P.M. by its letters).
func inCase(name, written string) string {
	letters := strings.ReplaceAll(written, ".", "")
	switch {
	case letters == "" || letters[0] >= 'a' && letters[0] <= 'z':
		return strings.ToLower(name)
	case len(letters) > 1 && letters[1] >= 'A' && letters[1] <= 'Z':
		return name
	}
	return name[:1] + strings.ToLower(name[1:])
}

// formatDate writes c by the format model's elements.
func formatDate(elems []dateElem, c civil) string {
	var b strings.Builder
	fm := false
	num := func(x, width int) {
		if fm {
			b.WriteString(strconv.Itoa(x))
			return
		}
		fmt.Fprintf(&b, "%0*d", width, x)
	}
	text := func(name, written string, width int) {
		s := inCase(name, written)
		if !fm {
			s += strings.Repeat(" ", width-len(s))
		}
		b.WriteString(s)
	}
	hour12 := c.hour % 12
	if hour12 == 0 {
		hour12 = 12
	}
	for _, e := range elems {
		switch e.name {
		case "":
			b.WriteString(e.written)
		case "FM":
			fm = !fm
		case "FX":
		case "YYYY", "SYYYY", "RRRR":
			num(c.y, 4)
		case "YYY":
			num(c.y%1000, 3)
		case "YY", "RR":
			num(c.y%100, 2)
		case "Y":
			num(c.y%10, 1)
		case "CC":
			num((c.y+99)/100, 2)
		case "Q":
			num((c.m-1)/3+1, 1)
		case "MM":
			num(c.m, 2)
		case "MONTH":
			text(monthNames[c.m-1], e.written, 9)
		case "MON":
			text(monthNames[c.m-1][:3], e.written, 3)
		case "WW":
			num((c.dayOfYear()-1)/7+1, 2)
		case "IW":
			num(c.isoWeek(), 2)
		case "W":
			num((c.d-1)/7+1, 1)
		case "DDD":
			num(c.dayOfYear(), 3)
		case "DD":
			num(c.d, 2)
		case "D":
			num(c.weekday()+1, 1)
		case "DAY":
			text(dayNames[c.weekday()], e.written, 9)
		case "DY":
			text(dayNames[c.weekday()][:3], e.written, 3)
		case "J":
			num(int(c.days+2440588), 7)
		case "HH", "HH12":
			num(hour12, 2)
		case "HH24":
			num(c.hour, 2)
		case "MI":
			num(c.min, 2)
		case "SS":
			num(c.se, 2)
		case "SSSSS":
			num(c.hour*3600+c.min*60+c.se, 5)
		case "AM", "PM", "A.M.", "P.M.":
			mark := "AM"
			if c.hour >= 12 {
				mark = "PM"
			}
			if strings.Contains(e.name, ".") {
				mark = mark[:1] + "." + mark[1:] + "."
			}
			b.WriteString(inCase(mark, e.written))
		}
	}
	return b.String()
}

// hasTime reports whether the format model has a time-of-day element:
// to_date then returns a DATETIME instead of a DATE.
func hasTime(elems []dateElem) bool {
	for _, e := range elems {
		switch e.name {
		case "HH", "HH12", "HH24", "MI", "SS", "SSSSS", "AM", "PM", "A.M.", "P.M.":
			return true
		}
	}
	return false
}

// parseDate reads s by the format model, as Oracle's TO_DATE does:
// numbers may have fewer digits than their element, punctuation in s
// stands for any punctuation in the model, and the fields the model
// leaves out are the first day of the current month (now's year and
// month) at midnight. ok is false when s does not fit.
func parseDate(elems []dateElem, s string, nowY, nowM int) (days, secOfDay int64, ok bool) {
	y, m, d := nowY, nowM, 1
	hour, minute, sec := 0, 0, 0
	pm, hasMark, hour12 := false, false, false
	doy, julian := -1, int64(-1)
	i := 0
	skipPunct := func() {
		for i < len(s) && strings.IndexByte(" -/,.;:", s[i]) >= 0 {
			i++
		}
	}
	digits := func(max int) (int, bool) {
		skipPunct()
		j := i
		for j < len(s) && j-i < max && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i {
			return 0, false
		}
		n, err := strconv.Atoi(s[i:j])
		i = j
		return n, err == nil
	}
	name := func(names []string) (int, bool) {
		skipPunct()
		for k, full := range names {
			for _, cand := range []string{full, full[:3]} {
				if len(s)-i >= len(cand) && strings.EqualFold(s[i:i+len(cand)], cand) {
					i += len(cand)
					return k, true
				}
			}
		}
		return 0, false
	}
	for _, e := range elems {
		var good bool
		switch e.name {
		case "":
			skipPunct()
			lit := strings.Trim(e.written, " -/,.;:")
			good = len(s)-i >= len(lit) && strings.EqualFold(s[i:i+len(lit)], lit)
			i += len(lit)
		case "FM", "FX":
			good = true
		case "YYYY", "SYYYY", "RRRR":
			y, good = digits(4)
		case "YYY":
			y, good = digits(3)
			y += nowY / 1000 * 1000
		case "YY":
			y, good = digits(2)
			y += nowY / 100 * 100
		case "RR":
			start := i
			y, good = digits(4)
			if good && i-start <= 2 {
				y = rrYear(y, nowY)
			}
		case "Y":
			y, good = digits(1)
			y += nowY / 10 * 10
		case "MM":
			m, good = digits(2)
		case "MONTH", "MON":
			m, good = name(monthNames)
			m++
		case "DD":
			d, good = digits(2)
		case "DDD":
			doy, good = digits(3)
		case "DAY", "DY":
			_, good = name(dayNames)
		case "D":
			_, good = digits(1)
		case "J":
			var n int
			n, good = digits(7)
			julian = int64(n)
		case "HH", "HH12":
			hour, good = digits(2)
			hour12 = true
		case "HH24":
			hour, good = digits(2)
		case "MI":
			minute, good = digits(2)
		case "SS":
			sec, good = digits(2)
		case "SSSSS":
			var n int
			n, good = digits(5)
			hour, minute, sec = n/3600, n/60%60, n%60
		case "AM", "PM", "A.M.", "P.M.":
			skipPunct()
			for _, mark := range []string{"A.M.", "P.M.", "AM", "PM"} {
				if len(s)-i >= len(mark) && strings.EqualFold(s[i:i+len(mark)], mark) {
					i += len(mark)
					pm, hasMark, good = mark[0] == 'P', true, true
					break
				}
			}
		default:
			// CC, Q, WW, IW, W name no single date
			return 0, 0, false
		}
		if !good {
			return 0, 0, false
		}
	}
	if strings.TrimSpace(s[min(i, len(s)):]) != "" {
		return 0, 0, false
	}
	if hour12 || hasMark {
		if hour < 1 || hour > 12 {
			return 0, 0, false
		}
		hour %= 12
		if pm {
			hour += 12
		}
	}
	switch {
	case julian >= 0:
		days = julian - 2440588
	case doy >= 0:
		if doy < 1 || doy > 365 && !(doy == 366 && isLeap(y)) {
			return 0, 0, false
		}
		days = value.DaysFromCivil(y, 1, 1) + int64(doy-1)
	default:
		if m < 1 || m > 12 || d < 1 || d > monthDays(y, m) {
			return 0, 0, false
		}
		days = value.DaysFromCivil(y, m, d)
	}
	if hour > 23 || minute > 59 || sec > 59 {
		return 0, 0, false
	}
	return days, int64(hour*3600 + minute*60 + sec), true
}

// rrYear is the year of a two-digit RR year: in the current century's
// half the current year is in, else the neighbouring one.
func rrYear(yy, nowY int) int {
	century, last := nowY/100*100, nowY%100
	switch {
	case yy < 50 && last >= 50:
		return century + 100 + yy
	case yy >= 50 && last < 50:
		return century - 100 + yy
	}
	return century + yy
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func monthDays(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
