package engine

import (
	"fmt"
	"testing"

	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/internal/crashtest"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/stretchr/testify/require"
)

const crashOpsChildEnv = "PORPOISE_CRASH_OPS_CHILD_DIR"

// TestCrashOpsChild is the writer of TestCrashRecoveryOps: under
// newValuePartitionPolicy=add every batch also lands in a partition that
// may not exist yet (the catalog grows in the same transaction as the
// data); every third batch is upserted and every fifth updated (w set to
// the batch number, acknowledged "upd"), and every fourth deletes the
// batch two before it (acknowledged "del").
func TestCrashOpsChild(t *testing.T) {
	dir := crashtest.ChildDir(t, crashOpsChildEnv)
	cfg := config.Default()
	cfg.NewValuePartitionPolicy = "add"
	s, next := crashChildSession(Options{DataDir: dir, Config: &cfg}, "dfs://crashops")
	run := func(what, script string) {
		_, err := s.Run(script)
		crashtest.Check(what, err)
	}
	for k := next; ; k++ {
		rows := fmt.Sprintf("table(take(1 2 %d, %d) as part, take(%d, %d) as batch, 1..%d as v, take(0, %d) as w)",
			4+k%40, crashRowsPer, k, crashRowsPer, crashRowsPer, crashRowsPer)
		run("insert", "pt.tableInsert("+rows+")")
		crashtest.Ack("ack", k)
		if k%3 == 0 {
			run("upsert", fmt.Sprintf("upsert!(pt, table(take(1 2 %d, %d) as part, take(%d, %d) as batch, 1..%d as v, take(%d, %d) as w), false, `batch`v)",
				4+k%40, crashRowsPer, k, crashRowsPer, crashRowsPer, k, crashRowsPer))
			crashtest.Ack("upd", k)
		}
		if k%5 == 0 {
			run("update", fmt.Sprintf("update pt set w = %d where batch = %d", k, k))
			crashtest.Ack("upd", k)
		}
		if k%4 == 0 && k > 2 {
			run("delete", fmt.Sprintf("delete from pt where batch = %d", k-2))
			crashtest.Ack("del", k-2)
		}
	}
}

// TestCrashRecoveryOps kills TestCrashOpsChild with SIGKILL at random
// moments (PORPOISE_CRASH_CYCLES times, 20 by default) and after each
// restart checks: every acknowledged batch not acknowledged as deleted is
// present whole, every acknowledged delete is complete, every batch is
// whole or absent, and every batch is upserted/updated completely or not
// at all.
func TestCrashRecoveryOps(t *testing.T) {
	dir, rng := crashtest.Parent(t, 3)
	cycles := crashtest.EnvInt(t, "PORPOISE_CRASH_CYCLES", 20)
	acked, updated, deleted := map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
	note := crashtest.AckNotes(t, map[string]map[int64]bool{"ack ": acked, "upd ": updated, "del ": deleted})
	for cycle := 0; cycle < cycles; cycle++ {
		crashtest.KillOnce(t, rng, "TestCrashOpsChild", crashOpsChildEnv, dir, []string{"open:", "setup:", "insert:", "upsert:", "update:", "delete:", "max:"}, note)
		checkCrashOpsState(t, dir, acked, updated, deleted)
	}
	require.NotEmpty(t, acked, "the writer acknowledged nothing in %d cycles", cycles)
	t.Logf("%d cycles: %d acknowledged batches, %d updates/upserts, %d deletes verified", cycles, len(acked), len(updated), len(deleted))
}

func checkCrashOpsState(t *testing.T, dir string, acked, updated, deleted map[int64]bool) {
	cfg := config.Default()
	cfg.NewValuePartitionPolicy = "add"
	e, err := Open(Options{DataDir: dir, Config: &cfg})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	if ok, _ := s.Run(`existsDatabase("dfs://crashops")`); !ok.(*value.Scalar).Bool() {
		require.Empty(t, acked, "the database of acknowledged batches is gone")
		return
	}
	v := mustRun(t, s, `select count(*) as n, min(w) as lo, max(w) as hi, nunique(part) as parts from loadTable("dfs://crashops", "pt") group by batch`)
	tb := v.(*value.Table)
	longs := func(name string) []int64 {
		c, err := cast.Vector(tb.Column(name), value.Long, 0)
		require.NoError(t, err)
		return c.I64
	}
	batch, n, lo, hi, parts := longs("batch"), longs("n"), longs("lo"), longs("hi"), longs("parts")
	present := map[int64]bool{}
	for i := range batch {
		b := batch[i]
		present[b] = true
		require.Equal(t, int64(crashRowsPer), n[i], "batch %d is partly present", b)
		require.Equal(t, int64(3), parts[i], "batch %d lost a partition", b)
		require.Equal(t, lo[i], hi[i], "batch %d is partly updated", b)
		require.Contains(t, []int64{0, b}, lo[i], "batch %d has a foreign w", b)
		require.False(t, deleted[b], "acknowledged delete of batch %d is undone", b)
		if updated[b] {
			require.Equal(t, b, lo[i], "acknowledged update of batch %d is lost", b)
		}
	}
	for k := range acked {
		if !deleted[k] {
			// a delete of k may have been running, unacknowledged, at the kill
			if !present[k] && !deleteMayHaveRun(k, acked) {
				t.Fatalf("acknowledged batch %d is lost", k)
			}
		}
	}
}

// deleteMayHaveRun reports whether the writer may have started deleting
// batch k (it deletes k after acknowledging batch k+2, which is a
// multiple of 4).
func deleteMayHaveRun(k int64, acked map[int64]bool) bool {
	return (k+2)%4 == 0 && acked[k+2]
}
