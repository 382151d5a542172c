package dfs

import (
	"strings"

	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// consKind says which non-NULL values of a column a colCons admits.
type consKind uint8

const (
	consAll   consKind = iota // every value
	consNone                  // none
	consRange                 // those between lo and hi
	consSet                   // those in set
)

// colCons is the set of values of one column that a conjunction of
// comparisons admits: NULL or not (null), and which non-NULL values. It
// must contain every value for which the comparisons hold as the engine
// evaluates them, where NULL orders below every value (x < 5 holds for a
// NULL x).
type colCons struct {
	null           bool
	kind           consKind
	lo, hi         *value.Scalar // consRange, of the column type; nil: unbounded
	loOpen, hiOpen bool
	set            *value.Vector // consSet: non-NULL values of the column type
}

// atom reads e as a comparison between a partition column and a constant
// and returns the column and the values it admits.
func (p *pruneCtx) atom(e ast.Expr) (int, *colCons, bool) {
	b, ok := e.(*ast.BinaryExpr)
	if !ok {
		return 0, nil, false
	}
	isPart := func(col int) bool {
		for _, c := range p.s.partCols {
			if c == col {
				return true
			}
		}
		return false
	}
	switch b.Op {
	case "==", "=", "<", "<=", ">", ">=":
		if col, ok := p.columnRef(b.L); ok && isPart(col) {
			if k, ok := p.constant(b.R); ok {
				c, ok := compareCons(b.Op, p.s.types[col], k, true)
				return col, c, ok
			}
		}
		if col, ok := p.columnRef(b.R); ok && isPart(col) {
			if k, ok := p.constant(b.L); ok {
				c, ok := compareCons(flip(b.Op), p.s.types[col], k, false)
				return col, c, ok
			}
		}
	case "in":
		if col, ok := p.columnRef(b.L); ok && isPart(col) {
			if k, ok := p.constant(b.R); ok {
				c, ok := inCons(p.s.types[col], k)
				return col, c, ok
			}
		}
	case "between":
		// x between a:b is x >= a && x <= b (the between built-in)
		if col, ok := p.columnRef(b.L); ok && isPart(col) {
			if k, ok := p.constant(b.R); ok {
				r, ok := k.(*value.Pair)
				if !ok || r.V.Len() != 2 {
					return 0, nil, false
				}
				ct := p.s.types[col]
				lo, ok1 := compareCons(">=", ct, r.V.At(0), true)
				hi, ok2 := compareCons("<=", ct, r.V.At(1), true)
				if ok1 && ok2 {
					return col, lo.intersect(hi), true
				}
			}
		}
	}
	return 0, nil, false
}

// flip turns k op x into x op' k.
func flip(op string) string {
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

// compareCons is what column op k admits for a column of type ct; colLeft
// says the column was written on the left, which matters because the
// engine converts the right operand of a temporal comparison to the left
// one's type.
func compareCons(op string, ct value.Type, k value.Value, colLeft bool) (*colCons, bool) {
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
			return &colCons{null: true, kind: consNone}, true
		case "<":
			return &colCons{kind: consNone}, true
		case ">":
			return &colCons{kind: consAll}, true
		case ">=":
			return &colCons{null: true, kind: consAll}, true
		}
		return nil, false
	}
	switch op {
	case "==", "=":
		return &colCons{kind: consSet, set: kv.Vector()}, true
	case "<":
		return &colCons{null: true, kind: consRange, hi: kv, hiOpen: true}, true
	case "<=":
		return &colCons{null: true, kind: consRange, hi: kv}, true
	case ">":
		return &colCons{kind: consRange, lo: kv, loOpen: true}, true
	case ">=":
		return &colCons{kind: consRange, lo: kv}, true
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
	case isLiteralType(ct):
		if !isLiteralType(kt) {
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

// inCons is what column in k admits. The engine matches a column against
// the set's own type (converting the column, or reading a SYMBOL column as
// STRING), so the set's elements are taken as column values only where
// that conversion is exact.
func inCons(ct value.Type, k value.Value) (*colCons, bool) {
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
		return &colCons{kind: consNone}, true
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
	case isLiteralType(st) && isLiteralType(ct):
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
	c := &colCons{null: null, kind: consSet, set: vals}
	if vals.Len() == 0 {
		c.kind = consNone
	}
	return c, true
}

// compare orders two non-NULL values of one column type.
func compare(a, b *value.Scalar) int {
	if isLiteralType(a.T) {
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
func (c *colCons) inRange(v *value.Scalar) bool {
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

// intersect is what both c and d admit (or a superset of it).
func (c *colCons) intersect(d *colCons) *colCons {
	out := &colCons{null: c.null && d.null}
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

// partitions marks the partitions of dom (one level, partitioned by a
// column of type ct) that can hold a value c admits, or is nil when that
// may be any of them.
func (c *colCons) partitions(dom partition.Domain, ct value.Type) []bool {
	var mask []bool
	switch c.kind {
	case consAll:
		return nil
	case consNone:
		mask = make([]bool, dom.Len())
	case consSet:
		m, err := partition.PartitionsOf(dom, c.set)
		if err != nil {
			return nil
		}
		mask = m
	case consRange:
		m, ok := partition.PartitionsIn(dom, ct, partition.Interval{Lo: c.lo, Hi: c.hi, LoOpen: c.loOpen, HiOpen: c.hiOpen})
		if !ok {
			return nil
		}
		mask = m
	}
	if c.null {
		m, err := partition.PartitionsOf(dom, value.NewNullVector(ct, 1))
		if err != nil {
			return nil
		}
		for i, k := range m {
			mask[i] = mask[i] || k
		}
	}
	return mask
}
