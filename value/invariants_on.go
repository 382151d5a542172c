//go:build invariants || race

package value

// Invariants is on: built with -tags invariants or -race.
const Invariants = true
