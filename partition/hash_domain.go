package partition

import (
	"strconv"

	"github.com/porpoisedb/porpoise/value"
)

// Hash is a HASH domain [type, n]: partition hashBucket(v, n) of the value
// converted to the scheme type (a [MONTH, 10] scheme hashes the MONTH of a
// DATE column), directories Key0..Key{n-1}.
type Hash struct {
	t value.Type
	n int
}

// NewHash builds a HASH domain over t with n buckets.
func NewHash(t value.Type, n int) (*Hash, error) {
	if err := CheckSchemeType(HASH, t); err != nil {
		return nil, err
	}
	if n < 1 || n > 1<<31-1 {
		return nil, ErrHashBuckets
	}
	return &Hash{t: t, n: n}, nil
}

// Type implements Domain.
func (d *Hash) Type() PartitionType { return HASH }

// SchemeType implements Domain.
func (d *Hash) SchemeType() value.Type { return d.t }

// Len implements Domain: the number of buckets.
func (d *Hash) Len() int { return d.n }

// PartitionName implements Domain: "Key<i>" [D: chunk paths
// /test/20240101/Key1/OQ, .../Key94/...].
func (d *Hash) PartitionName(i int) string { return "Key" + strconv.Itoa(i) }

// DirName implements Domain; the setting does not matter for HASH.
func (d *Hash) DirName(i int, _ bool) string { return d.PartitionName(i) }

// Map implements Domain: every value maps to hashBucket(v, n), except an
// integral or temporal NULL, which gives -1 as hashBucket does [I: what the
// server does with such a row is undocumented]. The empty string hashes to
// bucket 0 and the zero UUID/IPADDR/INT128 like any value (hashBucket).
func (d *Hash) Map(col *value.Vector) ([]int32, error) {
	return mapNew(d, col)
}

func (d *Hash) mapInto(col *value.Vector, out []int32) error {
	c, err := converterFor(col.T, d.t)
	if err != nil {
		return err
	}
	switch c.kind {
	case convString, convBytes:
		hashBucketInto(col, d.n, out)
		return nil
	}
	if col.T == d.t {
		hashBucketInto(col, d.n, out)
		return nil
	}
	if d.t.Storage() == value.StInt64 {
		b := uint64(d.n)
		return mapIntCol(col, c, out, nil, func(v int64) int32 { return int32(uint64(v) % b) })
	}
	b := uint32(d.n)
	return mapIntCol(col, c, out, nil, func(v int64) int32 { return int32(uint32(int32(v)) % b) })
}
