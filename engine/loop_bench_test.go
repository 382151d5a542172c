package engine_test

import (
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// BenchmarkScalarLoop runs tutorials/jit.md's stop-loss loop without @jit
// over 100,000 returns: eight scalar statements an iteration, the kind of
// loop a script runs millions of times (DolphinDB's interpreter takes
// about 1.5 s for a million iterations of it; the page's 14622 ms for ten).
func BenchmarkScalarLoop(b *testing.B) {
	_, s := testkit.Started(b, `def stoploss(ret, threshold) {
	n = ret.size()
	i = 0
	curRet = 1.0
	curMaxRet = 1.0
	indicator = take(true, n)
	do {
		indicator[i] = false
		curRet *= (1 + ret[i])
		if(curRet > curMaxRet) { curMaxRet = curRet }
		drawDown = 1 - curRet / curMaxRet;
		if(drawDown >= threshold) {
			break
		}
		i += 1
	} while(i < n)
	return indicator
}
ret = take(0.0008 -0.0008, 100000)`)
	for b.Loop() {
		if _, err := s.Run("stoploss(ret, 0.10); 0"); err != nil {
			b.Fatal(err)
		}
	}
}
