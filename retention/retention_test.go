package retention_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
)

// A policy is saved with the database and enforced by the engine's
// sweep after a restart, against the engine's clock.
func TestPolicyIsEnforcedAfterRestart(t *testing.T) {
	dir := t.TempDir()
	e, err := engine.Open(engine.Options{DataDir: dir})
	require.NoError(t, err)
	_, err = e.NewSession().Run(`
		db = database("dfs://keep", VALUE, (today()-30)..today())
		t = table((today()-30)..today() as date, 0..30 as v)
		db.createPartitionedTable(t, "pt", "date").append!(t)
		setRetentionPolicy(db, 30*24)`)
	require.NoError(t, err)
	rows := func(e *engine.Engine) int64 {
		v, err := e.NewSession().Run(`exec count(*) from loadTable("dfs://keep", "pt")`)
		require.NoError(t, err)
		return v.(*value.Scalar).I
	}
	require.Equal(t, int64(31), rows(e), "nothing is 30 days old yet")
	require.NoError(t, e.Close())

	// ten days later the window [now-40d, now-30d) holds nine whole days
	later := func() time.Time { return time.Now().Add(10 * 24 * time.Hour) }
	e, err = engine.Open(engine.Options{DataDir: dir, Now: later})
	require.NoError(t, err)
	defer e.Close()
	require.Eventually(t, func() bool { return rows(e) == 22 }, 10*time.Second, 100*time.Millisecond)
}
