package query

import (
	"errors"
	"strings"

	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// intervalKey is `group by interval(X, duration, fill)`: X floored to
// multiples of duration, and how to fill the windows without rows.
type intervalKey struct {
	step int64         // in X's units
	fill value.Value   // "prev", "post", "linear", "null", "none" or a number
	x    *value.Vector // X (the key column before flooring)
}

// isIntervalCall reports whether e (maybe aliased) calls interval.
func isIntervalCall(e sqlparse.Expr) (*sqlparse.CallExpr, bool) {
	c, ok := stripAlias(e).(*sqlparse.CallExpr)
	if !ok || c.Method {
		return nil, false
	}
	id, ok := c.Fn.(*sqlparse.Ident)
	return c, ok && strings.EqualFold(id.Name, "interval")
}

// unitNanos is the length of one unit of a temporal type in nanoseconds
// (0: not a fixed-length unit).
func unitNanos(t value.Type) int64 {
	switch t {
	case value.NanoTime, value.NanoTimestamp:
		return 1
	case value.Time, value.Timestamp:
		return 1e6
	case value.Second, value.DateTime:
		return 1e9
	case value.Minute, value.DateMinute:
		return 60e9
	case value.DateHour:
		return 3600e9
	case value.Date:
		return 86400e9
	}
	return 0
}

var durationNanos = map[string]int64{"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "H": 3600e9, "d": 86400e9, "w": 7 * 86400e9}

// evalInterval floors X by the duration; the returned key has X's type.
func (ex *executor) evalInterval(src *value.Table, c *sqlparse.CallExpr) (*value.Vector, *intervalKey, error) {
	args := make([]sqlparse.Expr, 3)
	pos := 0
	for _, a := range c.Args {
		if na, ok := a.(*sqlparse.NamedArg); ok {
			switch strings.ToLower(na.Name) {
			case "x":
				args[0] = na.X
			case "duration":
				args[1] = na.X
			case "fill":
				args[2] = na.X
			default:
				return nil, nil, errors.New("interval: only X, duration and fill are supported.")
			}
			continue
		}
		if pos >= 3 {
			return nil, nil, errors.New("interval: only X, duration and fill are supported.")
		}
		args[pos] = a
		pos++
	}
	if args[0] == nil || args[1] == nil || args[2] == nil {
		return nil, nil, errors.New("Usage: interval(X, duration, fill, [step], [explicitOffset=false], [closed], [label], [origin]).")
	}
	xv, err := ex.withTable(src, args[0])
	if err != nil {
		return nil, nil, err
	}
	x, err := value.Broadcast(xv, src.Rows())
	if err != nil {
		return nil, nil, err
	}
	dv, err := ex.eval(args[1])
	var fill value.Value
	if err == nil {
		fill, err = ex.eval(args[2])
	}
	if err != nil {
		return nil, nil, err
	}
	d, ok := dv.(*value.Scalar)
	if !ok {
		return nil, nil, errors.New("The duration of interval must be an integer or DURATION scalar.")
	}
	var step int64
	switch {
	case d.T == value.Duration:
		unit := unitNanos(x.T)
		dn := durationNanos[value.DurationUnit(d)]
		if unit == 0 || dn == 0 || d.I*dn%unit != 0 {
			return nil, nil, errors.New("The duration of interval doesn't match the type of X.")
		}
		step = d.I * dn / unit
	case d.T.Category() == value.CatIntegral:
		step = d.I
	default:
		return nil, nil, errors.New("The duration of interval must be an integer or DURATION scalar.")
	}
	if step <= 0 {
		return nil, nil, errors.New("The duration of interval must be positive.")
	}
	if x.T.Category() != value.CatIntegral && x.T.Category() != value.CatTemporal {
		return nil, nil, errors.New("X of interval must be an integral or temporal vector.")
	}
	out := x.Clone()
	switch out.T.Storage() {
	case value.StInt32:
		for i, v := range out.I32 {
			if v != value.NullInt32 {
				out.I32[i] = int32(value.FloorDiv(int64(v), step) * step)
			}
		}
	case value.StInt64:
		for i, v := range out.I64 {
			if v != value.NullInt64 {
				out.I64[i] = value.FloorDiv(v, step) * step
			}
		}
	case value.StInt16:
		for i, v := range out.I16 {
			if v != value.NullInt16 {
				out.I16[i] = int16(value.FloorDiv(int64(v), step) * step)
			}
		}
	case value.StInt8:
		for i, v := range out.I8 {
			if v != value.NullInt8 {
				out.I8[i] = int8(value.FloorDiv(int64(v), step) * step)
			}
		}
	}
	return out, &intervalKey{step: step, fill: fill, x: x}, nil
}

// fillIntervals adds a row for each window between the first and last
// group that has no rows (its key is column 0 of out) and fills the other
// columns as fill says.
func fillIntervals(out *value.Table, key int, ik *intervalKey) (*value.Table, error) {
	method := ""
	if s, ok := ik.fill.(*value.Scalar); ok && s.T.Category() == value.CatLiteral {
		method = strings.ToLower(s.S)
	}
	if method == "none" || out.Rows() == 0 {
		return out, nil
	}
	kc := out.Cols[key]
	get := func(i int) int64 {
		switch kc.T.Storage() {
		case value.StInt64:
			return kc.I64[i]
		case value.StInt32:
			return int64(kc.I32[i])
		case value.StInt16:
			return int64(kc.I16[i])
		}
		return int64(kc.I8[i])
	}
	lo, hi := get(0), get(out.Rows()-1)
	n := int((hi-lo)/ik.step) + 1
	if n > 10_000_000 {
		return nil, errors.New("interval: too many windows.")
	}
	rows := make([]int, n)
	for i := range rows {
		rows[i] = -1
	}
	for r := 0; r < out.Rows(); r++ {
		rows[int((get(r)-lo)/ik.step)] = r
	}
	keys := value.NewVector(kc.T, n, n)
	for i := 0; i < n; i++ {
		k := lo + int64(i)*ik.step
		switch kc.T.Storage() {
		case value.StInt64:
			keys.I64[i] = k
		case value.StInt32:
			keys.I32[i] = int32(k)
		case value.StInt16:
			keys.I16[i] = int16(k)
		default:
			keys.I8[i] = int8(k)
		}
	}
	cols := make([]*value.Vector, len(out.Cols))
	for c, col := range out.Cols {
		if c == key {
			cols[c] = keys
			continue
		}
		v := value.GatherOrNull(col, rows)
		// windows without rows and windows whose result is NULL are
		// both filled
		missing := make([]int, n)
		for i := range missing {
			missing[i] = 0
			if rows[i] < 0 || v.IsNull(i) {
				missing[i] = -1
			}
		}
		if err := fillColumn(v, missing, method, ik.fill); err != nil {
			return nil, err
		}
		cols[c] = v
	}
	return value.NewTable(out.Names, cols), nil
}

// fillColumn fills the rows of v marked -1 in rows.
func fillColumn(v *value.Vector, rows []int, method string, fill value.Value) error {
	n := len(rows)
	switch method {
	case "null":
		return nil
	case "prev":
		for i := 1; i < n; i++ {
			if rows[i] < 0 {
				v.SetFrom(i, v, i-1)
			}
		}
	case "post":
		for i := n - 2; i >= 0; i-- {
			if rows[i] < 0 {
				v.SetFrom(i, v, i+1)
			}
		}
	case "linear":
		if !v.T.IsNumeric() {
			return fillColumn(v, rows, "prev", fill)
		}
		xs := groupagg.FloatsOf(v)
		for i := 0; i < n; i++ {
			if rows[i] >= 0 {
				continue
			}
			j := i
			for j < n && rows[j] < 0 {
				j++
			}
			if i == 0 || j == n {
				i = j
				continue
			}
			a, b := xs[i-1], xs[j]
			for k := i; k < j; k++ {
				f := a + (b-a)*float64(k-i+1)/float64(j-i+1)
				s := value.NewDouble(f)
				cv, err := cast.Vector(s.Vector(), v.T, v.Scale)
				if err != nil {
					return err
				}
				v.SetFrom(k, cv, 0)
			}
			i = j
		}
	default:
		s, ok := fill.(*value.Scalar)
		if !ok {
			return errors.New("The fill of interval must be 'prev', 'post', 'linear', 'null', 'none' or a number.")
		}
		cv, err := cast.Vector(s.Vector(), v.T, v.Scale)
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			if rows[i] < 0 {
				v.SetFrom(i, cv, 0)
			}
		}
	}
	return nil
}
