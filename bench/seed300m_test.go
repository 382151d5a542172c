package bench

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/stretchr/testify/require"
)

// seed002Script returns seed 002's "Appending a Large Amount of Data"
// script as the seed prints it, cut into its statements: the setup, the
// 300M-row table and its one tableInsert, then the three per-date tables
// and their submitJobs.
func seed002Script(t testing.TB) []string {
	paths, err := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "002_*.txt"))
	require.NoError(t, err)
	if len(paths) == 0 {
		t.Skip("seed 002 not found under ../../shared/seeds")
	}
	data, err := os.ReadFile(paths[0])
	require.NoError(t, err)
	text := string(data)
	start := strings.Index(text, "Appending a Large Amount of Data\n")
	require.GreaterOrEqual(t, start, 0)
	text = text[start:]
	begin := strings.Index(text, "// Create databases and tables")
	end := strings.Index(text, "// Time elapsed returned by getRecentJobs()")
	require.True(t, begin >= 0 && end > begin, "seed 002 script not found")
	var stmts []string
	for _, line := range strings.Split(text[begin:end], "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "//") {
			stmts = append(stmts, line)
		}
	}
	return stmts
}

// phaseStats is what a phase of the script cost: wall and CPU time, the
// largest live heap and RSS sampled while it ran, and the heap after.
type phaseStats struct {
	wall, cpu            time.Duration
	maxHeap, maxRSS, end uint64
}

// memSampler samples the heap's live objects and the process RSS every
// 50ms, keeps their maxima, and kills the process when RSS passes the
// cap: other work shares the machine.
type memSampler struct {
	mu              sync.Mutex
	maxHeap, maxRSS uint64
	capRSS          uint64
	// profPath, when set, gets a heap profile each time the heap grows
	// by a tenth past profHeap: the last one written is near the peak.
	profPath string
	profHeap uint64
	stop     chan struct{}
	done     sync.WaitGroup
}

func startSampler(capRSS uint64, profPath string) *memSampler {
	m := &memSampler{capRSS: capRSS, profPath: profPath, stop: make(chan struct{})}
	m.done.Add(1)
	go func() {
		defer m.done.Done()
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			rss := processRSS()
			if m.capRSS > 0 && rss > m.capRSS {
				fmt.Fprintf(os.Stderr, "seed300m: RSS %d MiB passed the cap %d MiB; exiting\n", rss>>20, m.capRSS>>20)
				os.Exit(3)
			}
			m.mu.Lock()
			if h := sample[0].Value.Uint64(); m.profPath != "" && h > m.profHeap+m.profHeap/10 {
				m.profHeap = h
				writeHeapProfile(m.profPath)
			}
			m.maxHeap = max(m.maxHeap, sample[0].Value.Uint64())
			m.maxRSS = max(m.maxRSS, rss)
			m.mu.Unlock()
			select {
			case <-m.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return m
}

// reset returns the maxima since the last reset and starts new ones.
func (m *memSampler) reset() (heap, rss uint64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	heap, rss = m.maxHeap, m.maxRSS
	m.maxHeap, m.maxRSS = 0, 0
	return heap, rss
}

func (m *memSampler) close() { close(m.stop); m.done.Wait() }

// writeHeapProfile writes the heap profile (live objects as of the last
// collection) to path.
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	_ = pprof.WriteHeapProfile(f)
}

// procStatusKB reads a kB field (VmRSS, VmHWM) of /proc/self/status.
func procStatusKB(field string) uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	return 0
}

func heapLive() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// TestSeed300M runs seed 002's "Appending a Large Amount of Data" script
// verbatim against an engine on disk (n = 100000000: 300M rows as one
// tableInsert, then 3 x 100M rows as three submitJobs) and prints, per
// statement, wall and CPU time, the largest live heap and RSS while it
// ran, and the process's peak RSS. It runs only when PORPOISE_SEED300M is
// set: to "full" for the script as printed, or to a row count that
// replaces n for a scaled run. PORPOISE_SEED300M_CAP_MB (default 10240)
// exits the process when its RSS passes it; PORPOISE_SEED300M_DIR puts
// the data directory there instead of a temporary one;
// PORPOISE_SEED300M_HEAPPROF names a file for a heap profile near the
// peak.
func TestSeed300M(t *testing.T) {
	mode := os.Getenv("PORPOISE_SEED300M")
	if mode == "" {
		t.Skip("set PORPOISE_SEED300M=full (or a row count n) to run seed 002's 300M-row script")
	}
	stmts := seed002Script(t)
	n := 100_000_000
	if mode != "full" {
		var err error
		n, err = strconv.Atoi(mode)
		require.NoError(t, err)
		for i, s := range stmts {
			if s == "n = 100000000" {
				stmts[i] = fmt.Sprintf("n = %d", n)
			}
		}
	}
	capMB := uint64(10240)
	if s := os.Getenv("PORPOISE_SEED300M_CAP_MB"); s != "" {
		var err error
		capMB, err = strconv.ParseUint(s, 10, 64)
		require.NoError(t, err)
	}
	dir := os.Getenv("PORPOISE_SEED300M_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	e, err := engine.Open(engine.Options{DataDir: dir})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	sampler := startSampler(capMB<<20, os.Getenv("PORPOISE_SEED300M_HEAPPROF"))
	defer sampler.close()
	mib := func(b uint64) uint64 { return b >> 20 }
	fmt.Printf("seed 002 script, n = %d (%d rows in t), data dir %s\n", n, 3*n, dir)
	fmt.Printf("%-60s %9s %9s %12s %11s %12s\n", "statement", "wall-s", "cpu-s", "maxheap-MiB", "maxRSS-MiB", "heapend-MiB")
	var jobsStart time.Time
	var jobsCPU time.Duration
	for _, stmt := range stmts {
		sampler.reset()
		start, cpu0 := time.Now(), cpuTime()
		if strings.HasPrefix(stmt, "submitJob(") && jobsStart.IsZero() {
			jobsStart, jobsCPU = start, cpu0
		}
		_, err := s.Run(stmt)
		require.NoError(t, err, stmt)
		wall, cpu := time.Since(start), cpuTime()-cpu0
		heap, rss := sampler.reset()
		label := stmt
		if len(label) > 60 {
			label = label[:57] + "..."
		}
		fmt.Printf("%-60s %9.2f %9.2f %12d %11d %12d\n", label, wall.Seconds(), cpu.Seconds(), mib(heap), mib(rss), mib(heapLive()))
	}
	// The script leaves the jobs running; DolphinDB's figure for them is
	// the span getRecentJobs reports, so wait for all three here.
	_, err = s.Run(`getJobReturn("writeData1", true); getJobReturn("writeData2", true); getJobReturn("writeData3", true)`)
	require.NoError(t, err)
	heap, rss := sampler.reset()
	fmt.Printf("%-60s %9.2f %9.2f %12d %11d %12d\n", "three submitJobs, until the last finished", time.Since(jobsStart).Seconds(), (cpuTime() - jobsCPU).Seconds(), mib(heap), mib(rss), mib(heapLive()))
	count, err := s.Run(`exec count(*) from pt`)
	require.NoError(t, err)
	fmt.Printf("rows in pt: %s (want %d); peak RSS (VmHWM) %d MiB\n", count, 6*n, procStatusKB("VmHWM")>>10)
	fmt.Printf("DolphinDB (seed 002, n = 100000000): tableInsert 49.3 s, three submitJobs about 28 s\n")
	require.Equal(t, fmt.Sprint(6*n), count.String())
	runtime.KeepAlive(s)
}
