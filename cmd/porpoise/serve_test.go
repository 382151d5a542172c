package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/value"
)

// startServe runs serve in the background and returns the announced
// address and a channel with its exit code.
func startServe(t *testing.T, args ...string) (string, chan int) {
	t.Helper()
	pr, pw := io.Pipe()
	var stderr strings.Builder
	code := make(chan int, 1)
	go func() {
		code <- serve(args, pw, &stderr)
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
	ctx := context.Background()
	c, err := client.Dial(ctx, addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	v, err := c.Run(ctx, `getConfig("newValuePartitionPolicy")`)
	require.NoError(t, err)
	require.Equal(t, "add", v.(*value.Scalar).S)
	c.Close()

	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	select {
	case c := <-code:
		require.Equal(t, 0, c)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
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
		"unknown key": "noSuchKey=1\n",
		"bad value":   "newValuePartitionPolicy=sometimes\n",
		"no equals":   "newValuePartitionPolicy\n",
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
