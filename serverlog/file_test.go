package serverlog_test

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/serverlog"
)

// clock is a settable clock for Options.Now.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

func TestWriteLayoutAndLevel(t *testing.T) {
	c := &clock{time.Date(2017, 8, 6, 16, 41, 5, 123456789, time.Local)}
	path := filepath.Join(t.TempDir(), "log", "dolphindb.log")
	l, err := serverlog.Open(path, serverlog.Options{Level: slog.LevelInfo, Now: c.now})
	require.NoError(t, err)
	defer l.Close()
	require.NoError(t, l.Write(slog.LevelInfo, "line1.", "line2."))
	require.NoError(t, l.Write(slog.LevelDebug, "hidden"))
	require.NoError(t, l.Write(slog.LevelError, "bad"))
	l.SetLevel(slog.LevelDebug)
	require.NoError(t, l.Write(slog.LevelDebug, "shown"))
	require.Equal(t, "2017-08-06 16:41:05.123456 <INFO> :line1.\n"+
		"2017-08-06 16:41:05.123456 <INFO> :line2.\n"+
		"2017-08-06 16:41:05.123456 <ERROR> :bad\n"+
		"2017-08-06 16:41:05.123456 <DEBUG> :shown\n", read(t, path))
}

func TestHandler(t *testing.T) {
	c := &clock{time.Date(2024, 1, 2, 3, 4, 5, 0, time.Local)}
	path := filepath.Join(t.TempDir(), "node.log")
	l, err := serverlog.Open(path, serverlog.Options{Level: slog.LevelInfo, Now: c.now})
	require.NoError(t, err)
	defer l.Close()
	lg := slog.New(l.Handler())
	lg.Debug("hidden")
	lg.With("conn", 7).WithGroup("req").Warn("slow request", "script", "select 1", "ms", 12, slog.Group("g", "x", ""))
	require.Regexp(t, `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} <WARNING> :slow request conn=7 req.script="select 1" req.ms=12 req.g.x=""\n$`, read(t, path))
}

func TestArchiveAndClean(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "dolphindb.log")
	c := &clock{time.Date(2024, 3, 31, 8, 1, 31, 0, time.Local)}
	// archives of 40 and 10 days ago, an older server's of 2018, and
	// files that are not this log's archives
	for _, n := range []string{"20240220080000dolphindb.log", "20240321080000dolphindb.log",
		"20181109000dolphindb.log", "20180101000000other.log", "notes20180101000000dolphindb.log", "dolphindb.log.bak"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte("x\n"), 0o644))
	}
	l, err := serverlog.Open(path, serverlog.Options{MaxSize: 100, Level: slog.LevelInfo, Now: c.now})
	require.NoError(t, err)
	defer l.Close()
	// each record is 46 bytes: two fit in 100, the third archives them
	for i := 0; i < 5; i++ {
		require.NoError(t, l.Write(slog.LevelInfo, "0123456789"))
	}
	require.Equal(t, []string{"20180101000000other.log", "20181109000dolphindb.log", "20240220080000dolphindb.log",
		"20240321080000dolphindb.log", "20240331080131dolphindb.log", "20240331080132dolphindb.log",
		"dolphindb.log", "dolphindb.log.bak", "notes20180101000000dolphindb.log"}, testkit.DirNames(t, dir))
	require.Len(t, read(t, filepath.Join(dir, "20240331080131dolphindb.log")), 92)
	require.Len(t, read(t, path), 46)

	require.NoError(t, l.CleanOutdated(30*24*time.Hour))
	require.Equal(t, []string{"20180101000000other.log", "20240321080000dolphindb.log", "20240331080131dolphindb.log",
		"20240331080132dolphindb.log", "dolphindb.log", "dolphindb.log.bak", "notes20180101000000dolphindb.log"}, testkit.DirNames(t, dir))
	c.t = c.t.Add(time.Minute)
	require.NoError(t, l.CleanOutdated(0))
	require.Equal(t, []string{"20180101000000other.log", "dolphindb.log", "dolphindb.log.bak", "notes20180101000000dolphindb.log"}, testkit.DirNames(t, dir))
}

func TestOpenAppliesRetention(t *testing.T) {
	dir := t.TempDir()
	c := &clock{time.Date(2024, 3, 31, 0, 0, 0, 0, time.Local)}
	for _, n := range []string{"20240101000000n.log", "20240330000000n.log", "n.log"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte("old\n"), 0o644))
	}
	l, err := serverlog.Open(filepath.Join(dir, "n.log"), serverlog.Options{Retention: 30 * 24 * time.Hour, Now: c.now})
	require.NoError(t, err)
	require.NoError(t, l.Close())
	require.Equal(t, []string{"20240330000000n.log", "n.log"}, testkit.DirNames(t, dir))
	require.Equal(t, "old\n", read(t, filepath.Join(dir, "n.log")), "an existing log is appended to")
	require.Error(t, l.Write(slog.LevelError, "after close"))
}

func TestParseLevel(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want slog.Level
		ok   bool
	}{{"DEBUG", slog.LevelDebug, true}, {"info", slog.LevelInfo, true}, {"WARNING", slog.LevelWarn, true},
		{"warn", slog.LevelWarn, true}, {"ERROR", slog.LevelError, true}, {"TRACE", 0, false}} {
		got, ok := serverlog.ParseLevel(tc.in)
		require.Equal(t, tc.ok, ok, tc.in)
		require.Equal(t, tc.want, got, tc.in)
		if ok {
			back, _ := serverlog.ParseLevel(serverlog.LevelName(got))
			require.Equal(t, got, back)
		}
	}
}

func TestDays(t *testing.T) {
	require.Equal(t, 12*time.Hour, serverlog.Days(0.5))
	require.Equal(t, 30*24*time.Hour, serverlog.Days(30))
	require.Equal(t, time.Duration(0), serverlog.Days(0))
	require.Equal(t, time.Duration(1<<63-1), serverlog.Days(1e9), "past a Duration's range, the longest one")
}

// TestConcurrentWrites: records written from many goroutines, through
// Write and the slog handler, while the file is archived, each land
// whole in one file.
func TestConcurrentWrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "n.log")
	l, err := serverlog.Open(path, serverlog.Options{MaxSize: 4096})
	require.NoError(t, err)
	lg := slog.New(l.Handler())
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				if i%2 == 0 {
					require.NoError(t, l.Write(slog.LevelInfo, "write"))
				} else {
					lg.Info("handler")
				}
			}
		}()
	}
	wg.Wait()
	require.NoError(t, l.Close())
	lines := 0
	for _, n := range testkit.DirNames(t, dir) {
		for _, line := range strings.Split(strings.TrimSuffix(read(t, filepath.Join(dir, n)), "\n"), "\n") {
			require.Regexp(t, `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} <INFO> :(write|handler)$`, line)
			lines++
		}
	}
	require.Equal(t, 800, lines)
}
