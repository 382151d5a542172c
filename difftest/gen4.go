package main

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/value"
)

// pSQL2 is -sql2: the chance that a query is one of query4's shapes.
var pSQL2 float64

// query4 makes -sql2's shapes, the SQL forms the other generators never
// draw: analytic functions with over, group by interval, union, with,
// exists, any/all, exec at top level, and coalesce, nullIf, isNull and
// between/notBetween in select and where. exists does not run on DFS
// tables nor in-memory partitioned ones (progr/sql/exists.md: not in
// distributed queries).
func (g *gen) query4() query {
	n := 11
	if dfs || strings.HasPrefix(tableKind, "partitioned") {
		n = 10
	}
	switch g.r.IntN(n) {
	case 8:
		return g.more4()
	case 9:
		return g.analyticMulti()
	case 0, 1:
		return g.analytic()
	case 2:
		return g.intervalGroup()
	case 3:
		return g.union()
	case 4:
		return g.with()
	case 5:
		return g.anyAll()
	case 6:
		return g.exec()
	case 7:
		return g.nullFns()
	default:
		return g.exists()
	}
}

// analyticMulti is two analytic calls over different windows in one
// select, or the page's top-n per group: row_number in a with, filtered
// outside.
func (g *gen) analyticMulti() query {
	if g.r.IntN(2) == 0 {
		a, b := g.analytic(), g.analytic()
		// a's and b's selects are "select rid, F over (...) as c1 from t W"
		fa, wa := splitAnalytic(a.ddb, " as c1 from t")
		fb, _ := splitAnalytic(b.ddb, " as c1 from t")
		qa, qw := splitAnalytic(a.duck, " from t")
		qb, _ := splitAnalytic(b.duck, " from t")
		if strings.Contains(a.shape, "range") || strings.Contains(b.shape, "range") {
			return a // a range frame's where filters NULL order values
		}
		return query{shape: "analytic two windows",
			ddb:  fmt.Sprintf("%s as c1, %s as c2 from t%s", fa, strings.TrimPrefix(fb, "select rid, "), wa),
			duck: fmt.Sprintf("%s, %s from t%s", qa, strings.TrimPrefix(qb, "select rid, "), qw)}
	}
	k := g.colOf(kInt, kSym, kDate)
	o := g.colOf(kLong, kDouble, kTs)
	desc := g.r.IntN(2) == 0
	dir := map[bool]string{false: "asc", true: "desc"}[desc]
	n := 1 + g.r.IntN(3)
	w1, w2 := g.where()
	return query{shape: "analytic top-n per group (with)",
		ddb:  fmt.Sprintf("with a as (select rid, %s, row_number() over (partition by %s order by %s %s, rid) as rn from t%s) select rid, rn from a where rn <= %d", k.ddb, k.ddb, o.ddb, dir, w1, n),
		duck: fmt.Sprintf("with a as (select rid, %s, row_number() over (partition by %s order by %s, rid) as rn from t%s) select rid, rn from a where rn <= %d", k.duck, k.duck, duckOrder(o.duck, desc), w2, n)}
}

// splitAnalytic splits an analytic select at sep: the select list before
// it and the where clause after it.
func splitAnalytic(q, sep string) (string, string) {
	i := strings.Index(q, sep)
	return q[:i], q[i+len(sep):]
}

// more4 is the rarer combinations: union of grouped selects, exec with
// top and order by, any/all in having (progr/sql/any.md: where or
// having), coalesce as a group key.
func (g *gen) more4() query {
	switch g.r.IntN(4) {
	case 0:
		op := g.pick("union", "union all")
		f := g.pick("count(*)", "max(w)", "sum(w)")
		tf := map[string]string{"count(*)": "count(*)", "max(w)": "max(i)", "sum(w)": "sum(i)"}[f]
		return query{shape: "union of group by", usesU: true,
			ddb:  fmt.Sprintf("select s, %s as n from t group by s %s select us, %s as n from u group by us", tf, op, f),
			duck: fmt.Sprintf("select s, %s as n from t group by s %s select us, %s as n from u group by us", tf, op, f)}
	case 1:
		c, o := g.colOf(kInt, kDouble, kSym, kDate), g.colOf(kInt, kLong, kDouble, kDate, kTs)
		desc := g.r.IntN(2) == 0
		dir := map[bool]string{false: "asc", true: "desc"}[desc]
		n := 1 + g.r.IntN(10)
		w1, w2 := g.where()
		return query{shape: "exec top + order by", exec: "vector", ordered: true,
			ddb:  fmt.Sprintf("exec top %d %s from t%s order by %s %s, rid", n, c.ddb, w1, o.ddb, dir),
			duck: fmt.Sprintf("select %s from t%s order by %s, rid limit %d", c.duck, w2, duckOrder(o.duck, desc), n)}
	case 2:
		k := g.colOf(kInt, kSym, kDate)
		op := g.pick("<", "<=", ">", ">=")
		q := g.pick("any", "all")
		cc := cmp(op, expr{ddb: "sd", duck: "sd", k: kDouble, nullable: true}, expr{ddb: "u.v", duck: "u.v", k: kDouble, nullable: true})
		d := fmt.Sprintf("exists(select 1 from u where %s)", cc.duck)
		if q == "all" {
			d = fmt.Sprintf("not exists(select 1 from u where not %s)", cc.duck)
		}
		return query{shape: "any/all in having", usesU: true,
			ddb:  fmt.Sprintf("select sum(d) as sd from t group by %s having sum(d) %s %s(select v from u)", k.ddb, op, q),
			duck: fmt.Sprintf("select * from (select %s, sum(d) as sd from t group by %s) where %s", k.duck, k.duck, d)}
	default:
		c := g.coalesceOf()
		a := g.agg()
		w1, w2 := g.where()
		return query{shape: "coalesce group key",
			ddb:  fmt.Sprintf("select %s as c1 from t%s group by %s as gk", a.ddb, w1, c.ddb),
			duck: fmt.Sprintf("select %s, %s from t%s group by 1", c.duck, a.duck, w2)}
	}
}

// frames are rows frames holding the current row, so none is empty (an
// empty frame's count and first_value the page does not give), in
// DolphinDB's shorthand and DuckDB's full form
// (progr/sql/analyticFunction.md: ROWS n PRECEDING is BETWEEN n PRECEDING
// AND CURRENT ROW).
var frames = [][2]string{
	{"rows between 1 preceding and 1 following", "rows between 1 preceding and 1 following"},
	{"rows 2 preceding", "rows between 2 preceding and current row"},
	{"rows unbounded preceding", "rows between unbounded preceding and current row"},
	{"rows between current row and unbounded following", "rows between current row and unbounded following"},
	{"rows between 2 preceding and 3 following", "rows between 2 preceding and 3 following"},
	{"rows current row", "rows between current row and current row"},
	{"rows between unbounded preceding and unbounded following", "rows between unbounded preceding and unbounded following"},
}

// analytic is an analytic function with over (progr/sql/analyticFunction.md).
// The answer keeps t's row order and each row's value, so rows compare by
// rid. Where a row's value depends on the order among ties (row_number,
// lag/lead, first/last/nth_value, rows frames) the order by ends in rid;
// rank, dense_rank, percent_rank, cume_dist and the default frame, RANGE
// BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW with an order by and the
// whole partition without, take ties as peers as SQL does. NULL sorts
// first ascending and last descending (progr/data_mani/sort_null.md).
func (g *gen) analytic() query {
	w1, w2 := g.where()
	var p1, p2 string
	if g.r.IntN(4) != 0 {
		k := g.colOf(kInt, kSym, kDate, kBool)
		p1, p2 = "partition by "+k.ddb+" ", "partition by "+k.duck+" "
		if k2 := g.colOf(kInt, kSym, kBool); g.r.IntN(3) == 0 && k2.ddb != k.ddb {
			p1, p2 = "partition by "+k.ddb+", "+k2.ddb+" ", "partition by "+k.duck+", "+k2.duck+" "
		}
	}
	o := g.colOf(kInt, kLong, kDouble, kSym, kDate, kTs)
	desc := g.r.IntN(2) == 0
	dir := map[bool]string{false: "asc", true: "desc"}[desc]
	ties1, ties2 := fmt.Sprintf("order by %s %s", o.ddb, dir), "order by "+duckOrder(o.duck, desc)
	tot1, tot2 := ties1+", rid", ties2+", rid"
	x := g.colOf(kInt, kLong, kDouble)
	mk := func(shape, f1, f2, over1, over2 string) query {
		return query{shape: "analytic " + shape,
			ddb:  fmt.Sprintf("select rid, %s over (%s) as c1 from t%s", f1, strings.TrimSpace(over1), w1),
			duck: fmt.Sprintf("select rid, %s over (%s) from t%s", f2, strings.TrimSpace(over2), w2)}
	}
	switch g.r.IntN(10) {
	case 8, 9: // the page's statistics, over the partition, the default
		// frame or a rows frame
		f1, f2 := g.analyticStat(x)
		name := strings.SplitN(f1, "(", 2)[0]
		// without an order by a partition's rows are in no order (the
		// page), nor are ties: firstNot and lastNot need a total one
		byPos := name == "firstNot" || name == "lastNot"
		switch m := g.r.IntN(3); {
		case m == 0 && !byPos:
			return mk(name+" partition", f1, f2, p1, p2)
		case m == 1 && !byPos:
			return mk(name+" running", f1, f2, p1+ties1, p2+ties2)
		case m == 1:
			return mk(name+" running", f1, f2, p1+tot1, p2+tot2)
		}
		fr := frames[g.r.IntN(len(frames))]
		return mk(name+" rows", f1, f2, p1+tot1+" "+fr[0], p2+tot2+" "+fr[1])
	case 0:
		return mk("row_number", "row_number()", "row_number()", p1+tot1, p2+tot2)
	case 1: // rank without order by is 1 on every row (the page's example)
		f := g.pick("rank", "dense_rank", "percent_rank", "cume_dist")
		if g.r.IntN(6) == 0 {
			return mk(f, f+"()", f+"()", p1, p2)
		}
		return mk(f, f+"()", f+"()", p1+ties1, p2+ties2)
	case 2: // lag/lead(expr, offset=1, default=NULL)
		f := g.pick("lag", "lead")
		if g.r.IntN(3) == 0 {
			x = g.colOf(kSym, kDate, kTs)
		}
		args1, args2 := x.ddb, x.duck
		switch g.r.IntN(3) {
		case 1:
			n := g.pick("1", "2", "3")
			args1, args2 = args1+", "+n, args2+", "+n
		case 2:
			n := g.pick("1", "2", "3")
			l := g.lit(x.k)
			args1, args2 = args1+", "+n+", "+l.ddb, args2+", "+n+", "+l.duck
		}
		return mk(f, f+"("+args1+")", f+"("+args2+")", p1+tot1, p2+tot2)
	case 3: // first_value, last_value, nth_value: the frame's rows, NULL or not
		f := g.pick("first_value", "last_value", "nth_value")
		a1, a2 := x.ddb, x.duck
		if f == "nth_value" {
			n := g.pick("1", "2", "3")
			a1, a2 = a1+", "+n, a2+", "+n
		}
		if g.r.IntN(3) == 0 {
			return mk(f, f+"("+a1+")", f+"("+a2+")", p1+tot1, p2+tot2)
		}
		fr := frames[g.r.IntN(len(frames))]
		return mk(f+" rows", f+"("+a1+")", f+"("+a2+")", p1+tot1+" "+fr[0], p2+tot2+" "+fr[1])
	case 4: // an aggregate over the whole partition
		f := g.pick("sum", "avg", "min", "max", "count", "count(*)")
		if f == "count(*)" {
			return mk("count(*) partition", f, f, p1, p2)
		}
		return mk(f+" partition", f+"("+x.ddb+")", f+"("+x.duck+")", p1, p2)
	case 5: // with an order by: the default frame, ties as peers
		f := g.pick("sum", "avg", "min", "max", "count")
		return mk(f+" running", f+"("+x.ddb+")", f+"("+x.duck+")", p1+ties1, p2+ties2)
	case 6:
		f := g.pick("sum", "avg", "min", "max", "count")
		fr := frames[g.r.IntN(len(frames))]
		return mk(f+" rows", f+"("+x.ddb+")", f+"("+x.duck+")", p1+tot1+" "+fr[0], p2+tot2+" "+fr[1])
	default:
		return g.rangeFrame(p1, p2, x)
	}
}

// analyticStat is one of the page's statistics of x (and another
// column) in both dialects: std and var are the sample's, stdp and varp
// the population's; med skips NULLs (funcs/m/med.md); sum2 is the sum of
// squares; firstNot and lastNot the first and last non-NULL
// (funcs/f/firstNot.md); corr, covar (the sample's, funcs/c/covar.md)
// and wsum (the inner product, funcs/w/wsum.md) take the rows where
// both are non-NULL; percentile interpolates linearly
// (funcs/p/percentile.md).
func (g *gen) analyticStat(x expr) (string, string) {
	y := g.colOf(kInt, kLong, kDouble)
	fs := []string{"std", "stdp", "var", "varp", "med", "sum2", "firstNot", "lastNot", "corr", "covar", "wsum", "percentile"}
	if wide { // -wide's moments lose digits (main.go): the others only
		fs = fs[4:8]
	}
	switch f := g.pick(fs...); f {
	case "sum2":
		return "sum2(" + x.ddb + ")", fmt.Sprintf("sum(cast(%s as double) * %s)", x.duck, x.duck)
	case "firstNot", "lastNot":
		d := map[string]string{"firstNot": "first_value", "lastNot": "last_value"}[f]
		return f + "(" + x.ddb + ")", d + "(" + x.duck + " ignore nulls)"
	case "corr", "covar":
		d := map[string]string{"corr": "corr", "covar": "covar_samp"}[f]
		return fmt.Sprintf("%s(%s, %s)", f, x.ddb, y.ddb), fmt.Sprintf("%s(cast(%s as double), cast(%s as double))", d, x.duck, y.duck)
	case "wsum":
		return fmt.Sprintf("wsum(%s, %s)", x.ddb, y.ddb), fmt.Sprintf("sum(cast(%s as double) * %s)", x.duck, y.duck)
	case "percentile":
		p := g.pick("10", "25", "50", "90")
		return fmt.Sprintf("percentile(%s, %s)", x.ddb, p), fmt.Sprintf("quantile_cont(%s, %s / 100.0)", x.duck, p)
	default:
		d := map[string]string{"std": "stddev_samp", "stdp": "stddev_pop", "var": "var_samp", "varp": "var_pop", "med": "median"}[f]
		return f + "(" + x.ddb + ")", d + "(" + x.duck + ")"
	}
}

// rangeFrame is an aggregate over a RANGE frame: the rows whose order by
// value lies within n of the current row's, peers included; the order by
// column is integral or temporal, n an integer in its unit or a DURATION
// (progr/sql/analyticFunction.md). Where NULL order values fall in such
// a frame the page does not say, so they are filtered out; and the
// direction of PRECEDING under a descending order neither, so it is
// ascending. DuckDB orders by the column's count (days, milliseconds) so
// n is an integer there.
func (g *gen) rangeFrame(p1, p2 string, x expr) query {
	var o1, o2, n1, n2, m1, m2 string
	switch g.r.IntN(4) {
	case 0:
		o1, o2 = "i", "i"
		n1 = g.pick("1", "2", "3")
		m1 = g.pick("0", "1", "2")
		n2, m2 = n1, m1
	case 1:
		o1, o2 = "l", "l"
		n1 = g.pick("50", "200", "400")
		m1 = g.pick("0", "100", "300")
		n2, m2 = n1, m1
	case 2:
		o1, o2 = "dt", "(dt - DATE '1970-01-01')"
		days := []string{"1", "3", "7"}
		j, k := g.r.IntN(3), g.r.IntN(3)
		n1, n2, m1, m2 = days[j], days[j], days[k], days[k]
		if g.r.IntN(2) == 0 {
			n1, m1 = n1+"d", m1+"d"
		}
	default:
		o1, o2 = "ts", "epoch_ms(ts)"
		durs := map[string]string{"1H": "3600000", "6H": "21600000", "30m": "1800000", "1d": "86400000", "2000ms": "2000"}
		keys := []string{"1H", "6H", "30m", "1d", "2000ms"}
		a, b := keys[g.r.IntN(len(keys))], keys[g.r.IntN(len(keys))]
		n1, n2, m1, m2 = a, durs[a], b, durs[b]
	}
	var fr1, fr2 string
	switch g.r.IntN(4) {
	case 0:
		fr1 = fmt.Sprintf("range between %s preceding and %s following", n1, m1)
		fr2 = fmt.Sprintf("range between %s preceding and %s following", n2, m2)
	case 1:
		fr1 = fmt.Sprintf("range %s preceding", n1)
		fr2 = fmt.Sprintf("range between %s preceding and current row", n2)
	case 2:
		fr1 = fmt.Sprintf("range between current row and %s following", m1)
		fr2 = fmt.Sprintf("range between current row and %s following", m2)
	default:
		fr1 = fmt.Sprintf("range between unbounded preceding and %s following", m1)
		fr2 = fmt.Sprintf("range between unbounded preceding and %s following", m2)
	}
	f := g.pick("sum", "avg", "min", "max", "count")
	w1, w2 := fmt.Sprintf(" where %s is not null", o1), fmt.Sprintf(" where %s is not null", o2)
	if g.r.IntN(2) == 0 {
		p := cmp(g.pick("<", ">", "!="), g.colOf(kInt, kLong, kDouble), g.lit(kInt))
		w1, w2 = w1+" and "+p.ddb, w2+" and "+p.duck
	}
	return query{shape: "analytic " + f + " range",
		ddb:  fmt.Sprintf("select rid, %s(%s) over (%sorder by %s %s) as c1 from t%s", f, x.ddb, p1, o1, fr1, w1),
		duck: fmt.Sprintf("select rid, %s(%s) over (%sorder by %s %s) from t%s", f, x.duck, p2, o2, fr2, w2)}
}

// intervalGroup is group by interval(X, duration, fill)
// (progr/sql/interval.md) over an INT, DATE or TIMESTAMP column. Windows
// start at multiples of duration from 0 (1970; the page's
// second(09:33:50/30*30)) and run without gaps from the window of the
// where clause's lower bound on X to that of its upper bound, or without
// such bounds from the first row's window to the last's; with no rows
// there are none. A window's aggregate that is NULL, for want of rows or
// as all its values are NULL, is filled: 'prev' and 'post' with the
// nearest earlier or later non-NULL one, a number with itself, 'null'
// not, and 'linear' between the nearest non-NULL neighbours by window
// position; 'none' makes no windows for want of rows and fills nothing
// (the page's year example fills the window of two NULL prices).
// DuckDB joins the aggregates to a generate_series of the windows and
// fills with windows ignoring NULLs. Left out: NULL X without bounds (the
// page does not place them), a lower or upper bound alone, interval after
// other group keys (whether each group's windows span its own rows or
// all), 'linear' on integral aggregates (the type of the interpolation)
// and where windows at either end are NULL (the page does not say whether
// it extrapolates), step, explicitOffset, closed, label and origin.
func (g *gen) intervalGroup() query {
	var x, xd, dur string
	var step int64
	var k kind
	switch g.r.IntN(3) {
	case 0:
		x, xd, k = "ts", "epoch_ms(ts)", kTs
		durs := map[string]int64{"1H": 3600000, "6H": 21600000, "30m": 1800000, "1d": 86400000}
		dur = g.pick("1H", "6H", "30m", "1d")
		step = durs[dur]
	case 1:
		x, xd, k = "dt", "(dt - DATE '1970-01-01')", kDate
		dur = g.pick("1", "2", "7", "3d")
		fmt.Sscan(strings.TrimSuffix(dur, "d"), &step)
	default:
		x, xd, k = "i", "i", kInt
		dur = g.pick("2", "3", "4")
		fmt.Sscan(dur, &step)
	}
	fill := g.pick("prev", "post", "null", "none", "value", "linear")
	bounded := fill != "linear" && g.r.IntN(2) == 0
	var w1, w2, lohi string
	if bounded {
		a, b := genCell(g.r, k, 0), genCell(g.r, k, 0)
		if a.i > b.i {
			a, b = b, a
		}
		w1 = fmt.Sprintf(" where %s between %s and %s", x, ddbLit(k, a), ddbLit(k, b))
		w2 = fmt.Sprintf(" where %s between %s and %s", x, duckLit(k, a), duckLit(k, b))
		lohi = fmt.Sprintf("(select %d as lo, %d as hi, count(*) as n from f) where n > 0", floorTo(a.i, step), floorTo(b.i, step))
	} else {
		w1, w2 = fmt.Sprintf(" where %s is not null", x), fmt.Sprintf(" where %s is not null", x)
		if g.r.IntN(2) == 0 {
			p := cmp(g.pick("<", ">", "!="), g.colOf(kLong, kDouble), g.lit(kInt))
			w1, w2 = w1+" and "+p.ddb, w2+" and "+p.duck
		}
		b := fmt.Sprintf("(%s - (((%s %% %d) + %d) %% %d))", xd, xd, step, step, step)
		lohi = fmt.Sprintf("(select min(%s) as lo, max(%s) as hi from f) where lo is not null", b, b)
	}
	aggs := [][2]string{{"sum(d)", "sum(d)"}, {"avg(d)", "avg(d)"}, {"max(i)", "max(i)"}, {"min(l)", "min(l)"},
		{"count(d)", "count(d)"}, {"sum(i)", "sum(i)"}, {"max(d)", "max(d)"}}
	if fill == "linear" { // DOUBLE and never NULL where a window has rows
		aggs = [][2]string{{"sum(nullFill(d, 0.0))", "sum(coalesce(d, 0.0))"}, {"avg(nullFill(d, 0.0))", "avg(coalesce(d, 0.0))"},
			{"max(nullFill(d, -1.5))", "max(coalesce(d, -1.5))"}, {"count(l) * 1.0", "count(l) * 1.0"}}
	}
	var a1, a2, filled []string
	for j := 0; j < 1+g.r.IntN(2); j++ {
		a := aggs[g.r.IntN(len(aggs))]
		a1 = append(a1, fmt.Sprintf("%s as a%d", a[0], j))
		a2 = append(a2, fmt.Sprintf("%s as a%d", a[1], j))
		filled = append(filled, intervalFill(fmt.Sprintf("a%d", j), fill))
	}
	fill1, fill2 := fmt.Sprintf("%q", fill), ""
	if fill == "value" {
		v := g.pick("0", "-1", "100")
		fill1 = v
		for j := range filled {
			filled[j] = fmt.Sprintf("coalesce(a%d, %s)", j, v)
		}
	}
	if fill == "none" {
		fill2 = " where has"
	}
	b := fmt.Sprintf("(%s - (((%s %% %d) + %d) %% %d))", xd, xd, step, step, step)
	var gcols []string
	for j := range a2 {
		gcols = append(gcols, fmt.Sprintf("g.a%d", j))
	}
	return query{shape: "interval " + fill,
		ddb: fmt.Sprintf("select %s from t%s group by interval(%s, %s, %s)", strings.Join(a1, ", "), w1, x, dur, fill1),
		duck: fmt.Sprintf("with f as (select * from t%s), g as (select %s as k, %s from f group by 1), "+
			"s as (select unnest(generate_series(lo, hi, %d)) as k from %s), "+
			"j as (select s.k, %s, g.k is not null as has from s left join g on s.k = g.k) "+
			"select k, %s from j%s", w2, b, strings.Join(a2, ", "), step, lohi, strings.Join(gcols, ", "), strings.Join(filled, ", "), fill2)}
}

// floorTo is x's window start for windows of step from 0.
func floorTo(x, step int64) int64 { return x - ((x%step)+step)%step }

// intervalFill is DuckDB's fill of the window aggregate a, by window k.
func intervalFill(a, fill string) string {
	before := "over (order by k rows between unbounded preceding and current row)"
	after := "over (order by k rows between current row and unbounded following)"
	switch fill {
	case "prev":
		return fmt.Sprintf("last_value(%s ignore nulls) %s", a, before)
	case "post":
		return fmt.Sprintf("first_value(%s ignore nulls) %s", a, after)
	case "linear":
		pv := fmt.Sprintf("last_value(%s ignore nulls) %s", a, before)
		pk := fmt.Sprintf("last_value(case when %s is not null then k end ignore nulls) %s", a, before)
		nv := fmt.Sprintf("first_value(%s ignore nulls) %s", a, after)
		nk := fmt.Sprintf("first_value(case when %s is not null then k end ignore nulls) %s", a, after)
		return fmt.Sprintf("coalesce(%s, %s + (%s - %s) * (k - %s) / (%s - %s))", a, pv, nv, pv, pk, nk, pk)
	}
	return a
}

// uPred is a condition on u's value columns.
func (g *gen) uPred() expr {
	if g.r.IntN(2) == 0 {
		return cmp(g.pick("<", ">", "!=", ">="), col("v", kDouble), g.lit(kDouble))
	}
	return cmp(g.pick("<", ">", "==", "<="), col("k", kInt), g.lit(kInt))
}

// union chains two or three selects of t and u with union (duplicates
// dropped, NULL equal to NULL) or union all (progr/sql/union.md: left to
// right, the first select's columns name the answer), each maybe in
// parentheses. The selects' columns share types.
func (g *gen) union() query {
	cols := g.r.IntN(3)
	part := func() (string, string, bool) {
		if g.r.IntN(3) == 0 {
			c := [...]string{"k, us", "w, v", "k, w"}[cols]
			if g.r.IntN(2) == 0 {
				return "select " + c + " from u", "select " + c + " from u", true
			}
			p := g.uPred()
			return "select " + c + " from u where " + p.ddb, "select " + c + " from u where " + p.duck, true
		}
		c := [...]string{"i, s", "i, d", "i, rid"}[cols]
		p := g.pred(1)
		return "select " + c + " from t where " + p.ddb, "select " + c + " from t where " + p.duck, false
	}
	paren := g.r.IntN(2) == 0
	wrap := func(s string) string {
		if paren {
			return "(" + s + ")"
		}
		return s
	}
	var d, q []string
	usesU := false
	n := 2 + g.r.IntN(2)
	shape := "union"
	for j := 0; j < n; j++ {
		a, b, u := part()
		usesU = usesU || u
		if j > 0 {
			op := g.pick("union", "union all")
			if op == "union all" {
				shape = "union all"
			}
			d, q = append(d, op), append(q, op)
		}
		d, q = append(d, wrap(a)), append(q, wrap(b))
	}
	return query{shape: shape, usesU: usesU, ddb: strings.Join(d, " "), duck: strings.Join(q, " ")}
}

// with names subqueries for the final select (progr/sql/with.md): one
// over t, a second over the first or over u joined to it (NULL keys
// match nothing, as in the joins), columns renamed after the name, and a
// final select or exec.
func (g *gen) with() query {
	w1, w2 := g.where()
	k := g.colOf(kInt, kSym, kDate)
	a := g.agg()
	for a.k == kSym || a.k == kStr || a.k == kDate || a.k == kTs {
		a = g.agg()
	}
	c := cmp(g.pick(">", "<", "!="), expr{ddb: "m", duck: "m", nullable: true}, threshold(a))
	switch g.r.IntN(4) {
	case 0:
		return query{shape: "with",
			ddb:  fmt.Sprintf("with a as (select %s as m, count(*) as n from t%s group by %s as gk) select * from a where %s", a.ddb, w1, k.ddb, c.ddb),
			duck: fmt.Sprintf("with a as (select %s as gk, %s as m, count(*) as n from t%s group by %s) select * from a where %s", k.duck, a.duck, w2, k.duck, c.duck)}
	case 1: // colNames rename the subquery's columns
		return query{shape: "with colNames",
			ddb:  fmt.Sprintf("with a(x, m) as (select %s, %s from t%s group by %s) select x, m from a where %s", k.ddb, a.ddb, w1, k.ddb, c.ddb),
			duck: fmt.Sprintf("with a(x, m) as (select %s, %s from t%s group by %s) select x, m from a where %s", k.duck, a.duck, w2, k.duck, c.duck)}
	case 2: // the second over the first, and an exec of a scalar
		return query{shape: "with two + exec", exec: "scalar",
			ddb:  fmt.Sprintf("with a as (select * from t%s), b as (select %s as m from a group by %s) exec count(*) from b where %s", w1, a.ddb, k.ddb, c.ddb),
			duck: fmt.Sprintf("with a as (select * from t%s), b as (select %s as m from a group by %s) select count(*) from b where %s", w2, a.duck, k.duck, c.duck)}
	default:
		return query{shape: "with join", usesU: true,
			ddb:  fmt.Sprintf("with a as (select i as k, %s as m from t%s group by i), b as (select k, sum(v) as sv from u group by k) select a.k, m, sv from a inner join b on a.k = b.k", a.ddb, w1),
			duck: fmt.Sprintf("with a as (select i as k, %s as m from t%s group by i), b as (select k, sum(v) as sv from u group by k) select a.k, m, sv from a inner join b on a.k = b.k", a.duck, w2)}
	}
}

// exists filters t by a subquery of u (progr/sql/exists.md): an
// uncorrelated one keeps all rows or none, a correlated one (t's column
// in u's) each row whose subquery has rows. A NULL is in a column
// holding a NULL (progr/data_mani/null_oper.md).
func (g *gen) exists() query {
	not := g.pick("", "not ")
	if g.r.IntN(2) == 0 {
		p := g.uPred()
		return query{shape: "exists uncorrelated", usesU: true,
			ddb:  fmt.Sprintf("select rid, i from t where %sexists(select * from u where %s)", not, p.ddb),
			duck: fmt.Sprintf("select rid, i from t where %sexists(select 1 from u where %s)", not, p.duck)}
	}
	if g.r.IntN(2) == 0 {
		return query{shape: "exists correlated", usesU: true,
			ddb:  fmt.Sprintf("select rid, i from t where %sexists(select * from u where t.i in u.k)", not),
			duck: fmt.Sprintf("select rid, i from t where %sexists(select 1 from u where u.k is not distinct from t.i)", not)}
	}
	return query{shape: "exists correlated", usesU: true,
		ddb:  fmt.Sprintf("select rid, s from t where %sexists(select * from u where t.s in u.us)", not),
		duck: fmt.Sprintf("select rid, s from t where %sexists(select 1 from u where u.us = t.s)", not)}
}

// anyAll compares a column with any or all of a subquery's values or a
// vector's (progr/sql/any.md): any holds if some value satisfies the
// comparison, all if every one does (so all of none holds); the
// comparison is DolphinDB's, NULL the smallest value and equal to NULL.
// "= all", which the page equates with "!= any", is left out, and so is
// "!= any".
func (g *gen) anyAll() query {
	c := g.colOf(kInt, kDouble)
	op := g.pick("<", "<=", ">", ">=", "=", "!=")
	q := "any"
	switch op {
	case "!=":
		q = "all"
	case "=":
	default:
		q = g.pick("any", "all")
	}
	cop := op
	if op == "=" {
		cop = "=="
	}
	if g.r.IntN(3) == 0 { // a vector
		var l1 []string
		var cs []string
		for j := 0; j < 1+g.r.IntN(4); j++ {
			l := g.lit(c.k)
			if c.k == kDouble && !strings.ContainsAny(l.ddb, ".e") {
				// -45 is an INT, and = any is in (progr/sql/any.md), which
				// converts a DOUBLE to the set's INT (funcs/i/in.md)
				l.ddb += ".0"
			}
			l1 = append(l1, l.ddb)
			cs = append(cs, cmp(cop, c, l).duck)
		}
		join := map[string]string{"any": " or ", "all": " and "}[q]
		return query{shape: "any/all vector",
			ddb:  fmt.Sprintf("select rid, %s from t where %s %s %s([%s])", c.ddb, c.ddb, op, q, strings.Join(l1, ", ")),
			duck: fmt.Sprintf("select rid, %s from t where (%s)", c.duck, strings.Join(cs, join))}
	}
	uc := col("k", kInt)
	if c.k == kDouble {
		uc = col("v", kDouble)
	}
	u1, u2 := "", "true"
	if g.r.IntN(2) == 0 {
		p := g.uPred()
		u1, u2 = " where "+p.ddb, p.duck
	}
	cc := cmp(cop, c, expr{ddb: "u." + uc.ddb, duck: "u." + uc.duck, k: uc.k, nullable: true})
	d := fmt.Sprintf("exists(select 1 from u where %s and %s)", u2, cc.duck)
	if q == "all" {
		d = fmt.Sprintf("not exists(select 1 from u where %s and not %s)", u2, cc.duck)
	}
	return query{shape: "any/all subquery", usesU: true,
		ddb:  fmt.Sprintf("select rid, %s from t where %s %s %s(select %s from u%s)", c.ddb, c.ddb, op, q, uc.ddb, u1),
		duck: fmt.Sprintf("select rid, %s from t where %s", c.duck, d)}
}

// exec at top level (progr/sql/exec.md): one aggregate gives a scalar,
// one column a vector, several columns a table, each checked.
func (g *gen) exec() query {
	w1, w2 := g.where()
	switch g.r.IntN(4) {
	case 0:
		a := g.agg()
		return query{shape: "exec scalar", exec: "scalar",
			ddb:  fmt.Sprintf("exec %s from t%s", a.ddb, w1),
			duck: fmt.Sprintf("select %s from t%s", a.duck, w2)}
	case 1:
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs, kBool)
		return query{shape: "exec vector", exec: "vector",
			ddb:  fmt.Sprintf("exec %s from t%s", c.ddb, w1),
			duck: fmt.Sprintf("select %s from t%s", c.duck, w2)}
	case 2:
		c, o := g.colOf(kInt, kDouble, kSym, kDate), g.colOf(kInt, kLong, kDouble, kSym, kDate, kTs)
		desc := g.r.IntN(2) == 0
		dir := map[bool]string{false: "asc", true: "desc"}[desc]
		return query{shape: "exec vector ordered", exec: "vector", ordered: true,
			ddb:  fmt.Sprintf("exec %s from t%s order by %s %s, rid", c.ddb, w1, o.ddb, dir),
			duck: fmt.Sprintf("select %s from t%s order by %s, rid", c.duck, w2, duckOrder(o.duck, desc))}
	default:
		c := g.colOf(kInt, kLong, kDouble, kSym, kDate)
		return query{shape: "exec table", exec: "table",
			ddb:  fmt.Sprintf("exec rid, %s from t%s", c.ddb, w1),
			duck: fmt.Sprintf("select rid, %s from t%s", c.duck, w2)}
	}
}

// coalesceOf is coalesce of a column and values of its type
// (progr/sql/coalesce.md: the first non-NULL, NULL if none is).
func (g *gen) coalesceOf() expr {
	switch g.r.IntN(6) {
	case 0:
		return expr{ddb: "coalesce(i, -1)", duck: "coalesce(i, -1)", k: kInt}
	case 1:
		return expr{ddb: "coalesce(d, double(l), 0.5)", duck: "coalesce(d, cast(l as double), 0.5)", k: kDouble}
	case 2:
		return expr{ddb: "coalesce(l, long(i))", duck: "coalesce(l, cast(i as bigint))", k: kLong, nullable: true}
	case 3:
		return expr{ddb: "coalesce(dt, date(ts))", duck: "coalesce(dt, cast(ts as date))", k: kDate, nullable: true}
	case 4:
		return expr{ddb: `coalesce(str, "none")`, duck: "coalesce(nullif(str, ''), 'none')", k: kStr}
	default:
		return expr{ddb: "coalesce(i, rid)", duck: "coalesce(i, rid)", k: kInt}
	}
}

// nullIfOf is nullIf of a column and a value of its type (funcs/n/nullIf.md:
// NULL where they are equal, else the column).
func (g *gen) nullIfOf() expr {
	c := g.colOf(kInt, kLong, kDouble, kSym, kDate)
	if c.k == kInt && g.r.IntN(3) == 0 {
		return expr{ddb: "nullIf(i, rid)", duck: "nullif(i, rid)", k: kInt, nullable: true}
	}
	l := g.lit(c.k)
	return expr{ddb: fmt.Sprintf("nullIf(%s, %s)", c.ddb, l.ddb), duck: fmt.Sprintf("nullif(%s, %s)", c.duck, l.duck), k: c.k, nullable: true}
}

// nullFns puts coalesce, nullIf, isNull, between and notBetween in select
// and where. between and notBetween include both bounds
// (progr/sql/notbetween.md, funcs/b/between.md); a NULL, the smallest
// value, is below the generated bounds.
func (g *gen) nullFns() query {
	btw := func() expr {
		c := g.colOf(kInt, kLong, kDouble, kDate, kTs)
		lo, hi := g.lit(c.k), g.lit(c.k)
		in := fmt.Sprintf("coalesce(%s between %s and %s, false)", c.duck, lo.duck, hi.duck)
		switch g.r.IntN(5) {
		case 0:
			return expr{ddb: fmt.Sprintf("(%s notBetween %s and %s)", c.ddb, lo.ddb, hi.ddb), duck: "(not " + in + ")", k: kBool}
		case 1:
			return expr{ddb: fmt.Sprintf("(%s notBetween %s:%s)", c.ddb, lo.ddb, hi.ddb), duck: "(not " + in + ")", k: kBool}
		case 2:
			return expr{ddb: fmt.Sprintf("notBetween(%s, %s:%s)", c.ddb, lo.ddb, hi.ddb), duck: "(not " + in + ")", k: kBool}
		case 3:
			return expr{ddb: fmt.Sprintf("between(%s, %s:%s)", c.ddb, lo.ddb, hi.ddb), duck: in, k: kBool}
		default:
			return expr{ddb: fmt.Sprintf("(%s between %s and %s)", c.ddb, lo.ddb, hi.ddb), duck: in, k: kBool}
		}
	}
	isNull := func() expr {
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs, kBool)
		if g.r.IntN(2) == 0 {
			return expr{ddb: "isNull(" + c.ddb + ")", duck: "(" + c.duckNull() + " is null)", k: kBool}
		}
		return expr{ddb: "not isNull(" + c.ddb + ")", duck: "(" + c.duckNull() + " is not null)", k: kBool}
	}
	if g.r.IntN(2) == 0 { // in select
		w1, w2 := g.where()
		sel := g.some(func() expr {
			switch g.r.IntN(3) {
			case 0:
				return g.coalesceOf()
			case 1:
				return g.nullIfOf()
			default:
				return btw()
			}
		})
		return query{shape: "coalesce/nullIf/between in select",
			ddb:  "select rid, " + aliased(sel) + " from t" + w1,
			duck: "select rid, " + names(sel, duckOf) + " from t" + w2}
	}
	var p expr
	shape := "in where"
	switch g.r.IntN(4) {
	case 0:
		e := g.coalesceOf()
		p, shape = cmp(g.pick("<", ">", "==", "!="), e, g.lit(e.k)), "coalesce "+shape
	case 1:
		e := g.nullIfOf()
		p, shape = cmp(g.pick("<", ">", "==", "!=", ">="), e, g.lit(e.k)), "nullIf "+shape
	case 2:
		p, shape = isNull(), "isNull "+shape
	default:
		p, shape = btw(), "between/notBetween "+shape
	}
	return query{shape: shape,
		ddb:  "select rid, i, s from t where " + p.ddb,
		duck: "select rid, i, s from t where " + p.duck}
}

// formDiffers checks that Porpoise answers q, an exec, in the form
// progr/sql/exec.md gives it.
func (f *fuzzer) formDiffers(q query) error {
	v, err := f.s.Run(q.ddb)
	if err != nil {
		return err
	}
	want := map[string]value.Form{"scalar": value.FormScalar, "vector": value.FormVector, "table": value.FormTable}[q.exec]
	if v.Form() != want {
		return fmt.Errorf("the answer's form is %v, exec's is a %s", v.Form(), q.exec)
	}
	return nil
}
