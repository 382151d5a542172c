//go:build !race

package storage

// raceEnabled reports whether the test binary was built with -race.
const raceEnabled = false
