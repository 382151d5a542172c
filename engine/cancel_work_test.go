package engine

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// cancelWorkData builds the data of TestCancelledWorkStops in a
// session: tables of a few million rows in memory and in a DFS database,
// a 50M-element vector and a 2000x2000 matrix.
const cancelWorkData = `
n = 3000000
t = table(rand(100000, n) as k, rand(1.0, n) as v, rand(string(1..50), n) as s, 09:30:00.000 + rand(23400000, n) as tm)
tt = select * from t order by tm
t1 = table(rand(100, 100000) as k, rand(1.0, 100000) as a)
t2 = table(rand(100, 100000) as k, rand(1.0, 100000) as b)
c1 = table(1..15000 as x)
c2 = table(1..15000 as y)
q = table(rand(100000, 300000) as k, 09:30:00.000 + rand(23400000, 300000) as tm)
big = table(rand(100000, 20000000) as k, rand(1.0, 20000000) as v)
x = rand(1.0, 50000000)
m = rand(1.0, 2000*2000)$2000:2000
defg gf(x) { return sum(x*x) }
defg gs(x) { s = 0.0; for (y in x) { s += y }; return s }
pt = loadTable("dfs://cancelwork", "pt")
`

// cancelWorkFiles makes the objects the sessions share: the DFS table, a
// text file of about 150 MB and a stream table.
const cancelWorkFiles = `
n = 3000000
t = table(rand(100000, n) as k, rand(1.0, n) as v, rand(string(1..50), n) as s, 09:30:00.000 + rand(23400000, n) as tm)
db = database("dfs://cancelwork", HASH, [INT, 8])
db.createPartitionedTable(t, "pt", "k").append!(t)
saveText(t, "t.csv")
share streamTable(100:0, ["k", "v", "s", "tm"], [INT, DOUBLE, STRING, TIME]) as replayed
`

// cancelWork are the long operations a user can start, one statement
// each, so a cancel lands inside the operation. Each runs for seconds
// to minutes when left alone; the comment says what, before the checks
// were added, kept it running after the cancel.
var cancelWork = []struct{ name, script string }{
	// per group: a UDF aggregate, an order-sensitive function (queries
	// checked nothing); mavg alone runs over all groups at once
	// (funcs.Spec.Segmented), a single pass, rank once per group
	{"group by UDF", "select gf(v) from t group by k, s"},
	{"group by UDF over DFS", "select gf(v) from pt group by k, s"},
	{"context by", "select k, mavg(v, 5), rank(v) from t context by k, s"},
	{"context by over DFS", "select k, mavg(v, 5), rank(v) from pt context by k, s"},
	// pivot by's cells take typed aggregates: only a UDF looping over
	// its cell's rows runs for seconds
	{"pivot by UDF", "select gs(v) from t pivot by k, s"},
	// the sort itself (no check)
	{"order by", "select * from big order by v desc, k"},
	// pairs of a many-to-many match and their columns (no check)
	{"many-to-many ej", `ej(t1, t2, "k")`},
	{"many-to-many SQL join", "select * from t1 inner join t2 on t1.k = t2.k"},
	{"cj", "cj(c1, c2)"},
	// the windows' rows, window by window for a UDF (no check)
	{"wj", `wj(q, tt, -2000:2000, <[med(v)]>, "tm")`},
	{"wj UDF", `wj(q, tt, -2000:2000, <[gf(v)]>, "tm")`},
	// a subquery per outer row (no check)
	{"correlated subquery", "select count(*) from t1 where exists(select * from t2 where t2.b > t1.a)"},
	// loops checked already
	{"for", "s = 0; for (i in 0:2000000000) { s += i }"},
	{"do-while", "i = 0; do { i += 1 } while (true)"},
	{"reduce", "reduce(def(a, b) -> a + b, 1..20000000)"},
	{"accumulate", "accumulate(def(a, b) -> a + b, 1..20000000)"},
	// the calls of the function (a user function's body had no check)
	{"each", "each(x -> x + 1, 1..20000000)"},
	{"each built-in", "each(add{1}, 1..20000000)"},
	{"loop", "loop(x -> x + 1, 1..20000000)"},
	{"peach", "peach(x -> x + 1, 1..20000000)"},
	{"ploop", "ploop(x -> x + 1, 1..20000000)"},
	// big single built-ins (no check)
	{"sort", "sort(x)"},
	{"isort", "isort(x)"},
	{"rank", "rank(x)"},
	{"denseRank", "denseRank(x, false)"},
	{"nunique", "nunique(x)"},
	{"matrix product", "m ** m"},
	// quadratic or cubic by nature (no check): a polynomial with as many
	// coefficients as points, the decompositions of a 2000x2000 matrix,
	// and the unit-root regressions over 2M points
	{"polyPredict", "polyPredict(x[0:200000], x[0:200000])"},
	{"polynomial", "polynomial(x[0:200000], x[0:200000])"},
	{"eig", "eig(m)"},
	{"schur", "schur(m)"},
	{"svd", "svd(m)"},
	{"pinverse", "pinverse(m)"},
	{"adfuller", "adfuller(x[0:2000000])"},
	{"coint", "coint(x[0:2000000], x[2000000:4000000])"},
	// files (saveText had no check; loadText checked every 64K rows)
	{"saveText", `saveText(big, "big.csv")`},
	{"loadText", `loadText("t.csv")`},
	// a paced replay sleeps watching the request
	{"replay", "replay(tt, replayed, `tm, `tm, 1000)"},
}

// A client's long operation, cancelled by another session with
// cancelConsoleJob, ends with DolphinDB's cancel text within seconds
// instead of running to its end (which returned a result, or ran on for
// minutes), and leaves no goroutine behind. cumsum and mavg over 50M
// elements are single passes of well under a second: there is nothing
// to stop in them, so they are not listed.
func TestCancelledWorkStops(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tables of millions of rows")
	}
	e, err := Open(Options{DataDir: t.TempDir()})
	require.NoError(t, err)
	defer e.Close()
	a, b := e.NewSession(), e.NewSession()
	mustRun(t, b, raceScaled(cancelWorkFiles))
	mustRun(t, a, raceScaled(cancelWorkData))
	for _, c := range cancelWork {
		ok := t.Run(c.name, func(t *testing.T) {
			base := runtime.NumGoroutine()
			root, done := startConsoleJob(t, a, b, c.script)
			time.Sleep(300 * time.Millisecond) // into the work
			mustRun(t, b, `cancelConsoleJob("`+root+`")`)
			select {
			case err := <-done:
				require.EqualError(t, err, "The job was cancelled.", "%s ran to its end", c.script)
			case <-time.After(cancelWait):
				t.Fatalf("%s went on %v after it was cancelled", c.script, cancelWait)
			}
			requireGoroutinesBack(t, base)
		})
		if !ok { // a's job may still run: the next cases get a session of their own
			a = e.NewSession()
			mustRun(t, a, raceScaled(cancelWorkData))
		}
	}
}

// requireGoroutinesBack is testkit.RequireGoroutinesBack, which this
// package's own tests cannot import (testkit imports engine).
func requireGoroutinesBack(t *testing.T, base int) {
	t.Helper()
	end := time.Now().Add(cancelWait)
	for runtime.NumGoroutine() > base && time.Now().Before(end) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > base {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines run %v after the work was cancelled, %d before it started\n%s", n, cancelWait, base, buf[:runtime.Stack(buf, true)])
	}
}

// raceScaled shrinks a test's data tenfold under the race detector. Every
// pass runs many times slower there, so the work still outlasts the wait
// before the cancel, while the passes with nothing to stop in them (the
// building of a vector, a sort's key conversion) stay short enough to end
// within cancelWait.
func raceScaled(script string) string {
	if !raceEnabled {
		return script
	}
	return strings.NewReplacer("50000000", "5000000", "20000000", "2000000", "n = 3000000", "n = 300000").Replace(script)
}

// cancelWait is how long cancelled work may take to end. Under the race
// detector the passes that have nothing to stop in them (building a
// 50M-element vector, one group's aggregate) run several times slower,
// and CI runs the packages side by side on two cores; uncancelled, the
// work runs for minutes there, so the longer wait still tells the two
// apart.
var cancelWait = map[bool]time.Duration{false: 10 * time.Second, true: 30 * time.Second}[raceEnabled]

// heavyJob is a function whose one call runs for several seconds unless
// cancelled: nunique of 50M distinct doubles. It appends to heavyStarted
// once the vector is built, so a cancel can be aimed at nunique itself
// rather than at the building, which has nothing to stop.
const heavyJob = `share table(10:0, ["n"], [INT]) as heavyStarted
def heavy(dummy) { x = rand(1.0, 50000000); heavyStarted.append!(table(1 as n)); return nunique(x) }`

// cancelRunningJob waits until job runs, cancels it with cancelJob once
// it is into its work, and requires it to end with the cancel text
// within seconds and its goroutines to end (no more running than base).
func cancelRunningJob(t *testing.T, s *Session, job string, base int) {
	t.Helper()
	require.Eventually(t, func() bool {
		return mustRun(t, s, "exec count(*) from heavyStarted").String() == "1"
	}, cancelWait, 10*time.Millisecond, "job %s never built its data", job)
	time.Sleep(300 * time.Millisecond) // into nunique
	mustRun(t, s, `cancelJob("`+job+`")`)
	var msg string
	require.Eventually(t, func() bool {
		v := mustRun(t, s, `exec errorMsg from getRecentJobs() where jobId = "`+job+`" and !isNull(endTime)`)
		if strs := v.(*value.Vector).Str; len(strs) == 1 {
			msg = strs[0]
			return true
		}
		return false
	}, cancelWait, 20*time.Millisecond, "job %s went on %v after cancelJob", job, cancelWait)
	require.Equal(t, "The job was cancelled.", msg)
	requireGoroutinesBack(t, base)
}

// cancelJob stops a submitJob job in the middle of a big built-in, not
// only between statements.
func TestCancelJobStopsBuiltIn(t *testing.T) {
	if testing.Short() {
		t.Skip("works on 50M elements")
	}
	s := memSession(t, raceScaled(heavyJob))
	base := runtime.NumGoroutine()
	mustRun(t, s, `submitJob("heavy", "", heavy, 0)`)
	cancelRunningJob(t, s, "heavy", base)
}

// cancelJob stops a scheduled job's run, which runs as a batch job of
// the scheduled job's id.
func TestCancelJobStopsScheduledRun(t *testing.T) {
	if testing.Short() {
		t.Skip("works on 50M elements")
	}
	start := time.Date(2024, 3, 5, 9, 0, 0, 0, time.Local)
	e, err := Open(Options{DataDir: t.TempDir(), Now: func() time.Time { return start }})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	mustRun(t, s, raceScaled(heavyJob))
	mustRun(t, s, `scheduleJob("nightly", "heavy", heavy{0}, 09:01m, 2024.03.01, 2024.03.31, 'D')`)
	base := runtime.NumGoroutine()
	e.SetNow(func() time.Time { return start.Add(2 * time.Minute) })
	cancelRunningJob(t, s, "nightly", base)
}

// unsubscribeTable stops a handler in the middle of heavy work: the
// handler runs under the subscription's context, so unsubscribing returns
// within seconds and the subscription's goroutine ends.
func TestUnsubscribeStopsHeavyHandler(t *testing.T) {
	if testing.Short() {
		t.Skip("works on 50M elements")
	}
	s := memSession(t, raceScaled(`share streamTable(10:0, ["id"], [INT]) as ticks
share table(10:0, ["n"], [INT]) as started
share table(10:0, ["n"], [INT]) as handled
def onTick(msg) { x = rand(1.0, 50000000); started.append!(table(1 as n)); n = nunique(x); handled.append!(table(n as n)) }`))
	base := runtime.NumGoroutine()
	mustRun(t, s, `subscribeTable(tableName="ticks", actionName="heavy", handler=onTick, msgAsTable=true); ticks.append!(table(1 as id))`)
	require.Eventually(t, func() bool {
		return mustRun(t, s, "exec count(*) from started").String() == "1"
	}, cancelWait, 10*time.Millisecond, "the handler never built its data")
	time.Sleep(300 * time.Millisecond) // into nunique
	done := make(chan error, 1)
	go func() { _, err := s.Run(`unsubscribeTable(tableName="ticks", actionName="heavy")`); done <- err }()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(cancelWait):
		t.Fatalf("unsubscribeTable waited %v for the handler", cancelWait)
	}
	require.Equal(t, "0", mustRun(t, s, "exec count(*) from handled").String(), "the handler ran to its end")
	requireGoroutinesBack(t, base)
}

// saveText writes 64K rows at a time (so a cancel stops it between
// chunks): rows on both sides of the chunk boundaries come back whole.
func TestSaveTextChunksRoundTrip(t *testing.T) {
	s := memSession(t, `n = 200000
src = table(1..n as a, "s" + string(1..n) as b, rand(100.0, n) as c)
saveText(src, "chunks.csv")
back = loadText("chunks.csv")`)
	require.Equal(t, "200000 true true true", mustRun(t, s, `string(size(back)) + " " + string(all(back.a == src.a)) + " " + string(all(back.b == src.b)) + " " + string(max(abs(back.c - src.c)) < 1e-6)`).String())
}
