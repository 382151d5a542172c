package engine

import (
	"bufio"
	"errors"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"

	"github.com/porpoisedb/porpoise/value"
)

// errOutOfMemory is what a script gets when an allocation would pass the
// memory cap; DolphinDB raises "Out of memory" in the same situation.
var errOutOfMemory = errors.New("Out of memory")

// smallAlloc is the size below which reserve does not look at the heap:
// reading runtime metrics costs about a microsecond, too much per row.
const smallAlloc = 1 << 20

// memLimit is the byte cap for the engine: maxMemSize, or 80% of
// physical memory when maxMemSize is 0, or 0 (no cap) when neither is
// known.
func (e *Engine) memLimit() int64 {
	if gb := e.maxMemSizeGB(); gb > 0 {
		return int64(gb * (1 << 30))
	}
	return physicalMemoryCap()
}

// maxMemSizeGB is maxMemSize as set by setMaxMemSize, else as configured.
func (e *Engine) maxMemSizeGB() float64 {
	if p := e.maxMemSize.Load(); p != nil {
		return *p
	}
	return e.cfg.MaxMemSize
}

// reserve checks that allocating bytes more would keep the live heap
// under the cap. It is an estimate, checked where scripts create large
// objects from small inputs (ranges, til, take, rand, array), which is
// how one request can ask for gigabytes.
func (e *Engine) reserve(bytes int64) error {
	if bytes < smallAlloc {
		return nil
	}
	limit := e.memLimit()
	if limit <= 0 {
		return nil
	}
	if bytes > limit || heapBytes()+bytes > limit {
		return errOutOfMemory
	}
	return nil
}

var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
var heapMu sync.Mutex

func heapBytes() int64 {
	heapMu.Lock()
	defer heapMu.Unlock()
	metrics.Read(heapSample)
	if heapSample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(heapSample[0].Value.Uint64())
}

var physCap = sync.OnceValue(func() int64 {
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
			return kb * 1024 / 10 * 8
		}
	}
	return 0
})

func physicalMemoryCap() int64 { return physCap() }

// elemBudget is the bytes reserved per element created: the widest
// fixed-width value plus the index or temporary most builders use.
const elemBudget = 16

// reserveElems is reserve for n new elements of a script-built object.
func (in *interp) reserveElems(n int64) error {
	if in == nil || n <= 0 {
		return nil
	}
	if n > 1<<40 {
		return errOutOfMemory
	}
	return in.s.eng.reserve(n * elemBudget)
}

// rangeLen is the element count of lo..hi for integral or temporal
// scalars, 0 when the operands are anything else (rangeOp reports those).
func rangeLen(a, b value.Value) int64 {
	as, ok1 := a.(*value.Scalar)
	bs, ok2 := b.(*value.Scalar)
	if !ok1 || !ok2 || as.Null || bs.Null || as.T.Category() == value.CatFloating || bs.T.Category() == value.CatFloating {
		return 0
	}
	lo, ok1 := as.Int64()
	hi, ok2 := bs.Int64()
	if !ok1 || !ok2 {
		return 0
	}
	d := hi - lo
	if d < 0 {
		d = -d
	}
	if d < 0 { // overflow of MinInt64
		return 1 << 62
	}
	return d + 1
}
