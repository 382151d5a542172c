package sqljoin

import (
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// elemInt is element i of an integral or temporal column as int64.
func elemInt(v *value.Vector, i int) int64 {
	switch v.T.Storage() {
	case value.StInt8:
		return int64(v.I8[i])
	case value.StInt16:
		return int64(v.I16[i])
	case value.StInt32:
		return int64(v.I32[i])
	}
	return v.I64[i]
}

// windowBound converts a window end (an integer or a DURATION) to units
// of the column type t.
func windowBound(s *value.Scalar, t value.Type) (int64, error) {
	if s.T == value.Duration {
		unit, dn := value.TickNanos(t), value.DurationNanos(value.DurationUnit(s))
		if unit == 0 || dn == 0 || s.I*dn%unit != 0 {
			return 0, ddberr.Errorf("The window of a window join doesn't match the type of the last matching column.")
		}
		return s.I * dn / unit, nil
	}
	if s.T.Category() != value.CatIntegral {
		return 0, ddberr.Errorf("The window of a window join must be a pair of integers or durations.")
	}
	x, _ := s.Int64()
	return x, nil
}

// WindowJoin is wj (pwj when prevailing): for each left row with last
// matching value t, the right rows with equal other matching columns and
// last matching column within [t+w1, t+w2] are aggregated by the
// metacode aggs. pwj also takes the last right row before t+w1 when none
// falls on it. The window 0:0 is [t0, t) instead, t0 being the previous
// left row's value among those with equal other matching columns (all
// earlier right rows for the first one), as windowjoin.md describes.
func WindowJoin(h Host, args []value.Value, prevailing bool) (value.Value, error) {
	left, right, err := joinTables(h, args)
	if err != nil {
		return nil, err
	}
	win, ok := args[2].(*value.Pair)
	if !ok {
		return nil, ddberr.Errorf("The window of a window join must be a pair.")
	}
	var aggs []sqlparse.Expr
	switch x := args[3].(type) {
	case *funcs.Code:
		aggs = []sqlparse.Expr{x.X}
		switch y := x.X.(type) {
		case *sqlparse.ArrayExpr:
			aggs = y.Elems
		case *sqlparse.TupleExpr:
			aggs = y.Elems
		}
	case *value.Vector: // a tuple of metacode
		for _, e := range x.Any {
			c, ok := e.(*funcs.Code)
			if !ok {
				return nil, ddberr.Errorf("The aggs of a window join must be metacode.")
			}
			aggs = append(aggs, c.X)
		}
	}
	if len(aggs) == 0 {
		return nil, ddberr.Errorf("The aggs of a window join must be metacode.")
	}
	lk, rk, err := matchingColumns(args[4:])
	if err != nil {
		return nil, err
	}
	li, err := join.ColumnPositions(left, lk)
	if err != nil {
		return nil, err
	}
	ri, err := join.ColumnPositions(right, rk)
	if err != nil {
		return nil, err
	}
	last := len(li) - 1
	lt := left.Cols[li[last]]
	if c := lt.T.Category(); c != value.CatIntegral && c != value.CatTemporal {
		return nil, ddberr.Errorf("The last matching column of a window join must be integral or temporal.")
	}
	w1, err := windowBound(win.V.At(0), lt.T)
	if err != nil {
		return nil, err
	}
	w2, err := windowBound(win.V.At(1), lt.T)
	if err != nil {
		return nil, err
	}
	zero := w1 == 0 && w2 == 0
	prevT := map[string]int64{} // 0:0: the previous left value per key
	rkeys := make([]*value.Vector, len(ri))
	for k, c := range ri {
		want := left.Cols[li[k]]
		rkeys[k] = right.Cols[c]
		if rkeys[k].T != want.T {
			if rkeys[k], err = cast.Vector(rkeys[k], want.T, want.Scale); err != nil {
				return nil, ddberr.Errorf("The matching columns %s and %s have incompatible types.", lk[k], rk[k])
			}
		}
	}
	lkeys := make([]*value.Vector, len(li))
	for k, c := range li {
		lkeys[k] = left.Cols[c]
	}
	// the columns before the last match on equality: coded SYMBOL ones
	// as codes of one base
	eqL, eqR := join.CodeKeys(lkeys[:last], rkeys[:last])
	var buf []byte
	keyOf := func(cols []*value.Vector, row int) (string, bool) {
		buf = buf[:0]
		for _, c := range cols {
			if c.IsNull(row) {
				return "", false
			}
			buf = c.AppendKey(buf, row)
		}
		return string(buf), true
	}
	rt := rkeys[last]
	groups := map[string][]int{}
	for r := 0; r < right.Rows(); r++ {
		if rt.IsNull(r) {
			continue
		}
		if key, ok := keyOf(eqR, r); ok {
			groups[key] = append(groups[key], r)
		}
	}
	for _, g := range groups {
		sort.SliceStable(g, func(a, b int) bool { return elemInt(rt, g[a]) < elemInt(rt, g[b]) })
	}
	vals := make([][]value.Value, len(aggs))
	var rows []int
	for l := 0; l < left.Rows(); l++ {
		rows = rows[:0]
		key, ok := keyOf(eqL, l)
		if ok && zero && !lt.IsNull(l) {
			t := elemInt(lt, l)
			lo, seen := prevT[key]
			prevT[key] = t
			g := groups[key]
			i := 0
			if seen {
				i = sort.Search(len(g), func(i int) bool { return elemInt(rt, g[i]) >= lo })
			}
			j := sort.Search(len(g), func(i int) bool { return elemInt(rt, g[i]) >= t })
			if i < j {
				rows = append(rows, g[i:j]...)
			}
		} else if g := groups[key]; ok && !lt.IsNull(l) && len(g) > 0 {
			t := elemInt(lt, l)
			lo, hi := t+w1, t+w2
			i := sort.Search(len(g), func(i int) bool { return elemInt(rt, g[i]) >= lo })
			j := sort.Search(len(g), func(i int) bool { return elemInt(rt, g[i]) > hi })
			if prevailing {
				if i < len(g) && elemInt(rt, g[i]) == lo {
					// only the last of the rows on the left bound
					for i+1 < j && elemInt(rt, g[i+1]) == lo {
						i++
					}
				} else if i > 0 {
					i-- // the prevailing row before the window
				}
			}
			if i < j {
				rows = append(rows, g[i:j]...)
			}
		}
		sub := right.Gather(rows)
		for k, a := range aggs {
			v, err := h.EvalTable(sub, colname.Strip(a))
			if err != nil {
				return nil, err
			}
			vals[k] = append(vals[k], v)
		}
	}
	names := append([]string(nil), left.Names...)
	cols := append([]*value.Vector(nil), left.Cols...)
	for k, a := range aggs {
		names = append(names, colname.Of(a))
		vec, err := groupagg.ScalarColumn(vals[k])
		if err != nil {
			return nil, err
		}
		cols = append(cols, vec)
	}
	return value.NewTable(colname.Unique(names), cols), nil
}
