package join

import (
	"context"
	"errors"
	"math"
	"sort"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/allocguard"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Kind is one of the table joiners (ej, lj, ...); the SQL joins in FROM
// use the same ones.
type Kind int

// The joiners, named by their DolphinDB functions.
const (
	Equi       Kind = iota // ej
	Left                   // lj
	LeftSemi               // lsj: the first match only
	Full                   // fj: lj plus the unmatched right rows
	Asof                   // aj: the last right row at or before the left row's last key
	Right                  // SQL right join: lj with the sides' rows swapped
	Prefix                 // pj: right keys that are prefixes of the left key
	SortedEqui             // sej: ej sorted by the matching columns
)

// Name is the joiner's function name.
func (k Kind) Name() string {
	return [...]string{"ej", "lj", "lsj", "fj", "aj", "rj", "pj", "sej"}[k]
}

// Result is a join's table with, for each side, where its columns went:
// lower-case name in the input table -> name in T (a right matching
// column maps to the left one's), which SQL joins need for t1.col.
type Result struct {
	T           *value.Table
	Left, Right map[string]string
	// LeftRows is the left table's row behind each row of T (-1: none),
	// which update ... from a join needs to find the rows it changes;
	// RightRows is the right table's.
	LeftRows, RightRows []int
}

// Filter limits the rows that may match in a join: the leftFilter and
// rightFilter of ej and lj, or the conditions on one table in a SQL
// join's ON. A row whose flag is false matches nothing, so ej drops it,
// lj keeps a left one with NULLs and fj lists a right one unmatched.
// nil flags admit every row of that side.
type Filter struct{ Left, Right []bool }

// Tables joins left and right on the columns lk of left and rk of right
// (as many), the rows keep admits. Rows come out in the left table's order, each followed by
// its matches in the right table's order. The result has every left
// column, then the right table's columns other than its matching columns;
// a right column whose name a left column already has is prefixed with
// rightName and "_" (t2_price), as DolphinDB names them. nullSafe makes
// NULL keys match each other (enableNullSafeJoin).
func Tables(ctx context.Context, kind Kind, left, right *value.Table, lk, rk []string, rightName string, nullSafe bool, keep Filter) (Result, error) {
	li, err := ColumnPositions(left, lk)
	if err != nil {
		return Result{}, err
	}
	ri, err := ColumnPositions(right, rk)
	if err != nil {
		return Result{}, err
	}
	// Right key columns take the left key columns' types, so that equal
	// values encode to equal keys (an INT key joins a LONG key).
	rkeys := make([]*value.Vector, len(ri))
	for k, c := range ri {
		want := left.Cols[li[k]]
		rkeys[k] = right.Cols[c]
		if rkeys[k].T != want.T {
			conv, err := cast.Vector(rkeys[k], want.T, want.Scale)
			if err != nil {
				return Result{}, ddberr.Errorf("The matching columns %s and %s have incompatible types.", lk[k], rk[k])
			}
			rkeys[k] = conv
		}
	}
	keyOf := encodedKey(nullSafe)
	masked := func(flags []bool) func([]*value.Vector, int) (string, bool) {
		if flags == nil {
			return keyOf
		}
		return func(cols []*value.Vector, row int) (string, bool) {
			if !flags[row] {
				return "", false
			}
			return keyOf(cols, row)
		}
	}
	admits := func(cols []*value.Vector, flags []bool) func(int) bool {
		return func(row int) bool {
			if flags != nil && !flags[row] {
				return false
			}
			if !nullSafe {
				for _, c := range cols {
					if c.IsNull(row) {
						return false
					}
				}
			}
			return true
		}
	}
	// match pairs the rows of a and b with equal keys as kind says: a
	// single coded SYMBOL key by counting (matchCodes); else with coded
	// SYMBOL pairs as codes of one base (CodeKeys), numbered densely
	// when b's integer keys span small ranges (denseKeys, matchCodes),
	// packed into an integer when the keys fit (matchPacked), or
	// encoded as bytes.
	match := func(a, b []*value.Vector, aflags, bflags []bool, kind Kind) ([]int, []int) {
		if ac, bc, nsym, ok := symbolKeyCodes(a, b); ok {
			return matchCodes(ctx, ac, bc, nsym, nullSafe, aflags, bflags, kind)
		}
		ma, mb := CodeKeys(a, b)
		if ac, bc, n, ok := denseKeys(ma, mb, nullSafe); ok {
			return matchCodes(ctx, ac, bc, n, nullSafe, aflags, bflags, kind)
		}
		if pa, ok := packedKeys(ma); ok {
			if pb, ok := packedKeys(mb); ok {
				return matchPacked(ctx, pa, pb, admits(ma, aflags), admits(mb, bflags), kind)
			}
		}
		return matchRows(ctx, ma, mb, masked(aflags), masked(bflags), kind)
	}
	lkeys := make([]*value.Vector, len(li))
	for k, c := range li {
		lkeys[k] = left.Cols[c]
	}
	var lrows, rrows []int // -1: no row on that side (NULLs)
	switch kind {
	case Asof:
		lrows, rrows = asofRows(lkeys, rkeys, nullSafe)
	case Right:
		rrows, lrows = match(rkeys, lkeys, keep.Right, keep.Left, Left)
	case Prefix:
		if len(lkeys) != 1 || lkeys[0].T.Storage() != value.StString || rkeys[0].T.Storage() != value.StString {
			return Result{}, errors.New("pj takes one matching column of type STRING or SYMBOL.")
		}
		lrows, rrows = prefixRows(lkeys[0].Strings(), rkeys[0].Strings())
	case SortedEqui:
		lrows, rrows = match(lkeys, rkeys, keep.Left, keep.Right, Equi)
		// sej's rows ascend by the matching columns (equijoin.md), ties
		// in match order: rowsort's stable typed sort of the keys
		sortKeys := make([]rowsort.Key, len(lkeys))
		for k, c := range lkeys {
			sortKeys[k] = rowsort.Column(c.Gather(lrows), false, rowsort.NullsLow)
		}
		order := rowsort.Sort(sortKeys, len(lrows), rowsort.KeepAll).Index(len(lrows))
		l2, r2 := make([]int, len(order)), make([]int, len(order))
		for i, o := range order {
			l2[i], r2[i] = lrows[o], rrows[o]
		}
		lrows, rrows = l2, r2
	default:
		lrows, rrows = match(lkeys, rkeys, keep.Left, keep.Right, kind)
	}
	// a cancelled match stops early with part of the pairs
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}

	prefix := rightName
	isRightKey := make([]bool, len(right.Cols))
	for _, c := range ri {
		isRightKey[c] = true
	}
	taken := map[string]bool{}
	for _, n := range left.Names {
		taken[strings.ToLower(n)] = true
	}
	outNames := append([]string(nil), left.Names...)
	j := Result{Left: map[string]string{}, Right: map[string]string{}}
	for _, n := range left.Names {
		j.Left[strings.ToLower(n)] = n
	}
	for k, c := range ri {
		j.Right[strings.ToLower(right.Names[c])] = left.Names[li[k]]
	}
	outCols := make([]*value.Vector, 0, len(left.Cols)+len(right.Cols))
	isLeftKey := make([]bool, len(left.Cols))
	for _, c := range li {
		isLeftKey[c] = true
	}
	if kind == Right {
		// the left table's other columns, then all of the right table's
		outNames = outNames[:0]
		taken = map[string]bool{}
		for c, col := range left.Cols {
			if !isLeftKey[c] {
				if err := ctx.Err(); err != nil {
					return Result{}, err
				}
				outNames = append(outNames, left.Names[c])
				outCols = append(outCols, value.GatherOrNull(col, lrows))
				taken[strings.ToLower(left.Names[c])] = true
			}
		}
		isRightKey = make([]bool, len(right.Cols))
		for k, c := range ri {
			j.Left[strings.ToLower(left.Names[li[k]])] = right.Names[c]
		}
	} else {
		for _, col := range left.Cols {
			if err := ctx.Err(); err != nil {
				return Result{}, err
			}
			outCols = append(outCols, value.GatherOrNull(col, lrows))
		}
	}
	if kind == Full || kind == Asof || kind == Prefix {
		// the right matching columns are kept (the last one for aj)
		for k, c := range ri {
			if kind == Asof && k < len(ri)-1 {
				continue
			}
			isRightKey[c] = false
		}
	}
	for c, col := range right.Cols {
		if isRightKey[c] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		name := right.Names[c]
		if taken[strings.ToLower(name)] {
			name = prefix + "_" + name
		}
		taken[strings.ToLower(name)] = true
		j.Right[strings.ToLower(right.Names[c])] = name
		outNames = append(outNames, name)
		outCols = append(outCols, value.GatherOrNull(col, rrows))
	}
	j.T = value.NewTable(outNames, outCols)
	j.LeftRows, j.RightRows = lrows, rrows
	return j, nil
}

// encodedKey returns a function that encodes a row's key columns as one
// string (AppendKey's bytes); ok is false for a row with a NULL key
// unless nullSafe. The function reuses one buffer: one goroutine only.
func encodedKey(nullSafe bool) func(cols []*value.Vector, row int) (string, bool) {
	var buf []byte
	return func(cols []*value.Vector, row int) (string, bool) {
		buf = buf[:0]
		for _, c := range cols {
			if !nullSafe && c.IsNull(row) {
				return "", false
			}
			buf = c.AppendKey(buf, row)
		}
		return string(buf), true
	}
}

// keyNumber is k's number in ids, a new one (the count so far) for a
// key not seen before.
func keyNumber[K comparable](ids map[K]int32, k K) int32 {
	id, ok := ids[k]
	if !ok {
		id = int32(len(ids))
		ids[k] = id
	}
	return id
}

// matchRows pairs each left row with the right rows whose keys (as
// keyOf encodes them) are equal, as pairRows says.
func matchRows(ctx context.Context, lkeys, rkeys []*value.Vector, lkeyOf, rkeyOf func([]*value.Vector, int) (string, bool), kind Kind) (lrows, rrows []int) {
	index := map[string][]int{}
	nr, nl := 0, 0
	if len(rkeys) > 0 {
		nr, nl = rkeys[0].Len(), lkeys[0].Len()
	}
	for r := 0; r < nr; r++ {
		if key, ok := rkeyOf(rkeys, r); ok {
			index[key] = append(index[key], r)
		}
	}
	return pairRows(ctx, nl, nr, func(l int) []int {
		if key, ok := lkeyOf(lkeys, l); ok {
			return index[key]
		}
		return nil
	}, kind)
}

// matchCodes is matchRows on a single key given as codes of one base
// (below nsym, -1 for none): the right rows of each code are listed once
// by a counting pass, so no row hashes a key. Code 0 (NULL) matches only
// when nullSafe; rows whose flag (when given) is false match nothing.
func matchCodes(ctx context.Context, lc, rc []int32, nsym int, nullSafe bool, lflags, rflags []bool, kind Kind) (lrows, rrows []int) {
	admits := func(c int32, flags []bool, row int) bool {
		return (c > 0 || c == 0 && nullSafe) && (flags == nil || flags[row])
	}
	start := make([]int, nsym+1)
	for r, c := range rc {
		if admits(c, rflags, r) {
			start[c+1]++
		}
	}
	for c := 1; c <= nsym; c++ {
		start[c] += start[c-1]
	}
	rows := make([]int, start[nsym])
	next := append([]int(nil), start[:nsym]...)
	for r, c := range rc {
		if admits(c, rflags, r) {
			rows[next[c]] = r
			next[c]++
		}
	}
	return pairRows(ctx, len(lc), len(rc), func(l int) []int {
		c := lc[l]
		if !admits(c, lflags, l) {
			return nil
		}
		return rows[start[c]:start[c+1]]
	}, kind)
}

// pairRows pairs each left row with its matching right rows (hitsOf, in
// right order): all of them (ej, lj), the first (lsj); lj, lsj and fj
// keep an unmatched left row with -1, and fj appends the right rows no
// left row matched. Once ctx is cancelled it stops, checking after every
// 64K pairs (a many-to-many join's output can be far larger than its
// inputs); the caller reports the cancellation.
func pairRows(ctx context.Context, nl, nr int, hitsOf func(l int) []int, kind Kind) (lrows, rrows []int) {
	var hit []bool
	if kind == Full {
		hit = make([]bool, nr)
	}
	// every left row but ej's unmatched ones gives at least one pair
	lrows, rrows = make([]int, 0, nl), make([]int, 0, nl)
	checked := 0
	for l := 0; l < nl; l++ {
		if len(lrows)-checked >= 1<<16 {
			if ctx.Err() != nil {
				return lrows, rrows
			}
			checked = len(lrows)
		}
		hits := hitsOf(l)
		if kind == LeftSemi && len(hits) > 1 {
			hits = hits[:1]
		}
		for _, r := range hits {
			lrows = append(lrows, l)
			rrows = append(rrows, r)
			if hit != nil {
				hit[r] = true
			}
		}
		if len(hits) == 0 && kind != Equi {
			lrows = append(lrows, l)
			rrows = append(rrows, -1)
		}
	}
	for r, h := range hit {
		if !h {
			lrows = append(lrows, -1)
			rrows = append(rrows, r)
		}
	}
	return lrows, rrows
}

// prefixRows pairs each left row with the right rows whose key is a
// prefix of the left key (in right order).
func prefixRows(left, right []string) (lrows, rrows []int) {
	index := map[string][]int{}
	for r, k := range right {
		if k != "" {
			index[k] = append(index[k], r)
		}
	}
	var hits []int
	for l, k := range left {
		hits = hits[:0]
		for n := 1; n <= len(k); n++ {
			hits = append(hits, index[k[:n]]...)
		}
		sort.Ints(hits)
		for _, r := range hits {
			lrows = append(lrows, l)
			rrows = append(rrows, r)
		}
	}
	return lrows, rrows
}

// Cross is cj(left, right): every left row with every right row; a right
// column whose name a left column has is prefixed with rightName and "_".
// A cancelled ctx stops it between batches of rows gathered. The result
// has as many rows as both sides' product, so it is put to the memory
// guard whole before anything is made: 200,000 by 200,000 rows took the
// process down. The left columns repeat each row and the right ones
// repeat whole, so no row index of the product's length is made.
func Cross(ctx context.Context, left, right *value.Table, rightName string) (*value.Table, error) {
	nl, nr := left.Rows(), right.Rows()
	if err := allocguard.Reserve(crossBytes(left, right)); err != nil {
		return nil, err
	}
	prefix := rightName
	taken := map[string]bool{}
	outNames := append([]string(nil), left.Names...)
	var outCols []*value.Vector
	for _, c := range left.Cols {
		col, err := repeatRows(ctx, c, nr)
		if err != nil {
			return nil, err
		}
		outCols = append(outCols, col)
	}
	for _, n := range left.Names {
		taken[strings.ToLower(n)] = true
	}
	for c, col := range right.Cols {
		name := right.Names[c]
		if taken[strings.ToLower(name)] {
			name = prefix + "_" + name
		}
		taken[strings.ToLower(name)] = true
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		outNames = append(outNames, name)
		if nl == 0 || nr == 0 {
			outCols = append(outCols, col.Gather([]int{}))
		} else {
			outCols = append(outCols, col.Cycle(nl*nr))
		}
	}
	return value.NewTable(outNames, outCols), nil
}

// crossBatch is how many rows cj's left columns gather between checks of
// the context.
const crossBatch = 1 << 16

// repeatRows is c with each element repeated n times in a row (cj's left
// side), gathered a batch at a time so a cancelled ctx stops it.
func repeatRows(ctx context.Context, c *value.Vector, n int) (*value.Vector, error) {
	total := c.Len() * n
	if total == 0 || c.T.IsArray() {
		idx := make([]int, 0, total)
		for i := 0; i < c.Len(); i++ {
			for range n {
				idx = append(idx, i)
			}
		}
		return c.Gather(idx), ctx.Err()
	}
	out := c.Like(total)
	idx := make([]int, 0, min(total, crossBatch))
	at := 0
	for i := 0; i < c.Len(); i++ {
		for range n {
			idx = append(idx, i)
			if len(idx) == cap(idx) {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				out.GatherAt(at, c, idx)
				at, idx = at+len(idx), idx[:0]
			}
		}
	}
	out.GatherAt(at, c, idx)
	return out, nil
}

// crossBytes is the memory of cj's result, at most the largest int64:
// every column's element (16 bytes for strings and the like) per row,
// and a row index for an array vector's gather.
func crossBytes(left, right *value.Table) int64 {
	bytes := int64(0)
	for _, t := range []*value.Table{left, right} {
		for _, c := range t.Cols {
			w := int64(c.T.Storage().Width())
			if c.Syms != nil {
				w = 4
			} else if c.T.IsArray() {
				w = 16 + 8
			} else if w == 0 {
				w = 16
			}
			bytes += w
		}
	}
	nl, nr := int64(left.Rows()), int64(right.Rows())
	if bytes == 0 {
		return 0
	}
	if nl > 0 && nr > math.MaxInt64/nl/bytes {
		return math.MaxInt64
	}
	return nl * nr * bytes
}

// ColumnMissing is DolphinDB's error for a column a table lacks.
func ColumnMissing(name string) error {
	return ddberr.Errorf("The column [%s] doesn't exist in the table.", name)
}

// ColumnPositions finds the named columns of t (compared
// case-insensitively).
func ColumnPositions(t *value.Table, names []string) ([]int, error) {
	out := make([]int, len(names))
	for k, n := range names {
		if out[k] = value.NameIndex(t.Names, n); out[k] < 0 {
			return nil, ColumnMissing(n)
		}
	}
	return out, nil
}
