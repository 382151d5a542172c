package temporal

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Duration is a DURATION read from a value.Scalar: a length and a unit (y,
// M, w, d, B, H, m, s, ms, us, ns, or a trading calendar's identifier such
// as XNYS).
type Duration struct {
	N    int64
	Unit string
}

// String prints the duration as DolphinDB writes it, e.g. 3M.
func (d *Duration) String() string { return strconv.FormatInt(d.N, 10) + d.Unit }

// asDuration reads a DURATION scalar (a literal such as 3M, or what
// duration() returns).
func AsDuration(x value.Value) (*Duration, bool) {
	s, ok := funcs.ScalarArg(x)
	if !ok || s.T != value.Duration || s.Null {
		return nil, false
	}
	return &Duration{N: s.I, Unit: value.DurationUnit(s)}, true
}

// durationUnits are the units DolphinDB's duration literals accept.
var durationUnits = map[string]bool{"y": true, "M": true, "w": true, "d": true, "B": true, "H": true, "m": true, "s": true, "ms": true, "us": true, "ns": true}

// parseDuration reads "3M", "-1y", "20ms" or "2XNYS".
func parseDuration(s string) (*Duration, error) {
	s = strings.TrimSpace(s)
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, err := strconv.ParseInt(s[:i], 10, 64)
	unit := s[i:]
	if err != nil || unit == "" || (!durationUnits[unit] && !isCalendarCode(unit)) {
		return nil, ddberr.Errorf("Invalid duration %s", s)
	}
	return &Duration{N: n, Unit: unit}, nil
}

// durationValue makes d the DURATION scalar scripts see.
func durationValue(d *Duration) value.Value { return value.NewDuration(d.N, d.Unit) }

// isCalendarCode reports a trading calendar identifier: four upper-case
// letters (XNYS, XSHG ...).
func isCalendarCode(u string) bool {
	if len(u) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if u[i] < 'A' || u[i] > 'Z' {
			return false
		}
	}
	return true
}

func durationFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	if s, ok := funcs.ScalarArg(args[0]); ok && s.T == value.Duration {
		return s, nil
	}
	s, err := funcs.StrScalarArg("duration", "X", args[0])
	if err != nil {
		return nil, err
	}
	d, err := parseDuration(s)
	if err != nil {
		return nil, err
	}
	return durationValue(d), nil
}
