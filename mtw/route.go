package mtw

import (
	"fmt"
	"github.com/porpoisedb/porpoise/ddberr"
	"sort"

	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Row routing: a router maps the converted value of the
// partitioning column to a key; the row goes to writer max(key,0) mod
// ThreadCount.
type router interface {
	key(c cell) (int, error)
}

// partTypeName names a partitionType code in errors.
func partTypeName(p partition.PartitionType) string {
	if p >= partition.SEQ && p <= partition.HASH {
		return p.String()
	}
	return fmt.Sprint(int(p))
}

// hashRouter routes rows of an in-memory table: hash(value, threadCount).
type hashRouter struct {
	t value.Type
	n int
}

func (r *hashRouter) key(c cell) (int, error) { return hashCell(r.t, &c, r.n), nil }

// domain is one partitioning level of a DFS table (C++ API semantics:
// the domain's type is partitionColumnType for every kind).
type domain struct {
	kind    partition.PartitionType
	colType value.Type // type of the converted column values
	domType value.Type // partitionColumnType
	buckets int        // HASH

	// RANGE boundaries and LIST members, by storage.
	rangeI []int64
	rangeF []float64
	rangeS []string
	rangeB [][16]byte
	listI  map[int64]int
	listS  map[string]int
	listB  map[[16]byte]int
}

var (
	errCategory error = ddberr.Errorf("Data category incompatible.")
	errLongKey  error = ddberr.Errorf("Long type value can't be used as a partition column.")
	errCast     error = ddberr.Errorf("Can't convert partition column")
)

// newDomain builds the domain of one level from its partitionType code,
// partitionColumnType and partitionSchema.
func newDomain(kind partition.PartitionType, colType, domType value.Type, schema value.Value) (*domain, error) {
	d := &domain{kind: kind, colType: colType, domType: domType}
	switch kind {
	case partition.VALUE:
	case partition.HASH:
		s, ok := schema.(*value.Scalar)
		if !ok {
			return nil, fmt.Errorf("invalid HASH partitionSchema %v", schema)
		}
		n, ok := s.Int64()
		if !ok || n <= 0 {
			return nil, fmt.Errorf("invalid HASH partitionSchema %v", schema)
		}
		d.buckets = int(n)
	case partition.RANGE, partition.LIST:
		v, ok := schema.(*value.Vector)
		if !ok {
			return nil, fmt.Errorf("invalid %s partitionSchema %v", kind, schema)
		}
		set := d.setRange
		if kind == partition.LIST {
			set = d.setList
		}
		if err := set(v); err != nil {
			return nil, err
		}
	default:
		return nil, ddberr.Errorf("Unsupported partition type %s", partTypeName(kind))
	}
	return d, nil
}

// castSchema converts a schema vector to the domain type when it differs.
func (d *domain) castSchema(v *value.Vector) (*value.Vector, error) {
	if v.T == d.domType {
		return v, nil
	}
	x, err := cast.To(v, d.domType, v.Scale)
	if err != nil {
		return nil, err
	}
	return x.(*value.Vector), nil
}

func (d *domain) setRange(v *value.Vector) error {
	v, err := d.castSchema(v)
	if err != nil {
		return err
	}
	switch v.T.Storage() {
	case value.StInt8, value.StInt16, value.StInt32, value.StInt64:
		for i := 0; i < v.Len(); i++ {
			d.rangeI = append(d.rangeI, v.At(i).I)
		}
	case value.StFloat32, value.StFloat64:
		for i := 0; i < v.Len(); i++ {
			d.rangeF = append(d.rangeF, v.At(i).F)
		}
	case value.StString:
		d.rangeS = append(d.rangeS, v.Strings()...)
	case value.StBytes16:
		d.rangeB = append(d.rangeB, v.B16...)
	default:
		return fmt.Errorf("unsupported RANGE partition type %s", v.T)
	}
	return nil
}

func (d *domain) setList(v *value.Vector) error {
	d.listI, d.listS, d.listB = map[int64]int{}, map[string]int{}, map[[16]byte]int{}
	for k := 0; k < v.Len(); k++ {
		var members *value.Vector
		switch e := v.Elem(k).(type) {
		case *value.Scalar:
			members = e.Vector()
		case *value.Vector:
			members = e
		default:
			return fmt.Errorf("invalid LIST partitionSchema element %v", e)
		}
		members, err := d.castSchema(members)
		if err != nil {
			return err
		}
		for i := 0; i < members.Len(); i++ {
			s := members.At(i)
			switch members.T.Storage() {
			case value.StString:
				setFirst(d.listS, s.S, k)
			case value.StBytes16:
				setFirst(d.listB, s.B, k)
			default:
				if s.Null {
					continue
				}
				setFirst(d.listI, s.I, k)
			}
		}
	}
	return nil
}

func setFirst[K comparable](m map[K]int, k K, v int) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}

// key is the partition key of a converted value of colType.
func (d *domain) key(c cell) (int, error) {
	v, t := &c, d.colType
	if d.colType != d.domType {
		if d.colType.Category() != d.domType.Category() {
			return 0, errCategory
		}
		if d.domType.IsTemporal() {
			cc, err := castCell(&c, d.colType, d.domType)
			if err != nil {
				return 0, err
			}
			v, t = &cc, d.domType
		}
	}
	switch d.kind {
	case partition.VALUE:
		if d.domType == value.Long {
			return 0, errLongKey
		}
		return hashCell(t, v, 1048576), nil
	case partition.HASH:
		return hashCell(t, v, d.buckets), nil
	case partition.RANGE:
		return d.rangeKey(t, v), nil
	case partition.LIST:
		return d.listKey(t, v), nil
	}
	return -1, nil
}

// castCell casts a temporal cell between temporal types.
func castCell(c *cell, from, to value.Type) (cell, error) {
	if c.null {
		return cell{null: true}, nil
	}
	s := value.NewTyped(from, c.i)
	x, err := cast.To(s, to, 0)
	if err != nil {
		return cell{}, errCast
	}
	return scalarCell(x.(*value.Scalar)), nil
}

// rangeKey finds i with schema[i] <= v < schema[i+1]; -1 when outside or
// NULL.
func (d *domain) rangeKey(t value.Type, c *cell) int {
	if c.null || isNullCell(t, c) {
		return -1
	}
	var n, i int
	switch t.Storage() {
	case value.StInt8, value.StInt16, value.StInt32, value.StInt64:
		n = len(d.rangeI)
		i = sort.Search(n, func(k int) bool { return d.rangeI[k] > c.i })
	case value.StFloat32, value.StFloat64:
		n = len(d.rangeF)
		i = sort.Search(n, func(k int) bool { return d.rangeF[k] > c.f })
	case value.StString:
		n = len(d.rangeS)
		i = sort.Search(n, func(k int) bool { return d.rangeS[k] > c.s })
	case value.StBytes16:
		n = len(d.rangeB)
		i = sort.Search(n, func(k int) bool { return value.CompareU128(d.rangeB[k], c.b) > 0 })
	default:
		return -1
	}
	// i is the first boundary above v: v lies in partition i-1.
	if i == 0 || i >= n {
		return -1
	}
	return i - 1
}

// listKey is the index of the LIST element holding the value, or -1.
func (d *domain) listKey(t value.Type, c *cell) int {
	var k int
	var ok bool
	switch t.Storage() {
	case value.StString:
		k, ok = d.listS[c.s]
	case value.StBytes16:
		k, ok = d.listB[c.b]
	default:
		if c.null || isNullCell(t, c) {
			return -1
		}
		k, ok = d.listI[c.i]
	}
	if !ok {
		return -1
	}
	return k
}

// isNullCell reports whether an integer-backed cell holds its type's NULL
// sentinel.
func isNullCell(t value.Type, c *cell) bool {
	switch t.Storage() {
	case value.StInt8:
		return c.i == int64(value.NullInt8)
	case value.StInt16:
		return c.i == int64(value.NullInt16)
	case value.StInt32:
		return c.i == int64(value.NullInt32)
	case value.StInt64:
		return c.i == value.NullInt64
	}
	return false
}
