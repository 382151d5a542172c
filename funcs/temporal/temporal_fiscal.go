package temporal

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// 52-53-week fiscal years (4-4-5 calendar): fy5253 returns the start of
// the fiscal year a date falls in, fy5253Quarter the start of its fiscal
// quarter. A fiscal year starts on weekday w nearest the last day of
// startingMonth (nearest=true) or on the last w of that month.

// fiscalArgs reads weekday, startingMonth and nearest and returns the
// start day of each fiscal year.
func fiscalArgs(fn string, weekday, month, nearest value.Value) (func(y int64) int64, error) {
	w, err := optInt(fn, "weekday", weekday, 0)
	if err != nil {
		return nil, err
	}
	m, err := optInt(fn, "startingMonth", month, 1)
	if err != nil {
		return nil, err
	}
	if w < 0 || w > 6 || m < 1 || m > 12 {
		return nil, ddberr.Errorf("The argument [weekday] of %s must be between 0 and 6 and [startingMonth] between 1 and 12.", fn)
	}
	near := true
	if !funcs.EmptyArg(nearest) {
		if near, err = funcs.BoolArg(fn, "nearest", nearest, true); err != nil {
			return nil, err
		}
	}
	return func(y int64) int64 {
		last := monthLast(y*12 + m - 1)
		back := value.FloorMod(weekdayOf(last)-w, 7) // days back to the last w
		if near && back > 3 {
			return last + 7 - back
		}
		return last - back
	}, nil
}

// fiscalYearOf is the fiscal year whose start is the latest at or before d.
func fiscalYearOf(start func(int64) int64, d int64) int64 {
	y, _, _ := value.CivilFromDays(d)
	fy := int64(y) + 1
	for start(fy) > d {
		fy--
	}
	return fy
}

func fy5253Fn(_ funcs.Env, args []value.Value) (value.Value, error) {
	start, err := fiscalArgs("fy5253", funcs.Arg(args, 1), funcs.Arg(args, 2), funcs.Arg(args, 3))
	if err != nil {
		return nil, err
	}
	p := period{
		idx:  func(d int64) int64 { return fiscalYearOf(start, d) },
		date: start,
	}
	return applyPeriod("fy5253", args[0], p, funcs.Arg(args, 4), funcs.Arg(args, 5))
}

func fy5253QuarterFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	start, err := fiscalArgs("fy5253Quarter", funcs.Arg(args, 1), funcs.Arg(args, 2), funcs.Arg(args, 4))
	if err != nil {
		return nil, err
	}
	extra, err := optInt("fy5253Quarter", "qtrWithExtraWeek", funcs.Arg(args, 3), 1)
	if err != nil {
		return nil, err
	}
	if extra < 1 || extra > 4 {
		return nil, ddberr.Errorf("The argument [qtrWithExtraWeek] of fy5253Quarter must be between 1 and 4.")
	}
	// quarterStart is the first day of quarter q (0-3) of year y.
	quarterStart := func(y, q int64) int64 {
		s := start(y)
		long := start(y+1)-s > 52*7
		d := s + 13*7*q
		if long && q >= extra {
			d += 7
		}
		return d
	}
	p := period{
		idx: func(d int64) int64 {
			y := fiscalYearOf(start, d)
			q := int64(3)
			for q > 0 && d < quarterStart(y, q) {
				q--
			}
			return y*4 + q
		},
		date: func(i int64) int64 { return quarterStart(value.FloorDiv(i, 4), value.FloorMod(i, 4)) },
	}
	return applyPeriod("fy5253Quarter", args[0], p, funcs.Arg(args, 5), funcs.Arg(args, 6))
}
