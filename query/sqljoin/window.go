package sqljoin

import (
	"math"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

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
	aggs, bind := windowAggs(args[3])
	defer h.Bind(bind)()
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
	// each left row's window: a run of its group's right rows, which
	// GroupByTime lists ascending by the last column
	tg := join.GroupByTime(lkeys, rkeys, false)
	if !tg.WordsOK {
		return nil, ddberr.Errorf("The last matching column of a window join must be integral or temporal.")
	}
	nl := left.Rows()
	prev := make([]int64, len(tg.Start)-1) // 0:0: the previous left value per group
	seen := make([]bool, len(prev))
	from, to := make([]int, nl), make([]int, nl) // the window: tg.Rows[from[l]:to[l]]
	for l, g := range tg.Left {
		t := tg.LeftWords[l]
		if g < 0 || t == math.MinInt64 {
			continue
		}
		base := tg.Start[g]
		ws := tg.Words[base:tg.Start[g+1]]
		var i, j int
		if zero {
			if seen[g] {
				i = firstAtLeast(ws, prev[g])
			}
			prev[g], seen[g] = t, true
			j = firstAtLeast(ws, t)
		} else {
			lo, hi := t+w1, t+w2
			i, j = firstAtLeast(ws, lo), firstAtLeast(ws, hi+1)
			if prevailing {
				if i < len(ws) && ws[i] == lo {
					// only the last of the rows on the left bound
					for i+1 < j && ws[i+1] == lo {
						i++
					}
				} else if i > 0 {
					i-- // the prevailing row before the window
				}
			}
		}
		if i < j {
			from[l], to[l] = base+i, base+j
		}
	}
	// the windows' rows one after another, numbered by left row: the
	// groups of groupagg's typed aggregates
	size := 0
	for l := range from {
		size += to[l] - from[l]
	}
	all := make([]int, 0, size)
	g := &groupagg.Groups{IDs: make([]int32, 0, size), N: nl, First: make([]int, nl)}
	ctx := h.Context()
	for l := range from {
		// windows can overlap: their rows may far outnumber both tables'
		if l&1023 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		g.First[l] = -1
		if from[l] < to[l] {
			g.First[l] = len(all)
		}
		all = append(all, tg.Rows[from[l]:to[l]]...)
		for range to[l] - from[l] {
			g.IDs = append(g.IDs, int32(l))
		}
	}
	vals := make([]*value.Vector, len(aggs))
	for k, a := range aggs {
		if v, ok := windowAggregate(h, right, colname.Strip(a), all, g); ok {
			vals[k] = v
			continue
		}
		// anything else is evaluated window by window
		each := make([]value.Value, nl)
		off := 0
		for l := range from {
			if l&1023 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			n := to[l] - from[l]
			v, err := h.EvalTable(right.Gather(all[off:off+n]), colname.Strip(a))
			if err != nil {
				return nil, err
			}
			each[l], off = v, off+n
		}
		vec, err := groupagg.ScalarColumn(each)
		if err != nil {
			return nil, err
		}
		vals[k] = vec
	}
	names := append([]string(nil), left.Names...)
	cols := append([]*value.Vector(nil), left.Cols...)
	for k, a := range aggs {
		names = append(names, colname.Of(a))
		cols = append(cols, vals[k])
	}
	return value.NewTable(colname.Unique(names), cols), nil
}

// windowAggs reads a window join's aggs: metacode of one expression or a
// bracketed list of them, or a tuple of metacode; bind collects the values
// metacode made in a function captured.
func windowAggs(v value.Value) (aggs []ast.Expr, bind map[string]value.Value) {
	add := func(x ast.Expr, b map[string]value.Value, split bool) {
		for k, v := range b {
			if bind == nil {
				bind = map[string]value.Value{}
			}
			bind[k] = v
		}
		if split {
			switch y := x.(type) {
			case *ast.ArrayExpr:
				aggs = append(aggs, y.Elems...)
				return
			case *ast.TupleExpr:
				aggs = append(aggs, y.Elems...)
				return
			}
		}
		aggs = append(aggs, x)
	}
	code := func(v value.Value) (ast.Expr, map[string]value.Value, bool) {
		switch c := v.(type) {
		case *funcs.Code:
			return c.X, nil, true
		case *funcs.Meta:
			return c.X, c.Bind, c.Stmt == nil
		}
		return nil, nil, false
	}
	if x, b, ok := code(v); ok {
		add(x, b, true)
		return aggs, bind
	}
	if t, ok := v.(*value.Vector); ok && t.T == value.Any {
		for _, e := range t.Any {
			x, b, ok := code(e)
			if !ok {
				return nil, nil
			}
			add(x, b, false)
		}
	}
	return aggs, bind
}

// firstAtLeast is the first position of ws (ascending) holding w or more.
func firstAtLeast(ws []int64, w int64) int {
	lo, hi := 0, len(ws)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ws[mid] < w {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// windowAggregate computes agg, a built-in aggregate of right's columns
// (or count(*)), over every window at once with groupagg's typed loops:
// all holds the windows' right rows one after another, g numbers them
// by left row. ok is false for any other metacode.
func windowAggregate(h Host, right *value.Table, agg ast.Expr, all []int, g *groupagg.Groups) (*value.Vector, bool) {
	call, ok := agg.(*ast.CallExpr)
	if !ok || call.Method {
		return nil, false
	}
	id, ok := call.Fn.(*ast.Ident)
	if !ok || !h.IsAggregate(id.Name) {
		return nil, false
	}
	var args []*value.Vector
	for _, a := range call.Args {
		if _, star := a.(*ast.StarExpr); star && len(call.Args) == 1 {
			break
		}
		col, ok := a.(*ast.Ident)
		if !ok {
			return nil, false
		}
		c := value.NameIndex(right.Names, col.Name)
		if c < 0 {
			return nil, false
		}
		args = append(args, right.Cols[c].Gather(all))
	}
	return groupagg.Aggregate(strings.ToLower(id.Name), args, g)
}
