//go:build !invariants && !race

package value

// Invariants is off: a production build.
const Invariants = false
