package engine_test

import (
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// BenchmarkAssignCopy measures `y = x` on a 30M DOUBLE vector: value
// semantics copy it once (DolphinDB's manual reports ~100 ms per copy of
// 20M doubles); a fresh result (`y = x + 1`) is bound without a copy.
func BenchmarkAssignCopy(b *testing.B) { benchAssign(b, "y = x; 0") }

// BenchmarkAssignFresh is `y = x + 1` on 30M DOUBLEs: no copy on binding.
func BenchmarkAssignFresh(b *testing.B) { benchAssign(b, "y = x + 1; 0") }

// benchAssign runs script over x, a 30M DOUBLE vector.
func benchAssign(b *testing.B, script string) {
	_, s := testkit.Started(b, "x = rand(100.0, 30000000)")
	for b.Loop() {
		if _, err := s.Run(script); err != nil {
			b.Fatal(err)
		}
	}
}
