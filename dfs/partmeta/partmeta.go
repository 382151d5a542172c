package partmeta

import (
	"fmt"

	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Level is one partition level as the catalog records it.
type Level struct {
	Type       int        `json:"type"`
	SchemeType int        `json:"schemeType"`
	Values     []string   `json:"values,omitempty"`
	Buckets    int        `json:"buckets,omitempty"`
	Lists      [][]string `json:"lists,omitempty"`
}

func vectorTexts(v *value.Vector) []string {
	out := make([]string, v.Len())
	for i := range out {
		out[i] = v.FormatElem(i)
	}
	return out
}

func textsVector(t value.Type, xs []string) (*value.Vector, error) {
	out := value.NewVector(t, 0, len(xs))
	for _, x := range xs {
		if t.Category() == value.CatLiteral {
			out.Str = append(out.Str, x)
			continue
		}
		s, err := cast.ParseAs(x, t)
		if err != nil {
			return nil, err
		}
		out.AppendScalar(s)
	}
	return out, nil
}

// Of is d's record.
func Of(d partition.Domain) Level {
	m := Level{Type: int(d.Type()), SchemeType: int(d.SchemeType())}
	switch x := d.(type) {
	case *partition.Value:
		m.Values = vectorTexts(x.Values())
	case *partition.Range:
		m.Values = vectorTexts(x.Boundaries())
	case *partition.Hash:
		m.Buckets = x.Len()
	case *partition.List:
		for _, l := range x.Lists() {
			m.Lists = append(m.Lists, vectorTexts(l))
		}
	}
	return m
}

// Domain rebuilds the level m records.
func (m Level) Domain() (partition.Domain, error) {
	t := value.Type(m.SchemeType)
	switch partition.PartitionType(m.Type) {
	case partition.VALUE:
		v, err := textsVector(t, m.Values)
		if err != nil {
			return nil, err
		}
		return partition.NewValue(v)
	case partition.RANGE:
		v, err := textsVector(t, m.Values)
		if err != nil {
			return nil, err
		}
		return partition.NewRange(v)
	case partition.HASH:
		return partition.NewHash(t, m.Buckets)
	case partition.LIST:
		lists := make([]*value.Vector, len(m.Lists))
		for i, l := range m.Lists {
			v, err := textsVector(t, l)
			if err != nil {
				return nil, err
			}
			lists[i] = v
		}
		return partition.NewList(lists)
	}
	return nil, fmt.Errorf("unknown partition type %d in catalog", m.Type)
}
