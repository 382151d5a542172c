package sysfuncs

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// stoppedHost is a Host whose engine keeps no scheduler (one that has not
// started it); it answers nothing else.
type stoppedHost struct{ Host }

func (stoppedHost) EngineState(_ string, create func() any) any { return create() }

// The job functions of an engine without a running scheduler fail.
func TestSchedulerNotRunning(t *testing.T) {
	_, err := schedulerOf(stoppedHost{})
	require.EqualError(t, err, ddberr.Errorf("The job scheduler is not running.").Error())
}

func TestNextRun(t *testing.T) {
	day := func(y, m, d int) int64 { return value.DaysFromCivil(y, m, d) }
	at := func(y, m, d, hh, mm int) time.Time { return time.Date(y, time.Month(m), d, hh, mm, 0, 0, time.UTC) }
	cases := []struct {
		name string
		job  ScheduledJob
		now  time.Time
		want time.Time
	}{
		{"daily later today", ScheduledJob{Times: []int32{17*60 + 23}, Start: day(2018, 1, 1), End: day(2018, 12, 31), Frequency: "D"},
			at(2018, 3, 5, 9, 0), at(2018, 3, 5, 17, 23)},
		{"daily tomorrow", ScheduledJob{Times: []int32{17*60 + 23}, Start: day(2018, 1, 1), End: day(2018, 12, 31), Frequency: "D"},
			at(2018, 3, 5, 17, 23), at(2018, 3, 6, 17, 23)},
		{"before start", ScheduledJob{Times: []int32{60}, Start: day(2018, 1, 1), End: day(2018, 12, 31), Frequency: "D"},
			at(2017, 6, 1, 0, 0), at(2018, 1, 1, 1, 0)},
		{"several times, unsorted", ScheduledJob{Times: []int32{15*60 + 50, 9*60 + 25, 12 * 60}, Start: day(2018, 1, 1), End: day(2018, 12, 31), Frequency: "D"},
			at(2018, 3, 5, 10, 0), at(2018, 3, 5, 12, 0)},
		// 2018.03.05 is a Monday; days=2 is Tuesday.
		{"weekly", ScheduledJob{Times: []int32{17*60 + 30}, Start: day(2018, 1, 1), End: day(2018, 12, 31), Frequency: "W", Days: []int32{2}},
			at(2018, 3, 5, 9, 0), at(2018, 3, 6, 17, 30)},
		{"monthly", ScheduledJob{Times: []int32{17*60 + 23}, Start: day(2018, 1, 1), End: day(2018, 12, 31), Frequency: "M", Days: []int32{1}},
			at(2018, 3, 5, 9, 0), at(2018, 4, 1, 17, 23)},
		{"ended", ScheduledJob{Times: []int32{60}, Start: day(2018, 1, 1), End: day(2018, 12, 31), Frequency: "D"},
			at(2018, 12, 31, 2, 0), time.Time{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, c.job.nextAfter(c.now))
		})
	}
}
