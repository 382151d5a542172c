package filehome

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// An in-memory engine's home is a scratch directory that Close removes;
// a data directory's is the directory itself, which Close keeps.
func TestHome(t *testing.T) {
	var mem Home
	dir, err := mem.Dir()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "f.csv"), []byte("a\n"), 0o644))
	again, _ := mem.Dir()
	require.Equal(t, dir, again)
	mem.Close()
	_, err = os.Stat(dir)
	require.ErrorIs(t, err, os.ErrNotExist)

	data := t.TempDir()
	onDisk := Home{DataDir: data}
	dir, err = onDisk.Dir()
	require.NoError(t, err)
	require.Equal(t, data, dir)
	onDisk.Close()
	require.DirExists(t, data)

	var closed Home
	closed.Close()
	dir, err = closed.Dir()
	require.NoError(t, err)
	require.Empty(t, dir, "nothing is made after Close")
}
