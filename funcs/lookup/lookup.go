package lookup

import (
	"github.com/porpoisedb/porpoise/access"
	"slices"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/distinct"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// boolMask reads a BOOL scalar or vector.
func BoolMask(x value.Value) ([]int8, bool) {
	switch v := x.(type) {
	case *value.Vector:
		if v.T == value.Bool {
			return v.I8, true
		}
	case *value.Scalar:
		if v.T == value.Bool {
			b := int8(0)
			if v.Bool() {
				b = 1
			}
			return []int8{b}, true
		}
	}
	return nil, false
}

func xat(env funcs.Env, args []value.Value) (value.Value, error) {
	if len(args) == 1 {
		m, ok := BoolMask(args[0])
		if bm, isM := args[0].(*value.Matrix); isM && bm.V.T == value.Bool {
			// at(m>3) counts the cells column by column (funcs/a/at.md)
			m, ok = bm.V.I8, true
		}
		if !ok {
			return nil, ddberr.Errorf("The argument of at must be a boolean vector when index is omitted.")
		}
		out := make([]int32, 0, len(m))
		for i, b := range m {
			if b == 1 {
				out = append(out, int32(i))
			}
		}
		return value.NewInts(out), nil
	}
	if funcs.IsFunction(args[0]) {
		if t, ok := args[1].(*value.Vector); ok && t.T == value.Any {
			return env.Call(args[0], t.Any...)
		}
		return env.Call(args[0], args[1])
	}
	if m, ok := args[0].(*value.Matrix); ok {
		if t, ok := args[1].(*value.Vector); ok && t.T == value.Any && len(t.Any) == 2 {
			// m at (r, c) is m[r, c] ("at" page: m at (0,2) is 5)
			return index2(env, m, t.Any[0], t.Any[1])
		}
	}
	if x, ok := args[0].(*value.Vector); ok && !x.T.IsArray() && x.T != value.Any {
		if iv, ok := args[1].(*value.Vector); ok && iv.T.IsArray() && iv.T.Elem().Category() == value.CatIntegral {
			// an array vector of positions gives an array vector of the
			// same rows ("at" page: at(b, a))
			return gatherArrayRows(x, iv), nil
		}
	}
	return funcs.Index(env, args[0], args[1])
}

// index2 is x[r, c], evaluated as the interpreter indexes.
func index2(env funcs.Env, x, r, c value.Value) (value.Value, error) {
	e := &ast.IndexExpr{X: &ast.Ident{Name: "\x00m"}, Index: &ast.TupleExpr{Elems: []ast.Expr{&ast.Ident{Name: "\x00r"}, &ast.Ident{Name: "\x00c"}}}}
	return env.Eval(e, map[string]value.Value{"\x00m": x, "\x00r": r, "\x00c": c})
}

// gatherArrayRows is x at each cell of array vector iv (NULL out of
// range), an array vector of iv's rows.
func gatherArrayRows(x, iv *value.Vector) *value.Vector {
	flat := *iv
	flat.T, flat.Offsets = iv.T.Elem(), nil
	pos := funcs.LongsOf(&flat)
	idx := make([]int, len(pos))
	for i, p := range pos {
		if p < 0 || p >= int64(x.Len()) || flat.IsNull(i) {
			idx[i] = -1
		} else {
			idx[i] = int(p)
		}
	}
	out := value.GatherOrNull(x, idx)
	out.T, out.Offsets = value.ArrayOffset+out.T, slices.Clone(iv.Offsets)
	return out
}

// eachAt is X@index: X indexed by each item of index (a function X is
// called with each item).
func eachAt(env funcs.Env, args []value.Value) (value.Value, error) {
	// A boolean index filters and a pair slices, as indexing does
	// (progr/operators/eachAt.md); a function takes its argument whole
	// (sum @ 6 2 3 is 11), each element of a tuple on its own.
	if funcs.IsFunction(args[0]) {
		if x, ok := args[1].(*value.Vector); !ok || x.T != value.Any {
			return env.Call(args[0], args[1])
		}
	}
	if args[1].Type() == value.Bool || args[1].Form() == value.FormPair {
		return funcs.Index(env, args[0], args[1])
	}
	s := funcs.SeqOf(args[1])
	out := make([]value.Value, s.N)
	for i := 0; i < s.N; i++ {
		var err error
		if funcs.IsFunction(args[0]) {
			out[i], err = env.Call(args[0], s.At(i))
		} else {
			out[i], err = funcs.Index(env, args[0], s.At(i))
		}
		if err != nil {
			return nil, err
		}
	}
	if s.Scalar {
		return out[0], nil
	}
	return funcs.Assemble(out, funcs.RuleDolphin)
}

// sameTypeVectors casts y to x's type (both numeric are compared as
// DOUBLE, both literal as STRING) so that their elements compare directly.
func SameTypeVectors(fn string, x, y *value.Vector) (*value.Vector, *value.Vector, error) {
	if x.T == y.T {
		return x, y, nil
	}
	switch {
	case x.T.IsNumeric() && y.T.IsNumeric() && x.T.Category() != value.CatTemporal && y.T.Category() != value.CatTemporal:
		a, err := cast.Vector(x, value.Double, 0)
		if err != nil {
			return nil, nil, err
		}
		b, err := cast.Vector(y, value.Double, 0)
		return a, b, err
	case x.T.Category() == value.CatLiteral && y.T.Category() == value.CatLiteral:
		return x, value.NewStrings(x.T, y.Strings()), nil
	}
	b, err := cast.Vector(y, x.T, x.Scale)
	if err != nil {
		return nil, nil, ddberr.Errorf("The data types of the arguments of %s are incompatible.", fn)
	}
	return x, b, nil
}

// positions wraps per-element INT results: a scalar for a scalar Y.
func Positions(out []int32, scalar bool) value.Value {
	if scalar && len(out) == 0 {
		return value.NullScalar(value.Int)
	}
	if scalar {
		return value.NewInt(out[0])
	}
	return value.NewInts(out)
}

// SearchEach is, for each element j of b, search(len(a), cmp) where
// cmp(i) compares a[i] with b[j] (Compare's order; a and b of one type):
// the binary searches of binsrch, asof and lowerBound over a sorted a.
func SearchEach(a, b *value.Vector, search func(n int, cmp func(i int) int) int32) []int32 {
	// Compare across the two vectors through a joined one, so one typed
	// comparison serves every type.
	joined := a.Clone()
	joined.AppendVector(b)
	n := a.Len()
	out := make([]int32, b.Len())
	for j := range out {
		out[j] = search(n, func(i int) int { return value.CompareElems(joined, i, n+j) })
	}
	return out
}

func xbinsrch(env funcs.Env, args []value.Value) (value.Value, error) {
	x, ok := args[0].(*value.Vector)
	if !ok || x.T == value.Any {
		return nil, ddberr.Errorf("The first argument of binsrch must be a sorted vector.")
	}
	y, scalar, ok := value.VectorOf(args[1])
	if !ok {
		return nil, ddberr.Errorf("The second argument of binsrch must be a scalar or vector.")
	}
	a, b, err := SameTypeVectors("binsrch", x, y)
	if err != nil {
		return nil, err
	}
	out := SearchEach(a, b, func(n int, cmp func(i int) int) int32 {
		k := sort.Search(n, func(i int) bool { return cmp(i) >= 0 })
		if k < n && cmp(k) == 0 {
			return int32(k)
		}
		return -1
	})
	return Positions(out, scalar), nil
}

func xfind(env funcs.Env, args []value.Value) (value.Value, error) {
	switch x := args[0].(type) {
	case *value.Dict:
		y, scalar, ok := value.VectorOf(args[1])
		if !ok {
			return nil, ddberr.Errorf("The second argument of find must be a scalar or vector.")
		}
		y, err := cast.Like(y, x.Keys)
		if err != nil {
			return nil, err
		}
		out := value.GatherOrNull(x.Vals, rowsort.Ints(x.LookupAll(y)))
		if scalar {
			if out.Len() == 0 {
				return value.NullScalar(x.Vals.T), nil
			}
			return out.Elem(0), nil
		}
		return out, nil
	case *value.Table:
		if x.IsKeyed() {
			return findKeyed(x, args[1])
		}
		if len(x.Cols) != 1 {
			return nil, ddberr.Errorf("The table of find must have exactly one column unless it is keyed.")
		}
		return findVector(x.Cols[0], args[1])
	case *value.Vector:
		return findVector(x, args[1])
	}
	return nil, ddberr.Errorf("The first argument of find must be a vector, dictionary or table.")
}

// findVector is each element's first position in x, -1 when absent.
func findVector(x *value.Vector, yv value.Value) (value.Value, error) {
	y, scalar, ok := value.VectorOf(yv)
	if !ok {
		return nil, ddberr.Errorf("The second argument of find must be a scalar or vector.")
	}
	a, b, err := SameTypeVectors("find", x, y)
	if err != nil {
		return nil, err
	}
	out := distinct.Find(a, b)
	return Positions(out, scalar), nil
}

// findKeyed looks up keys (a vector for one key column, a tuple of vectors
// for several) in a keyed or indexed table.
func findKeyed(t *value.Table, keys value.Value) (value.Value, error) {
	cols, n, err := keyColumns(t, keys, false)
	if err != nil {
		return nil, err
	}
	out := make([]int32, n)
	t.FindKeys(cols, out)
	return value.NewInts(out), nil
}

// keyColumns casts key values to the table's key column types; with
// prefix, an indexed table also takes fewer keys than key columns.
func keyColumns(t *value.Table, keys value.Value, prefix bool) ([]*value.Vector, int, error) {
	var parts []value.Value
	if tv, ok := keys.(*value.Vector); ok && tv.T == value.Any {
		parts = tv.Any
	} else {
		parts = []value.Value{keys}
	}
	// An indexed table is also searched by a prefix of its key columns
	// (funcs/s/sliceByKey.md: sliceByKey(t, "IBM") on keys sym, side).
	prefixOK := prefix && t.Kind == value.IndexedTable && len(parts) > 0 && len(parts) < len(t.KeyCols)
	if len(parts) != len(t.KeyCols) && !prefixOK {
		return nil, 0, ddberr.Errorf("The number of key columns must be %d.", len(t.KeyCols))
	}
	cols := make([]*value.Vector, len(parts))
	n := -1
	for i, p := range parts {
		v, _, ok := value.VectorOf(p)
		if !ok {
			return nil, 0, ddberr.Errorf("The keys must be scalars or vectors.")
		}
		v, err := cast.Like(v, t.Cols[t.KeyCols[i]])
		if err != nil {
			return nil, 0, err
		}
		if n >= 0 && v.Len() != n {
			return nil, 0, ddberr.Errorf("The key vectors must have the same length.")
		}
		n = v.Len()
		cols[i] = v
	}
	return cols, n, nil
}

func firstHitFn(index bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		name := "firstHit"
		if index {
			name = "ifirstHit"
		}
		fn, err := higherorder.FnArg(name, args[0])
		if err != nil {
			return nil, err
		}
		x, ok := args[1].(*value.Vector)
		if !ok {
			return nil, ddberr.Errorf("The argument [X] of %s must be a vector.", name)
		}
		hits, err := env.Call(fn, x, args[2])
		if err != nil {
			return nil, err
		}
		m, ok := BoolMask(hits)
		if !ok || (len(m) != x.Len() && len(m) != 1) {
			return nil, ddberr.Errorf("The function of %s must be a comparison.", name)
		}
		for i := 0; i < x.Len(); i++ {
			b := m[0]
			if len(m) > 1 {
				b = m[i]
			}
			if b == 1 && !x.IsNull(i) {
				return searchHit(x, i, index), nil
			}
		}
		return searchHit(x, -1, index), nil
	}
}

// searchHit is what a search of v that stopped at row i (-1: no row)
// returns: the position with index, else the element (NULL for none).
func searchHit(v *value.Vector, i int, index bool) value.Value {
	switch {
	case index:
		return value.NewInt(int32(i))
	case i < 0:
		return value.NullScalar(v.T)
	}
	return v.Elem(i)
}

// notFn is firstNot/lastNot (the first/last element that is not NULL, or
// not k) and ifirstNot/ilastNot (its position, -1 if none). On a matrix it
// works per column.
func notFn(name string, first, index bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		if m, ok := args[0].(*value.Matrix); ok {
			out := make([]value.Value, m.Cols)
			for c := range out {
				r, err := notOne(name, funcs.MatrixColumn(m, c), funcs.Arg(args, 1), first, index)
				if err != nil {
					return nil, err
				}
				out[c] = r
			}
			return funcs.Assemble(out, funcs.RuleDolphin)
		}
		if t, ok := args[0].(*value.Table); ok {
			// a one-row table of each column's result (ifirstNot.md)
			cols := make([]*value.Vector, len(t.Cols))
			for c, col := range t.Cols {
				r, err := notOne(name, col, funcs.Arg(args, 1), first, index)
				if err != nil {
					return nil, err
				}
				sc := r.(*value.Scalar)
				cols[c] = value.NewVector(sc.T, 0, 1)
				cols[c].AppendScalar(sc)
			}
			return value.NewTable(append([]string(nil), t.Names...), cols), nil
		}
		v, _, ok := value.VectorOf(args[0])
		if ok && v.T == value.Any && index {
			if i, ok := allNotNull(v.Any, first); ok {
				return value.NewInt(int32(i)), nil
			}
		}
		if !ok || v.T == value.Any {
			return nil, ddberr.Errorf("The argument [X] of %s must be a vector or matrix.", name)
		}
		return notOne(name, v, funcs.Arg(args, 1), first, index)
	}
}

// allNotNull is ifirstNot/ilastNot of a tuple of equal-length vectors: the
// first (last) position where none of them is NULL, -1 if none
// (funcs/i/ifirstNot.md). ok is false when tp is not such a tuple.
func allNotNull(tp []value.Value, first bool) (int, bool) {
	vs := make([]*value.Vector, len(tp))
	for j, x := range tp {
		v, isVec := x.(*value.Vector)
		if !isVec || v.T == value.Any || v.T.IsArray() || j > 0 && v.Len() != vs[0].Len() {
			return 0, false
		}
		vs[j] = v
	}
	if len(vs) == 0 {
		return 0, false
	}
	n := vs[0].Len()
	valid := func(i int) bool {
		for _, v := range vs {
			if v.IsNull(i) {
				return false
			}
		}
		return true
	}
	if first {
		for i := 0; i < n; i++ {
			if valid(i) {
				return i, true
			}
		}
	} else {
		for i := n - 1; i >= 0; i-- {
			if valid(i) {
				return i, true
			}
		}
	}
	return -1, true
}

func notOne(name string, v *value.Vector, k value.Value, first, index bool) (value.Value, error) {
	var skip *value.Vector
	if k != nil {
		ks, ok := funcs.ScalarArg(k)
		if !ok {
			return nil, ddberr.Errorf("The argument [k] of %s must be a scalar.", name)
		}
		kc, err := cast.To(ks, v.T, v.Scale)
		if err != nil {
			return nil, err
		}
		skip = v.Clone()
		skip.AppendScalar(kc.(*value.Scalar))
	}
	n := v.Len()
	match := func(i int) bool {
		if v.IsNull(i) {
			return false
		}
		return skip == nil || value.CompareElems(skip, i, n) != 0
	}
	if first {
		for i := 0; i < n; i++ {
			if match(i) {
				return searchHit(v, i, index), nil
			}
		}
	} else {
		for i := n - 1; i >= 0; i-- {
			if match(i) {
				return searchHit(v, i, index), nil
			}
		}
	}
	return searchHit(v, -1, index), nil
}

// milastNot is, for each window ending at i, the position within the
// window of its last non-NULL element (NULL when there is none or fewer
// than minPeriods elements).
func xmilastNot(env funcs.Env, args []value.Value) (value.Value, error) {
	_, isMatrix := args[0].(*value.Matrix)
	v, ok := args[0].(*value.Vector)
	if !isMatrix && (!ok || v.T == value.Any) {
		return nil, ddberr.Errorf("The argument [X] of milastNot must be a vector.")
	}
	r := funcs.ReadArgs("milastNot", args)
	w := r.PositiveInt("window", args[1], 0)
	minP := r.PositiveInt("minPeriods", funcs.Arg(args, 2), w)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if m, ok := args[0].(*value.Matrix); ok && m.Indexed != value.NotIndexed && m.RowLabels != nil && m.RowLabels.T.Category() == value.CatTemporal {
		// over an indexed series or matrix the window is a time span in
		// the labels' unit (funcs/themes/mFunctions.md; "milastNot" page:
		// milastNot(X1, 2, 1) over dates)
		lo, err := labelWindows(m.RowLabels, w)
		if err != nil {
			return nil, err
		}
		return stats.MapColumns("milastNot", m, func(v *value.Vector) (*value.Vector, error) {
			return milastNotFrames(v, lo, int(minP)), nil
		})
	}
	// a matrix is taken column by column
	return stats.MapColumns("milastNot", args[0], func(v *value.Vector) (*value.Vector, error) {
		return milastNotColumn(v, int(w), int(minP)), nil
	})
}

// labelWindows is, for each row, the first row whose label is within w
// ticks of the row's own (labels ascending).
func labelWindows(labels *value.Vector, w int64) ([]int, error) {
	_, ts, err := higherorder.TemporalIndex("milastNot", labels)
	if err != nil {
		return nil, err
	}
	los := make([]int, len(ts))
	lo := 0
	for i, t := range ts {
		if i > 0 && t < ts[i-1] {
			return nil, ddberr.Errorf("The argument [T] of %s must be increasing.", "milastNot")
		}
		for lo < i && ts[lo] <= t-w {
			lo++
		}
		los[i] = lo
	}
	return los, nil
}

// milastNotFrames is milastNot over one column with the window of row i
// starting at row lo[i]; minPeriods counts the window's rows.
func milastNotFrames(v *value.Vector, lo []int, minP int) *value.Vector {
	out := make([]int32, v.Len())
	last := -1
	for i := range out {
		if !v.IsNull(i) {
			last = i
		}
		switch {
		case i-lo[i]+1 < minP:
			out[i] = value.NullInt32
		case last < lo[i]:
			out[i] = -1
		default:
			out[i] = int32(last - lo[i])
		}
	}
	return value.NewInts(out)
}

// milastNotColumn is milastNot over one column.
func milastNotColumn(v *value.Vector, w, minP int) *value.Vector {
	n := v.Len()
	out := make([]int32, n)
	last := -1
	for i := 0; i < n; i++ {
		if !v.IsNull(i) {
			last = i
		}
		lo := i - w + 1
		if i+1 < minP {
			out[i] = value.NullInt32
			continue
		}
		if lo < 0 {
			lo = 0
		}
		if last < lo {
			out[i] = -1
			continue
		}
		out[i] = int32(last - lo)
	}
	return value.NewInts(out)
}

func headTail(name string, head bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		n, err := funcs.IntArg(name, "n", funcs.Arg(args, 1), 1)
		if err != nil {
			return nil, err
		}
		if m, ok := args[0].(*value.Matrix); ok {
			// a matrix is a list of columns: head/tail take columns, and
			// without n the one column as a vector
			k := min(max(int(n), 0), m.Cols)
			lo, hi := 0, k
			if !head {
				lo, hi = m.Cols-k, m.Cols
			}
			if funcs.Arg(args, 1) == nil && k == 1 {
				return funcs.MatrixColumn(m, lo).Clone(), nil
			}
			idx := make([]int, 0, (hi-lo)*m.Rows)
			for i := lo * m.Rows; i < hi*m.Rows; i++ {
				idx = append(idx, i)
			}
			out := &value.Matrix{V: m.V.Gather(idx), Rows: m.Rows, Cols: hi - lo, RowLabels: m.RowLabels}
			if m.ColLabels != nil {
				out.ColLabels = m.ColLabels.Slice(lo, hi)
			}
			return out, nil
		}
		if v, ok := args[0].(*value.Vector); ok && funcs.Arg(args, 1) == nil {
			if v.Len() == 0 {
				return value.NullScalar(v.T), nil
			}
			if head {
				return v.Elem(0), nil
			}
			return v.Elem(v.Len() - 1), nil
		}
		total := higherorder.LengthOf(args[0])
		if total < 0 {
			return nil, ddberr.Errorf("The argument [obj] of %s must be a vector, matrix or table.", name)
		}
		if n < 0 {
			return nil, ddberr.Errorf("The argument [n] of %s must be a non-negative integer.", name)
		}
		k := min(int(n), total)
		if head {
			return higherorder.SliceRows(args[0], 0, k), nil
		}
		return higherorder.SliceRows(args[0], total-k, total), nil
	}
}

func xsearchK(env funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok || v.T == value.Any {
		return nil, ddberr.Errorf("The argument [X] of searchK must be a vector.")
	}
	k, err := funcs.IntArg("searchK", "k", args[1], 0)
	if err != nil {
		return nil, err
	}
	idx := make([]int, 0, v.Len())
	for i := 0; i < v.Len(); i++ {
		if !v.IsNull(i) {
			idx = append(idx, i)
		}
	}
	if k < 1 || int(k) > len(idx) {
		return value.NullScalar(v.T), nil
	}
	sort.SliceStable(idx, func(a, b int) bool { return value.CompareElems(v, idx[a], idx[b]) < 0 })
	return v.Elem(idx[k-1]), nil
}

// xslice is slice(obj, index), which is obj[index], or slice(obj,
// rowIndex, colIndex) (slice.md).
func xslice(env funcs.Env, args []value.Value) (value.Value, error) {
	if len(args) == 3 {
		switch x := args[0].(type) {
		case *value.Matrix:
			sub, err := SliceMatrix(env, x, args[1], args[2])
			_, rs := args[1].(*value.Scalar)
			_, cs := args[2].(*value.Scalar)
			if m, ok := sub.(*value.Matrix); ok && err == nil && rs && cs {
				// slice.md: m.slice(0,1) is the value 4
				return m.V.Elem(0), nil
			}
			return sub, err
		case *value.Table:
			return sliceTable(x, args[1], args[2])
		case *value.Vector:
			// an array vector's rows and columns, as av[r, c] (slice.md
			// example 3)
			return index2(env, x, args[1], args[2])
		}
	}
	switch args[0].(type) {
	case *value.Vector, *value.Pair, *value.Table, *value.Matrix:
		// a matrix's index is a column, a table's a row (slice.md:
		// m.slice(0) is [1,2,3], t.slice(0) a dictionary)
		return funcs.Index(env, args[0], args[1])
	}
	return nil, ddberr.Errorf("The argument [obj] of slice must be a vector, matrix or table.")
}

// sliceTable is slice(t, rowIndex, colIndex): the value at one row and
// column when both are scalars, else the table of those rows and
// columns (slice.md: t.slice(0,1) is 2018.01.01).
func sliceTable(t *value.Table, r, c value.Value) (value.Value, error) {
	rows, err := indexPositions(r, t.Rows())
	if err != nil {
		return nil, err
	}
	cols, err := indexPositions(c, len(t.Cols))
	if err != nil {
		return nil, err
	}
	for _, k := range rows {
		if k < 0 || k >= t.Rows() {
			return nil, ddberr.Errorf("Index out of range.")
		}
	}
	for _, k := range cols {
		if k < 0 || k >= len(t.Cols) {
			return nil, ddberr.Errorf("Index out of range.")
		}
	}
	_, rs := r.(*value.Scalar)
	_, cs := c.(*value.Scalar)
	if rs && cs {
		return t.Cols[cols[0]].Elem(rows[0]), nil
	}
	names := make([]string, len(cols))
	out := make([]*value.Vector, len(cols))
	for j, k := range cols {
		names[j], out[j] = t.Names[k], t.Cols[k].Gather(rows)
	}
	return value.NewTable(names, out), nil
}

// indexPositions expands a scalar, vector or pair index over n positions.
func indexPositions(ix value.Value, n int) ([]int, error) {
	if ix == nil {
		out := value.Iota(n)
		return out, nil
	}
	switch v := ix.(type) {
	case *value.Scalar:
		if v.T.Category() == value.CatIntegral && !v.Null {
			return []int{int(v.I)}, nil
		}
	case *value.Pair:
		lo, hi := funcs.PairRange(v, n)
		var out []int
		for i := lo; i < hi; i++ {
			out = append(out, int(i))
		}
		return out, nil
	case *value.Vector:
		if v.T.Category() == value.CatIntegral {
			l, err := cast.Vector(v, value.Long, 0)
			if err != nil {
				return nil, err
			}
			out := make([]int, l.Len())
			for i, x := range l.I64 {
				out[i] = int(x)
			}
			return out, nil
		}
	}
	return nil, ddberr.Errorf("The index must be an integer scalar, vector or pair.")
}

func SliceMatrix(env funcs.Env, m *value.Matrix, rows, cols value.Value) (value.Value, error) {
	ri, err := indexPositions(rows, m.Rows)
	if err != nil {
		return nil, err
	}
	ci, err := indexPositions(cols, m.Cols)
	if err != nil {
		return nil, err
	}
	for _, r := range ri {
		if r < 0 || r >= m.Rows {
			return nil, ddberr.Errorf("Index out of range.")
		}
	}
	for _, c := range ci {
		if c < 0 || c >= m.Cols {
			return nil, ddberr.Errorf("Index out of range.")
		}
	}
	return m.Sub(ri, ci), nil
}

func xsubarray(env funcs.Env, args []value.Value) (value.Value, error) {
	n := higherorder.LengthOf(args[0])
	if n < 0 {
		return nil, ddberr.Errorf("The argument [X] of subarray must be a vector, matrix or table.")
	}
	var lo, hi int64
	switch r := args[1].(type) {
	case *value.Pair:
		lo, hi = funcs.PairRange(r, n)
	case *value.Scalar:
		k, ok := r.Int64()
		if !ok {
			return nil, ddberr.Errorf("The argument [range] of subarray must be an integer or a pair of integers.")
		}
		lo, hi = 0, k
		if k < 0 {
			lo, hi = int64(n)+k, int64(n)
		}
	default:
		return nil, ddberr.Errorf("The argument [range] of subarray must be an integer or a pair of integers.")
	}
	if lo < 0 || hi > int64(n) || lo > hi {
		return nil, ddberr.Errorf("The range of subarray is out of bounds.")
	}
	return higherorder.SliceRows(args[0], int(lo), int(hi)), nil
}

func rowFn(env funcs.Env, args []value.Value) (value.Value, error) {
	k, err := funcs.IntArg("row", "index", args[1], 0)
	if err != nil {
		return nil, err
	}
	switch x := args[0].(type) {
	case *value.Matrix:
		if k < 0 || int(k) >= x.Rows {
			return nil, ddberr.Errorf("Index out of range.")
		}
		idx := make([]int, x.Cols)
		for c := range idx {
			idx[c] = c*x.Rows + int(k)
		}
		return x.V.Gather(idx), nil
	case *value.Table:
		if k < 0 || int(k) >= x.Rows() {
			return nil, ddberr.Errorf("Index out of range.")
		}
		return funcs.RowDict(x, int(k)), nil
	case *value.Vector:
		// an array vector's rows are its elements (arrayVector page:
		// a.row(1) reads row 1; a[1] would read column 1)
		if x.T.IsArray() || x.T == value.Any {
			if k < 0 || int(k) >= x.Len() {
				// past its rows, an array vector (or columnar tuple)
				// gives the column x[k] gives, NULLs
				// (tutorials/Array_Vector.md 2.2.1.1)
				if x.T.IsArray() || x.Columnar {
					return access.Index(x, args[1])
				}
				return nil, ddberr.Errorf("Index out of range.")
			}
			return x.Elem(int(k)), nil
		}
	}
	return nil, ddberr.Errorf("The argument [obj] of row must be a matrix or table.")
}

func colFn(env funcs.Env, args []value.Value) (value.Value, error) {
	switch x := args[0].(type) {
	case *value.Matrix:
		k, err := funcs.IntArg("col", "index", args[1], 0)
		if err != nil {
			return nil, err
		}
		if k < 0 || int(k) >= x.Cols {
			return nil, ddberr.Errorf("Index out of range.")
		}
		return funcs.MatrixColumn(x, int(k)).Clone(), nil
	case *value.Table:
		if s, ok := funcs.StringArg(args[1]); ok {
			if c := x.Column(s); c != nil {
				return c, nil
			}
			return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", s)
		}
		k, err := funcs.IntArg("col", "index", args[1], 0)
		if err != nil {
			return nil, err
		}
		if k < 0 || int(k) >= len(x.Cols) {
			return nil, ddberr.Errorf("Index out of range.")
		}
		return x.Cols[k], nil
	}
	return nil, ddberr.Errorf("The argument [obj] of col must be a matrix or table.")
}

// cellAt returns element (r, c) of a matrix or table.
func cellAt(obj value.Value, r, c int) (value.Value, error) {
	switch x := obj.(type) {
	case *value.Matrix:
		if r < 0 || r >= x.Rows || c < 0 || c >= x.Cols {
			return nil, ddberr.Errorf("Index out of range.")
		}
		return x.V.Elem(c*x.Rows + r), nil
	case *value.Table:
		if r < 0 || r >= x.Rows() || c < 0 || c >= len(x.Cols) {
			return nil, ddberr.Errorf("Index out of range.")
		}
		return x.Cols[c].Elem(r), nil
	}
	return nil, ddberr.Errorf("The argument [obj] must be a matrix or table.")
}

func xcell(env funcs.Env, args []value.Value) (value.Value, error) {
	ra := funcs.ReadArgs("cell", args)
	r := ra.Int("row", args[1], 0)
	c := ra.Int("col", args[2], 0)
	if err := ra.Err(); err != nil {
		return nil, err
	}
	return cellAt(args[0], int(r), int(c))
}

func xcells(env funcs.Env, args []value.Value) (value.Value, error) {
	rs, err := indexPositions(args[1], 0)
	if err != nil {
		return nil, err
	}
	cs, err := indexPositions(args[2], 0)
	if err != nil {
		return nil, err
	}
	if len(rs) != len(cs) {
		return nil, ddberr.Errorf("The arguments row and col of cells must have the same length.")
	}
	out := make([]value.Value, len(rs))
	for i := range rs {
		if out[i], err = cellAt(args[0], rs[i], cs[i]); err != nil {
			return nil, err
		}
	}
	return funcs.Assemble(out, funcs.RuleDolphin)
}

// prefixRows is the rows of t, in table order, whose leading key columns
// equal one of the n keys in cols.
func prefixRows(t *value.Table, cols []*value.Vector, n int) []int {
	want := make(map[string]bool, n)
	var buf []byte
	for i := 0; i < n; i++ {
		buf = buf[:0]
		for _, c := range cols {
			buf = c.AppendKey(buf, i)
		}
		want[string(buf)] = true
	}
	var rows []int
	for r, nr := 0, t.Rows(); r < nr; r++ {
		buf = buf[:0]
		for k := range cols {
			buf = t.Cols[t.KeyCols[k]].AppendKey(buf, r)
		}
		if want[string(buf)] {
			rows = append(rows, r)
		}
	}
	return rows
}

func xsliceByKey(env funcs.Env, args []value.Value) (value.Value, error) {
	t, ok := args[0].(*value.Table)
	if !ok || !t.IsKeyed() {
		return nil, ddberr.Errorf("The argument [table] of sliceByKey must be a keyed table or an indexed table.")
	}
	cols, n, err := keyColumns(t, args[1], true)
	if err != nil {
		return nil, err
	}
	var rows []int
	if len(cols) < len(t.KeyCols) {
		rows = prefixRows(t, cols, n)
	} else {
		found := make([]int32, n)
		t.FindKeys(cols, found)
		for _, r := range found {
			if r >= 0 {
				rows = append(rows, int(r))
			}
		}
	}
	out := t.Gather(rows)
	if cn := funcs.Arg(args, 2); cn != nil {
		if one, ok := funcs.StringArg(cn); ok {
			c := out.Column(one)
			if c == nil {
				return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", one)
			}
			return c, nil
		}
		names, ok := funcs.StringsArg(cn)
		if !ok {
			return nil, ddberr.Errorf("The argument [colNames] of sliceByKey must be a string scalar or vector.")
		}
		sel := &value.Table{}
		for _, name := range names {
			c := out.Column(name)
			if c == nil {
				return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", name)
			}
			sel.Names = append(sel.Names, name)
			sel.Cols = append(sel.Cols, c)
		}
		return sel, nil
	}
	return out, nil
}
