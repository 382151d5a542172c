// Package allocguard holds the process's check of large allocations,
// which value's vectors and the row indexes built beside them pass
// before they are made, so that a request far beyond the machine's
// memory is refused instead of aborting the process.
package allocguard
