package partition

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

var errPartitionKeys = ddberr.Errorf("The keys of partition() must be a scalar or a vector without NULL values.")

// KeyMask marks the partitions of dom that partition(col, keys) in a
// where clause names (progr/sql/partition.md): VALUE keys are partition
// values, RANGE and LIST keys partition numbers from 0, HASH keys hash
// remainders.
func KeyMask(dom Domain, keys value.Value) ([]bool, error) {
	kv, _, ok := value.VectorOf(keys)
	if !ok || kv.HasNull() {
		return nil, errPartitionKeys
	}
	want := make([]bool, dom.Len())
	if dom.Type() == VALUE {
		idx, err := dom.Map(kv)
		if err != nil {
			return nil, err
		}
		for i, p := range idx {
			if p < 0 {
				return nil, ddberr.Errorf("The partition key %s of partition() is out of the range of the partitioning scheme.", kv.FormatElem(i))
			}
			want[p] = true
		}
		return want, nil
	}
	if kv.T.Category() != value.CatIntegral {
		return nil, errPartitionKeys
	}
	ints, err := cast.Vector(kv, value.Long, 0)
	if err != nil {
		return nil, err
	}
	for i, k := range ints.I64 {
		if k < 0 || k >= int64(len(want)) {
			return nil, ddberr.Errorf("The partition key %s of partition() is out of the range of the partitioning scheme.", kv.FormatElem(i))
		}
		want[k] = true
	}
	return want, nil
}
