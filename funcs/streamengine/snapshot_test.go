package streamengine_test

import (
	"errors"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
)

// countEngine is a Snapshotter for these tests: its state is the number
// of rows it consumed.
type countEngine struct{ rows int }

func (e *countEngine) Consume(batch *value.Table) error { e.rows += batch.Rows(); return nil }
func (e *countEngine) Stat() ([]string, []value.Value) {
	return append([]string{"numRows"}, streamengine.SnapshotStatNames()...),
		append([]value.Value{value.NewLong(int64(e.rows))}, streamengine.Snapshot{}.Stat()...)
}
func (e *countEngine) Close()                     {}
func (e *countEngine) Outputs() []value.Value     { return nil }
func (e *countEngine) SaveState() ([]byte, error) { return []byte(strconv.Itoa(e.rows)), nil }
func (e *countEngine) LoadState(b []byte) error {
	n, err := strconv.Atoi(string(b))
	if err != nil {
		return errors.New("bad count")
	}
	e.rows = n
	return nil
}

func init() {
	funcs.Register(funcs.Spec{Name: "createCountEngineForTest", Params: []string{"kind", "name", "dummyTable", "snapshotDir", "snapshotIntervalInMsgCount"}, Min: 5, Max: 5, Props: funcs.Session, Category: "streaming",
		Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
			kind, _ := funcs.StringArg(args[0])
			dir, _ := funcs.StringArg(args[3])
			s := streamengine.Snapshot{Dir: dir, Interval: args[4].(*value.Scalar).I}
			return streamengine.CreateWithSnapshot(env, kind, args[1], args[2].(*value.Table), s, func(funcs.Env) (streamengine.Engine, error) {
				return &countEngine{}, nil
			})
		}})
}

// An engine saves a snapshot after the appendMsg that passes the
// interval, covering the messages up to its msgId; plain appends count
// but save none; a new engine of the name restores the latest one.
func TestSnapshotInterval(t *testing.T) {
	_, s := testkit.Started(t, `mkdir("snaps")
dummy = table(1:0, `+"`x"+`, [INT])
eng = createCountEngineForTest("CountEngine", "cnt", dummy, "snaps", 5)`)
	id := func() string { return testkit.Run(t, s, "getSnapshotMsgId(eng)") }
	require.Equal(t, "-1", id())
	require.Equal(t, "[-1]", testkit.Run(t, s, "exec snapshotMsgId from getStreamEngineStat()[`CountEngine]"))
	testkit.Run(t, s, "appendMsg(eng, table(1 2 3 as x), 2)")
	require.Equal(t, "-1", id())
	testkit.Run(t, s, "appendMsg(eng, table(4 5 6 as x), 5)")
	require.Equal(t, "5", id())
	require.Equal(t, "[5]", testkit.Run(t, s, "exec snapshotMsgId from getStreamEngineStat()[`CountEngine]"))
	require.Equal(t, "[true]", testkit.Run(t, s, "exec !isNull(snapshotTimestamp) from getStreamEngineStat()[`CountEngine]"))
	// a plain append carries no message id
	testkit.Run(t, s, "eng.append!(table(7 8 9 10 11 as x))")
	require.Equal(t, "5", id())
	testkit.Run(t, s, "appendMsg(eng, table(12 as x), 11)")
	require.Equal(t, "11", id())
	testkit.Run(t, s, `dropStreamEngine("cnt")
eng = createCountEngineForTest("CountEngine", "cnt", dummy, "snaps", 5)`)
	require.Equal(t, "11", id())
	require.Equal(t, "[12]", testkit.Run(t, s, "exec numRows from getStreamEngineStat()[`CountEngine]"))
	// a snapshot of another kind of engine is not loaded
	_, err := s.Run(`dropStreamEngine("cnt")
createCountEngineForTest("OtherEngine", "cnt", dummy, "snaps", 5)`)
	require.ErrorContains(t, err, "Failed to load the snapshot of the stream engine [cnt]: it is a snapshot of a CountEngine")
	// without snapshotDir, or given a directory that does not exist
	testkit.Run(t, s, `eng = createCountEngineForTest("CountEngine", "cnt2", dummy, "", 5)
appendMsg(eng, table(1..10 as x), 9)`)
	require.Equal(t, "-1", id())
	_, err = s.Run(`createCountEngineForTest("CountEngine", "cnt3", dummy, "missing", 5)`)
	require.ErrorContains(t, err, "The snapshot directory [missing] does not exist.")
	_, err = s.Run(`createCountEngineForTest("CountEngine", "cnt3", dummy, "/etc", 5)`)
	require.ErrorContains(t, err, "No access to [/etc]")
}
