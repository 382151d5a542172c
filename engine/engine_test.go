package engine_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
)

// TestZeroOptionsInMemory: the zero Options writes nothing to disk, even
// when the script creates a dfs:// database.
func TestZeroOptionsInMemory(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	e, err := engine.Open(engine.Options{})
	require.NoError(t, err)
	s := e.NewSession()
	_, err = s.Run(`db = database("dfs://zero", VALUE, 1..3); t = table(1..3 as id); db.createPartitionedTable(t, "pt", "id").append!(t)`)
	require.NoError(t, err)
	require.NoError(t, e.Close())
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Empty(t, entries, "the zero Options must not create ./porpoise-data")
}

func TestOptionsConflict(t *testing.T) {
	_, err := engine.Open(engine.Options{InMemory: true, DataDir: filepath.Join(t.TempDir(), "d")})
	require.ErrorContains(t, err, "InMemory and DataDir")
}

func TestDataDirLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	e, err := engine.Open(engine.Options{DataDir: dir})
	require.NoError(t, err)
	defer e.Close()
	_, err = engine.Open(engine.Options{DataDir: dir})
	require.ErrorContains(t, err, "data directory "+dir+" is locked by another porpoise")
}
