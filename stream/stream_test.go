package stream_test

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
)

// open opens an engine on dir ("" keeps everything in memory) and a
// session of it.
func open(t testing.TB, dir string) (*engine.Engine, *engine.Session) {
	t.Helper()
	e, err := engine.Open(engine.Options{DataDir: dir})
	require.NoError(t, err)
	return e, e.NewSession()
}

// run runs script in s and returns its value.
func run(t *testing.T, s *engine.Session, script string) value.Value {
	t.Helper()
	v, err := s.Run(script)
	require.NoError(t, err, script)
	return v
}

// eventually runs script until it returns want, for a second at most.
func eventually(t *testing.T, s *engine.Session, script, want string) {
	t.Helper()
	var got string
	// generous: a loaded 2-core machine may starve the subscriber for seconds
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		got = run(t, s, script).String()
		if got == want {
			return
		}
	}
	require.Equal(t, want, got, script)
}

// settled waits for the goroutine count to come back to n.
func settled(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if runtime.NumGoroutine() <= n {
			return
		}
	}
	require.LessOrEqual(t, runtime.NumGoroutine(), n, "subscription goroutines leaked")
}

const setup = `share streamTable(1000:0, ` + "`time`sym`price" + `, [TIMESTAMP,SYMBOL,DOUBLE]) as trades
share table(1000:0, ` + "`time`sym`price" + `, [TIMESTAMP,SYMBOL,DOUBLE]) as out
`

func TestSubscriptionLifecycle(t *testing.T) {
	before := runtime.NumGoroutine()
	e, s := open(t, "")
	run(t, s, setup)
	base := runtime.NumGoroutine()
	run(t, s, `subscribeTable(tableName="trades", actionName="a", offset=0, handler=append!{out}, msgAsTable=true)`)
	for i := 0; i < 20; i++ {
		run(t, s, `insert into trades values(now(), "A", 1.5)`)
	}
	eventually(t, s, `exec count(*) from out`, "20")
	run(t, s, `unsubscribeTable(tableName="trades", actionName="a")`)
	settled(t, base)

	// a handler that fails is counted, and the subscription goes on
	run(t, s, `def bad(msg) { throw "boom" }
subscribeTable(tableName="trades", actionName="b", offset=-1, handler=bad, msgAsTable=true)
insert into trades values(now(), "B", 2.5)`)
	eventually(t, s, `exec failedMsgCount from getStreamingStat().subWorkers`, "[1]")
	// the handler's failing statement comes first, as in DolphinDB's job messages
	require.Equal(t, `["bad: throw \"boom\" => boom"]`, run(t, s, `exec lastErrMsg from getStreamingStat().subWorkers`).String())
	run(t, s, `insert into trades values(now(), "B", 3.5)`)
	eventually(t, s, `exec failedMsgCount from getStreamingStat().subWorkers`, "[2]")

	// closing the engine stops the subscriptions it still has
	require.NoError(t, e.Close())
	settled(t, before)
}

func TestSubscriptionOrderUnderConcurrentAppends(t *testing.T) {
	e, s := open(t, "")
	defer e.Close()
	run(t, s, `share streamTable(1000:0, `+"`id"+`, [INT]) as src
share table(1000:0, `+"`id"+`, [INT]) as dst
subscribeTable(tableName="src", actionName="copy", offset=0, handler=dst, msgAsTable=true, batchSize=7, throttle=0.01)`)
	done := make(chan struct{})
	for w := 0; w < 4; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			ws := e.NewSession()
			for i := 0; i < 50; i++ {
				_, err := ws.Run(`insert into src values(1)`)
				require.NoError(t, err)
			}
		}()
	}
	for w := 0; w < 4; w++ {
		<-done
	}
	eventually(t, s, `exec count(*) from dst`, "200")
}

func TestPersistedStreamTableSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	e, s := open(t, dir)
	run(t, s, `enableTableShareAndPersistence(table=streamTable(1:0, `+"`id`v"+`, [INT,DOUBLE]), tableName="st")
insert into st values(1 2 3, 1.5 2.5 3.5)
insert into st values(4, 4.5)`)
	require.NoError(t, e.Close())

	e, s = open(t, dir)
	require.Equal(t, "true", run(t, s, "existsStreamTable(`st)").String())
	run(t, s, `enableTableShareAndPersistence(table=streamTable(1:0, `+"`id`v"+`, [INT,DOUBLE]), tableName="st", cacheSize=1000)`)
	require.Equal(t, "[1,2,3,4]", run(t, s, `exec id from st`).String())
	require.Equal(t, "[true]", run(t, s, "exec persisted from getStreamTables() where name=`st").String())
	run(t, s, `insert into st values(5, 5.5)`)
	run(t, s, "dropStreamTable(`st)")
	require.Equal(t, "false", run(t, s, "existsStreamTable(`st)").String())
	require.NoError(t, e.Close())
}

func TestPersistOffsetResumes(t *testing.T) {
	dir := t.TempDir()
	e, s := open(t, dir)
	defer e.Close()
	run(t, s, setup+`subscribeTable(tableName="trades", actionName="p", offset=0, handler=append!{out}, msgAsTable=true, persistOffset=true)
insert into trades values(now(), "A", 1.0)
insert into trades values(now(), "B", 2.0)`)
	eventually(t, s, `exec count(*) from out`, "2")
	topic := `"localhost:8848:local8848/trades/p"`
	// the offset is recorded after the handler has appended the rows
	eventually(t, s, `getTopicProcessedOffset(`+topic+`)`, "1")
	run(t, s, `unsubscribeTable(tableName="trades", actionName="p", removeOffset=false)
insert into trades values(now(), "C", 3.0)
subscribeTable(tableName="trades", actionName="p", offset=-2, handler=append!{out}, msgAsTable=true, persistOffset=true)`)
	eventually(t, s, `exec sym from out`, `["A","B","C"]`)
	run(t, s, `unsubscribeTable(tableName="trades", actionName="p")
removeTopicOffset(`+topic+`)`)
	require.Equal(t, "-1", run(t, s, `getTopicProcessedOffset(`+topic+`)`).String())
}

func TestPersistenceErrors(t *testing.T) {
	dir := t.TempDir()
	e, s := open(t, dir)
	run(t, s, `enableTableShareAndPersistence(table=streamTable(1:0, `+"`id`v"+`, [INT,DOUBLE]), tableName="st")
insert into st values(1, 1.5)`)
	_, err := s.Run(`enableTablePersistence(st)`)
	require.ErrorIs(t, err, ddberr.Errorf("The stream table %s is already persisted.", "st"))
	require.NoError(t, e.Close())

	e, s = open(t, dir)
	defer e.Close()
	// the same name with another schema
	_, err = s.Run(`enableTableShareAndPersistence(table=streamTable(1:0, ` + "`id" + `, [INT]), tableName="st")`)
	require.ErrorIs(t, err, ddberr.Errorf("Data insertion failed: Number of columns in the data to insert doesn't match the target table. If you’re trying to persist table, a table with the same name may exist on disk. Consider changing the table name, adjusting the data schema, or deleting the existing table from persistentDir and retrying. RefId: S03012"))
	// a persisted table not loaded: only an administrator may force its
	// deletion (error_codes/s03025.md), admin or one created with isAdmin
	run(t, s, `createUser("u1", "pass1234"); createUser("ops", "pass1234", , true)`)
	u := e.NewSession()
	run(t, u, `login("u1", "pass1234")`)
	_, err = u.Run("dropStreamTable(`st, true)")
	require.ErrorIs(t, err, ddberr.Errorf("Only admin can force delete a stream table from the disk.RefId: S03025"))
	_, err = s.Run("dropStreamTable(`st)")
	require.ErrorIs(t, err, ddberr.Errorf("Can't find stream table %s", "st"))
	ops := e.NewSession()
	run(t, ops, `login("ops", "pass1234")`)
	run(t, ops, "dropStreamTable(`st, true)")
	require.Equal(t, "false", run(t, s, "existsStreamTable(`st)").String())
}

// BenchmarkDelivery appends batches of 1,000 rows to a shared stream
// table whose subscription appends them to a shared table, against the
// same appends to the table with no subscriber.
func BenchmarkDelivery(b *testing.B) {
	for _, subscribed := range []bool{false, true} {
		name := "unsubscribed"
		if subscribed {
			name = "subscribed"
		}
		b.Run(name, func(b *testing.B) {
			e, s := open(b, "")
			defer e.Close()
			_, err := s.Run(setup + `batch = table(take(2024.01.01T00:00:00.000, 1000) as time, take(symbol(["A","B"]), 1000) as sym, rand(10.0, 1000) as price)`)
			require.NoError(b, err)
			if subscribed {
				_, err = s.Run(`subscribeTable(tableName="trades", actionName="a", offset=0, handler=out, msgAsTable=true)`)
				require.NoError(b, err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_, err := s.Run(`trades.append!(batch)`)
				require.NoError(b, err)
			}
			if subscribed {
				want := fmt.Sprint(b.N * 1000)
				for {
					v, err := s.Run(`exec count(*) from out`)
					require.NoError(b, err)
					if v.String() == want {
						break
					}
					time.Sleep(time.Millisecond)
				}
			}
		})
	}
}

func TestTimeTriggerRunsHandlerWithoutMessages(t *testing.T) {
	e, s := open(t, "")
	defer e.Close()
	run(t, s, setup+`share table(1:0, `+"`n"+`, [INT]) as ticks
def tick(msg) { tableInsert(ticks, size(msg)) }
subscribeTable(tableName="trades", actionName="t", handler=tick, msgAsTable=true, batchSize=100, throttle=0.02, timeTrigger=true)`)
	eventually(t, s, `exec count(*) >= 3 from ticks`, "true")
	require.Equal(t, "[0]", run(t, s, `exec distinct n from ticks`).String())
	require.Equal(t, "[true]", run(t, s, `exec timeTrigger from getStreamingStat().subWorkers`).String())
}

// A subscriber that falls MaxPending messages behind is reported once,
// by the append that passes the bound, and appends never wait for it.
func TestOverflowReportsASlowSubscriberOnce(t *testing.T) {
	e, s := open(t, "")
	defer e.Close()
	run(t, s, setup)
	v, ok := e.Shared("trades")
	require.True(t, ok)
	r := stream.NewRegistry(nil)
	defer r.Close()
	release := make(chan struct{})
	var overflows atomic.Int32
	o := stream.Options{Table: "trades", Subscriber: "host:0", MaxPending: 10, Overflow: func() { overflows.Add(1) }}
	sub, err := r.Subscribe("topic", v.(*value.Table), o, func(ctx context.Context) stream.Deliver {
		return func(b *value.Table, _ int64) (int, error) {
			select {
			case <-release:
			case <-ctx.Done():
			}
			return b.Rows(), nil
		}
	})
	require.NoError(t, err)
	// a local subscription of the same topic is another one
	_, err = r.Subscribe("topic", v.(*value.Table), stream.Options{Table: "trades"}, func(context.Context) stream.Deliver {
		return func(b *value.Table, _ int64) (int, error) { return b.Rows(), nil }
	})
	require.NoError(t, err)
	for i := 0; i < 5; i++ {
		run(t, s, "insert into trades values(now(), `a, 1.0)")
	}
	require.Equal(t, int32(0), overflows.Load())
	for i := 0; i < 20; i++ {
		run(t, s, "insert into trades values(now(), `a, 1.0)")
	}
	require.Equal(t, int32(1), overflows.Load())
	close(release)
	r.Stop(sub)
	require.False(t, r.StopRemote("host:0", "topic"), "stopped already")
	require.NoError(t, r.Unsubscribe("topic", true))
}
