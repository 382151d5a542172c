package streamengine_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
)

// copyEngine is a kind of engine for these tests: it writes every row it
// is given to its output, doubling column v by its metric <v * 2>.
type copyEngine struct {
	bg      funcs.Env
	output  value.Value
	metrics *streamengine.Metrics
	rows    int
}

func (e *copyEngine) Consume(batch *value.Table) error {
	e.rows += batch.Rows()
	out, err := streamengine.Run(e.bg, streamengine.Select(e.metrics.Exprs), batch, e.metrics.Bind)
	if err != nil {
		return err
	}
	return streamengine.Emit(e.bg, e.output, out)
}

func (e *copyEngine) Stat() ([]string, []value.Value) {
	return []string{"numRows"}, []value.Value{value.NewLong(int64(e.rows))}
}

func (e *copyEngine) Close() {}

func (e *copyEngine) Outputs() []value.Value { return []value.Value{e.output} }

func init() {
	funcs.Register(funcs.Spec{Name: "createCopyEngineForTest", Params: []string{"name", "metrics", "dummyTable", "outputTable"}, Min: 4, Max: 4, Props: funcs.Session, Category: "streaming",
		Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
			m, err := streamengine.ParseMetrics("createCopyEngineForTest", args[1])
			if err != nil {
				return nil, err
			}
			return streamengine.Create(env, "CopyEngine", args[0], args[2].(*value.Table), func(bg funcs.Env) (streamengine.Engine, error) {
				return &copyEngine{bg: bg, output: args[3], metrics: m}, nil
			})
		}})
}

// An engine's input takes appends from every path, keeps none of the
// rows, and hands them to the engine in order; the engine's name is
// unique until it is dropped.
func TestEngineInputConsumesAppends(t *testing.T) {
	_, s := testkit.Started(t, `share streamTable(1:0, `+"`k`v"+`, [SYMBOL, INT]) as src
share table(1:0, `+"`k`w"+`, [SYMBOL, INT]) as out
eng = createCopyEngineForTest("copy1", <[k, v * 2]>, src, out)
tableInsert(eng, "a", 1)
eng.append!(table(["b", "c"] as k, [2, 3] as v))
insert into eng values("d", 4)`)
	require.Equal(t, `["a","b","c","d"] [2,4,6,8]`, testkit.Run(t, s, "exec k from out")+" "+testkit.Run(t, s, "exec w from out"))
	require.Equal(t, "0", testkit.Run(t, s, "size(eng)"))
	require.Equal(t, "0", testkit.Run(t, s, "size(getStreamEngine(`copy1))"))

	// as a subscription's handler, by table and by append!
	testkit.Run(t, s, `subscribeTable(tableName="src", actionName="a1", handler=getStreamEngine("copy1"), msgAsTable=true)
src.append!(table(["e"] as k, [5] as v))`)
	require.Eventually(t, func() bool { return testkit.Run(t, s, "size(out)") == "5" }, 5*time.Second, 10*time.Millisecond)

	_, err := s.Run(`createCopyEngineForTest("copy1", <[k, v]>, src, out)`)
	require.ErrorContains(t, err, "The engine 'copy1' already exists. Choose another name or release the existing engine using 'dropStreamEngine()'. RefId: S03001")

	list := testkit.Run(t, s, "getStreamEngineList()")
	require.True(t, strings.Contains(list, "CopyEngine") && strings.Contains(list, "copy1"), list)
	stat := testkit.Run(t, s, "getStreamEngineStat()[`CopyEngine]")
	require.Contains(t, stat, "copy1")

	testkit.Run(t, s, `unsubscribeTable(tableName="src", actionName="a1")
dropStreamEngine("copy1")`)
	_, err = s.Run("getStreamEngine(`copy1)")
	require.ErrorContains(t, err, "The stream engine [copy1] does not exist.")
	testkit.Run(t, s, `eng2 = createCopyEngineForTest("copy1", <[k, v]>, src, out)`)
}

// Sessions appending to one engine at once are serialized: every row
// reaches the output once.
func TestEngineConcurrentAppends(t *testing.T) {
	e, s := testkit.Started(t, `share table(1:0, `+"`k`w"+`, [INT, INT]) as cout
createCopyEngineForTest("copy2", <[k, v]>, table(1:0, `+"`k`v"+`, [INT, INT]), cout)`)
	testkit.Concurrently(t, e, 4, 50,
		"tableInsert(getStreamEngine(`copy2), table(1..10 as k, 1..10 as v))",
	)
	require.Equal(t, "2000", testkit.Run(t, s, "size(cout)"))
}
