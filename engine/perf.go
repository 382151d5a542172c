package engine

import (
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// perfStats are the figures getPerf reports that the engine measures
// itself: the times of the last completed requests, the network bytes
// the server counts, and the previous sample of the process's disk and
// CPU counters (rates are deltas between getPerf calls).
type perfStats struct {
	mu      sync.Mutex
	queries [100]int64 // durations in ns, a ring
	nq      int        // requests recorded, saturating at len(queries)
	next    int

	netSent, netRecv atomic.Int64
	minute           netMinute

	sample perfSample
}

// perfSample is one reading of the process counters behind the rates.
type perfSample struct {
	at                 time.Time
	read, write        int64 // /proc/self/io read_bytes, write_bytes
	cpu                time.Duration
	netSent, netRecv   int64
	valid              bool
	readRate, wrRate   float64
	cpuUsage           float64
	sendRate, recvRate float64
}

// netMinute keeps the network bytes of the current and the previous
// clock minute, for lastMinuteNetworkSend/Recv.
type netMinute struct {
	mu                 sync.Mutex
	minute             int64
	curSent, curRecv   int64
	prevSent, prevRecv int64
}

func (m *netMinute) add(now time.Time, sent, recv int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.roll(now.Unix() / 60)
	m.curSent += sent
	m.curRecv += recv
}

// roll moves to minute min, keeping the previous minute's totals only if
// it is the one just before.
func (m *netMinute) roll(min int64) {
	if min == m.minute {
		return
	}
	if min == m.minute+1 {
		m.prevSent, m.prevRecv = m.curSent, m.curRecv
	} else {
		m.prevSent, m.prevRecv = 0, 0
	}
	m.curSent, m.curRecv, m.minute = 0, 0, min
}

func (m *netMinute) last(now time.Time) (sent, recv int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.roll(now.Unix() / 60)
	return m.prevSent, m.prevRecv
}

// CountNetwork adds bytes the server sent to and received from clients
// (getPerf's network figures).
func (e *Engine) CountNetwork(sent, recv int64) {
	e.perf.netSent.Add(sent)
	e.perf.netRecv.Add(recv)
	e.perf.minute.add(time.Now(), sent, recv)
}

// queryDone records one completed request's duration.
func (p *perfStats) queryDone(d time.Duration) {
	p.mu.Lock()
	p.queries[p.next] = int64(d)
	p.next = (p.next + 1) % len(p.queries)
	p.nq = min(p.nq+1, len(p.queries))
	p.mu.Unlock()
}

// lastQueries returns the durations of the last n completed requests.
func (p *perfStats) lastQueries(n int) []int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	n = min(n, p.nq)
	out := make([]int64, n)
	for i := range n {
		out[i] = p.queries[(p.next-1-i+2*len(p.queries))%len(p.queries)]
	}
	return out
}

func maxMed(xs []int64) (mx, med float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return float64(s[len(s)-1]), float64(s[(len(s)-1)/2])
}

// sampleRates reads the process counters and returns the rates since the
// previous call (since the process started for the first).
func (p *perfStats) sampleRates() perfSample {
	now := time.Now()
	cur := perfSample{at: now, cpu: processCPU(), netSent: p.netSent.Load(), netRecv: p.netRecv.Load(), valid: true}
	cur.read, cur.write = processIO()
	p.mu.Lock()
	defer p.mu.Unlock()
	prev := p.sample
	if !prev.valid {
		prev = perfSample{at: processStart}
	}
	if dt := now.Sub(prev.at).Seconds(); dt > 0 {
		cur.readRate = float64(cur.read-prev.read) / dt
		cur.wrRate = float64(cur.write-prev.write) / dt
		cur.sendRate = float64(cur.netSent-prev.netSent) / dt
		cur.recvRate = float64(cur.netRecv-prev.netRecv) / dt
		cur.cpuUsage = 100 * (cur.cpu - prev.cpu).Seconds() / dt / float64(runtime.NumCPU())
	}
	p.sample = cur
	return cur
}

var processStart = time.Now()

// processIO is the bytes the process read from and wrote to storage
// (/proc/self/io; 0 where it is not available).
func processIO() (read, write int64) {
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		switch k {
		case "read_bytes":
			read = n
		case "write_bytes":
			write = n
		}
	}
	return read, write
}

// processCPU is the CPU time the process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadAverage is the one-minute load average (0 where unknown).
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f, _, _ := strings.Cut(string(b), " ")
	x, _ := strconv.ParseFloat(f, 64)
	return x
}

// diskSpace is the free and total bytes of the file system holding dir.
func diskSpace(dir string) (free, total float64) {
	var st syscall.Statfs_t
	if syscall.Statfs(dir, &st) != nil {
		return 0, 0
	}
	return float64(st.Bavail) * float64(st.Bsize), float64(st.Blocks) * float64(st.Bsize)
}

var memSamples = []metrics.Sample{
	{Name: "/memory/classes/total:bytes"},
	{Name: "/memory/classes/heap/objects:bytes"},
}
var memSamplesMu sync.Mutex

// goMemory is the memory the Go runtime holds from the OS and the bytes
// of live and not yet swept heap objects.
func goMemory() (alloc, used float64) {
	memSamplesMu.Lock()
	defer memSamplesMu.Unlock()
	metrics.Read(memSamples)
	return float64(memSamples[0].Value.Uint64()), float64(memSamples[1].Value.Uint64())
}
