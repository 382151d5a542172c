package partition

import (
	"maps"
	"slices"

	"github.com/porpoisedb/porpoise/value"
)

// Value is a VALUE domain: one partition per scheme element, matched
// exactly. Partition indexes follow the order the values were given in
// (NewValue, then AddValues), so they stay stable as partitions are added.
type Value struct {
	t    value.Type
	ints []int64  // int-backed schemes: partition i's value
	strs []string // STRING/SYMBOL schemes

	intIdx    map[int64]int32
	dense     []int32 // dense[v-denseBase] = index or -1, when the values are compact
	denseBase int64
	strIdx    map[string]int32
}

// NewValue builds a VALUE domain whose scheme type is scheme.T. Duplicate
// elements collapse into one partition [I]; a NULL element is an error [I].
func NewValue(scheme *value.Vector) (*Value, error) {
	if err := CheckSchemeType(VALUE, scheme.T); err != nil {
		return nil, err
	}
	d := &Value{t: scheme.T}
	if _, err := d.AddValues(scheme); err != nil {
		if err == ErrValueNull {
			return nil, ErrSchemeNull
		}
		return nil, err
	}
	return d, nil
}

// Type implements Domain.
func (d *Value) Type() PartitionType { return VALUE }

// SchemeType implements Domain.
func (d *Value) SchemeType() value.Type { return d.t }

// Len implements Domain.
func (d *Value) Len() int {
	if isLiteral(d.t) {
		return len(d.strs)
	}
	return len(d.ints)
}

// PartitionName implements Domain.
func (d *Value) PartitionName(i int) string { return d.DirName(i, true) }

// DirName implements Domain: dates "20240101", months "202401M", integers
// "5", strings PathName(value).
func (d *Value) DirName(i int, ignoreSpecial bool) string {
	if isLiteral(d.t) {
		return PathName(d.strs[i], ignoreSpecial)
	}
	return intName(d.t, d.ints[i])
}

// Values returns the scheme values in partition-index order.
func (d *Value) Values() *value.Vector { return schemeVector(d.t, d.ints, d.strs) }

// schemeVector is a scheme's values of type t as a vector: strs for a
// STRING or SYMBOL scheme, ints for the others.
func schemeVector(t value.Type, ints []int64, strs []string) *value.Vector {
	if isLiteral(t) {
		return value.NewStrings(t, slices.Clone(strs))
	}
	v := value.NewVector(t, 0, len(ints))
	for _, x := range ints {
		v.AppendScalar(value.NewTyped(t, x))
	}
	return v
}

// Scheme returns the scheme values sorted ascending, as
// schema(db).partitionSchema shows them after addValuePartitions [D for a
// DATE scheme; I for the rest].
func (d *Value) Scheme() *value.Vector {
	if isLiteral(d.t) {
		return value.NewStrings(d.t, slices.Sorted(slices.Values(d.strs)))
	}
	v := d.Values()
	switch d.t.Storage() {
	case value.StInt8:
		slices.Sort(v.I8)
	case value.StInt16:
		slices.Sort(v.I16)
	case value.StInt32:
		slices.Sort(v.I32)
	}
	return v
}

// Index returns the partition index of the scheme-typed value in s, or -1.
func (d *Value) Index(s *value.Scalar) int {
	out, err := d.Map(s.Vector())
	if err != nil {
		return -1
	}
	return int(out[0])
}

// Map implements Domain. NULL rows give ErrValueNull and STRING/SYMBOL
// values with a byte in 0..32 or 127 ErrInvisibleChar; values not in the
// scheme give -1 (the caller applies newValuePartitionPolicy).
func (d *Value) Map(col *value.Vector) ([]int32, error) {
	return mapNew(d, col)
}

func (d *Value) mapInto(col *value.Vector, out []int32) error {
	c, err := converterFor(col.T, d.t)
	if err != nil {
		return err
	}
	if c.kind == convString {
		if codes, base, ok := col.CompactSymbolCodes(); ok {
			return d.mapCodes(codes, base, out)
		}
		for i, s := range col.Strings() {
			if s == "" {
				return ErrValueNull
			}
			if hasInvisible(s) {
				return ErrInvisibleChar
			}
			if j, ok := d.strIdx[s]; ok {
				out[i] = j
			} else {
				out[i] = -1
			}
		}
		return nil
	}
	if d.dense != nil {
		dense, base := d.dense, d.denseBase
		return mapIntCol(col, c, out, ErrValueNull, func(v int64) int32 {
			if j := uint64(v - base); j < uint64(len(dense)) {
				return dense[j]
			}
			return -1
		})
	}
	idx := d.intIdx
	return mapIntCol(col, c, out, ErrValueNull, func(v int64) int32 {
		if j, ok := idx[v]; ok {
			return j
		}
		return -1
	})
}

// mapCodes is mapInto for a coded column: each symbol of its base is
// looked up once, then rows map by code; the first row whose symbol is
// NULL or has an invisible character decides the error, as a row scan
// would.
func (d *Value) mapCodes(codes []int32, base []string, out []int32) error {
	const isNull, invisible = -2, -3
	byCode := make([]int32, len(base))
	byCode[0] = isNull
	for c := 1; c < len(base); c++ {
		switch j, ok := d.strIdx[base[c]]; {
		case hasInvisible(base[c]):
			byCode[c] = invisible
		case ok:
			byCode[c] = j
		default:
			byCode[c] = -1
		}
	}
	for i, c := range codes {
		switch j := byCode[c]; j {
		case isNull:
			return ErrValueNull
		case invisible:
			return ErrInvisibleChar
		default:
			out[i] = j
		}
	}
	return nil
}

// hasInvisible reports whether s holds a byte in 0..32 or 127.
func hasInvisible(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= 32 || c == 127 {
			return true
		}
	}
	return false
}

// AddValues adds a partition for every value of vals (converted to the
// scheme type) not yet in the scheme, for addValuePartitions and
// newValuePartitionPolicy=add, and returns how many were added. New
// partitions get the next indexes. NULL values give ErrValueNull and
// strings with invisible characters ErrInvisibleChar; on error nothing is
// added.
func (d *Value) AddValues(vals *value.Vector) (int, error) {
	c, err := converterFor(vals.T, d.t)
	if err != nil {
		return 0, err
	}
	if c.kind == convString {
		strs := vals.Strings()
		for _, s := range strs {
			if s == "" {
				return 0, ErrValueNull
			}
			if hasInvisible(s) {
				return 0, ErrInvisibleChar
			}
		}
		return addNew(&d.strIdx, &d.strs, strs), nil
	}
	xs, ok, err := schemeInts(vals, d.t)
	if err != nil {
		return 0, err
	}
	for i := range xs {
		if !ok[i] {
			if vals.IsNull(i) {
				return 0, ErrValueNull
			}
			if d.t.IsTemporal() {
				return 0, ErrTemporalCast
			}
			return 0, ErrCategory
		}
	}
	added := addNew(&d.intIdx, &d.ints, xs)
	if added > 0 || d.dense == nil {
		d.buildDense()
	}
	return added, nil
}

// RemoveValues drops the partitions of the values of vals that are in the
// scheme, for dropPartition's deleteSchema=true, and returns how many it
// dropped. The partitions after a dropped one move down one index.
func (d *Value) RemoveValues(vals *value.Vector) (int, error) {
	c, err := converterFor(vals.T, d.t)
	if err != nil {
		return 0, err
	}
	if c.kind == convString {
		return removeOld(&d.strIdx, &d.strs, vals.Strings()), nil
	}
	xs, ok, err := schemeInts(vals, d.t)
	if err != nil {
		return 0, err
	}
	var keep []int64
	for i, x := range xs {
		if ok[i] {
			keep = append(keep, x)
		}
	}
	removed := removeOld(&d.intIdx, &d.ints, keep)
	if removed > 0 {
		d.buildDense()
	}
	return removed, nil
}

// removeOld deletes from *list the values of xs in *idx and reindexes the
// rest, returning how many it deleted.
func removeOld[K comparable](idx *map[K]int32, list *[]K, xs []K) int {
	gone := make(map[K]bool, len(xs))
	for _, x := range xs {
		if _, ok := (*idx)[x]; ok {
			gone[x] = true
		}
	}
	if len(gone) == 0 {
		return 0
	}
	rest := make([]K, 0, len(*list)) // readers may still hold the old list
	for _, x := range *list {
		if !gone[x] {
			rest = append(rest, x)
		}
	}
	*list = rest
	*idx = make(map[K]int32, len(rest))
	for i, x := range rest {
		(*idx)[x] = int32(i)
	}
	return len(gone)
}

// addNew appends to *list the values of xs not yet in *idx, indexing each
// by its position in *list, and returns how many it added.
func addNew[K comparable](idx *map[K]int32, list *[]K, xs []K) int {
	if *idx == nil {
		*idx = make(map[K]int32, len(xs))
	}
	added := 0
	for _, x := range xs {
		if _, ok := (*idx)[x]; ok {
			continue
		}
		(*idx)[x] = int32(len(*list))
		*list = append(*list, x)
		added++
	}
	return added
}

// buildDense builds the direct-lookup table when the values are compact
// (date schemes usually are).
func (d *Value) buildDense() {
	d.dense = nil
	if len(d.ints) == 0 {
		return
	}
	lo, hi := slices.Min(d.ints), slices.Max(d.ints)
	span := hi - lo + 1
	if span <= 0 || span > 1<<22 || span > 8*int64(len(d.ints))+4096 {
		return
	}
	dense := make([]int32, span)
	for i := range dense {
		dense[i] = -1
	}
	for i, x := range d.ints {
		dense[x-lo] = int32(i)
	}
	d.dense, d.denseBase = dense, lo
}

// Clone returns a copy of d that AddValues can grow without changing d.
func (d *Value) Clone() *Value {
	return &Value{t: d.t, ints: slices.Clone(d.ints), strs: slices.Clone(d.strs),
		intIdx: maps.Clone(d.intIdx), dense: slices.Clone(d.dense), denseBase: d.denseBase,
		strIdx: maps.Clone(d.strIdx)}
}
