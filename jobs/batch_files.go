package jobs

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/atomicfile"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// batchFiles is DolphinDB's batch job directory (batchJobDir): each
// finished job's return object in <jobId>.obj (DolphinDB's serialized
// form, as the wire protocol carries it) and its messages in
// <jobId>.msg, and batchJob.log with a line when a job is received,
// starts and ends. Keeping results there rather than in memory is what
// lets a server run any number of jobs with large results: getJobReturn
// reads the object back each time it is called.
type batchFiles struct {
	mu  sync.Mutex
	dir string
	// temp marks a directory made because none was configured (an
	// in-memory engine); close removes it.
	temp bool
}

// open uses dir, creating it, and removes the job files in it older than
// retention when that is positive.
func (f *batchFiles) open(dir string, retention time.Duration, now time.Time) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("batchJobDir %s: %w", dir, err)
	}
	f.mu.Lock()
	old, temp := f.dir, f.temp
	f.dir, f.temp = dir, false
	f.mu.Unlock()
	if temp && old != dir {
		os.RemoveAll(old)
	}
	if retention > 0 {
		purge(dir, now.Add(-retention))
	}
	return nil
}

// purge removes the .obj and .msg files last written before cutoff
// (batchJobFileRetentionTime).
func purge(dir string, cutoff time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, ".obj") || strings.HasSuffix(name, ".msg")) {
			continue
		}
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// directory returns the directory, making a temporary one if none was
// set.
func (f *batchFiles) directory() (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.dir == "" {
		dir, err := os.MkdirTemp("", "porpoise-batchJobs-")
		if err != nil {
			return "", err
		}
		f.dir, f.temp = dir, true
	}
	return f.dir, nil
}

// close removes a temporary directory.
func (f *batchFiles) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.temp {
		os.RemoveAll(f.dir)
		f.dir, f.temp = "", false
	}
}

// fileName is the job id as a file name: bytes that could leave the
// directory or clash with the escape are written %XX.
func fileName(id string) string {
	var b strings.Builder
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c == '/' || c == '\\' || c == '%' || c < ' ' || (c == '.' && i == 0) {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// path is the job's file with the given extension.
func (f *batchFiles) path(id, ext string) (string, error) {
	dir, err := f.directory()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, fileName(id)+ext), nil
}

// saveResult writes the job's return object (nothing for a job that
// returned nothing). It fails for a value the format cannot hold.
func (f *batchFiles) saveResult(id string, result value.Value) error {
	path, err := f.path(id, ".obj")
	if err != nil {
		return err
	}
	if result == nil {
		os.Remove(path) // a rerun id's old result must not show through
		return nil
	}
	var buf bytes.Buffer
	if err := wire.Encode(&buf, result, nil); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes(), 0o644)
}

// saveMessages writes the job's message log.
func (f *batchFiles) saveMessages(id, text string) error {
	path, err := f.path(id, ".msg")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, []byte(text), 0o644)
}

// result reads the job's return object back; a job that returned nothing
// has no file and returns nil.
func (f *batchFiles) result(id string) (value.Value, error) {
	path, err := f.path(id, ".obj")
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, ddberr.Errorf("Failed to read the result of the job [%s]: %w", id, err)
	}
	v, _, err := wire.DecodeBytes(data)
	if err != nil {
		return nil, ddberr.Errorf("Failed to read the result of the job [%s]: %w", id, err)
	}
	return v, nil
}

// messages reads the job's message log back.
func (f *batchFiles) messages(id string) (string, error) {
	path, err := f.path(id, ".msg")
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", ddberr.Errorf("Failed to read the messages of the job [%s]: %w", id, err)
	}
	return string(data), nil
}

// log appends one line to batchJob.log: time, job id, description and
// event (received, started, finished). Failing to log does not fail the
// job.
func (f *batchFiles) log(now time.Time, id, desc, event string) {
	dir, err := f.directory()
	if err != nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	lf, err := os.OpenFile(filepath.Join(dir, "batchJob.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer lf.Close()
	fmt.Fprintf(lf, "%s,%s,%s,%s\n", now.Format("2006-01-02 15:04:05.000000"), id, desc, event)
}
