package jobs

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
)

// A job's result or message file that can't be read or decoded reports
// which job it belongs to, wrapping the cause.
func TestBatchFilesReadFailures(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, dir string)
		read  func(f *batchFiles) error
		want  func(cause error) error
	}{
		{"corrupt result", func(t *testing.T, dir string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "job1.obj"), []byte{0xff}, 0o644))
		}, func(f *batchFiles) error { _, err := f.result("job1"); return err },
			func(cause error) error {
				return ddberr.Errorf("Failed to read the result of the job [%s]: %w", "job1", cause)
			}},
		{"unreadable result", func(t *testing.T, dir string) {
			require.NoError(t, os.Mkdir(filepath.Join(dir, "job1.obj"), 0o755))
		}, func(f *batchFiles) error { _, err := f.result("job1"); return err },
			func(cause error) error {
				return ddberr.Errorf("Failed to read the result of the job [%s]: %w", "job1", cause)
			}},
		{"missing messages", func(t *testing.T, dir string) {},
			func(f *batchFiles) error { _, err := f.messages("job1"); return err },
			func(cause error) error {
				return ddberr.Errorf("Failed to read the messages of the job [%s]: %w", "job1", cause)
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			c.setup(t, dir)
			err := c.read(&batchFiles{dir: dir})
			require.Error(t, err)
			cause := errors.Unwrap(err)
			require.NotNil(t, cause)
			require.EqualError(t, err, c.want(cause).Error())
		})
	}
}
