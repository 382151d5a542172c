package bench

import (
	"runtime"
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// spent sums the wall-clock and CPU time (cpuTime's: all threads, the
// steadier figure on a loaded machine) of the operations it timed.
type spent struct{ wall, cpu time.Duration }

// time runs op from a collected heap, so that no garbage of what ran
// before is collected on its time, and adds what op took.
func (s *spent) time(op func()) {
	runtime.GC()
	start, cpu0 := time.Now(), cpuTime()
	op()
	s.wall += time.Since(start)
	s.cpu += cpuTime() - cpu0
}
