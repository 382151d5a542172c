package temporal

import (
	"errors"
	"strconv"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// transFreq and temporalSeq: resampling to a frequency rule ("3min",
// "2Q", "BM" ...). Calendar rules map to the period functions (monthEnd,
// quarterBegin ...) grouped n at a time; clock rules cut time into
// fixed-width bins aligned to an origin.

// calendarRules are the rules backed by a period function; the value
// names the function.
var calendarRules = map[string]string{
	"B": "businessDay", "W": "weekEnd", "WOM": "weekOfMonth", "LWOM": "lastWeekOfMonth",
	"M": "monthEnd", "MS": "monthBegin", "BM": "businessMonthEnd", "BMS": "businessMonthBegin",
	"SM": "semiMonthEnd", "SMS": "semiMonthBegin", "Q": "quarterEnd", "QS": "quarterBegin",
	"BQ": "businessQuarterEnd", "BQS": "businessQuarterBegin", "A": "yearEnd", "AS": "yearBegin",
	"BA": "businessYearEnd", "BAS": "businessYearBegin",
}

// clockRules are the fixed-width rules in nanoseconds.
var clockRules = map[string]int64{"D": value.NsPerDay, "H": nsPerHour, "min": nsPerMinute, "S": nsPerSecond, "L": 1_000_000, "U": 1000, "N": 1}

// rightRules default to closed='right' and label='right'.
var rightRules = map[string]bool{"M": true, "A": true, "Q": true, "BM": true, "BA": true, "BQ": true, "W": true}

// freqRule is a parsed rule: a count and a unit.
type freqRule struct {
	n    int64
	unit string
}

func parseFreqRule(fn string, x value.Value) (freqRule, error) {
	s, err := funcs.StrScalarArg(fn, "rule", x)
	if err != nil {
		return freqRule{}, err
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	r := freqRule{n: 1, unit: s[i:]}
	if i > 0 {
		if r.n, err = strconv.ParseInt(s[:i], 10, 64); err != nil || r.n <= 0 {
			return freqRule{}, ddberr.Errorf("Invalid rule %s of %s.", s, fn)
		}
	}
	if _, ok := calendarRules[r.unit]; ok {
		return r, nil
	}
	if _, ok := clockRules[r.unit]; ok {
		return r, nil
	}
	if isCalendarCode(r.unit) {
		return freqRule{}, ddberr.Errorf("The trading calendar %s is not supported.", r.unit)
	}
	return freqRule{}, ddberr.Errorf("Invalid rule %s of %s.", s, fn)
}

// binSpec holds the clock-rule options.
type binSpec struct {
	width       int64 // in X's units
	origin      int64 // in X's units
	closedRight bool
	labelRight  bool
}

// sideArg reads closed/label: "left", "right", or def when absent.
func sideArg(fn, param string, x value.Value, def bool) (bool, error) {
	if funcs.EmptyArg(x) {
		return def, nil
	}
	s, err := funcs.StrScalarArg(fn, param, x)
	if err != nil {
		return false, err
	}
	switch s {
	case "left":
		return false, nil
	case "right":
		return true, nil
	}
	return false, ddberr.Errorf("The argument [%s] of %s must be 'left' or 'right'.", param, fn)
}

// clockBins resolves origin, closed and label for a clock rule over
// values of type t whose first and last values are lo and hi.
// endLabelsRight says whether origin 'end'/'end_day' also moves the
// label to the right (temporalSeq) or only the closed side (transFreq).
func clockBins(fn string, t value.Type, r freqRule, lo, hi int64, closed, label, origin value.Value, endLabelsRight bool) (binSpec, error) {
	u := value.TickNanos(t)
	if u == 0 || r.n*clockRules[r.unit]%u != 0 {
		return binSpec{}, ddberr.Errorf("The rule %d%s of %s is finer than the data type %s.", r.n, r.unit, fn, t)
	}
	b := binSpec{width: r.n * clockRules[r.unit] / u}
	perDay := int64(0)
	if HasDate(t) {
		perDay = value.NsPerDay / u
	}
	dayStart := func(x int64) int64 {
		if perDay == 0 {
			return 0
		}
		return value.FloorDiv(x, perDay) * perDay
	}
	end := false
	switch o := origin.(type) {
	case nil:
		b.origin = dayStart(lo)
	case *value.Scalar:
		if o.T.Category() == value.CatLiteral {
			switch o.S {
			case "epoch":
				b.origin = 0
			case "start":
				b.origin = lo
			case "start_day":
				b.origin = dayStart(lo)
			case "end":
				b.origin, end = hi, true
			case "end_day":
				b.origin, end = dayStart(hi)+perDay, true
			default:
				return binSpec{}, ddberr.Errorf("Invalid origin %s of %s.", o.S, fn)
			}
			break
		}
		in, err := TemporalInput(fn, o)
		if err != nil || in.T != t {
			return binSpec{}, ddberr.Errorf("The argument [origin] of %s must be a string or a temporal scalar of X's type.", fn)
		}
		b.origin = in.Raw[0]
	default:
		return binSpec{}, ddberr.Errorf("The argument [origin] of %s must be a string or a temporal scalar of X's type.", fn)
	}
	var err error
	if b.closedRight, err = sideArg(fn, "closed", closed, end); err != nil {
		return binSpec{}, err
	}
	if b.labelRight, err = sideArg(fn, "label", label, end && endLabelsRight); err != nil {
		return binSpec{}, err
	}
	return b, nil
}

// bin returns the label of the bin holding x.
func (b binSpec) bin(x int64) int64 {
	d := x - b.origin
	var left int64
	if b.closedRight {
		left = b.origin + ceilDiv(d, b.width)*b.width - b.width
	} else {
		left = b.origin + value.FloorDiv(d, b.width)*b.width
	}
	if b.labelRight {
		return left + b.width
	}
	return left
}

// calendarPeriod builds the period of a calendar rule.
func calendarPeriod(unit string) period {
	switch unit {
	case "B":
		return period{idx: businessIndex, date: businessDate}
	}
	return periodByName[calendarRules[unit]]
}

func transFreq(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := TemporalInput("transFreq", args[0])
	if err != nil {
		return nil, err
	}
	r, err := parseFreqRule("transFreq", args[1])
	if err != nil {
		return nil, err
	}
	if _, ok := calendarRules[r.unit]; ok {
		return applyPeriod("transFreq", args[0], calendarPeriod(r.unit), nil, value.NewLong(r.n))
	}
	lo, hi, ok := rawRange(in.Raw)
	if !ok {
		return args[0], nil
	}
	b, err := clockBins("transFreq", in.T, r, lo, hi, funcs.Arg(args, 2), funcs.Arg(args, 3), funcs.Arg(args, 4), false)
	if err != nil {
		return nil, err
	}
	out := make([]int64, len(in.Raw))
	for i, x := range in.Raw {
		if x == value.NullInt64 {
			out[i] = value.NullInt64
			continue
		}
		out[i] = b.bin(x)
	}
	return in.Wrap(TypedVector(in.T, out)), nil
}

func rawRange(raw []int64) (lo, hi int64, ok bool) {
	for _, x := range raw {
		if x == value.NullInt64 {
			continue
		}
		if !ok || x < lo {
			lo = x
		}
		if !ok || x > hi {
			hi = x
		}
		ok = true
	}
	return lo, hi, ok
}

// temporalSeq lists the labels of the bins (or the calendar periods,
// every n-th) from start's to end's.
func temporalSeq(_ funcs.Env, args []value.Value) (value.Value, error) {
	s, err := TemporalInput("temporalSeq", args[0])
	if err != nil || !s.scalar || s.Raw[0] == value.NullInt64 {
		return nil, ddberr.Errorf("The argument [start] of temporalSeq must be a temporal scalar.")
	}
	e, err := TemporalInput("temporalSeq", args[1])
	if err != nil || !e.scalar || e.T != s.T || e.Raw[0] == value.NullInt64 {
		return nil, ddberr.Errorf("The argument [end] of temporalSeq must be a temporal scalar of start's type.")
	}
	lo, hi := s.Raw[0], e.Raw[0]
	if hi <= lo {
		return nil, ddberr.Errorf("The argument [end] of temporalSeq must be greater than start.")
	}
	r, err := parseFreqRule("temporalSeq", args[2])
	if err != nil {
		return nil, err
	}
	if _, ok := calendarRules[r.unit]; ok {
		if !HasDate(s.T) {
			return nil, ddberr.Errorf("The rule %s of temporalSeq needs dates.", r.unit)
		}
		p := calendarPeriod(r.unit)
		d0, _ := splitTemporal(s.T, lo)
		d1, _ := splitTemporal(s.T, hi)
		i0, i1 := p.idx(d0), p.idx(d1)
		var out []int32
		for i := i0; i <= i1; i += r.n {
			out = append(out, int32(p.date(i)))
		}
		return &value.Vector{T: value.Date, I32: out}, nil
	}
	b, err := clockBins("temporalSeq", s.T, r, lo, hi, funcs.Arg(args, 3), funcs.Arg(args, 4), funcs.Arg(args, 5), true)
	if err != nil {
		return nil, err
	}
	first, last := b.bin(lo), b.bin(hi)
	if (last-first)/b.width > 10_000_000 {
		return nil, errors.New("temporalSeq would generate more than 10,000,000 values.")
	}
	var out []int64
	for x := first; x <= last; x += b.width {
		out = append(out, x)
	}
	return TypedVector(s.T, out), nil
}

// periodByName holds the default-parameter period of each calendar
// function, filled as temporal_period.go registers them.
var periodByName = map[string]period{}
