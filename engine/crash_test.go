package engine

import (
	"fmt"
	"testing"

	"github.com/porpoisedb/porpoise/internal/crashtest"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

const (
	crashChildEnv = "PORPOISE_CRASH_CHILD_DIR"
	crashRowsPer  = 30 // each batch: 10 rows in each of 3 partitions
)

// TestCrashChild is the writer the crash test kills: it appends numbered
// batches to a TRANS database in a loop and prints each batch number once
// tableInsert has returned; every third batch is then upserted (its w
// column set to the batch number), which rewrites whole partitions, and
// acknowledged with "upd".
func TestCrashChild(t *testing.T) {
	dir := crashtest.ChildDir(t, crashChildEnv)
	s, next := crashChildSession(Options{DataDir: dir}, "dfs://crash")
	for k := next; ; k++ {
		script := fmt.Sprintf("pt.tableInsert(table(take(1 2 3, %d) as part, take(%d, %d) as batch, 1..%d as v, take(0, %d) as w))", crashRowsPer, k, crashRowsPer, crashRowsPer, crashRowsPer)
		_, err := s.Run(script)
		crashtest.Check("insert", err)
		crashtest.Ack("ack", k)
		if k%3 == 0 {
			script := fmt.Sprintf("upsert!(pt, table(take(1 2 3, %d) as part, take(%d, %d) as batch, 1..%d as v, take(%d, %d) as w), false, `batch`v)", crashRowsPer, k, crashRowsPer, crashRowsPer, k, crashRowsPer)
			_, err := s.Run(script)
			crashtest.Check("upsert", err)
			crashtest.Ack("upd", k)
		}
	}
}

// TestCrashRecovery kills the writer with SIGKILL at random moments, at
// least 20 times, and after each restart checks that every acknowledged
// batch is present whole and no batch is partly present.
func TestCrashRecovery(t *testing.T) {
	dir, rng := crashtest.Parent(t, 1)
	acked := map[int64]bool{}
	updated := map[int64]bool{}
	note := crashtest.AckNotes(t, map[string]map[int64]bool{"ack ": acked, "upd ": updated})
	const cycles = 20
	for cycle := 0; cycle < cycles; cycle++ {
		crashtest.KillOnce(t, rng, "TestCrashChild", crashChildEnv, dir, []string{"open:", "setup:", "insert:", "upsert:", "max:"}, note)
		checkCrashState(t, dir, acked, updated)
	}
	require.NotEmpty(t, acked, "the writer acknowledged nothing in %d cycles", cycles)
	require.NotEmpty(t, updated, "the writer acknowledged no upsert in %d cycles", cycles)
	t.Logf("%d cycles, %d acknowledged batches and %d acknowledged upserts verified", cycles, len(acked), len(updated))
}

func checkCrashState(t *testing.T, dir string, acked, updated map[int64]bool) {
	e, err := Open(Options{DataDir: dir})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	if len(acked) == 0 {
		if ok, _ := s.Run(`existsDatabase("dfs://crash")`); !ok.(*value.Scalar).Bool() {
			return
		}
	}
	v := mustRun(t, s, `select count(*) as n, min(w) as lo, max(w) as hi from loadTable("dfs://crash", "pt") group by batch`)
	tb := v.(*value.Table)
	present := map[int64]int64{}
	for i := 0; i < tb.Rows(); i++ {
		b, _ := tb.Cols[0].At(i).Int64()
		n, _ := tb.Cols[1].At(i).Int64()
		lo, _ := tb.Cols[2].At(i).Int64()
		hi, _ := tb.Cols[3].At(i).Int64()
		present[b] = n
		// an upsert is all or nothing: every row of the batch has w = 0
		// (not upserted) or w = batch (upserted)
		require.Equal(t, lo, hi, "batch %d is partly upserted", b)
		require.Contains(t, []int64{0, b}, lo, "batch %d has a foreign w", b)
		if updated[b] {
			require.Equal(t, b, lo, "acknowledged upsert of batch %d is lost", b)
		}
	}
	for k := range acked {
		require.Equal(t, int64(crashRowsPer), present[k], "acknowledged batch %d", k)
	}
	for k, n := range present {
		require.Equal(t, int64(crashRowsPer), n, "batch %d is partly present", k)
	}
}

// crashChildSession opens the crash child's engine and a session with pt
// bound to the table pt of db (created on the first run), and returns the
// first batch number not yet written. Failures exit with code 3.
func crashChildSession(o Options, db string) (*Session, int64) {
	e, err := Open(o)
	crashtest.Check("open", err)
	s := e.NewSession()
	_, err = s.Run(fmt.Sprintf(`if(!existsDatabase(%q)) {
		db = database(%q, VALUE, 1..3)
		db.createPartitionedTable(table(1:0, `+"`part`batch`v`w"+`, [INT, INT, INT, INT]), `+"`pt, `part"+`)
	}
	pt = loadTable(%q, "pt")`, db, db, db))
	crashtest.Check("setup", err)
	next := crashtest.NextBatch(s.Run("exec max(batch) from pt"))
	return s, next
}
