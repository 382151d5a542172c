// Package freshstat is what the tests of the running (moving and
// cumulative) statistics check them against: random series with NULLs
// and infinities, the same statistic computed afresh over a frame's
// values in two passes of IEEE arithmetic, and the comparison of the
// two. Only tests import it.
package freshstat
