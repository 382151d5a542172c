//go:build !race

package mtw

const raceEnabled = false
