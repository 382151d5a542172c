package sqldialect

import (
	"math"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/typed"
)

// fmtArg reads the optional format model argument i ("" when absent or
// NULL).
func fmtArg(fn string, args []value.Value, i int) (string, error) {
	x := funcs.GivenArg(args, i)
	if x == nil {
		return "", nil
	}
	return funcs.StrScalarArg(fn, "fmt", x)
}

// xtoChar is TO_CHAR of a number or of a DATE, DATEHOUR or DATETIME (the
// only types DolphinDB's Oracle dialect takes): by the format model fmt,
// or, without one, a number as Oracle writes it and a time as DolphinDB
// does.
func xtoChar(_ funcs.Env, args []value.Value) (value.Value, error) {
	l, err := lineUp("to_char", []string{"n"}, args[:1])
	if err != nil {
		return nil, err
	}
	fmtText, err := fmtArg("to_char", args, 1)
	if err != nil {
		return nil, err
	}
	x := l.cols[0]
	out := make([]string, l.n)
	isNull := nulls(x)
	switch t := x.T; {
	case t == value.Void:
	case t == value.Date || t == value.DateHour || t == value.DateTime:
		var elems []dateElem
		if fmtText != "" {
			if elems, err = parseDateFormat("to_char", fmtText); err != nil {
				return nil, err
			}
		}
		for i := range out {
			switch {
			case isNull[i]:
			case elems == nil:
				out[i] = x.FormatElem(i)
			default:
				days, sec := dayAndSecond(t, int64(x.I32[i]))
				out[i] = formatDate(elems, civilOf(days, sec))
			}
		}
	case t.IsNumeric():
		if err := toCharNumbers(x, fmtText, isNull, out); err != nil {
			return nil, err
		}
	default:
		return nil, ddberr.Errorf("to_char only accepts numeric, DATE, DATEHOUR and DATETIME arguments.")
	}
	return l.wrap(stringsOf(out)), nil
}

func toCharNumbers(x *value.Vector, fmtText string, isNull []bool, out []string) error {
	var f *numFormat
	if fmtText != "" {
		var err error
		if f, err = parseNumFormat("to_char", fmtText); err != nil {
			return err
		}
	}
	if x.T.Category() == value.CatIntegral {
		ints, _, err := funcs.IntsArg("to_char", "n", x, x.Len())
		if err != nil {
			return err
		}
		for i, v := range ints {
			switch {
			case isNull[i]:
			case f == nil:
				out[i] = strconv.FormatInt(v, 10)
			default:
				out[i] = f.formatInt(v)
			}
		}
		return nil
	}
	fs, err := funcs.DoublesOf("to_char", x)
	if err != nil {
		return err
	}
	for i, v := range fs {
		switch {
		case isNull[i]:
		case f == nil:
			out[i] = numberText(v)
		default:
			out[i] = f.formatFloat(v)
		}
	}
	return nil
}

// dayAndSecond splits a DATE, DATEHOUR, DATETIME, TIMESTAMP or
// NANOTIMESTAMP into its day and the second of that day.
func dayAndSecond(t value.Type, x int64) (days, sec int64) {
	switch t {
	case value.Date:
		return x, 0
	case value.DateHour:
		return value.FloorDiv(x, 24), value.FloorMod(x, 24) * 3600
	case value.Timestamp:
		x = value.FloorDiv(x, 1000)
	case value.NanoTimestamp:
		x = value.FloorDiv(x, value.NsPerSec)
	}
	return value.FloorDiv(x, value.SecPerDay), value.FloorMod(x, value.SecPerDay)
}

// defaultDateFormat is Oracle's NLS_DATE_FORMAT default, which TO_DATE
// reads without a model.
const defaultDateFormat = "DD-MON-RR"

// xtoDate is TO_DATE: the text read by the format model (Oracle's
// default DD-MON-RR without one), a DATE, or a DATETIME when the model
// has a time of day.
func xtoDate(env funcs.Env, args []value.Value) (value.Value, error) {
	l, err := lineUp("to_date", []string{"char"}, args[:1])
	if err != nil {
		return nil, err
	}
	x := l.cols[0]
	if x.T != value.Void && x.T.Category() != value.CatLiteral {
		return nil, funcs.BadArg("to_date", "char", "a STRING or SYMBOL scalar or vector")
	}
	fmtText, err := fmtArg("to_date", args, 1)
	if err != nil {
		return nil, err
	}
	if fmtText == "" {
		fmtText = defaultDateFormat
	}
	elems, err := parseDateFormat("to_date", fmtText)
	if err != nil {
		return nil, err
	}
	today, err := today(env)
	if err != nil {
		return nil, err
	}
	nowY, nowM, _ := value.CivilFromDays(today)
	withTime := hasTime(elems)
	out := make([]int32, l.n)
	for i, s := range texts(x) {
		out[i] = value.NullInt32
		if s == "" {
			continue
		}
		days, sec, ok := parseDate(elems, s, nowY, nowM)
		if !ok {
			return nil, ddberr.Errorf("The string '%s' does not match the format '%s' of to_date.", s, fmtText)
		}
		out[i] = int32(days)
		if withTime {
			secs := days*value.SecPerDay + sec
			if secs < math.MinInt32+1 || secs > math.MaxInt32 {
				return nil, ddberr.Errorf("The string '%s' does not match the format '%s' of to_date.", s, fmtText)
			}
			out[i] = int32(secs)
		}
	}
	t := value.Date
	if withTime {
		t = value.DateTime
	}
	return l.wrap(&value.Vector{T: t, I32: out}), nil
}

// xtoNumber is TO_NUMBER: the number a text writes, read by the format
// model when one is given (its group separators, $, sign elements and X
// digits); a number is returned as a DOUBLE.
func xtoNumber(_ funcs.Env, args []value.Value) (value.Value, error) {
	l, err := lineUp("to_number", []string{"expr"}, args[:1])
	if err != nil {
		return nil, err
	}
	fmtText, err := fmtArg("to_number", args, 1)
	if err != nil {
		return nil, err
	}
	var f *numFormat
	if fmtText != "" {
		if f, err = parseNumFormat("to_number", fmtText); err != nil {
			return nil, err
		}
	}
	x := l.cols[0]
	out := make([]float64, l.n)
	switch {
	case x.T.IsNumeric():
		fs, err := funcs.DoublesOf("to_number", x)
		if err != nil {
			return nil, err
		}
		copy(out, fs)
	case x.T == value.Void || x.T.Category() == value.CatLiteral:
		for i, s := range texts(x) {
			out[i] = value.NullFloat64
			if s == "" {
				continue
			}
			v, ok := readNumber(s, f)
			if !ok {
				return nil, ddberr.Errorf("Invalid number '%s' for to_number.", s)
			}
			out[i] = v
		}
	default:
		return nil, funcs.BadArg("to_number", "expr", "a number or a STRING or SYMBOL scalar or vector")
	}
	return l.wrap(value.NewDoubles(out)), nil
}

func readNumber(s string, f *numFormat) (float64, bool) {
	s = strings.TrimSpace(s)
	if f != nil && f.hex > 0 {
		n, err := strconv.ParseUint(s, 16, 64)
		return float64(n), err == nil
	}
	neg := false
	if f != nil {
		switch {
		case f.mi || f.signEnd:
			if strings.HasSuffix(s, "-") {
				neg, s = true, s[:len(s)-1]
			} else {
				s = strings.TrimSuffix(s, "+")
			}
		case f.pr:
			if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
				neg, s = true, s[1:len(s)-1]
			}
		}
		if strings.Contains(string(f.intPart), ",") {
			s = strings.ReplaceAll(s, ",", "")
		}
		if f.dollar {
			s = strings.Replace(s, "$", "", 1)
		}
	}
	if s == "" || strings.ContainsAny(s, "_xXpP") || strings.EqualFold(s, "inf") || strings.EqualFold(s, "infinity") || strings.EqualFold(s, "nan") {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// xtrunc is TRUNC of a number (toward zero, to fmt decimal places,
// negative ones left of the point) or of a time (down to the unit the
// format element names, the day by default), in the argument's type.
func xtrunc(_ funcs.Env, args []value.Value) (value.Value, error) {
	l, err := lineUp("trunc", []string{"x"}, args[:1])
	if err != nil {
		return nil, err
	}
	x := l.cols[0]
	switch {
	case x.T.IsTemporal():
		fmtText, err := fmtArg("trunc", args, 1)
		if err != nil {
			return nil, err
		}
		r, err := truncTimes(x, fmtText)
		if err != nil {
			return nil, err
		}
		return l.wrap(r), nil
	case x.T.IsNumeric() || x.T == value.Void:
		places := int64(0)
		if p := funcs.GivenArg(args, 1); p != nil {
			if places, err = funcs.IntArg("trunc", "fmt", p, 0); err != nil {
				return nil, err
			}
		}
		r, err := truncNumbers(x, places)
		if err != nil {
			return nil, err
		}
		return l.wrap(r), nil
	}
	return nil, funcs.BadArg("trunc", "x", "a number or a temporal value")
}

func truncNumbers(x *value.Vector, places int64) (*value.Vector, error) {
	if x.T.Category() == value.CatIntegral || x.T == value.Void {
		if places >= 0 || x.T == value.Void {
			return x, nil
		}
		ints, present, err := funcs.IntsArg("trunc", "x", x, x.Len())
		if err != nil {
			return nil, err
		}
		unit := int64(1)
		for k := int64(0); k < -places && unit < math.MaxInt64/10; k++ {
			unit *= 10
		}
		out := make([]int64, len(ints))
		for i, v := range ints {
			out[i] = v - v%unit
			if !present[i] {
				out[i] = value.NullInt64
			}
		}
		r, err := cast.Vector(value.NewLongs(out), x.T, 0)
		return r, ddberr.Wrap(err)
	}
	fs, err := funcs.DoublesOf("trunc", x)
	if err != nil {
		return nil, err
	}
	scale := math.Pow(10, float64(places))
	out := make([]float64, len(fs))
	for i, v := range fs {
		out[i] = v
		if !funcs.IsNullF(v) {
			out[i] = math.Trunc(v*scale) / scale
		}
	}
	return value.NewDoubles(out), nil
}

// truncTimes truncates DATE, DATEHOUR, DATETIME, TIMESTAMP and
// NANOTIMESTAMP values to the unit fmt names.
func truncTimes(x *value.Vector, fmtText string) (*value.Vector, error) {
	unit := strings.ToUpper(fmtText)
	if unit == "" {
		unit = "DD"
	}
	if !truncUnits[unit] {
		return nil, badFormat("trunc", fmtText)
	}
	t := x.T
	switch t {
	case value.Date, value.DateHour, value.DateTime, value.Timestamp, value.NanoTimestamp:
	default:
		return nil, funcs.BadArg("trunc", "x", "a DATE, DATEHOUR, DATETIME, TIMESTAMP or NANOTIMESTAMP")
	}
	out := x.Like(x.Len())
	for i, n := 0, x.Len(); i < n; i++ {
		if x.IsNull(i) {
			out.SetNull(i)
			continue
		}
		var v int64
		if t.Storage() == value.StInt32 {
			v = int64(x.I32[i])
		} else {
			v = x.I64[i]
		}
		days, sec := dayAndSecond(t, v)
		days, sec = truncCivil(civilOf(days, sec), unit)
		r := days*value.SecPerDay + sec
		switch t {
		case value.Date:
			r = days
		case value.DateHour:
			r = days*24 + sec/3600
		case value.Timestamp:
			r *= 1000
		case value.NanoTimestamp:
			r *= value.NsPerSec
		}
		if t.Storage() == value.StInt32 {
			out.I32[i] = int32(r)
		} else {
			out.I64[i] = r
		}
	}
	return out, nil
}

var truncUnits = map[string]bool{
	"CC": true, "SCC": true, "SYYYY": true, "YYYY": true, "YEAR": true, "SYEAR": true, "YYY": true, "YY": true, "Y": true,
	"Q": true, "MONTH": true, "MON": true, "MM": true, "RM": true, "WW": true, "IW": true, "W": true,
	"DDD": true, "DD": true, "J": true, "DAY": true, "DY": true, "D": true, "HH": true, "HH12": true, "HH24": true, "MI": true,
}

// truncCivil is the start of the unit c is in.
func truncCivil(c civil, unit string) (days, sec int64) {
	switch unit {
	case "CC", "SCC":
		return value.DaysFromCivil((c.y-1)/100*100+1, 1, 1), 0
	case "SYYYY", "YYYY", "YEAR", "SYEAR", "YYY", "YY", "Y":
		return value.DaysFromCivil(c.y, 1, 1), 0
	case "Q":
		return value.DaysFromCivil(c.y, (c.m-1)/3*3+1, 1), 0
	case "MONTH", "MON", "MM", "RM":
		return value.DaysFromCivil(c.y, c.m, 1), 0
	case "WW":
		first := value.DaysFromCivil(c.y, 1, 1)
		return first + (c.days-first)/7*7, 0
	case "IW":
		return c.days - value.FloorMod(c.days+3, 7), 0
	case "W":
		first := value.DaysFromCivil(c.y, c.m, 1)
		return first + (c.days-first)/7*7, 0
	case "DAY", "DY", "D":
		return c.days - int64(c.weekday()), 0
	case "HH", "HH12", "HH24":
		return c.days, int64(c.hour) * 3600
	case "MI":
		return c.days, int64(c.hour*3600 + c.min*60)
	}
	return c.days, 0
}

// xsysdate is MySQL's SYSDATE(): today's date, as DolphinDB's MySQL
// dialect gives it (SYSDATE() + 1 is tomorrow; funcs/r/runsql.md).
func xsysdate(env funcs.Env, _ []value.Value) (value.Value, error) {
	d, err := today(env)
	if err != nil {
		return nil, err
	}
	return value.NewTyped(value.Date, d), nil
}

// today is the day today() gives the caller, whose clock an embedding
// program or a test server may pin.
func today(env funcs.Env) (int64, error) {
	f, ok := env.Function("today")
	if !ok {
		return 0, ddberr.Errorf("Can't recognize function name %s", "today")
	}
	v, err := env.Call(f)
	if err != nil {
		return 0, err
	}
	return typed.Int64(v)
}
