package jobs

import (
	"os"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
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

func init() {
	funcs.Register(funcs.Spec{Name: "getPerf", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getPerf)})
}

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
func (r *Registry) CountNetwork(sent, recv int64) {
	r.perf.netSent.Add(sent)
	r.perf.netRecv.Add(recv)
	r.perf.minute.add(time.Now(), sent, recv)
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

// goMemory is the memory the Go runtime holds from the OS and the bytes
// of live and not yet swept heap objects.
func goMemory() (alloc, used float64) {
	samples := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
	}
	metrics.Read(samples)
	return float64(samples[0].Value.Uint64()), float64(samples[1].Value.Uint64())
}

// perfFigure is one of the node's performance figures under its
// DolphinDB key.
type perfFigure struct {
	k string
	v float64
}

// perfFigures are the node's performance figures, getPerf's and
// getClusterPerf's. Message latencies are for stream subscribers, which
// this node never is (it publishes); DolphinDB reports the LONG null
// when there are none, and so does this.
func perfFigures(h Host, env funcs.Env) []perfFigure {
	r := h.Jobs()
	p := &r.perf
	rates := p.sampleRates()
	last := p.lastQueries(100)
	max10, med10 := maxMed(last[:min(10, len(last))])
	max100, med100 := maxMed(last)
	jobs := r.runningJobs()
	var maxRunning float64
	now := time.Now()
	for _, r := range jobs {
		maxRunning = max(maxRunning, float64(now.Sub(r.j.start)))
	}
	batch := r.runningBatchJobs()
	sentLast, recvLast := p.minute.last(now)
	dir := h.DataDir()
	if dir == "" {
		dir = "."
	}
	free, total := diskSpace(dir)
	ratio := 0.0
	if total > 0 {
		ratio = free / total
	}
	alloc, used := goMemory()
	cpus := float64(runtime.NumCPU())
	running := float64(len(jobs) + batch)
	noLatency := float64(value.NullInt64)
	return []perfFigure{
		{"runningJobs", running},
		{"jobLoad", running / cpus},
		{"avgLoad", loadAverage()},
		{"queuedJobs", 0},
		{"lastMinuteNetworkSend", float64(sentLast)},
		{"lastMinuteNetworkRecv", float64(recvLast)},
		{"lastMinuteReadVolume", rates.readRate * 60},
		{"lastMinuteWriteVolume", rates.wrRate * 60},
		{"lastMsgLatency", noLatency},
		{"cumMsgLatency", noLatency},
		{"maxLast10QueryTime", max10},
		{"maxLast100QueryTime", max100},
		{"medLast10QueryTime", med10},
		{"medLast100QueryTime", med100},
		{"maxRunningQueryTime", maxRunning},
		{"diskFreeSpaceRatio", ratio},
		{"diskReadRate", rates.readRate},
		{"diskWriteRate", rates.wrRate},
		{"diskFreeSpace", free},
		{"diskCapacity", total},
		{"cpuUsage", rates.cpuUsage},
		{"memoryAlloc", alloc},
		{"memoryUsed", used},
		{"networkSendRate", rates.sendRate},
		{"networkRecvRate", rates.recvRate},
		{"connectionNum", float64(funcs.SiteOf(env).Connections)},
	}
}

// getPerf reports the node's performance figures under DolphinDB's keys.
func getPerf(h Host, env funcs.Env, _ []value.Value) (value.Value, error) {
	kv := perfFigures(h, env)
	keys := value.NewVector(value.String, 0, len(kv))
	vals := value.NewVector(value.Double, 0, len(kv))
	for _, x := range kv {
		keys.Str = append(keys.Str, x.k)
		vals.F64 = append(vals.F64, x.v)
	}
	return funcs.DictOf(keys, vals), nil
}
