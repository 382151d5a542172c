package tsengine

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// TestUnits: a time type's unit and units per day.
func TestUnits(t *testing.T) {
	for _, c := range []struct {
		t      value.Type
		unit   time.Duration
		perDay int64
	}{
		{value.Time, time.Millisecond, 86400000},
		{value.Timestamp, time.Millisecond, 86400000},
		{value.NanoTime, time.Nanosecond, 86400000000000},
		{value.NanoTimestamp, time.Nanosecond, 86400000000000},
		{value.Second, time.Second, 86400},
		{value.DateTime, time.Second, 86400},
		{value.Minute, time.Minute, 1440},
		{value.DateMinute, time.Minute, 1440},
		{value.DateHour, time.Hour, 24},
		{value.Date, 24 * time.Hour, 1},
		{value.Month, time.Second, 1},
		{value.Int, time.Second, 86400},
	} {
		require.Equal(t, c.unit, unitOf(c.t), c.t.String())
		require.Equal(t, c.perDay, perDay(c.t), c.t.String())
	}
}
