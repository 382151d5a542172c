package partition

import (
	"strconv"

	"github.com/porpoisedb/porpoise/value"
)

// List is a LIST domain: partition i holds the values of the scheme's i-th
// element (a vector, or a scalar as a one-element vector).
type List struct {
	t      value.Type
	n      int
	intIdx map[int64]int32
	strIdx map[string]int32
	lists  []*value.Vector
}

// NewList builds a LIST domain. The scheme type is the type of the first
// list; every list is converted to it. A value listed twice belongs to the
// first list holding it [I].
func NewList(lists []*value.Vector) (*List, error) {
	if len(lists) == 0 {
		return nil, &Error{Msg: "The partition scheme of a LIST domain must be a tuple of vectors."}
	}
	t := lists[0].T
	if err := CheckSchemeType(LIST, t); err != nil {
		return nil, err
	}
	d := &List{t: t, n: len(lists)}
	if isLiteral(t) {
		d.strIdx = make(map[string]int32)
	} else {
		d.intIdx = make(map[int64]int32)
	}
	for i, l := range lists {
		c, err := converterFor(l.T, t)
		if err != nil {
			return nil, err
		}
		d.lists = append(d.lists, l.Clone())
		if c.kind == convString {
			for _, s := range l.Strings() {
				if s == "" {
					return nil, ErrSchemeNull
				}
				if _, ok := d.strIdx[s]; !ok {
					d.strIdx[s] = int32(i)
				}
			}
			continue
		}
		xs, ok, err := schemeInts(l, t)
		if err != nil {
			return nil, err
		}
		for j, x := range xs {
			if !ok[j] {
				if l.IsNull(j) {
					return nil, ErrSchemeNull
				}
				return nil, ErrTemporalCast
			}
			if _, dup := d.intIdx[x]; !dup {
				d.intIdx[x] = int32(i)
			}
		}
	}
	return d, nil
}

// Type implements Domain.
func (d *List) Type() PartitionType { return LIST }

// SchemeType implements Domain.
func (d *List) SchemeType() value.Type { return d.t }

// Len implements Domain.
func (d *List) Len() int { return d.n }

// Lists returns the scheme's lists as given.
func (d *List) Lists() []*value.Vector { return d.lists }

// PartitionName implements Domain: "List<i>" [I].
func (d *List) PartitionName(i int) string { return "List" + strconv.Itoa(i) }

// DirName implements Domain; the setting does not matter for LIST.
func (d *List) DirName(i int, _ bool) string { return d.PartitionName(i) }

// Map implements Domain: the index of the list holding the value, -1 for a
// NULL or unlisted value.
func (d *List) Map(col *value.Vector) ([]int32, error) {
	return mapNew(d, col)
}

func (d *List) mapInto(col *value.Vector, out []int32) error {
	c, err := converterFor(col.T, d.t)
	if err != nil {
		return err
	}
	if c.kind == convString {
		for i, s := range col.Strings() {
			if j, ok := d.strIdx[s]; ok && s != "" {
				out[i] = j
			} else {
				out[i] = -1
			}
		}
		return nil
	}
	idx := d.intIdx
	return mapIntCol(col, c, out, nil, func(v int64) int32 {
		if j, ok := idx[v]; ok {
			return j
		}
		return -1
	})
}
