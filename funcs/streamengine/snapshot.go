package streamengine

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Snapshot is what an engine was told of snapshots (snapshotDir and
// snapshotIntervalInMsgCount). The engines here take no snapshots: they
// check the options and show them in getStreamEngineStat.
type Snapshot struct {
	Dir      string
	Interval int64
}

// ReadRoundAndSnapshot reads roundTime, snapshotDir and
// snapshotIntervalInMsgCount, which the time-series and anomaly-detection
// engines take one after another from argument i; roundTime defaults to
// true and the interval to -1 (not set).
func ReadRoundAndSnapshot(r *funcs.Args, i int) (roundTime bool, s Snapshot) {
	roundTime = r.Bool("roundTime", r.Given(i), true)
	if d := r.Given(i + 1); d != nil {
		s.Dir = r.StrScalar("snapshotDir", d)
	}
	s.Interval = r.Int("snapshotIntervalInMsgCount", r.Given(i+2), -1)
	return roundTime, s
}

// SnapshotStatNames names the columns Stat fills, in
// getStreamEngineStat's order.
func SnapshotStatNames() []string {
	return []string{"snapshotDir", "snapshotInterval", "snapshotMsgId", "snapshotTimestamp"}
}

// Stat is the snapshot columns of an engine's getStreamEngineStat row:
// no snapshot was taken, so its message id is -1 and its time NULL.
func (s Snapshot) Stat() []value.Value {
	return []value.Value{value.NewString(s.Dir), value.NewLong(s.Interval), value.NewLong(-1), value.NullScalar(value.Timestamp)}
}
