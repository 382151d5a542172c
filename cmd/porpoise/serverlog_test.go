package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// runAdmin runs each script on the server at addr as admin.
func runAdmin(t *testing.T, addr string, scripts ...string) {
	t.Helper()
	ctx := context.Background()
	c, err := client.Dial(ctx, addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	defer c.Close()
	for _, s := range scripts {
		_, err := c.Run(ctx, s)
		require.NoError(t, err, s)
	}
}

// TestServeLogFile: with --log-file the server's own records and
// writeLog's lines are written to the file in DolphinDB's layout, at
// INFO by default, and setLogLevel filters them.
func TestServeLogFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log", "dolphindb.log")
	var stderr syncBuilder
	addr, code := startServeErr(t, &stderr, "--in-memory", "--addr", "127.0.0.1:0", "--log-file", path)
	runAdmin(t, addr,
		`writeLog("This is a message written into the log file.")`,
		`writeLog("line1.", "line2.")`,
		`writeLogLevel(DEBUG, "not kept at INFO")`,
		`setLogLevel(DEBUG); writeLogLevel(DEBUG, 42)`,
		`setLogLevel(ERROR); writeLog("not kept at ERROR"); writeLogLevel(ERROR, "kept")`)
	stopServe(t, code)
	require.NotContains(t, stderr.String(), "serving", "the records go to the file only")

	b, err := os.ReadFile(path)
	require.NoError(t, err)
	text := string(b)
	stamp := `\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}`
	require.Regexp(t, `(?m)^`+stamp+` <INFO> :serving addr=127\.0\.0\.1:\d+ storage="in memory"`, text)
	require.Regexp(t, `(?m)^`+stamp+` <INFO> :This is a message written into the log file\.\n`+
		stamp+` <INFO> :line1\.\n`+stamp+` <INFO> :line2\.\n`+
		stamp+` <DEBUG> :42\n`+stamp+` <ERROR> :kept\n`, text)
	require.NotContains(t, text, "not kept")
}

// TestServeLogArchives: the config's logFile and logRetentionTime; on
// start the archives older than the retention time are removed, and
// cleanOutdateLogFiles removes those older than its argument.
func TestServeLogArchives(t *testing.T) {
	dir := t.TempDir()
	stamp := func(days int) string { return time.Now().AddDate(0, 0, -days).Format("20060102150405") }
	old := []string{stamp(400) + "node.log", stamp(40) + "node.log", stamp(10) + "node.log", stamp(1) + "node.log"}
	for _, n := range append(old, "other.log") {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte("x\n"), 0o644))
	}
	cfg := filepath.Join(dir, "dolphindb.cfg")
	require.NoError(t, os.WriteFile(cfg, []byte("logFile="+filepath.Join(dir, "node.log")+"\nlogRetentionTime=100\nmaxLogSize=100\nlogLevel=WARNING\n"), 0o644))
	var stderr syncBuilder
	addr, code := startServeErr(t, &stderr, "--in-memory", "--addr", "127.0.0.1:0", "--config", cfg)
	require.NotContains(t, stderr.String(), "ignoring log")
	require.Equal(t, []string{old[1], old[2], old[3], "dolphindb.cfg", "node.log", "other.log"}, testkit.DirNames(t, dir), "the 400-day-old archive is past logRetentionTime")
	runAdmin(t, addr, "cleanOutdateLogFiles(5)")
	require.Equal(t, []string{old[3], "dolphindb.cfg", "node.log", "other.log"}, testkit.DirNames(t, dir))
	runAdmin(t, addr, `writeLog("below logLevel")`, `writeLogLevel(WARNING, "at logLevel")`)
	stopServe(t, code)
	b, err := os.ReadFile(filepath.Join(dir, "node.log"))
	require.NoError(t, err)
	require.NotContains(t, string(b), "below logLevel")
	require.Contains(t, string(b), "<WARNING> :at logLevel\n")
}

// TestServeBadLogFile: a log file that can't be created stops the server.
func TestServeBadLogFile(t *testing.T) {
	var stdout, stderr strings.Builder
	require.Equal(t, 1, serve([]string{"--in-memory", "--log-file", "/dev/null/x.log"}, &stdout, &stderr))
	require.Contains(t, stderr.String(), "porpoise: log file:")
}
