package wallclock

import (
	"time"

	"github.com/porpoisedb/porpoise/value"
)

// Nanos is t's wall clock as a NANOTIMESTAMP.
func Nanos(t time.Time) int64 {
	_, off := t.Zone()
	return t.UnixNano() + int64(off)*1e9
}

// Millis is t's wall clock as a TIMESTAMP (DolphinDB 2.00.9.4 on reports
// session and job times so).
func Millis(t time.Time) int64 {
	_, off := t.Zone()
	return t.UnixMilli() + int64(off)*1000
}

// Timestamps is a TIMESTAMP vector of ts's wall clocks, NULL for the zero
// time (never set).
func Timestamps(ts []time.Time) *value.Vector {
	out := make([]int64, len(ts))
	for i, t := range ts {
		if t.IsZero() {
			out[i] = value.NullInt64
			continue
		}
		out[i] = Millis(t)
	}
	return &value.Vector{T: value.Timestamp, I64: out}
}
