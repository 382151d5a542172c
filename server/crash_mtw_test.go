package server

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/crashtest"
	"github.com/porpoisedb/porpoise/mtw"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

const crashMTWChildEnv = "PORPOISE_CRASH_MTW_DIR"

// TestCrashMTWChild is the server TestCrashRecoveryMTW kills: it serves a
// data directory on a loopback port and prints the address.
func TestCrashMTWChild(t *testing.T) {
	dir := crashtest.ChildDir(t, crashMTWChildEnv)
	e, err := engine.Open(engine.Options{DataDir: dir})
	crashtest.Check("open", err)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	crashtest.Check("listen", err)
	fmt.Println("addr", l.Addr().String())
	New(e, Options{}).Serve(l)
}

// TestCrashRecoveryMTW kills a server with SIGKILL while a
// MultithreadedTableWriter streams rows into a DFS table
// (PORPOISE_CRASH_CYCLES times, 5 by default). The writer's sentRows are
// the rows the server acknowledged; with one writer thread they are the
// first rows inserted in the cycle. After each kill the data directory
// must hold every acknowledged row, each row once.
func TestCrashRecoveryMTW(t *testing.T) {
	dir, rng := crashtest.Parent(t, 5)
	cycles := crashtest.EnvInt(t, "PORPOISE_CRASH_CYCLES", 5)
	var acked []int64 // acknowledged seq ranges: [lo, hi)
	next := int64(0)
	for cycle := 0; cycle < cycles; cycle++ {
		cmd, out := crashtest.StartChild(t, "TestCrashMTWChild", crashMTWChildEnv, dir, nil)
		sc := bufio.NewScanner(out)
		var addr string
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "addr "); ok {
				addr = a
				break
			}
			require.NotContains(t, sc.Text(), ":", "child failed: %s", sc.Text())
		}
		require.NotEmpty(t, addr, "the child server announced no address")
		go func() {
			for sc.Scan() {
			}
		}()
		host, portText, _ := net.SplitHostPort(addr)
		port, _ := strconv.Atoi(portText)
		if cycle == 0 {
			c, err := client.Dial(context.Background(), addr, client.Options{User: "admin", Password: "123456"})
			require.NoError(t, err)
			_, err = c.Run(context.Background(), `db = database("dfs://mtwcrash", VALUE, 1..4)
db.createPartitionedTable(table(1:0, ["part", "seq"], [INT, LONG]), "pt", "part")`)
			require.NoError(t, err)
			c.Close()
		}
		w, err := mtw.New(mtw.Config{Host: host, Port: port, UserID: "admin", Password: "123456",
			DBPath: "dfs://mtwcrash", TableName: "pt", BatchSize: 200, Throttle: 5 * time.Millisecond, ThreadCount: 1})
		require.NoError(t, err)
		start := next
		stop := time.Now().Add(time.Duration(150+rng.IntN(400)) * time.Millisecond)
		for time.Now().Before(stop) {
			for range 100 {
				if w.Insert(int32(next%4+1), next).HasError() {
					break
				}
				next++
			}
			time.Sleep(time.Millisecond)
		}
		sent := int64(w.GetStatus().SentRows)
		crashtest.Kill(t, cmd)
		acked = append(acked, start, start+sent)
		next = checkMTWCrashState(t, dir, acked)
	}
	var total int64
	for i := 0; i < len(acked); i += 2 {
		total += acked[i+1] - acked[i]
	}
	require.Positive(t, total, "the server acknowledged no rows in %d cycles", cycles)
	t.Logf("%d cycles, %d acknowledged MTW rows verified", cycles, total)
}

// checkMTWCrashState opens the killed server's data directory and checks
// the acknowledged ranges; it returns the next seq to write (past every
// row present, acknowledged or not).
func checkMTWCrashState(t *testing.T, dir string, acked []int64) int64 {
	e, err := engine.Open(engine.Options{DataDir: dir})
	require.NoError(t, err)
	defer e.Close()
	v, err := e.NewSession().Run(`exec seq from loadTable("dfs://mtwcrash", "pt")`)
	require.NoError(t, err)
	seqs := v.(*value.Vector).I64
	seen := make(map[int64]bool, len(seqs))
	next := int64(0)
	for _, s := range seqs {
		require.False(t, seen[s], "row %d is present twice", s)
		seen[s] = true
		next = max(next, s+1)
	}
	for i := 0; i < len(acked); i += 2 {
		for s := acked[i]; s < acked[i+1]; s++ {
			require.True(t, seen[s], "acknowledged row %d is lost", s)
		}
		next = max(next, acked[i+1])
	}
	return next
}
