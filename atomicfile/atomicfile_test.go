package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestWriteReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state")
	require.NoError(t, Write(path, []byte("first"), 0o600))
	require.NoError(t, Write(path, []byte("second"), 0o644))
	requireContent(t, path, "second")
	fi, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o644), fi.Mode().Perm())
	requireNoTemp(t, dir)
}

func TestWriteFuncFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state")
	require.NoError(t, Write(path, []byte("old"), 0o644))
	boom := errors.New("boom")
	err := WriteFunc(path, 0o644, func(w io.Writer) error {
		_, _ = w.Write([]byte("half of the n"))
		return boom
	})
	require.ErrorIs(t, err, boom)
	requireContent(t, path, "old")
	requireNoTemp(t, dir)
}

func TestWriteMissingDirectory(t *testing.T) {
	err := Write(filepath.Join(t.TempDir(), "no", "state"), []byte("x"), 0o644)
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestWriteSyncedTruncates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "e.tmp")
	require.NoError(t, WriteSynced(path, []byte("a longer content"), 0o644))
	require.NoError(t, WriteSynced(path, []byte("short"), 0o644))
	requireContent(t, path, "short")
	require.NoError(t, SyncDir(dir))
	require.Error(t, SyncDir(filepath.Join(dir, "none")))
}

// requireNoTemp fails when a temporary file is left in dir.
func requireNoTemp(t *testing.T, dir string) {
	t.Helper()
	left, err := filepath.Glob(filepath.Join(dir, "*.tmp*"))
	require.NoError(t, err)
	require.Empty(t, left)
}

// requireContent fails unless the file at path holds want.
func requireContent(t *testing.T, path, want string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, want, string(b))
}
