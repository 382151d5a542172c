package memlimit

import (
	"bufio"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/allocguard"
)

// Configured are the limits as dolphindb.cfg sets them; a zero field
// means DolphinDB's default (derived from maxMemSize where the manual
// says so).
type Configured struct {
	// MaxMemSizeGB caps the memory scripts allocate (maxMemSize); 0 caps
	// it at 80% of physical memory, so a script can't get the process
	// killed.
	MaxMemSizeGB float64
	// MaxConnections caps client connections (maxConnections).
	MaxConnections int
	// QueryResultGB, TaskGroupGB and AllTempGB are memLimitOfQueryResult,
	// memLimitOfTaskGroupResult and memLimitOfAllTempResults.
	QueryResultGB, TaskGroupGB, AllTempGB float64
}

// Limits are one engine's limits: as configured until a script changes
// them. Every method is safe for concurrent use; nil pointers below mean
// "as configured".
type Limits struct {
	cfg Configured

	maxConnections atomic.Int64
	// maxMemSize is setMaxMemSize's cap in GB.
	maxMemSize atomic.Pointer[float64]
	// queryResult and taskGroup are in bytes, temp and allTemp in GB, as
	// the functions that read them back report them.
	queryResult atomic.Pointer[float64]
	taskGroup   atomic.Pointer[float64]
	temp        atomic.Pointer[float64]
	allTemp     atomic.Pointer[float64]
}

// New returns the limits of a server configured with cfg.
func New(cfg Configured) *Limits { return &Limits{cfg: cfg} }

// FromConfig returns the limits of a server whose dolphindb.cfg is cfg
// (maxConnections unset or not positive: DolphinDB's default).
func FromConfig(cfg config.Config) *Limits {
	maxConn := cfg.MaxConnections
	if maxConn <= 0 {
		maxConn = config.Default().MaxConnections
	}
	return New(Configured{
		MaxMemSizeGB:   cfg.MaxMemSize,
		MaxConnections: maxConn,
		QueryResultGB:  cfg.MemLimitOfQueryResult,
		TaskGroupGB:    cfg.MemLimitOfTaskGroupResult,
		AllTempGB:      cfg.MemLimitOfAllTempResults,
	})
}

// ErrOutOfMemory is what a script gets when an allocation would pass the
// memory cap; DolphinDB raises "Out of memory" in the same situation.
var ErrOutOfMemory = ddberr.Errorf("Out of memory")

// smallAlloc is the size below which Reserve does not look at the heap:
// reading runtime metrics costs about a microsecond, too much per row.
const smallAlloc = 1 << 20

// elemBudget is the bytes reserved per element created: the widest
// fixed-width value plus the index or temporary most builders use.
const elemBudget = 16

// MaxConnections is the cap on client connections (maxConnections, as
// raised by setMaxConnections).
func (l *Limits) MaxConnections() int {
	if n := l.maxConnections.Load(); n > 0 {
		return int(n)
	}
	return l.cfg.MaxConnections
}

// MaxMemSizeGB is maxMemSize as set by setMaxMemSize, else as configured
// (0: not configured).
func (l *Limits) MaxMemSizeGB() float64 {
	if p := l.maxMemSize.Load(); p != nil {
		return *p
	}
	return l.cfg.MaxMemSizeGB
}

// MemLimit is the byte cap for the engine: maxMemSize, or 80% of
// physical memory (less under an address-space limit, see capOf) when
// maxMemSize is 0, or 0 (no cap) when neither is known.
func (l *Limits) MemLimit() int64 {
	if gb := l.MaxMemSizeGB(); gb > 0 {
		return int64(gb * (1 << 30))
	}
	return physCap()
}

// Reserve checks that allocating bytes more would keep the live heap
// under the cap. It is an estimate, checked where scripts create large
// objects from small inputs (ranges, til, take, rand, array), which is
// how one request can ask for gigabytes.
func (l *Limits) Reserve(bytes int64) error {
	if bytes < smallAlloc {
		return nil
	}
	limit := l.MemLimit()
	if limit <= 0 {
		return nil
	}
	if bytes > limit {
		return ErrOutOfMemory
	}
	if allocguard.HeapBytes()+bytes > limit {
		// The heap figure counts garbage of finished jobs until the
		// collector runs; DolphinDB frees a value when its last reference
		// goes, so it would not refuse here. Collect once, then decide.
		collect()
		if allocguard.HeapBytes()+bytes > limit {
			return ErrOutOfMemory
		}
	}
	return nil
}

// gcMu makes callers that find the heap full at the same moment share one
// collection instead of running one each.
var gcMu sync.Mutex

// collect runs a garbage collection unless one finished while the caller
// waited for another caller's.
func collect() {
	before := gcCycles()
	gcMu.Lock()
	defer gcMu.Unlock()
	if gcCycles() == before {
		runtime.GC()
	}
}

// gcCycles is the number of completed garbage collections.
func gcCycles() uint64 {
	sample := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// ReserveElems is Reserve for n new elements of a script-built object.
func (l *Limits) ReserveElems(n int64) error {
	if n <= 0 {
		return nil
	}
	if n > 1<<40 {
		return ErrOutOfMemory
	}
	return l.Reserve(n * elemBudget)
}

// QueryResultBytes is memLimitOfQueryResult in bytes: as set by
// setMemLimitOfQueryResult, else as configured, else DolphinDB's default
// (half of the memory cap, at most 8 GB).
func (l *Limits) QueryResultBytes() float64 {
	if p := l.queryResult.Load(); p != nil {
		return *p
	}
	if gb := l.cfg.QueryResultGB; gb > 0 {
		return gb * (1 << 30)
	}
	limit := float64(l.MemLimit()) / 2
	if limit <= 0 || limit > 8<<30 {
		limit = 8 << 30
	}
	return limit
}

// CheckQueryResult refuses a query result larger than
// memLimitOfQueryResult, or than userGB when the user has a limit of
// their own (> 0). Porpoise materialises the whole result before this
// check, so it protects the reply (its encoding and the client's memory)
// and the session variables, as the limit does in DolphinDB.
func (l *Limits) CheckQueryResult(v value.Value, userGB float64) error {
	if v == nil {
		return nil
	}
	limit := l.QueryResultBytes()
	if userGB > 0 {
		limit = userGB * (1 << 30)
	}
	if n := EstimateBytes(v); float64(n) > limit {
		return ddberr.Errorf("The memory used by the query result (%d bytes) exceeds memLimitOfQueryResult (%.0f bytes).", n, limit)
	}
	return nil
}

// taskGroupBytes is memLimitOfTaskGroupResult in bytes (default
// min(20% * maxMemSize, 2G)).
func (l *Limits) taskGroupBytes() float64 {
	if p := l.taskGroup.Load(); p != nil {
		return *p
	}
	if gb := l.cfg.TaskGroupGB; gb > 0 {
		return gb * (1 << 30)
	}
	limit := 0.2 * float64(l.MemLimit())
	if limit <= 0 || limit > 2<<30 {
		limit = 2 << 30
	}
	return limit
}

// physCap is the cap when maxMemSize is not set, read once: see
// capOf.
var physCap = sync.OnceValue(func() int64 { return capOf(memTotal(), addressSpaceLimit()) })

// capOf is 80% of physical memory mem, or three quarters of the
// address-space limit as (ulimit -v) when one is set and lower: Go aborts
// the process when it can't map more, and the runtime's mappings hold
// more than the live objects (the last cycle's garbage, free spans,
// metadata), so live objects must stay well inside the limit for an
// allocation to be refused rather than abort. 0 (no cap) when neither is
// known.
func capOf(mem, as int64) int64 {
	byMem, byAS := mem/10*8, as/4*3
	switch {
	case as <= 0:
		return byMem
	case mem <= 0:
		return byAS
	}
	return min(byMem, byAS)
}

// memTotal is the machine's physical memory in bytes (0 where unknown).
func memTotal() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemTotal:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}
