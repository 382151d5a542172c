package streamengine

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/porpoisedb/porpoise/atomicfile"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
	"github.com/porpoisedb/porpoise/wire"
)

// Snapshot is what an engine was told of snapshots (snapshotDir and
// snapshotIntervalInMsgCount). Engines that implement Snapshotter and
// are made by CreateWithSnapshot save and restore their state; the
// others (the join engines, which take none in DolphinDB either) check
// the options and show them in getStreamEngineStat, and take no
// snapshot.
type Snapshot struct {
	Dir      string
	Interval int64
}

// Snapshotter is an Engine whose state snapshots save and restore
// (funcs/c/createTimeSeriesEngine.md, snapshotDir): SaveState is called
// between two Consume calls, LoadState on the freshly built engine
// before it consumes anything, with the bytes a SaveState of an engine
// of the same kind and arguments gave.
type Snapshotter interface {
	Engine
	SaveState() ([]byte, error)
	LoadState(b []byte) error
}

// ReadRoundAndSnapshot reads roundTime, snapshotDir and
// snapshotIntervalInMsgCount, which the time-series and anomaly-detection
// engines take one after another from argument i; roundTime defaults to
// true and the interval to -1 (not set).
func ReadRoundAndSnapshot(r *funcs.Args, i int) (roundTime bool, s Snapshot) {
	return r.Bool("roundTime", r.Given(i), true), ReadSnapshot(r, i+1)
}

// ReadSnapshot reads snapshotDir and snapshotIntervalInMsgCount, which
// every engine that takes snapshots has one after the other from
// argument i; the interval defaults to -1 (not set).
func ReadSnapshot(r *funcs.Args, i int) (s Snapshot) {
	if d := r.Given(i); d != nil {
		s.Dir = r.StrScalar("snapshotDir", d)
	}
	s.Interval = r.Int("snapshotIntervalInMsgCount", r.Given(i+1), -1)
	return s
}

// SnapshotStatNames names the columns Stat fills, in
// getStreamEngineStat's order.
func SnapshotStatNames() []string {
	return []string{"snapshotDir", "snapshotInterval", "snapshotMsgId", "snapshotTimestamp"}
}

// Stat is the snapshot columns of an engine's getStreamEngineStat row
// as the engine knows them: no snapshot taken, so its message id is -1
// and its time NULL. The handle of an engine that takes snapshots puts
// its latest snapshot's in their place.
func (s Snapshot) Stat() []value.Value {
	return []value.Value{value.NewString(s.Dir), value.NewLong(s.Interval), value.NewLong(-1), value.NullScalar(value.Timestamp)}
}

// snapshots is an engine's snapshot state: where its files are, how
// often it saves, and its latest snapshot.
type snapshots struct {
	dir      string        // resolved
	interval int64         // <= 0: the engine restores, and saves nothing
	since    int64         // rows consumed since the latest snapshot
	msgID    int64         // the latest snapshot's last message, -1 for none
	at       *value.Scalar // the latest snapshot's TIMESTAMP, nil for none
}

// snapshotMagic begins every snapshot file, with a version.
const snapshotMagic = "porpoise engine snapshot 1"

// openSnapshots checks the snapshot directory of an engine called name
// of kind kind and restores eng from the snapshot found there: the
// latest one, or the one before when a save was cut short between its
// renames.
func openSnapshots(env funcs.Env, s Snapshot, kind, name string, eng Snapshotter) (*snapshots, error) {
	dir, err := filesys.Resolve(env, s.Dir)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		// the page says only that the directory must exist; the text
		// is ours
		return nil, ddberr.Errorf("The snapshot directory [%s] does not exist.", s.Dir)
	}
	sn := &snapshots{dir: dir, interval: s.Interval, msgID: -1}
	for _, ext := range []string{".snapshot", ".old"} {
		b, err := os.ReadFile(filepath.Join(dir, name+ext))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err == nil {
			err = sn.load(b, kind, eng)
		}
		if err != nil {
			return nil, ddberr.Errorf("Failed to load the snapshot of the stream engine [%s]: %v", name, err)
		}
		break
	}
	return sn, nil
}

// load restores eng from a snapshot file's bytes.
func (sn *snapshots) load(b []byte, kind string, eng Snapshotter) error {
	v, _, err := wire.DecodeBytes(b)
	if err != nil {
		return err
	}
	t, ok := v.(*value.Vector)
	if !ok || t.T != value.Any || len(t.Any) != 5 {
		return errors.New("not a snapshot file")
	}
	var f [5]*value.Scalar
	for i, x := range t.Any {
		if f[i], ok = x.(*value.Scalar); !ok {
			return errors.New("not a snapshot file")
		}
	}
	if f[0].S != snapshotMagic {
		return errors.New("not a snapshot file")
	}
	if f[1].S != kind {
		return errors.New("it is a snapshot of a " + f[1].S)
	}
	if err := eng.LoadState([]byte(f[4].S)); err != nil {
		return err
	}
	sn.msgID, sn.at = f[2].I, f[3]
	return nil
}

// save writes eng's state as the snapshot of the messages up to msgID:
// to <name>.tmp first, then the current snapshot becomes <name>.old and
// the new one <name>.snapshot, so a save cut short leaves the previous
// snapshot to load.
func (sn *snapshots) save(kind, name string, eng Snapshotter, msgID int64) error {
	state, err := eng.SaveState()
	if err != nil {
		return err
	}
	// the time as getStreamEngineStat shows it: the server's local time
	ts := value.NewTyped(value.Timestamp, wallclock.Millis(time.Now()))
	b, err := wire.Marshal(value.NewTuple([]value.Value{value.NewString(snapshotMagic), value.NewString(kind), value.NewLong(msgID), ts,
		&value.Scalar{T: value.Blob, S: string(state)}}), nil)
	if err != nil {
		return err
	}
	base := filepath.Join(sn.dir, name)
	if err := atomicfile.WriteSynced(base+".tmp", b, 0o644); err != nil {
		return err
	}
	if _, err := os.Stat(base + ".snapshot"); err == nil {
		if err := os.Rename(base+".snapshot", base+".old"); err != nil {
			return err
		}
	}
	if err := os.Rename(base+".tmp", base+".snapshot"); err != nil {
		return err
	}
	if err := atomicfile.SyncDir(sn.dir); err != nil {
		return err
	}
	sn.msgID, sn.at, sn.since = msgID, ts, 0
	return nil
}

// stat puts the latest snapshot's message id and time in the
// snapshotMsgId and snapshotTimestamp columns of a Stat row.
func (sn *snapshots) stat(names []string, vals []value.Value) {
	for i, n := range names {
		switch n {
		case "snapshotMsgId":
			vals[i] = value.NewLong(sn.msgID)
		case "snapshotTimestamp":
			if sn.at != nil {
				vals[i] = sn.at
			}
		}
	}
}
