package env

import (
	"runtime"
	"runtime/debug"
	"sync"
	"syscall"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// memDict is mem's and getMemoryStat's dictionary: allocatedBytes is the
// heap the process holds from the operating system, freeBytes the part
// of it that holds no object (DolphinDB's two figures of its allocator).
func memDict() *value.Dict {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	keys := value.NewStrings(value.String, []string{"freeBytes", "allocatedBytes"})
	vals := value.NewLongs([]int64{int64(ms.HeapIdle - ms.HeapReleased), int64(ms.HeapSys - ms.HeapReleased)})
	return funcs.DictOf(keys, vals)
}

// mem is mem([freeUnusedBlocks=false]); freeing gives the unused heap
// back to the operating system first.
func mem(_ funcs.Env, args []value.Value) (value.Value, error) {
	free, err := funcs.BoolArg("mem", "freeUnusedBlocks", funcs.Arg(args, 0), false)
	if err != nil {
		return nil, err
	}
	if free {
		debug.FreeOSMemory()
	}
	return memDict(), nil
}

func getMemoryStat(funcs.Env, []value.Value) (value.Value, error) {
	return memDict(), nil
}

// cpuSample is the process's CPU time at a moment, kept so that
// getSystemCpuUsage reports the usage since its previous call (since the
// server started for the first call), as a rate over a real interval.
type cpuSample struct {
	wall time.Time
	cpu  time.Duration
}

var (
	cpuMu   sync.Mutex
	lastCPU = cpuSample{wall: time.Now()}
)

func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// getSystemCpuUsage is the server process's CPU usage in percent, summed
// over the CPUs it runs on.
func getSystemCpuUsage(funcs.Env, []value.Value) (value.Value, error) {
	now := sample()
	cpuMu.Lock()
	prev := lastCPU
	lastCPU = now
	cpuMu.Unlock()
	wall := now.wall.Sub(prev.wall)
	if wall <= 0 {
		return value.NewDouble(0), nil
	}
	return value.NewDouble(100 * float64(now.cpu-prev.cpu) / float64(wall)), nil
}

func sample() cpuSample { return cpuSample{wall: time.Now(), cpu: processCPU()} }

// loadShift is the fixed-point shift of sysinfo's load figures
// (SI_LOAD_SHIFT of linux/kernel.h).
const loadShift = 16

// getSystemLoadAvg is the machine's load average over the last minute.
func getSystemLoadAvg(funcs.Env, []value.Value) (value.Value, error) {
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err != nil {
		return value.NullScalar(value.Double), nil
	}
	return value.NewDouble(float64(si.Loads[0]) / (1 << loadShift)), nil
}

// getDiskIOStat describes the disk I/O queues: Porpoise's writes go
// through one storage engine, so there is one queue, and a request
// waits in it only while it runs, so its depth is 0 when a script asks.
// The second key is spelled as DolphinDB prints it.
func getDiskIOStat(funcs.Env, []value.Value) (value.Value, error) {
	keys := value.NewStrings(value.String, []string{"diskIOQueueDepths", "diskIOConcurrnecyLevel"})
	vals := value.NewTuple([]value.Value{value.NewInts([]int32{0}), value.NewInt(1)})
	return funcs.DictOf(keys, vals), nil
}
