package stream_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/crashtest"
	"github.com/porpoisedb/porpoise/value"
)

const (
	streamCrashEnv  = "PORPOISE_STREAM_CRASH_DIR"
	streamCrashRows = 10
)

// persistedStream opens an engine on dir with the persisted stream table
// st (batch, v) loaded, or exits with code 3 printing what failed.
func persistedStream(dir string) (*engine.Engine, *engine.Session) {
	e, err := engine.Open(engine.Options{DataDir: dir})
	crashtest.Check("open", err)
	s := e.NewSession()
	_, err = s.Run(`enableTableShareAndPersistence(table=streamTable(1:0, ` + "`batch`v" + `, [INT,INT]), tableName="st")`)
	crashtest.Check("setup", err)
	return e, s
}

// TestStreamCrashChild is the writer the crash test kills: it appends
// numbered batches to a persisted stream table and prints each batch
// number once the append has returned.
func TestStreamCrashChild(t *testing.T) {
	dir := crashtest.ChildDir(t, streamCrashEnv)
	_, s := persistedStream(dir)
	next := crashtest.NextBatch(s.Run("exec max(batch) from st"))
	for k := next; ; k++ {
		_, err := s.Run(fmt.Sprintf("st.append!(table(take(%d, %d) as batch, 1..%d as v))", k, streamCrashRows, streamCrashRows))
		crashtest.Check("append", err)
		crashtest.Ack("ack", k)
	}
}

// TestPersistedStreamCrash kills the writer with SIGKILL at random
// moments and after each restart checks that every acknowledged batch is
// back whole and no batch is partly present.
func TestPersistedStreamCrash(t *testing.T) {
	dir, rng := crashtest.Parent(t, 3)
	acked := map[int64]bool{}
	note := crashtest.AckNotes(t, map[string]map[int64]bool{"ack ": acked})
	const cycles = 10
	for cycle := 0; cycle < cycles; cycle++ {
		crashtest.KillOnce(t, rng, "TestStreamCrashChild", streamCrashEnv, dir, []string{"open:", "setup:", "append:", "max:"}, note)
		e, s := persistedStream(dir)
		v := run(t, s, `select count(*) as n from st group by batch`).(*value.Table)
		present := map[int64]int64{}
		for i := 0; i < v.Rows(); i++ {
			b, _ := v.Cols[0].At(i).Int64()
			n, _ := v.Cols[1].At(i).Int64()
			present[b] = n
			require.Equal(t, int64(streamCrashRows), n, "batch %d is partly present", b)
		}
		for k := range acked {
			require.Contains(t, present, k, "acknowledged batch %d is lost", k)
		}
		require.NoError(t, e.Close())
	}
	require.NotEmpty(t, acked, "the writer acknowledged nothing in %d cycles", cycles)
	t.Logf("%d cycles, %d acknowledged batches verified", cycles, len(acked))
}
