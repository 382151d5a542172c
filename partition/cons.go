package partition

import (
	"strings"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// consKind says which non-NULL values of a column a Cons admits.
type consKind uint8

const (
	consAll   consKind = iota // every value
	consNone                  // none
	consRange                 // those between lo and hi
	consSet                   // those in set
)

// Cons is the set of values of one column that a conjunction of
// comparisons admits: NULL or not (null), and which non-NULL values. It
// must contain every value for which the comparisons hold as the engine
// evaluates them, where NULL orders below every value (x < 5 holds for a
// NULL x).
type Cons struct {
	null           bool
	kind           consKind
	lo, hi         *value.Scalar // consRange, of the column type; nil: unbounded
	loOpen, hiOpen bool
	set            *value.Vector // consSet: non-NULL values of the column type
}

// FlipOp turns k op x into x op' k.
func FlipOp(op string) string {
	switch op {
	case "<":
		return ">"
	case "<=":
		return ">="
	case ">":
		return "<"
	case ">=":
		return "<="
	}
	return op
}

// CompareCons is what column op k admits for a column of type ct; colLeft
// says the column was written on the left, which matters because the
// engine converts the right operand of a temporal comparison to the left
// one's type.
func CompareCons(op string, ct value.Type, k value.Value, colLeft bool) (*Cons, bool) {
	ks, ok := k.(*value.Scalar)
	if !ok {
		return nil, false
	}
	kv, null, ok := inColumnType(ct, ks, colLeft)
	if !ok {
		return nil, false
	}
	if null {
		switch op {
		case "==", "=", "<=":
			return &Cons{null: true, kind: consNone}, true
		case "<":
			return &Cons{kind: consNone}, true
		case ">":
			return &Cons{kind: consAll}, true
		case ">=":
			return &Cons{null: true, kind: consAll}, true
		}
		return nil, false
	}
	switch op {
	case "==", "=":
		return &Cons{kind: consSet, set: kv.Vector()}, true
	case "<":
		return &Cons{null: true, kind: consRange, hi: kv, hiOpen: true}, true
	case "<=":
		return &Cons{null: true, kind: consRange, hi: kv}, true
	case ">":
		return &Cons{kind: consRange, lo: kv, loOpen: true}, true
	case ">=":
		return &Cons{kind: consRange, lo: kv}, true
	}
	return nil, false
}

// inColumnType is the constant k as the engine compares it with a column
// of type ct: a scalar of type ct, or null when k is a NULL. ok is false
// where the comparison is not a plain one on the column's values: a
// floating constant, a string against a number, a temporal constant of
// another type right of the column's name... and for 16-byte columns,
// which the comparison operators refuse.
func inColumnType(ct value.Type, k *value.Scalar, colLeft bool) (v *value.Scalar, null, ok bool) {
	kt := k.T
	switch {
	case kt == value.Void:
		return nil, true, true
	case IsLiteralType(ct):
		if !IsLiteralType(kt) {
			return nil, false, false
		}
		if k.Null {
			return nil, true, true
		}
		return &value.Scalar{T: ct, S: k.S}, false, true
	case ct.Category() == value.CatIntegral || ct.IsTemporal():
		if kt.Category() != value.CatIntegral && !kt.IsTemporal() {
			return nil, false, false
		}
		if ct.IsTemporal() && kt.IsTemporal() && kt != ct {
			if !colLeft {
				return nil, false, false
			}
			conv, err := cast.Vector(k.Vector(), ct, 0)
			if err != nil || conv.Len() != 1 {
				return nil, false, false
			}
			if conv.IsNull(0) {
				return nil, true, true
			}
			return conv.At(0), false, true
		}
		if k.Null {
			return nil, true, true
		}
		// integral and temporal values compare as raw integers
		lo, hi := cast.IntRange(ct)
		if k.I < lo || k.I > hi {
			return nil, false, false
		}
		return value.NewTyped(ct, k.I), false, true
	}
	return nil, false, false
}

// InCons is what column in k admits. The engine matches a column against
// the set's own type (converting the column, or reading a SYMBOL column as
// STRING), so the set's elements are taken as column values only where
// that conversion is exact.
func InCons(ct value.Type, k value.Value) (*Cons, bool) {
	var set *value.Vector
	switch x := k.(type) {
	case *value.Set:
		set = x.V
	case *value.Vector:
		set = x
	case *value.Scalar:
		set = x.Vector()
	case *value.Pair:
		set = x.V
	case *value.Dict:
		set = x.Keys
	default:
		return nil, false
	}
	n := set.Len()
	if n == 0 {
		return &Cons{kind: consNone}, true
	}
	st := set.T
	var keep []int
	null := false
	for i := 0; i < n; i++ {
		if set.IsNull(i) {
			null = true
		} else {
			keep = append(keep, i)
		}
	}
	var vals *value.Vector
	switch {
	case st == value.Any:
		return nil, false
	case st == ct:
		vals = set.Gather(keep)
	case IsLiteralType(st) && IsLiteralType(ct):
		strs := make([]string, len(keep))
		for j, i := range keep {
			strs[j] = set.StrAt(i)
		}
		vals = value.NewStrings(ct, strs)
	case st.Category() == value.CatIntegral && ct.Category() == value.CatIntegral && ct.Storage() <= st.Storage():
		// widening the column is exact: a row matches when its value is
		// in the set
		lo, hi := cast.IntRange(ct)
		vals = value.NewVector(ct, 0, len(keep))
		for _, i := range keep {
			if x := set.At(i).I; x >= lo && x <= hi {
				vals.AppendScalar(value.NewTyped(ct, x))
			}
		}
	default:
		return nil, false
	}
	c := &Cons{null: null, kind: consSet, set: vals}
	if vals.Len() == 0 {
		c.kind = consNone
	}
	return c, true
}

// compare orders two non-NULL values of one column type.
func compare(a, b *value.Scalar) int {
	if IsLiteralType(a.T) {
		return strings.Compare(a.S, b.S)
	}
	switch {
	case a.I < b.I:
		return -1
	case a.I > b.I:
		return 1
	}
	return 0
}

// inRange reports whether c's range holds the non-NULL value v.
func (c *Cons) inRange(v *value.Scalar) bool {
	if c.lo != nil {
		if x := compare(v, c.lo); x < 0 || (x == 0 && c.loOpen) {
			return false
		}
	}
	if c.hi != nil {
		if x := compare(v, c.hi); x > 0 || (x == 0 && c.hiOpen) {
			return false
		}
	}
	return true
}

// Intersect is what both c and d admit (or a superset of it).
func (c *Cons) Intersect(d *Cons) *Cons {
	out := &Cons{null: c.null && d.null}
	switch {
	case c.kind == consNone || d.kind == consNone:
		out.kind = consNone
	case c.kind == consAll:
		out.kind, out.lo, out.hi, out.loOpen, out.hiOpen, out.set = d.kind, d.lo, d.hi, d.loOpen, d.hiOpen, d.set
	case d.kind == consAll:
		out.kind, out.lo, out.hi, out.loOpen, out.hiOpen, out.set = c.kind, c.lo, c.hi, c.loOpen, c.hiOpen, c.set
	case c.kind == consSet && d.kind == consSet:
		in := value.NewSet(d.set)
		out.kind, out.set = consSet, filterSet(c.set, func(v *value.Vector, i int) bool { return in.Contains(v, i) })
	case c.kind == consSet || d.kind == consSet:
		s, r := c, d
		if d.kind == consSet {
			s, r = d, c
		}
		out.kind, out.set = consSet, filterSet(s.set, func(v *value.Vector, i int) bool { return r.inRange(v.At(i)) })
	default:
		out.kind = consRange
		out.lo, out.loOpen = c.lo, c.loOpen
		if d.lo != nil {
			if out.lo == nil {
				out.lo, out.loOpen = d.lo, d.loOpen
			} else if x := compare(d.lo, out.lo); x > 0 || (x == 0 && d.loOpen) {
				out.lo, out.loOpen = d.lo, d.loOpen
			}
		}
		out.hi, out.hiOpen = c.hi, c.hiOpen
		if d.hi != nil {
			if out.hi == nil {
				out.hi, out.hiOpen = d.hi, d.hiOpen
			} else if x := compare(d.hi, out.hi); x < 0 || (x == 0 && d.hiOpen) {
				out.hi, out.hiOpen = d.hi, d.hiOpen
			}
		}
		if out.lo != nil && out.hi != nil {
			if x := compare(out.lo, out.hi); x > 0 || (x == 0 && (out.loOpen || out.hiOpen)) {
				out.kind, out.lo, out.hi = consNone, nil, nil
			}
		}
	}
	if out.kind == consSet && out.set.Len() == 0 {
		out.kind, out.set = consNone, nil
	}
	return out
}

func filterSet(v *value.Vector, keep func(*value.Vector, int) bool) *value.Vector {
	var idx []int
	for i, n := 0, v.Len(); i < n; i++ {
		if keep(v, i) {
			idx = append(idx, i)
		}
	}
	return v.Gather(idx)
}

// Partitions marks the partitions of dom (one level, partitioned by a
// column of type ct) that can hold a value c admits, or is nil when that
// may be any of them.
func (c *Cons) Partitions(dom Domain, ct value.Type) []bool {
	var mask []bool
	switch c.kind {
	case consAll:
		return nil
	case consNone:
		mask = make([]bool, dom.Len())
	case consSet:
		m, err := PartitionsOf(dom, c.set)
		if err != nil {
			return nil
		}
		mask = m
	case consRange:
		m, ok := PartitionsIn(dom, ct, Interval{Lo: c.lo, Hi: c.hi, LoOpen: c.loOpen, HiOpen: c.hiOpen})
		if !ok {
			return nil
		}
		mask = m
	}
	if c.null {
		m, err := PartitionsOf(dom, value.NewNullVector(ct, 1))
		if err != nil {
			return nil
		}
		for i, k := range m {
			mask[i] = mask[i] || k
		}
	}
	return mask
}

// IsLiteralType reports whether t is a STRING, SYMBOL or other literal
// type a scheme compares as text (BLOB excluded).
func IsLiteralType(t value.Type) bool { return t.Category() == value.CatLiteral && t != value.Blob }
