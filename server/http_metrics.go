package server

import (
	"fmt"
	"net/http"
	"net/http/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// metrics are the server's counters, served as Prometheus text at
// /metrics.
type metrics struct {
	mu       sync.Mutex
	requests map[string]*cmdStats // by request command (script, function ...)

	rowsAppended atomic.Int64
	sessions     atomic.Int64 // connections opened since start
}

// latencyBuckets are the upper bounds (seconds) of the request latency
// histogram.
var latencyBuckets = []float64{0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 60}

type cmdStats struct {
	count, errors int64
	sum           float64
	buckets       []int64 // cumulative counts per latencyBuckets bound
}

// request records one executed request: its command, how long it took,
// its result and error. A tableInsert function request (the
// MultithreadedTableWriter's and the APIs' appenders) adds its row count
// to the appended rows.
func (m *metrics) request(req *wire.Request, start time.Time, v value.Value, err error) {
	d := time.Since(start).Seconds()
	cmd := req.Command
	switch cmd {
	case "script", "function", "variable", "connect":
	default:
		cmd = "other"
	}
	m.mu.Lock()
	if m.requests == nil {
		m.requests = map[string]*cmdStats{}
	}
	st := m.requests[cmd]
	if st == nil {
		st = &cmdStats{buckets: make([]int64, len(latencyBuckets))}
		m.requests[cmd] = st
	}
	st.count++
	st.sum += d
	if err != nil {
		st.errors++
	}
	for i, b := range latencyBuckets {
		if d <= b {
			st.buckets[i]++
		}
	}
	m.mu.Unlock()
	if err == nil && req.Kind == wire.KindFunction && strings.HasPrefix(req.Function, "tableInsert") {
		if s, ok := v.(*value.Scalar); ok {
			if n, ok := s.Int64(); ok && n > 0 {
				m.rowsAppended.Add(n)
			}
		}
	}
}

// serveMetrics writes the metrics in Prometheus's text format.
func (s *Server) serveMetrics(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	var b strings.Builder
	m := &s.metrics
	m.mu.Lock()
	cmds := []string{"connect", "script", "function", "variable", "other"}
	b.WriteString("# HELP porpoise_requests_total API requests executed, by command.\n# TYPE porpoise_requests_total counter\n")
	for _, c := range cmds {
		if st := m.requests[c]; st != nil {
			fmt.Fprintf(&b, "porpoise_requests_total{cmd=%q} %d\n", c, st.count)
		}
	}
	b.WriteString("# HELP porpoise_request_errors_total API requests answered with an error, by command.\n# TYPE porpoise_request_errors_total counter\n")
	for _, c := range cmds {
		if st := m.requests[c]; st != nil {
			fmt.Fprintf(&b, "porpoise_request_errors_total{cmd=%q} %d\n", c, st.errors)
		}
	}
	b.WriteString("# HELP porpoise_request_duration_seconds Time to execute an API request, by command.\n# TYPE porpoise_request_duration_seconds histogram\n")
	for _, c := range cmds {
		st := m.requests[c]
		if st == nil {
			continue
		}
		for i, le := range latencyBuckets {
			fmt.Fprintf(&b, "porpoise_request_duration_seconds_bucket{cmd=%q,le=\"%g\"} %d\n", c, le, st.buckets[i])
		}
		fmt.Fprintf(&b, "porpoise_request_duration_seconds_bucket{cmd=%q,le=\"+Inf\"} %d\n", c, st.count)
		fmt.Fprintf(&b, "porpoise_request_duration_seconds_sum{cmd=%q} %g\n", c, st.sum)
		fmt.Fprintf(&b, "porpoise_request_duration_seconds_count{cmd=%q} %d\n", c, st.count)
	}
	m.mu.Unlock()
	fmt.Fprintf(&b, "# HELP porpoise_rows_appended_total Rows appended by tableInsert function requests (MultithreadedTableWriter, API appenders).\n# TYPE porpoise_rows_appended_total counter\nporpoise_rows_appended_total %d\n", m.rowsAppended.Load())
	s.mu.Lock()
	open := len(s.conns)
	s.mu.Unlock()
	fmt.Fprintf(&b, "# HELP porpoise_sessions Open connections, each with its session.\n# TYPE porpoise_sessions gauge\nporpoise_sessions %d\n", open)
	fmt.Fprintf(&b, "# HELP porpoise_sessions_total Connections accepted since the start.\n# TYPE porpoise_sessions_total counter\nporpoise_sessions_total %d\n", m.sessions.Load())
	if st, err := s.eng.StorageStats(); err == nil {
		for _, g := range []struct {
			name, help, typ string
			v               any
		}{
			{"porpoise_storage_disk_bytes", "Disk space used by Pebble.", "gauge", st.DiskBytes},
			{"porpoise_storage_read_amplification", "Sorted runs a Pebble read may consult.", "gauge", st.ReadAmp},
			{"porpoise_storage_compactions_total", "Pebble compactions.", "counter", st.Compactions},
			{"porpoise_storage_flushes_total", "Pebble memtable flushes.", "counter", st.Flushes},
			{"porpoise_storage_memtable_bytes", "Bytes in Pebble memtables.", "gauge", st.MemTableBytes},
			{"porpoise_storage_wal_written_bytes_total", "Bytes written to Pebble's write-ahead log.", "counter", st.WALBytesWritten},
			{"porpoise_storage_block_cache_hits_total", "Pebble block cache hits.", "counter", st.BlockCacheHits},
			{"porpoise_storage_block_cache_misses_total", "Pebble block cache misses.", "counter", st.BlockCacheMisses},
		} {
			fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n%s %v\n", g.name, g.help, g.name, g.typ, g.name, g.v)
		}
	}
	w.Write([]byte(b.String()))
}

// registerPprof serves Go's profiler under /debug/pprof/ (Options.Pprof).
func registerPprof(mux *http.ServeMux) {
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
}
