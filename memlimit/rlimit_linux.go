package memlimit

import "syscall"

// addressSpaceLimit is the process's soft RLIMIT_AS in bytes, 0 when
// there is none (RLIM_INFINITY is all ones).
func addressSpaceLimit() int64 {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &r); err != nil || r.Cur > 1<<62 {
		return 0
	}
	return int64(r.Cur)
}
