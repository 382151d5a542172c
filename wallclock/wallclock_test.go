package wallclock

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func TestWallClock(t *testing.T) {
	east := time.FixedZone("UTC+8", 8*3600)
	west := time.FixedZone("UTC-5", -5*3600)
	tests := []struct {
		name   string
		t      time.Time
		nanos  int64
		millis int64
	}{
		{"utc", time.Date(1970, 1, 1, 0, 0, 1, 5e6, time.UTC), 1_005_000_000, 1005},
		{"east of UTC counts its own clock", time.Date(1970, 1, 1, 8, 0, 0, 0, east), 8 * 3600 * 1e9, 8 * 3600 * 1e3},
		{"west of UTC", time.Date(1970, 1, 1, 0, 0, 0, 0, west), 0, 0},
		{"before 1970", time.Date(1969, 12, 31, 23, 59, 59, 0, west), -1e9, -1000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.nanos, Nanos(tc.t))
			require.Equal(t, tc.millis, Millis(tc.t))
		})
	}
}

func TestTimestamps(t *testing.T) {
	v := Timestamps([]time.Time{{}, time.Date(1970, 1, 1, 0, 0, 2, 0, time.UTC)})
	require.Equal(t, value.Timestamp, v.T)
	require.Equal(t, []int64{value.NullInt64, 2000}, v.I64)
}
