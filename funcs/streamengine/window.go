package streamengine

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// Alignment is the alignmentSize of createTimeSeriesEngine's table of
// rules, which the anomaly detection engine shares: the unit the first
// window's boundary is rounded down to, given the time column's type,
// step and roundTime. 1 means no rounding (MONTH windows are aligned by
// the engines themselves).
func Alignment(t value.Type, step int64, round bool) int64 {
	switch t {
	case value.Minute, value.DateMinute, value.Second, value.DateTime:
		return pick(step, round, coarse, coarseRound, 30)
	case value.Time, value.Timestamp:
		return pick(step, round, milli, milliRound, 30000)
	case value.NanoTime, value.NanoTimestamp:
		return pick(step, round, nano, nanoRound, 999)
	}
	return 1
}

// A band maps steps up to max to an alignment size.
type band struct{ max, size int64 }

var (
	// minutes and seconds, roundTime = false (and steps up to 30)
	coarse = []band{{2, 2}, {3, 3}, {5, 5}, {10, 10}, {15, 15}, {20, 20}, {30, 30}, {1 << 62, 60}}
	// minutes and seconds above 30, roundTime = true
	coarseRound = []band{{60, 60}, {120, 120}, {180, 180}, {300, 300}, {600, 600}, {900, 900}, {1200, 1200}, {1800, 1800}, {1 << 62, 3600}}
	milli       = []band{{2, 2}, {5, 5}, {10, 10}, {20, 20}, {25, 25}, {50, 50}, {100, 100}, {200, 200}, {250, 250}, {500, 500},
		{1000, 1000}, {2000, 2000}, {3000, 3000}, {5000, 5000}, {10000, 10000}, {15000, 15000}, {20000, 20000}, {30000, 30000}, {1 << 62, 60000}}
	milliRound = []band{{60000, 60000}, {120000, 120000}, {300000, 300000}, {600000, 600000}, {900000, 900000}, {1200000, 1200000},
		{1800000, 1800000}, {1 << 62, 3600000}}
	nano = []band{{2, 2}, {5, 5}, {10, 10}, {20, 20}, {25, 25}, {50, 50}, {100, 100}, {200, 200}, {250, 250}, {500, 500}, {1 << 62, 1000}}
	// the page's nanosecond roundTime table starts at 1000ns; smaller
	// steps keep the other table
	nanoRound = []band{{1e6, 1e6}, {1e7, 1e7}, {1e8, 1e8}, {1e9, 1e9}, {2e9, 2e9}, {3e9, 3e9}, {5e9, 5e9}, {1e10, 1e10},
		{15e9, 15e9}, {2e10, 2e10}, {3e10, 3e10}, {1 << 62, 6e10}}
)

// pick is the size of step's band: the roundTime table above split,
// the plain table below.
func pick(step int64, round bool, plain, rounded []band, split int64) int64 {
	bands := plain
	if round && step > split {
		bands = rounded
	}
	for _, b := range bands {
		if step <= b.max {
			return b.size
		}
	}
	return bands[len(bands)-1].size
}

// FirstEnd is the end of the first window of step (in units of a time
// column of type t) for a first row at time first: first rounded down to
// the alignment (a MONTH column: to a year), plus step.
func FirstEnd(t value.Type, step int64, round bool, first int64) int64 {
	a := int64(12)
	if t != value.Month {
		a = Alignment(t, step, round)
	}
	return FloorDiv(first, a)*a + step
}

// FloorDiv is a/b rounded toward minus infinity (b > 0).
func FloorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// NullTime stands for a NULL time in ReadTimes' output.
const NullTime = int64(-1 << 63)

// ReadTimes copies a temporal column's values as int64, NULL as
// NullTime.
func ReadTimes(col *value.Vector, out []int64) {
	switch {
	case col.I32 != nil || col.T.Storage() == value.StInt32:
		for i, x := range col.I32 {
			if x == value.NullInt32 {
				out[i] = NullTime
			} else {
				out[i] = int64(x)
			}
		}
	default:
		copy(out, col.I64)
	}
}

// IsAggregate reports whether name, called in a metric, is an aggregate:
// a built-in marked so (size too, by error_codes/S03005.md's list) or a
// user function, which window engines take as a user
// aggregate.
func IsAggregate(env funcs.Env, name string) bool {
	if s, ok := funcs.Lookup(name); ok {
		return s.Props.Has(funcs.Aggregate) || name == "size"
	}
	f, ok := env.Function(name)
	if !ok {
		return false
	}
	_, builtin := f.(*funcs.Spec)
	return !builtin
}

// ReadsColumns reports whether the metric x reads a column of dummy
// outside every call of an aggregate function (IsAggregate): whether it
// is computed row by row rather than once per group or window.
func ReadsColumns(env funcs.Env, x ast.Expr, dummy *value.Table) bool {
	found := false
	astwalk.Inspect(x, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if id, isID := n.Fn.(*ast.Ident); isID && !n.Method {
				if IsAggregate(env, id.Name) {
					return false
				}
				// the function's name is not a column
				for _, a := range n.Args {
					if ReadsColumns(env, a, dummy) {
						found = true
					}
				}
				return false
			}
		case *ast.Ident:
			if dummy.ColumnIndex(n.Name) >= 0 {
				found = true
			}
		}
		return !found
	})
	return found
}
