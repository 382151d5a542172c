package join

import (
	"cmp"
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// TimeGroups is the right side of a join on equality columns and a
// last, ordered column (aj, wj): the right rows of each group of equal
// keys, ascending by the last column, and each left row's group.
type TimeGroups struct {
	// Left is each left row's group, -1 when no right row has its keys
	// (or one is NULL and NULLs don't match).
	Left []int32
	// Rows lists the right rows whose last column is not NULL, group by
	// group (Rows[Start[g]:Start[g+1]]), each group ascending by the
	// last column and in table order on ties.
	Start, Rows []int
	// Words are order-preserving words of Rows' last column, side by
	// side with Rows, and LeftWords the left column's, NULL as
	// math.MinInt64: the values' own words when the last column is
	// integral, temporal or floating (WordsOK), else their ranks among
	// both columns' values.
	Words, LeftWords []int64
	WordsOK          bool
}

// GroupByTime builds the TimeGroups of a join of lkeys with rkeys (the
// last of each is the ordered column, right's already of left's type).
// The equality columns number the rows of both sides (a coded SYMBOL
// column by its codes, integer columns by a packed word, others by an
// encoded key), a counting pass lists each group's right rows, and
// groups not already in order are sorted (stable) by their words.
func GroupByTime(lkeys, rkeys []*value.Vector, nullSafe bool) TimeGroups {
	last := len(lkeys) - 1
	lt, rt := lkeys[last], rkeys[last]
	lg, rg, ngroups := asofGroups(lkeys[:last], rkeys[:last], lt.Len(), rt.Len(), nullSafe, encodedKey(nullSafe))
	lw, rw, words := orderWords(lt, rt)
	if !words {
		lw, rw = rankWords(lt, rt)
	}
	rnull := func(r int) bool { return rw[r] == math.MinInt64 }
	start := make([]int, ngroups+1)
	for r, g := range rg {
		if g >= 0 && !rnull(r) {
			start[g+1]++
		}
	}
	for g := 1; g <= ngroups; g++ {
		start[g] += start[g-1]
	}
	rows := make([]int, start[ngroups])
	next := slices.Clone(start[:ngroups])
	for r, g := range rg {
		if g >= 0 && !rnull(r) {
			rows[next[g]] = r
			next[g]++
		}
	}
	tg := TimeGroups{Left: lg, Start: start, Rows: rows, LeftWords: lw, WordsOK: words}
	tg.Words = make([]int64, len(rows))
	for g := 0; g < ngroups; g++ {
		grp := rows[start[g]:start[g+1]]
		if !slices.IsSortedFunc(grp, func(a, b int) int { return cmp.Compare(rw[a], rw[b]) }) {
			slices.SortStableFunc(grp, func(a, b int) int { return cmp.Compare(rw[a], rw[b]) })
		}
		for i, r := range grp {
			tg.Words[start[g]+i] = rw[r]
		}
	}
	return tg
}

// asofRows pairs each left row with the last right row whose other
// matching columns are equal and whose last matching column is at or
// before the left row's (-1 when none). Right rows are taken in the
// order of their last column within each group, as aj assumes. A search
// over the group's words finds it; no element is compared through an
// interface.
func asofRows(lkeys, rkeys []*value.Vector, nullSafe bool) (lrows, rrows []int) {
	tg := GroupByTime(lkeys, rkeys, nullSafe)
	start, rows := tg.Start, tg.Rows
	lrows = value.Iota(len(tg.Left))
	rrows = make([]int, len(tg.Left))
	// at[g]: the number of group g's words at or before the last left
	// word searched in it; left rows usually come in time order, so the
	// next answer is at or a few words after it
	at := make([]int32, len(start)-1)
	for l, g := range tg.Left {
		rrows[l] = -1
		if g < 0 || tg.LeftWords[l] == math.MinInt64 {
			continue
		}
		w := wordsUpTo(tg.Words[start[g]:start[g+1]], int(at[g]), tg.LeftWords[l])
		at[g] = int32(w)
		if w > 0 {
			rrows[l] = rows[start[g]+w-1]
		}
	}
	return lrows, rrows
}

// asofGroups numbers the nl left and nr right rows by their equality
// columns: equal keys get equal numbers below n, and a row that can
// match nothing (a NULL key unless nullSafe, a left key no right row
// has) gets -1, or on the left a number no right row has. Without
// equality columns every row is in group 0.
func asofGroups(lkeys, rkeys []*value.Vector, nl, nr int, nullSafe bool, keyOf func([]*value.Vector, int) (string, bool)) (lg, rg []int32, n int) {
	if len(lkeys) == 0 {
		return make([]int32, nl), make([]int32, nr), 1
	}
	if lc, rc, nsym, ok := symbolKeyCodes(lkeys, rkeys); ok {
		// codes are group numbers already; code 0 is NULL
		lg, rg = slices.Clone(lc), slices.Clone(rc)
		if !nullSafe {
			for _, gs := range [][]int32{lg, rg} {
				for i, c := range gs {
					if c == 0 {
						gs[i] = -1
					}
				}
			}
		}
		return lg, rg, nsym
	}
	lg, rg = make([]int32, nl), make([]int32, nr)
	ml, mr := CodeKeys(lkeys, rkeys)
	pl, okl := packedKeys(ml)
	pr, okr := packedKeys(mr)
	if okl && okr {
		ids := map[uint64]int32{}
		for r, k := range pr {
			if !nullSafe && anyNull(mr, r) {
				rg[r] = -1
				continue
			}
			rg[r] = keyNumber(ids, k)
		}
		for l, k := range pl {
			id, ok := ids[k]
			if !ok || !nullSafe && anyNull(ml, l) {
				id = -1
			}
			lg[l] = id
		}
		return lg, rg, len(ids)
	}
	ids := map[string]int32{}
	for r := range rg {
		key, ok := keyOf(mr, r)
		if !ok {
			rg[r] = -1
			continue
		}
		rg[r] = keyNumber(ids, key)
	}
	for l := range lg {
		key, ok := keyOf(ml, l)
		id, seen := ids[key]
		if !ok || !seen {
			id = -1
		}
		lg[l] = id
	}
	return lg, rg, len(ids)
}

// wordsUpTo is the number of words of ws (ascending) at or before w, given
// hint, that number for an earlier w: a few steps forward from the hint
// when w moved on a little, else a binary search on the side of the
// hint w lies.
func wordsUpTo(ws []int64, hint int, w int64) int {
	lo, hi := 0, len(ws)
	if hint > 0 && ws[hint-1] > w {
		hi = hint - 1
	} else {
		for step := 0; step < 4; step++ {
			if hint == len(ws) || ws[hint] > w {
				return hint
			}
			hint++
		}
		lo = hint
	}
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ws[mid] <= w {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// anyNull says whether row has a NULL in one of cols.
func anyNull(cols []*value.Vector, row int) bool {
	for _, c := range cols {
		if c.IsNull(row) {
			return true
		}
	}
	return false
}

// orderWords returns the elements of l and r as int64 words in the order
// CompareElems gives them, NULL as math.MinInt64 (the only word below
// every value); ok is false unless both are integral or floating
// vectors of one type and scale.
func orderWords(l, r *value.Vector) (lw, rw []int64, ok bool) {
	if l.T != r.T || l.Scale != r.Scale || l.T.IsArray() || l.T == value.Void {
		return nil, nil, false
	}
	switch l.T.Storage() {
	case value.StInt8, value.StInt16, value.StInt32, value.StInt64, value.StFloat32, value.StFloat64:
		return wordsOf(l), wordsOf(r), true
	}
	return nil, nil, false
}

// wordsOf is orderWords for one vector of a storage orderWords admits.
// Integers widen (their NULL is their type's least value); floats map
// their bits so that integer order is float order, -0 as 0.
func wordsOf(v *value.Vector) []int64 {
	out := make([]int64, v.Len())
	switch v.T.Storage() {
	case value.StInt8:
		for i, x := range v.I8 {
			out[i] = nullOr(x == value.NullInt8, int64(x))
		}
	case value.StInt16:
		for i, x := range v.I16 {
			out[i] = nullOr(x == value.NullInt16, int64(x))
		}
	case value.StInt32:
		for i, x := range v.I32 {
			out[i] = nullOr(x == value.NullInt32, int64(x))
		}
	case value.StInt64:
		copy(out, v.I64) // NullInt64 is math.MinInt64
	case value.StFloat32:
		for i, x := range v.F32 {
			out[i] = floatWord(float64(x), x == value.NullFloat32 || x != x)
		}
	case value.StFloat64:
		for i, x := range v.F64 {
			out[i] = floatWord(x, x == value.NullFloat64 || x != x)
		}
	}
	return out
}

func nullOr(null bool, w int64) int64 {
	if null {
		return math.MinInt64
	}
	return w
}

// floatWord maps f to an int64 with the same order: non-negative floats
// keep their bits, negative ones flip all but the sign bit, which puts
// them below in two's complement.
func floatWord(f float64, null bool) int64 {
	if null {
		return math.MinInt64
	}
	if f == 0 {
		f = 0 // -0 compares equal to 0
	}
	b := int64(math.Float64bits(f))
	if b < 0 {
		b ^= math.MaxInt64
	}
	return b
}

// rankWords returns the elements of l and r as words in their order for
// last columns orderWords can't map (strings, 16-byte values, decimals of
// two scales): each element's rank among the values of both, equal
// values ranking equal, NULL as math.MinInt64. r is compared in l's type,
// as the join converts right keys. rowsort orders the elements by typed
// words; only neighbours in that order are compared.
func rankWords(l, r *value.Vector) (lw, rw []int64) {
	both := l.Clone()
	if r.T != l.T || r.Scale != l.Scale {
		conv, err := cast.Vector(r, l.T, l.Scale)
		if err != nil {
			// not comparable in l's type: no right element matches
			conv = value.NewNullVector(l.T, r.Len())
		}
		r = conv
	}
	both.AppendVector(r)
	n := both.Len()
	order := rowsort.Sort([]rowsort.Key{rowsort.Column(both, false, rowsort.NullsLow)}, n, rowsort.KeepAll).Index(n)
	words := make([]int64, n)
	rank, prev := int64(0), -1
	for _, row := range order {
		if both.IsNull(row) {
			words[row] = math.MinInt64
			continue
		}
		if prev >= 0 && value.CompareAcross(both, prev, both, row) != 0 {
			rank++
		}
		words[row], prev = rank, row
	}
	return words[:l.Len()], words[l.Len():]
}
