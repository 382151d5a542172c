package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/value"
)

// startServe runs serve in the background and returns the announced
// address and a channel with its exit code.
func startServe(t *testing.T, args ...string) (string, chan int) {
	t.Helper()
	return startServeErr(t, &syncBuilder{}, args...)
}

// startServeErr is startServe writing serve's stderr to stderr.
func startServeErr(t *testing.T, stderr *syncBuilder, args ...string) (string, chan int) {
	t.Helper()
	pr, pw := io.Pipe()
	code := make(chan int, 1)
	go func() {
		code <- serve(args, pw, stderr)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	require.True(t, sc.Scan(), "serve printed nothing; stderr: %s", stderr.String())
	line := sc.Text()
	require.True(t, strings.HasPrefix(line, "porpoise listening on "), line)
	addr := strings.Fields(strings.TrimPrefix(line, "porpoise listening on "))[0]
	go io.Copy(io.Discard, pr)
	return addr, code
}

func TestServeStopsOnSignal(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "dolphindb.cfg")
	require.NoError(t, os.WriteFile(cfg, []byte("# test\n\nnewValuePartitionPolicy=add\nenableInsertStatementForDFSTable = true\n"), 0o644))
	addr, code := startServe(t, "--in-memory", "--addr", "127.0.0.1:0", "--config", cfg)
	require.Equal(t, "add", configOf(t, addr, "newValuePartitionPolicy"))
	stopServe(t, code)
}

// configOf is getConfig(key) on the server at addr, over a connection it
// closes before returning.
func configOf(t *testing.T, addr, key string) string {
	t.Helper()
	ctx := context.Background()
	c, err := client.Dial(ctx, addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	defer c.Close()
	v, err := c.Run(ctx, `getConfig("`+key+`")`)
	require.NoError(t, err)
	return v.(*value.Scalar).S
}

func TestServeDataDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	addr, code := startServe(t, "--addr", "127.0.0.1:0", "--data-dir", dir)
	c, err := client.Dial(context.Background(), addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	c.Close()
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGINT))
	require.Equal(t, 0, <-code)
}

func TestServeRejectsBadConfig(t *testing.T) {
	for name, text := range map[string]string{
		"bad value":            "newValuePartitionPolicy=sometimes\n",
		"no equals":            "newValuePartitionPolicy\n",
		"bad localSite":        "localSite=localhost:port:alias\n",
		"bad logLevel":         "logLevel=LOUD\n",
		"bad maxLogSize":       "maxLogSize=big\n",
		"bad logRetentionTime": "logRetentionTime=-1\n",
	} {
		t.Run(name, func(t *testing.T) {
			cfg := filepath.Join(t.TempDir(), "dolphindb.cfg")
			require.NoError(t, os.WriteFile(cfg, []byte(text), 0o644))
			var stdout, stderr strings.Builder
			require.Equal(t, 2, serve([]string{"--in-memory", "--config", cfg}, &stdout, &stderr))
			require.Contains(t, stderr.String(), "dolphindb.cfg:1:")
		})
	}
	var stdout, stderr strings.Builder
	require.Equal(t, 2, serve([]string{"extra"}, &stdout, &stderr))
	require.Equal(t, 2, serve([]string{"--nope"}, &stdout, &stderr))
}

// TestLoadRealConfig loads the dolphindb.cfg of DolphinDB's own deployment
// tutorial: implemented keys are applied, localSite gives the port and
// every other key is warned about once.
func TestLoadRealConfig(t *testing.T) {
	cfg := config.Default()
	file, err := loadConfig("testdata/dolphindb.cfg", &cfg)
	require.NoError(t, err)
	require.Equal(t, 8848, file.Port)
	require.Equal(t, "add", cfg.NewValuePartitionPolicy)
	require.Equal(t, 32.0, cfg.MaxMemSize)
	require.Equal(t, 512, cfg.MaxConnections)
	warned := strings.Join(file.Warnings, "\n")
	require.NotContains(t, warned, "maxConnections")
	for _, key := range []string{"mode", "workerNum", "dataSync", "volumes", "subPort", "webWorkerNum"} {
		require.Contains(t, warned, "ignoring "+key+" (")
	}
	require.NotContains(t, warned, "localSite")
	require.NotContains(t, warned, "maxMemSize")
	require.NotContains(t, warned, "unknown configuration key", "every key of the tutorial's file is a known DolphinDB key")

	// A key given twice and an unknown key are warned about once each.
	path := filepath.Join(t.TempDir(), "dolphindb.cfg")
	require.NoError(t, os.WriteFile(path, []byte("workerNum=4\nworkerNum=8\nnoSuchKey=1\nnode1.volumes=/x\n"), 0o644))
	file, err = loadConfig(path, &cfg)
	require.NoError(t, err)
	require.Equal(t, []string{
		path + ":1: ignoring workerNum (no effect in porpoise: requests run on the connection's goroutine)",
		path + ":3: ignoring noSuchKey (unknown configuration key)",
		path + ":4: ignoring node1.volumes (per-node keys of a cluster have no effect on a single node)",
	}, file.Warnings)
}

func TestServeRealConfig(t *testing.T) {
	var stderr syncBuilder
	addr, code := startServeErr(t, &stderr, "--in-memory", "--addr", "127.0.0.1:0", "--config", "testdata/dolphindb.cfg")
	require.Contains(t, stderr.String(), "ignoring workerNum (")
	require.Equal(t, "add", configOf(t, addr, "newValuePartitionPolicy"))
	stopServe(t, code)
}

// TestServeLocalSitePort: without --addr, localSite's port is listened on.
func TestServeLocalSitePort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cfg := filepath.Join(t.TempDir(), "dolphindb.cfg")
	require.NoError(t, os.WriteFile(cfg, []byte(fmt.Sprintf("localSite=localhost:%d:local%d\nmode=single\n", port, port)), 0o644))
	addr, code := startServe(t, "--in-memory", "--config", cfg)
	require.Equal(t, fmt.Sprintf("127.0.0.1:%d", port), addr)
	stopServe(t, code)
}

func TestServeBannerHasCredentials(t *testing.T) {
	pr, pw := io.Pipe()
	code := make(chan int, 1)
	go func() {
		code <- serve([]string{"--in-memory", "--addr", "127.0.0.1:0", "--password", "s3cret"}, pw, io.Discard)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	require.True(t, sc.Scan())
	require.Contains(t, sc.Text(), "log in as admin/s3cret")
	go io.Copy(io.Discard, pr)
	addr := strings.Fields(strings.TrimPrefix(sc.Text(), "porpoise listening on "))[0]
	_, err := client.Dial(context.Background(), addr, client.Options{User: "admin", Password: "123456"})
	require.Error(t, err, "the old password no longer logs in")
	c, err := client.Dial(context.Background(), addr, client.Options{User: "admin", Password: "s3cret"})
	require.NoError(t, err)
	c.Close()
	stopServe(t, code)
}

func TestServeConflictingFlags(t *testing.T) {
	var stdout, stderr strings.Builder
	require.Equal(t, 2, serve([]string{"--in-memory", "--data-dir", t.TempDir()}, &stdout, &stderr))
	require.Contains(t, stderr.String(), "--in-memory and --data-dir exclude each other")
	stderr.Reset()
	require.Equal(t, 2, serve([]string{"--in-memory", "--log-level", "loud"}, &stdout, &stderr))
	require.Contains(t, stderr.String(), `invalid log level "loud"`)
}

func TestServeLockedDataDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	_, code := startServe(t, "--addr", "127.0.0.1:0", "--data-dir", dir)
	var stdout, stderr strings.Builder
	require.Equal(t, 1, serve([]string{"--addr", "127.0.0.1:0", "--data-dir", dir}, &stdout, &stderr))
	require.Contains(t, stderr.String(), "data directory "+dir+" is locked by another porpoise")
	stopServe(t, code)
}

// TestServeLockedByOtherProcess runs a second server in a child process:
// Pebble's lock between processes fails differently than within one.
func TestServeLockedByOtherProcess(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	_, code := startServe(t, "--addr", "127.0.0.1:0", "--data-dir", dir)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PORPOISE_TEST_RUN=--addr 127.0.0.1:0 --data-dir "+dir)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee, "%s", out)
	require.Equal(t, 1, ee.ExitCode(), "%s", out)
	require.Contains(t, string(out), "data directory "+dir+" is locked by another porpoise")
	stopServe(t, code)
}

// TestMain lets a test run the command in a child process: with
// PORPOISE_TEST_RUN set, the test binary is `porpoise $PORPOISE_TEST_RUN`.
func TestMain(m *testing.M) {
	if args := os.Getenv("PORPOISE_TEST_RUN"); args != "" {
		os.Exit(run(strings.Fields(args), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func TestServeLogLevel(t *testing.T) {
	var stderr syncBuilder
	_, code := startServeErr(t, &stderr, "--in-memory", "--addr", "127.0.0.1:0", "--log-level", "info")
	stopServe(t, code)
	require.Contains(t, stderr.String(), "level=INFO msg=serving")

	stderr = syncBuilder{}
	_, code = startServeErr(t, &stderr, "--in-memory", "--addr", "127.0.0.1:0")
	stopServe(t, code)
	require.NotContains(t, stderr.String(), "msg=serving", "the default level is warn")
}

// TestHelpAndVersion: every command answers help on stdout with status 0,
// and bad usage on stderr with status 2.
func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{
		{"help"}, {"--help"}, {"-h"}, {"help", "test"}, {"help", "serve"},
		{"test", "--help"}, {"test", "-h"}, {"serve", "--help"}, {"serve", "-h"},
	} {
		var stdout, stderr strings.Builder
		require.Equal(t, 0, run(args, &stdout, &stderr), "%v", args)
		require.Contains(t, stdout.String(), "usage: porpoise", "%v", args)
		require.Empty(t, stderr.String(), "%v", args)
	}
	for _, args := range [][]string{{"--version"}, {"version"}} {
		var stdout, stderr strings.Builder
		require.Equal(t, 0, run(args, &stdout, &stderr))
		require.Regexp(t, `^porpoise \S+ \(go`, stdout.String())
	}
	for _, args := range [][]string{{"test"}, {"test", "--nope"}, {"help", "nope"}, {"serve", "--nope"}} {
		var stdout, stderr strings.Builder
		require.Equal(t, 2, run(args, &stdout, &stderr), "%v", args)
		require.Contains(t, stderr.String(), "usage: porpoise", "%v", args)
	}
}

// syncBuilder is a strings.Builder safe for the server's goroutines.
type syncBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuilder) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuilder) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// stopServe signals the process and waits for serve to exit with 0.
func stopServe(t *testing.T, code chan int) {
	t.Helper()
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	select {
	case c := <-code:
		require.Equal(t, 0, c)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
}

// Issue 12: a stop waited for a running `do {} while(true)` until the
// shutdown timeout. A second SIGTERM forces the stop: the request is
// cancelled and serve exits 1 at once.
func TestServeSecondSignalForcesStop(t *testing.T) {
	addr, code := startServe(t, "--in-memory", "--addr", "127.0.0.1:0", "--shutdown-timeout", "60s")
	ctx := context.Background()
	c, err := client.Dial(ctx, addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	defer c.Close()
	go c.Run(ctx, "do {} while(true)")
	// the signal must find the request running, however slow the machine
	watcher, err := client.Dial(ctx, addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	defer watcher.Close()
	require.Eventually(t, func() bool {
		n, err := watcher.Run(ctx, `exec count(*) from getConsoleJobs() where desc = "do {} while(true)"`)
		if err != nil {
			return false
		}
		k, _ := n.(*value.Scalar).Int64()
		return k == 1
	}, 10*time.Second, 5*time.Millisecond)
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	select {
	case <-code:
		t.Fatal("the first signal did not wait for the running request")
	case <-time.After(300 * time.Millisecond):
	}
	start := time.Now()
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	select {
	case c := <-code:
		require.Equal(t, 1, c)
		require.Less(t, time.Since(start), 10*time.Second)
	case <-time.After(20 * time.Second):
		t.Fatal("a second SIGTERM did not force the stop")
	}
}

// --idle-timeout closes a connection that sends no request in time.
func TestServeIdleTimeout(t *testing.T) {
	addr, code := startServe(t, "--in-memory", "--addr", "127.0.0.1:0", "--idle-timeout", "200ms")
	nc, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer nc.Close()
	nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = nc.Read(make([]byte, 1))
	require.ErrorIs(t, err, io.EOF)
	require.Less(t, time.Since(start), 4*time.Second)
	stopServe(t, code)
}
