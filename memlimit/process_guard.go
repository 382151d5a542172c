package memlimit

import "github.com/porpoisedb/porpoise/value/allocguard"

// Every engine's scripts share one process: whatever the engines' caps, a
// vector the live heap can't take within 80% of physical memory (or three
// quarters of the address-space limit) is refused with "Out of memory"
// rather than left to abort the process.
func init() {
	process := New(Configured{})
	allocguard.Set(process.Reserve)
}
