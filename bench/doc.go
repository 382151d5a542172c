// Package bench holds Porpoise's benchmarks: each reports its throughput
// beside a baseline measured in the same run (a copy of the same bytes, a
// raw Pebble batch), as ratios, never as timed assertions.
package bench
