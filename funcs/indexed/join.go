package indexed

import (
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// joinKind is how two label vectors are joined (align's and merge's how).
type joinKind uint8

const (
	outerJoin joinKind = iota
	innerJoin
	leftJoin
	rightJoin
	asofJoin
)

// joinKinds maps how's names, long and short, to join kinds.
var joinKinds = map[string]joinKind{
	"outer": outerJoin, "fj": outerJoin, "inner": innerJoin, "ej": innerJoin,
	"left": leftJoin, "lj": leftJoin, "right": rightJoin, "asof": asofJoin, "aj": asofJoin,
}

// labelJoin is two label vectors joined: the joined labels and, for each
// of their positions, the position in each side (-1 where it has none).
type labelJoin struct {
	labels      *value.Vector
	left, right []int
}

// comparableLabels returns b with a's type, so that value.CompareAcross
// can compare their elements: integral labels join integral ones,
// floating ones floating, temporal ones their own type, STRING SYMBOL.
func comparableLabels(a, b *value.Vector) (*value.Vector, error) {
	if a.T == b.T {
		return b, nil
	}
	ca, cb := a.T.Category(), b.T.Category()
	if ca != cb || a.T.IsTemporal() || b.T.IsTemporal() {
		return nil, ddberr.Errorf("The labels to align must have compatible types.")
	}
	return cast.Vector(b, a.T, a.Scale)
}

// labelKeys are two label vectors of one type as int64 keys in the same
// order, so the join compares plain integers: integral and temporal
// labels widened (NULL, the type's minimum, stays first), others ranked
// together once by value.CompareAcross.
func labelKeys(a, b *value.Vector) (ka, kb []int64) {
	switch a.T.Storage() {
	case value.StInt8:
		return widen(a.I8), widen(b.I8)
	case value.StInt16:
		return widen(a.I16), widen(b.I16)
	case value.StInt32:
		return widen(a.I32), widen(b.I32)
	case value.StInt64:
		return a.I64, b.I64
	}
	na := a.Len()
	pos := value.Iota(na + b.Len())
	elem := func(p int) (*value.Vector, int) {
		if p < na {
			return a, p
		}
		return b, p - na
	}
	cmpPos := func(p, q int) int {
		x, i := elem(p)
		y, j := elem(q)
		return value.CompareAcross(x, i, y, j)
	}
	sort.SliceStable(pos, func(i, j int) bool { return cmpPos(pos[i], pos[j]) < 0 })
	keys := make([]int64, len(pos))
	for r, p := range pos {
		if r > 0 {
			keys[p] = keys[pos[r-1]]
			if cmpPos(pos[r-1], p) != 0 {
				keys[p]++
			}
		}
	}
	return keys[:na], keys[na:]
}

// widen is integral labels as int64s.
func widen[T int8 | int16 | int32](xs []T) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = int64(x)
	}
	return out
}

// sortedPositions is the positions of keys in their order, equal keys in
// their order in keys.
func sortedPositions(keys []int64) []int {
	pos := value.Iota(len(keys))
	for i := 1; i < len(keys); i++ {
		if keys[i-1] > keys[i] {
			sort.SliceStable(pos, func(i, j int) bool { return keys[pos[i]] < keys[pos[j]] })
			break
		}
	}
	return pos
}

// joinLabels joins labels a and b as how says. Outer and inner joins list
// the labels in order, a run of equal labels on both sides giving every
// pair of the two runs; left and asof joins keep a's order (asof matches
// each of a's labels with the last of b's not above it), right joins b's.
func joinLabels(a, b *value.Vector, how joinKind) (labelJoin, error) {
	b, err := comparableLabels(a, b)
	if err != nil {
		return labelJoin{}, err
	}
	if how == rightJoin {
		j, err := joinLabels(b, a, leftJoin)
		if err != nil {
			return labelJoin{}, err
		}
		j.left, j.right = j.right, j.left
		return j, nil
	}
	ka, kb := labelKeys(a, b)
	pa, pb := sortedPositions(ka), sortedPositions(kb)
	if how == asofJoin {
		left, right := value.Iota(len(ka)), make([]int, len(ka))
		for i, k := range ka {
			// the first of b's sorted labels above a[i]; the one before it matches
			n := sort.Search(len(pb), func(n int) bool { return kb[pb[n]] > k })
			right[i] = -1
			if n > 0 {
				right[i] = pb[n-1]
			}
		}
		return labelJoin{labels: a, left: left, right: right}, nil
	}
	left, right := make([]int, 0, len(pa)+len(pb)), make([]int, 0, len(pa)+len(pb))
	i, j := 0, 0
	for i < len(pa) || j < len(pb) {
		switch {
		case j == len(pb) || i < len(pa) && ka[pa[i]] < kb[pb[j]]:
			if how != innerJoin {
				left, right = append(left, pa[i]), append(right, -1)
			}
			i++
		case i == len(pa) || ka[pa[i]] > kb[pb[j]]:
			if how == outerJoin {
				left, right = append(left, -1), append(right, pb[j])
			}
			j++
		default:
			k, ei, ej := ka[pa[i]], i+1, j+1
			for ei < len(pa) && ka[pa[ei]] == k {
				ei++
			}
			for ej < len(pb) && kb[pb[ej]] == k {
				ej++
			}
			for _, x := range pa[i:ei] {
				for _, y := range pb[j:ej] {
					left, right = append(left, x), append(right, y)
				}
			}
			i, j = ei, ej
		}
	}
	if how == leftJoin {
		left, right = inOrderOf(left, right)
	}
	return labelJoin{labels: joinedLabels(a, b, left, right), left: left, right: right}, nil
}

// inOrderOf reorders the pairs of a left join by their left position, so
// the result keeps the left side's order.
func inOrderOf(left, right []int) ([]int, []int) {
	if sort.IntsAreSorted(left) {
		return left, right
	}
	idx := value.Iota(len(left))
	sort.SliceStable(idx, func(x, y int) bool { return left[idx[x]] < left[idx[y]] })
	l, r := make([]int, len(idx)), make([]int, len(idx))
	for k, i := range idx {
		l[k], r[k] = left[i], right[i]
	}
	return l, r
}

// joinedLabels is, per joined position, a's label where a has the row and
// b's otherwise.
func joinedLabels(a, b *value.Vector, left, right []int) *value.Vector {
	both := value.NewVector(a.T, 0, a.Len()+b.Len())
	both.Scale = a.Scale
	both.AppendVector(a)
	both.AppendVector(b)
	idx := make([]int, len(left))
	for k, i := range left {
		idx[k] = i
		if i < 0 {
			idx[k] = a.Len() + right[k]
		}
	}
	return both.Gather(idx)
}

// cells is the gather index of a matrix of rows x cols over the cells of
// a result whose rows are rowPos and columns colPos of it (-1: NULL).
func cells(rows int, rowPos, colPos []int) []int {
	idx := make([]int, 0, len(rowPos)*len(colPos))
	for _, c := range colPos {
		for _, r := range rowPos {
			if c < 0 || r < 0 {
				idx = append(idx, -1)
				continue
			}
			idx = append(idx, c*rows+r)
		}
	}
	return idx
}
