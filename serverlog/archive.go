package serverlog

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// archiveStamp is the prefix an archived log gets: the time it was
// archived, to the second (db_distr_comp/cfg/function_configuration.md,
// "{timestamp}dolphindb.log" in tutorials/log_analysis_tool_user_manual.md).
const archiveStamp = "20060102150405"

// oldArchiveStamp is the prefix of older servers' archives, a date and a
// three-digit sequence number, 20181109000dolphindb.log
// (db_distr_comp/cfg/standalone.md); only its date is read.
const oldArchiveStamp = "20060102"

// freeArchiveName is the name the log at path is archived under at t: its
// directory, then t and its base name; when that name is taken (a second
// archiving within one second), the next second's.
func freeArchiveName(path string, t time.Time) string {
	dir, base := filepath.Split(path)
	for {
		name := filepath.Join(dir, t.Format(archiveStamp)+base)
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		t = t.Add(time.Second)
	}
}

// archiveTime is when the file name was archived, for an archive of a log
// named base.
func archiveTime(name, base string) (time.Time, bool) {
	stamp, ok := strings.CutSuffix(name, base)
	if !ok || !allDigits(stamp) {
		return time.Time{}, false
	}
	switch len(stamp) {
	case len(archiveStamp):
		t, err := time.ParseInLocation(archiveStamp, stamp, time.Local)
		return t, err == nil
	case len(oldArchiveStamp) + 3:
		t, err := time.ParseInLocation(oldArchiveStamp, stamp[:len(oldArchiveStamp)], time.Local)
		return t, err == nil
	}
	return time.Time{}, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// removeArchives removes the archives of the log at path dated before
// cutoff.
func removeArchives(path string, cutoff time.Time) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if t, ok := archiveTime(e.Name(), base); ok && t.Before(cutoff) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// Days is a retention time of d days (logRetentionTime,
// cleanOutdateLogFiles' retentionTime), at most a Duration's limit, about
// 292 years.
func Days(d float64) time.Duration {
	if d >= 100*365 {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration(d * float64(24*time.Hour))
}
