package partition

import (
	"math"
	"strings"

	"github.com/porpoisedb/porpoise/value"
)

// Compo is a COMPO domain of 2 or 3 levels, each VALUE, RANGE, HASH or
// LIST, mapped from one partition column each. A row's partition id is
// mixed-radix over the levels' indexes, level 0 most significant:
// id = (i0*Len1 + i1)*Len2 + i2. Ids are valid until a level grows
// (AddValues/AddRanges); Split and ID convert with the current sizes.
type Compo struct {
	levels []Domain
}

// NewCompo builds a COMPO domain from its levels.
func NewCompo(levels ...Domain) (*Compo, error) {
	if len(levels) < 2 || len(levels) > 3 {
		return nil, ErrCompoLevels
	}
	for _, l := range levels {
		if l == nil || l.Type() == COMPO {
			return nil, ErrCompoLevels
		}
	}
	return &Compo{levels: append([]Domain(nil), levels...)}, nil
}

// Type implements Domain.
func (d *Compo) Type() PartitionType { return COMPO }

// SchemeType implements Domain: Void (each level has its own).
func (d *Compo) SchemeType() value.Type { return value.Void }

// Levels returns the levels, level 0 first.
func (d *Compo) Levels() []Domain { return d.levels }

// Level returns level i.
func (d *Compo) Level(i int) Domain { return d.levels[i] }

// Len implements Domain: the product of the levels' sizes (saturating at
// math.MaxInt).
func (d *Compo) Len() int {
	n := 1
	for _, l := range d.levels {
		k := l.Len()
		if k != 0 && n > math.MaxInt/k {
			return math.MaxInt
		}
		n *= k
	}
	return n
}

// Split returns the per-level indexes of partition id.
func (d *Compo) Split(id int) []int {
	idx := make([]int, len(d.levels))
	for k := len(d.levels) - 1; k >= 0; k-- {
		n := d.levels[k].Len()
		idx[k] = id % n
		id /= n
	}
	return idx
}

// ID returns the partition id of the per-level indexes.
func (d *Compo) ID(idx ...int) int {
	id := 0
	for k, l := range d.levels {
		id = id*l.Len() + idx[k]
	}
	return id
}

// PartitionName implements Domain: the levels' names joined with '/',
// e.g. "20240101/Key1" (chunk path /test/20240101/Key1/OQ [D]).
func (d *Compo) PartitionName(i int) string { return d.DirName(i, true) }

// DirName implements Domain.
func (d *Compo) DirName(i int, ignoreSpecial bool) string {
	idx := d.Split(i)
	parts := make([]string, len(idx))
	for k, j := range idx {
		parts[k] = d.levels[k].DirName(j, ignoreSpecial)
	}
	return strings.Join(parts, "/")
}

// CheckColumnTypes checks each level's partition column type (see
// CheckColumnType).
func (d *Compo) CheckColumnTypes(types []value.Type) error {
	if len(types) != len(d.levels) {
		return ErrCompoColumns
	}
	for k, l := range d.levels {
		if err := CheckColumnType(l, types[k]); err != nil {
			return err
		}
	}
	return nil
}

// Map implements Domain; col must be a tuple whose elements are the
// levels' partition columns, in level order.
func (d *Compo) Map(col *value.Vector) ([]int32, error) {
	cols, err := tupleColumns(col)
	if err != nil {
		return nil, err
	}
	return d.MapColumns(cols)
}

func (d *Compo) mapInto(col *value.Vector, out []int32) error {
	cols, err := tupleColumns(col)
	if err != nil {
		return err
	}
	return d.mapColumnsInto(cols, out)
}

func tupleColumns(col *value.Vector) ([]*value.Vector, error) {
	cols, ok := value.TupleOf[*value.Vector](col)
	if !ok {
		return nil, ErrCompoColumns
	}
	return cols, nil
}

// MapColumns maps one partition column per level (all of one length) to
// partition ids; a row is -1 when any level gives -1. A level's error
// (e.g. a NULL in a VALUE level) is returned as is.
func (d *Compo) MapColumns(cols []*value.Vector) ([]int32, error) {
	if len(cols) != len(d.levels) {
		return nil, ErrCompoColumns
	}
	out := make([]int32, cols[0].Len())
	if err := d.mapColumnsInto(cols, out); err != nil {
		return nil, err
	}
	return out, nil
}

var errCompoTooLarge = &Error{Msg: "The number of partitions of a COMPO domain cannot exceed 2147483647."}

func (d *Compo) mapColumnsInto(cols []*value.Vector, out []int32) error {
	if len(cols) != len(d.levels) {
		return ErrCompoColumns
	}
	n := len(out)
	for _, c := range cols {
		if c.Len() != n {
			return ErrCompoColumns
		}
	}
	if d.Len() > math.MaxInt32 {
		return errCompoTooLarge
	}
	if err := d.levels[0].mapInto(cols[0], out); err != nil {
		return err
	}
	scratch := make([]int32, n)
	for k := 1; k < len(d.levels); k++ {
		if err := d.levels[k].mapInto(cols[k], scratch); err != nil {
			return err
		}
		size := int32(d.levels[k].Len())
		for i, j := range scratch {
			if o := out[i]; o >= 0 && j >= 0 {
				out[i] = o*size + j
			} else {
				out[i] = -1
			}
		}
	}
	return nil
}

// MapLevels maps each level separately, for applying per-level policies
// (newValuePartitionPolicy on VALUE levels, allowMissingPartitions on the
// others) before combining with Combine.
func (d *Compo) MapLevels(cols []*value.Vector) ([][]int32, error) {
	if len(cols) != len(d.levels) {
		return nil, ErrCompoColumns
	}
	res := make([][]int32, len(cols))
	for k, l := range d.levels {
		if k > 0 && cols[k].Len() != cols[0].Len() {
			return nil, ErrCompoColumns
		}
		r, err := l.Map(cols[k])
		if err != nil {
			return nil, err
		}
		res[k] = r
	}
	return res, nil
}

// Combine turns per-level indexes (MapLevels' result) into partition ids,
// -1 where any level is -1.
func (d *Compo) Combine(levels [][]int32) []int32 {
	out := make([]int32, len(levels[0]))
	copy(out, levels[0])
	for k := 1; k < len(levels); k++ {
		size := int32(d.levels[k].Len())
		for i, j := range levels[k] {
			if o := out[i]; o >= 0 && j >= 0 {
				out[i] = o*size + j
			} else {
				out[i] = -1
			}
		}
	}
	return out
}
