//go:build !linux

package memlimit

// addressSpaceLimit is 0 (none known) where Porpoise does not read
// RLIMIT_AS.
func addressSpaceLimit() int64 { return 0 }
