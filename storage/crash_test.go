package storage

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/internal/crashtest"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// crashEnv names the store directory of the TestCrashHelper child process.
const crashEnv = "PORPOISE_STORAGE_CRASH_DIR"

// crashRows is the number of rows each crash-test transaction appends to
// each of the three chunks.
const crashRows = 20

var crashChunks = []struct {
	id   ChunkID
	opts ChunkOptions
}{
	{ChunkID{DB: "dfs://crash", Table: "olap", Partition: "/1"}, ChunkOptions{}},
	{ChunkID{DB: "dfs://crash", Table: "olap", Partition: "/2"}, ChunkOptions{}},
	{ChunkID{DB: "dfs://crash", Table: "tsdb", Partition: "/1"}, ChunkOptions{SortColumns: []int{1, 0}}},
}

var crashSchema = []value.Type{value.Int, value.Symbol, value.Long, value.String}

// crashCols is transaction i's marker: INT i, a symbol new to the chunk,
// the row number and a payload string.
func crashCols(i int) []*value.Vector {
	marker := make([]int32, crashRows)
	sym := make([]string, crashRows)
	row := make([]int64, crashRows)
	payload := make([]string, crashRows)
	for j := range crashRows {
		marker[j] = int32(i)
		sym[j] = "m" + strconv.Itoa(i)
		row[j] = int64(j)
		payload[j] = fmt.Sprintf("payload-%d-%d", i, j)
	}
	return []*value.Vector{value.NewInts(marker), value.NewStrings(value.Symbol, sym), value.NewLongs(row), value.NewStrings(value.String, payload)}
}

// crashCheck verifies that every transaction in the store is complete in
// all three chunks, and returns the committed markers (sorted).
func crashCheck(t *testing.T, s *Store) []int {
	t.Helper()
	var first []int
	for k, c := range crashChunks {
		cols, err := s.ReadChunk(c.id, nil, crashSchema)
		require.NoError(t, err)
		rows := map[int]int{}
		for r := range cols[0].Len() {
			i := int(cols[0].I32[r])
			j := int(cols[2].I64[r])
			require.Equal(t, "m"+strconv.Itoa(i), cols[1].StrAt(r), "chunk %d row %d", k, r)
			require.Equal(t, fmt.Sprintf("payload-%d-%d", i, j), cols[3].StrAt(r), "chunk %d row %d", k, r)
			rows[i]++
		}
		var markers []int
		for i, n := range rows {
			require.Equal(t, crashRows, n, "chunk %d: txn %d is partly present", k, i)
			markers = append(markers, i)
		}
		slices.Sort(markers)
		if k == 0 {
			first = markers
		} else {
			require.Equal(t, first, markers, "chunk %d holds other transactions than chunk 0", k)
		}
		if c.opts.SortColumns != nil {
			require.True(t, slices.IsSortedFunc(cols[1].Strings(), strings.Compare), "TSDB chunk not sorted")
		}
		m, ok, err := s.ChunkMeta(c.id)
		require.NoError(t, err)
		if len(markers) > 0 {
			require.True(t, ok)
			require.Equal(t, len(markers), m.Symbols, "chunk %d symbol base", k)
		}
	}
	// the child continues after the largest committed marker, so
	// committed markers are exactly 1..n
	for k, i := range first {
		require.Equal(t, k+1, i, "committed transactions are not contiguous")
	}
	return first
}

// TestCrashHelper is the child of TestCrashRecovery: it commits numbered
// transactions until it is killed, printing each number once Commit
// returned.
func TestCrashHelper(t *testing.T) {
	dir := crashtest.ChildDir(t, crashEnv)
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "crash helper:", err)
		os.Exit(3)
	}
	s, err := Open(Options{Dir: dir})
	if err != nil {
		fail(err)
	}
	cols, err := s.ReadChunk(crashChunks[0].id, []int{0}, crashSchema)
	if err != nil {
		fail(err)
	}
	next := 1
	if n := cols[0].Len(); n > 0 {
		next = int(slices.Max(cols[0].I32)) + 1
	}
	for i := next; ; i++ {
		tx := s.Begin()
		for _, c := range crashChunks {
			if err := tx.Append(c.id, nil, crashCols(i), c.opts); err != nil {
				fail(err)
			}
		}
		if err := tx.Commit(); err != nil {
			fail(err)
		}
		fmt.Fprintf(os.Stdout, "%d\n", i)
	}
}

// TestCrashRecovery SIGKILLs a committing child at random moments and
// checks after each crash that every acknowledged transaction is fully
// present in all three chunks and no transaction is partly present.
func TestCrashRecovery(t *testing.T) {
	if os.Getenv(crashEnv) != "" {
		t.Skip("running as the child")
	}
	if testing.Short() {
		t.Skip("spawns processes")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	const minCycles, maxCycles = 20, 30
	deadline := time.Now().Add(40 * time.Second)
	var acked, committed []int
	cycles, earlyKills := 0, 0
	for cycles < maxCycles && (cycles < minCycles || time.Now().Before(deadline)) {
		var stderr lockedBuffer
		cmd, stdout := crashtest.StartChild(t, "TestCrashHelper", crashEnv, dir, &stderr, "-test.count=1")

		var mu sync.Mutex
		var got []int
		firstAck := make(chan struct{})
		readDone := make(chan struct{})
		go func() {
			defer close(readDone)
			sc := bufio.NewScanner(stdout)
			once := sync.Once{}
			for sc.Scan() {
				if i, err := strconv.Atoi(sc.Text()); err == nil {
					mu.Lock()
					got = append(got, i)
					mu.Unlock()
					once.Do(func() { close(firstAck) })
				}
			}
		}()
		if rng.IntN(5) == 0 {
			// kill during start-up / recovery / first commits
			time.Sleep(time.Duration(rng.IntN(30)) * time.Millisecond)
			earlyKills++
		} else {
			select {
			case <-firstAck:
			case <-time.After(10 * time.Second):
				t.Fatalf("child made no progress; stderr: %s", stderr.String())
			}
			time.Sleep(time.Duration(rng.IntN(150)) * time.Millisecond)
		}
		require.NoError(t, cmd.Process.Kill()) // SIGKILL
		<-readDone
		err := cmd.Wait()
		require.Error(t, err, "child exited by itself; stderr: %s", stderr.String())
		require.NotContains(t, stderr.String(), "crash helper:", "child failed")
		cycles++
		mu.Lock()
		acked = append(acked, got...)
		mu.Unlock()

		s, err := Open(Options{Dir: dir})
		require.NoError(t, err)
		committed = crashCheck(t, s)
		for _, i := range acked {
			_, found := slices.BinarySearch(committed, i)
			require.True(t, found, "acknowledged txn %d lost after crash %d", i, cycles)
		}
		require.NoError(t, s.Close())
	}
	t.Logf("crash cycles: %d (%d killed before the first ack); acknowledged txns verified: %d; committed txns found: %d",
		cycles, earlyKills, len(acked), len(committed))
	require.GreaterOrEqual(t, cycles, minCycles)
	require.NotEmpty(t, acked)
}

type lockedBuffer struct {
	mu sync.Mutex
	b  []byte
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b = append(l.b, p...)
	return len(p), nil
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return string(l.b)
}
