package mtw

import (
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
)

// hashCell is hash(v, buckets) of a converted, non-array value of type t:
// partition.HashBucketScalar, the server's hashBucket,
// for the types it hashes; of the others, FLOAT, DOUBLE, COMPLEX and
// POINT route to -1 and the rest (DURATION, DECIMAL ...) to 0, as the
// C++/Go APIs' getHash does.
func hashCell(t value.Type, c *cell, buckets int) int {
	if buckets <= 0 {
		return -1
	}
	if !partition.Hashable(t) {
		switch t {
		case value.Float, value.Double, value.Complex, value.Point:
			return -1
		}
		return 0
	}
	s := value.Scalar{T: t, Null: c.null, I: c.i, S: c.s, B: c.b}
	return int(partition.HashBucketScalar(&s, buckets))
}
