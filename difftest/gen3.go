package main

import (
	"fmt"
	"strings"
)

// query3 makes the window, moving, ranking and time-series shapes.
func (g *gen) query3() query {
	switch g.r.IntN(17) {
	case 16:
		return g.contextAgg3()
	case 14:
		return g.moving2()
	case 15:
		return g.pivotMore()
	case 13:
		return g.movingWhere()
	case 12:
		return g.timeJoin()
	case 0, 1:
		return g.moving()
	case 2:
		return g.tmoving()
	case 3:
		return g.cumulative()
	case 4:
		return g.ranking()
	case 5, 6:
		return g.aggregates3()
	case 7:
		return g.barGroup()
	case 8:
		return g.pivot()
	case 9:
		return g.cgroup()
	case 10:
		return g.contextFilter()
	default:
		return g.csortFirstLast()
	}
}

// ctx is where a window runs: DolphinDB's context by clause (empty for
// the whole table, maybe with csort), and DuckDB's partition and the
// order the group's rows take (rid, or csort's columns then rid).
type ctx struct{ ddb, part, ord string }

// over is a window clause in DuckDB's syntax over c's groups in their
// order, with the frame given.
func over(c ctx, frame string) string {
	p := ""
	if c.part != "" {
		p = "partition by " + c.part + " "
	}
	return "over (" + p + "order by " + c.ord + " " + frame + ")"
}

// ctxKey is a context by on one or two keys, or none for the whole
// table; a context by may csort its rows first (by a column, then rid
// for a total order), which the functions then see in that order
// (progr/sql/contextBy.md).
func (g *gen) ctxKey() ctx {
	if g.r.IntN(4) == 0 {
		return ctx{ord: "rid"}
	}
	k := g.colOf(kInt, kSym, kDate, kBool)
	c := ctx{ddb: " context by " + k.ddb, part: k.duck, ord: "rid"}
	if g.r.IntN(4) == 0 {
		k2 := g.colOf(kInt, kSym, kDate, kBool)
		if k2.ddb != k.ddb {
			c.ddb += ", " + k2.ddb
			c.part += ", " + k2.duck
		}
	}
	if g.r.IntN(4) == 0 {
		y := g.colOf(kInt, kLong, kDouble, kTs)
		desc := g.r.IntN(2) == 0
		c.ddb += " csort " + y.ddb + map[bool]string{false: " asc", true: " desc"}[desc] + ", rid"
		c.ord = duckOrder(y.duck, desc) + ", rid"
	}
	return c
}

// numCol is a numeric column of t; under -wide, d's variance is taken
// of d - 1e9, which does not change it and is exact in that binade,
// as DuckDB loses digits to cancellation there.
func (g *gen) numCol() expr { return g.colOf(kInt, kLong, kDouble) }

func shifted(c expr) string {
	if wide && c.ddb == "d" {
		return "(d - 1e9)"
	}
	return c.duck
}

// moving is an m-function over a window of n rows (funcs/themes/
// mFunctions.md): without minPeriods the first n-1 rows of each group are
// NULL whatever they hold, and later windows are computed over their
// non-NULL values (msum(2 1 3 NULL 6 5 4, 3) is [,,6,4,9,11,15],
// funcs/m/msum.md); with minPeriods p a window needs p non-NULL values
// (mcount(1 2 3 NULL 5, 3, minPeriods=3) is [,,3,,], funcs/m/mcount.md).
// mcount alone has no leading NULLs without minPeriods. A window of only
// NULLs is NULL (sum, avg, max... of nothing); mstd/mvar need two values;
// mfirst is the window's first row, NULL or not, mlast the current row.
func (g *gen) moving() query {
	cx := g.ctxKey()
	c := g.numCol()
	f := g.pick("mavg", "msum", "mcount", "mmax", "mmin", "mmed", "mstd", "mvar", "mfirst", "mlast", "mprod")
	if g.r.IntN(5) == 0 && (f == "mmax" || f == "mmin" || f == "mfirst" || f == "mlast" || f == "mcount") {
		c = g.colOf(kDate, kTs, kInt)
	}
	if f == "mprod" && wide {
		f = "msum" // products of -wide's numbers overflow
	}
	n := 2 + g.r.IntN(4)
	p := 0
	if g.r.IntN(3) == 0 {
		p = 1 + g.r.IntN(n)
	}
	frame := over(cx, fmt.Sprintf("rows between %d preceding and current row", n-1))
	x := c.duck
	if f == "mstd" || f == "mvar" {
		x = shifted(c)
	}
	agg := map[string]string{"mavg": "avg(%s)", "msum": "sum(%s)", "mcount": "count(%s)", "mmax": "max(%s)", "mmin": "min(%s)",
		"mmed": "quantile_cont(%s, 0.5)", "mstd": "stddev_samp(%s)", "mvar": "var_samp(%s)", "mfirst": "first_value(%s)",
		"mlast": "last_value(%s)", "mprod": "product(%s)"}[f]
	duck := fmt.Sprintf(agg, x) + " " + frame
	args := fmt.Sprintf("%s, %d", c.ddb, n)
	switch {
	case p > 0:
		args += fmt.Sprintf(", %d", p)
		duck = fmt.Sprintf("case when count(%s) %s >= %d then %s end", c.duck, frame, p, duck)
	case f != "mcount":
		duck = fmt.Sprintf("case when row_number() %s >= %d then %s end", over(cx, ""), n, duck)
	}
	w1, w2 := g.where()
	shape := "moving " + f
	if cx.ddb == "" {
		shape += " (whole table)"
	}
	return query{shape: shape,
		ddb:  fmt.Sprintf("select rid, %s(%s) as c1 from t%s%s", f, args, w1, cx.ddb),
		duck: fmt.Sprintf("select rid, %s from t%s", duck, w2)}
}

// tmoving is a tm-function: T must not decrease and holds no NULL
// (funcs/themes/tmFunctions.md), so each group is csorted by T (then
// rid) after dropping NULL times. Row i's window is the rows up to it in
// that order whose T is in (T_i - window, T_i]: tmsum(1 1 3 5 8 15 15 20,
// 5 2 4 1 2 8 9 10, 3) is [5,7,11,5,2,8,17,10] (funcs/t/tmsum.md), so a
// later row with the same T is not in the window. DuckDB's range frames
// take all peers, so the window is a correlated subquery.
func (g *gen) tmoving() query {
	k := g.colOf(kInt, kSym, kBool)
	c := g.numCol()
	f := g.pick("tmavg", "tmsum", "tmcount", "tmmax", "tmmin", "tmfirst", "tmlast", "tmmed", "tmstd", "tmvar")
	// tmfirst is the window's first row, NULL or not, tmlast the current
	// row's, as mfirst/mlast (funcs/t/tmfirst.md)
	agg := map[string]string{"tmavg": "avg(%s)", "tmsum": "sum(%s)", "tmcount": "count(%s)", "tmmax": "max(%s)", "tmmin": "min(%s)",
		"tmfirst": "first(%s order by t2.T, t2.rid)", "tmlast": "last(%s order by t2.T, t2.rid)", "tmmed": "quantile_cont(%s, 0.5)", "tmstd": "stddev_samp(%s)", "tmvar": "var_samp(%s)"}[f]
	var T, win, lo string
	if g.r.IntN(2) == 0 {
		T = "dt"
		n := g.pick("1", "3", "7")
		win, lo = n, "t1.dt - "+n
		if g.r.IntN(2) == 0 {
			win = n + "d"
		}
	} else {
		T = "ts"
		// (1h would be a SHORT: hours are H)
		win = g.pick("1H", "6H", "1d", "30m")
		iv := map[string]string{"1H": "1 hour", "6H": "6 hour", "1d": "1 day", "30m": "30 minute"}[win]
		lo = "t1.ts - interval " + iv
	}
	p := g.pred(1)
	src := fmt.Sprintf("(select * from t where %s is not null and %s)", T, p.duck)
	x := "t2." + c.duck
	if (f == "tmstd" || f == "tmvar") && wide && c.ddb == "d" {
		x = "(t2.d - 1e9)"
	}
	sub := fmt.Sprintf("(select %s from %s t2 where t2.%s is not distinct from t1.%s and t2.%s > %s and (t2.%s < t1.%s or (t2.%s = t1.%s and t2.rid <= t1.rid)))",
		strings.ReplaceAll(fmt.Sprintf(agg, x), "t2.T", "t2."+T), src, k.duck, k.duck, T, lo, T, T, T, T)
	return query{shape: "tmoving " + f + " on " + T,
		ddb:  fmt.Sprintf("select rid, %s(%s, %s, %s) as c1 from t where %s is not null, %s context by %s csort %s, rid", f, T, c.ddb, win, T, p.ddb, k.ddb, T),
		duck: fmt.Sprintf("select rid, %s from %s t1", sub, src)}
}

// cumulative is a cum-function or a ratio to the previous row
// (funcs/themes/cumFunctions.md): each skips NULLs, so leading NULLs stay
// NULL and cumcount counts non-NULL values (funcs/c/cumcount.md);
// cumfirstNot/cumlastNot are the first/last non-NULL so far
// (funcs/c/cumfirstNot.md). ratios is X(n)/X(n-1), NULL first and where
// either is NULL (funcs/r/ratios.md: ratios(3 12 0 -5 32) is
// [,4,0,,-6.4], so a zero divisor gives NULL); percentChange is that
// less 1 (funcs/p/percentChange.md).
func (g *gen) cumulative() query {
	cx := g.ctxKey()
	c := g.numCol()
	f := g.pick("cumavg", "cumcount", "cummed", "cumprod", "cumfirstNot", "cumlastNot", "cumstd", "cumvar", "ratios", "percentChange")
	x, xd := c.duck, c.ddb
	if f == "cumprod" {
		// A group's product of its numbers overflows; |d / 40| <= 1.25
		// keeps it within a DOUBLE's range for a few hundred rows.
		x, xd = "(d / 40)", "(d / 40)"
		if wide {
			x, xd = "((d - 1e9) / 800)", "((d - 1e9) / 800)"
		}
	}
	if f == "cumstd" || f == "cumvar" {
		x = shifted(c)
	}
	var duck string
	switch f {
	case "ratios", "percentChange":
		duck = fmt.Sprintf("cast(%s as double) / nullif(lag(%s) %s, 0)", x, x, over(cx, ""))
		if f == "percentChange" {
			duck += " - 1"
		}
	default:
		agg := map[string]string{"cumavg": "avg(%s)", "cumcount": "count(%s)", "cummed": "quantile_cont(%s, 0.5)", "cumprod": "product(%s)",
			"cumfirstNot": "first_value(%s ignore nulls)", "cumlastNot": "last_value(%s ignore nulls)", "cumstd": "stddev_samp(%s)", "cumvar": "var_samp(%s)"}[f]
		duck = fmt.Sprintf(agg, x) + " " + over(cx, "rows between unbounded preceding and current row")
	}
	w1, w2 := g.where()
	return query{shape: "cumulative " + f,
		ddb:  fmt.Sprintf("select rid, %s(%s) as c1 from t%s%s", f, xd, w1, cx.ddb),
		duck: fmt.Sprintf("select rid, %s from t%s", duck, w2)}
}

// ranking is rank, denseRank or rowNo in context by groups (or over the
// whole table). rank counts from 0; with ignoreNA (the default) NULLs
// are not ranked and get NULL, without it NULL is the smallest value;
// ties take the lowest rank ('min'), the highest ('max'), their mean
// ('average') or table order ('first') (funcs/r/rank.md: rank(1 NULL NULL
// 3) is [0,,,1], rank(1 NULL NULL 3, ignoreNA=false) is [2,0,0,3] —
// NULL ranks first there, so the example's numbers are the 'min' ties of
// a NULL-first order). denseRank ranks without gaps (funcs/d/denseRank.md);
// rowNo numbers a group's rows from 0 (funcs/r/rowNo.md).
func (g *gen) ranking() query {
	cx := g.ctxKey()
	kq := cx.part
	c := g.colOf(kInt, kLong, kDouble, kSym, kDate, kTs)
	x := c.duckNull()
	asc := g.r.IntN(3) != 0
	ignoreNA := g.r.IntN(3) != 0
	f := g.pick("rank", "rank", "denseRank", "rowNo")
	part := func(extra string) string {
		var ps []string
		if kq != "" {
			ps = append(ps, kq)
		}
		if extra != "" {
			ps = append(ps, extra)
		}
		if len(ps) == 0 {
			return ""
		}
		return "partition by " + strings.Join(ps, ", ") + " "
	}
	isNull := ""
	if ignoreNA {
		isNull = "(" + x + " is null)"
	}
	dir := "asc nulls first"
	if !asc {
		dir = "desc nulls last"
	}
	ord := x + " " + dir
	var ddb, duck string
	var args []string
	if !asc {
		args = append(args, "ascending=false")
	}
	if !ignoreNA {
		args = append(args, "ignoreNA=false")
	}
	switch f {
	case "rowNo":
		ddb = "rowNo(" + c.ddb + ")"
		duck = "row_number() over (" + part("") + "order by " + cx.ord + ") - 1"
	case "denseRank":
		ddb = "denseRank(" + strings.Join(append([]string{c.ddb}, args...), ", ") + ")"
		duck = "dense_rank() over (" + part(isNull) + "order by " + ord + ") - 1"
	default:
		ties := g.pick("", "min", "max", "average", "first")
		if ties != "" {
			args = append(args, "tiesMethod='"+ties+"'")
		}
		ddb = "rank(" + strings.Join(append([]string{c.ddb}, args...), ", ") + ")"
		lo := "(rank() over (" + part(isNull) + "order by " + ord + ") - 1)"
		hi := "(count(*) over (" + part(isNull) + "order by " + ord + " range between unbounded preceding and current row) - 1)"
		switch ties {
		case "max":
			duck = hi
		case "average":
			duck = "(" + lo + " + " + hi + ") / 2.0"
		case "first":
			duck = "(row_number() over (" + part(isNull) + "order by " + ord + ", " + cx.ord + ") - 1)"
		default:
			duck = lo
		}
		f += " " + ties
	}
	if ignoreNA && f != "rowNo" {
		duck = "case when " + x + " is null then null else " + duck + " end"
	}
	w1, w2 := g.where()
	return query{shape: "ranking " + strings.TrimSpace(f),
		ddb:  fmt.Sprintf("select rid, %s as c1 from t%s%s", ddb, w1, cx.ddb),
		duck: fmt.Sprintf("select rid, %s from t%s", duck, w2)}
}

// agg3 is one of the statistics aggregates, over t or over g3, t with
// gi, the row's position in its group k (for imax/imin).
func (g *gen) agg3() expr {
	a := g.numCol()
	b := g.numCol()
	switch g.r.IntN(10) {
	case 0: // quantile's linear interpolation is percentile's
		// (funcs/q/quantile.md: quantile(a, 0.25) is 25.5 for its a);
		// 'lower' and 'higher' take the neighbours, 'midpoint' their mean.
		q := g.pick("0.25", "0.5", "0.9", "0.333")
		in := g.pick("", "lower", "higher", "midpoint")
		if in == "" {
			return expr{ddb: fmt.Sprintf("quantile(%s, %s)", a.ddb, q), duck: fmt.Sprintf("quantile_cont(%s, %s)", a.duck, q), k: kDouble, nullable: true}
		}
		sorted := fmt.Sprintf("list_sort(list(%s) filter (where %s is not null))", a.duck, a.duck)
		pos := fmt.Sprintf("(count(%s) - 1) * %s", a.duck, q)
		lower := fmt.Sprintf("%s[cast(floor(%s) as bigint) + 1]", sorted, pos)
		higher := fmt.Sprintf("%s[cast(ceil(%s) as bigint) + 1]", sorted, pos)
		d := map[string]string{"lower": lower, "higher": higher, "midpoint": "(" + lower + " + " + higher + ") / 2.0"}[in]
		return expr{ddb: fmt.Sprintf("quantile(%s, %s, '%s')", a.ddb, q, in), duck: d, k: kDouble, nullable: true}
	case 1: // wavg weighs X's non-NULL values, its weights normalised to
		// sum to 1 (funcs/w/wavg.md: wavg(1 NULL 1, 1 1 1) is 1); weights
		// here are positive so their sum is never 0
		w := fmt.Sprintf("(abs(cast(%s as double)) + 1)", b.duck)
		return expr{ddb: fmt.Sprintf("wavg(%s, abs(%s) + 1)", a.ddb, b.ddb),
			duck: fmt.Sprintf("sum(%s * %s) / sum(case when %s is not null and %s is not null then %s end)", a.duck, w, a.duck, w, w), k: kDouble, nullable: true}
	case 2: // wsum is the inner product (funcs/w/wsum.md)
		return expr{ddb: fmt.Sprintf("wsum(%s, %s)", a.ddb, b.ddb), duck: fmt.Sprintf("sum(cast(%s as double) * %s)", a.duck, b.duck), k: kDouble, nullable: true}
	case 3: // corr is NULL when either variance is 0 (funcs/c/corr.md);
		// covar is the sample covariance (funcs/c/covar.md)
		if g.r.IntN(2) == 0 {
			return expr{ddb: fmt.Sprintf("covar(%s, %s)", a.ddb, b.ddb), duck: fmt.Sprintf("covar_samp(%s, %s)", shifted(a), shifted(b)), k: kDouble, nullable: true}
		}
		return expr{ddb: fmt.Sprintf("corr(%s, %s)", a.ddb, b.ddb), duck: fmt.Sprintf("corr(%s, %s)", shifted(a), shifted(b)), k: kDouble, nullable: true}
	case 4: // skew and kurtosis skip NULLs (funcs/s/skew.md,
		// funcs/k/kurtosis.md); biased=false is DuckDB's skewness, and
		// kurtosis(x, false) - 3 its kurtosis; biased is m3/m2^1.5, that
		// is skewness * (n-2)/sqrt(n(n-1)), 0 for two distinct values,
		// and m4/m2^2, kurtosis_pop + 3. Left out under -wide: grouped
		// skew/kurtosis of d near 1e9 differ from the shifted exact
		// value by ~1e-8 relative (the manual does not say how DolphinDB
		// sums the moments), and the integers' powers lose all digits.
		if wide {
			return expr{ddb: "med(" + a.ddb + ")", duck: "quantile_cont(" + a.duck + ", 0.5)", k: kDouble, nullable: true}
		}
		x := shifted(a)
		switch g.r.IntN(4) {
		case 0:
			return expr{ddb: fmt.Sprintf("skew(%s, false)", a.ddb), duck: fmt.Sprintf("skewness(%s)", x), k: kDouble, nullable: true}
		case 1:
			return expr{ddb: fmt.Sprintf("kurtosis(%s, false)", a.ddb), duck: fmt.Sprintf("kurtosis(%s) + 3", x), k: kDouble, nullable: true}
		case 2:
			n := "count(" + x + ")"
			return expr{ddb: fmt.Sprintf("skew(%s)", a.ddb), duck: fmt.Sprintf("case when %s = 2 and var_pop(%s) > 0 then 0 when %s > 2 then skewness(%s) * (%s - 2) / sqrt(%s * (%s - 1)) end", n, x, n, x, n, n, n), k: kDouble, nullable: true}
		default:
			return expr{ddb: fmt.Sprintf("kurtosis(%s)", a.ddb), duck: fmt.Sprintf("kurtosis_pop(%s) + 3", x), k: kDouble, nullable: true}
		}
	case 5: // atImax/atImin: value at location's first max/min
		// (funcs/a/atImax.md), NULL locations skipped
		f := g.pick("atImax", "atImin")
		dir := map[string]string{"atImax": "desc", "atImin": "asc"}[f]
		return expr{ddb: fmt.Sprintf("%s(%s, %s)", f, a.ddb, b.ddb), duck: fmt.Sprintf("first(%s order by %s %s, rid) filter (where %s is not null)", b.duck, a.duck, dir, a.duck), k: b.k, nullable: true}
	case 6: // imax/imin: the first max/min's position in the group
		// (funcs/i/imax.md), -1 for an empty one
		f := g.pick("imax", "imin")
		dir := map[string]string{"imax": "desc", "imin": "asc"}[f]
		return expr{ddb: fmt.Sprintf("%s(%s)", f, a.ddb), duck: fmt.Sprintf("coalesce(first(gi order by %s %s, gi) filter (where %s is not null), -1)", a.duck, dir, a.duck), k: kLong}
	case 7: // med skips NULLs (funcs/m/med.md)
		return expr{ddb: "med(" + a.ddb + ")", duck: "quantile_cont(" + a.duck + ", 0.5)", k: kDouble, nullable: true}
	case 8:
		f := g.pick("std", "var")
		return expr{ddb: f + "(" + a.ddb + ")", duck: map[string]string{"std": "stddev_samp", "var": "var_samp"}[f] + "(" + shifted(a) + ")", k: kDouble, nullable: true}
	default:
		f := g.pick("first", "last")
		return expr{ddb: f + "(" + a.ddb + ")", duck: f + "(" + a.duck + " order by rid)", k: a.k, nullable: true}
	}
}

// aggregates3 groups t by a key and computes agg3's statistics; gi is
// each row's position in its group after the where.
func (g *gen) aggregates3() query {
	k := g.colOf(kInt, kSym, kDate, kBool)
	aggs := g.some(g.agg3)
	w1, w2 := g.where()
	src := fmt.Sprintf("(select *, row_number() over (partition by %s order by rid) - 1 as gi from t%s)", k.duck, w2)
	return query{shape: "aggregates " + strings.SplitN(aggs[0].ddb, "(", 2)[0],
		ddb:  "select " + aliased(aggs) + " from t" + w1 + " group by " + k.ddb,
		duck: "select " + k.duck + ", " + names(aggs, duckOf) + " from " + src + " group by " + k.duck}
}

// barGroup groups by bar(x, n), x - mod(x, n) (funcs/b/bar.md), of an
// integer, a DATE or a TIMESTAMP (X is integral or temporal there).
func (g *gen) barGroup() query {
	var kd, kq string
	switch g.r.IntN(3) {
	case 0:
		n := g.pick("2", "5", "100")
		kd, kq = "bar(l, "+n+")", fmt.Sprintf("(l - (((l %% %s) + %s) %% %s))", n, n, n)
	case 1:
		n := g.pick("7", "30")
		days := "(dt - DATE '1970-01-01')"
		kd, kq = "bar(dt, "+n+")", fmt.Sprintf("(%s - ((%s %% %s) + %s) %% %s)", days, days, n, n, n)
	default:
		n := g.pick("15m", "1H", "6H", "1d")
		ms := map[string]int64{"15m": 900000, "1H": 3600000, "6H": 6 * 3600000, "1d": 86400000}[n]
		m := msOf("ts")
		kd, kq = "bar(ts, "+n+")", fmt.Sprintf("(%s - ((%s %% %d) + %d) %% %d)", m, m, ms, ms, ms)
	}
	aggs := g.some(g.agg)
	w1, w2 := g.where()
	return query{shape: "group by bar",
		ddb:  "select " + aliased(aggs) + " from t" + w1 + " group by " + kd + " as bk",
		duck: "select " + kq + ", " + names(aggs, duckOf) + " from t" + w2 + " group by " + kq}
}

// pivot is pivot by a row key and a column key (progr/sql/pivotBy.md):
// one row per row key, in order, one column per column key value in
// ascending order, a cell with no rows NULL (count's too). Rows with a
// NULL key are dropped first, as the page does not say where a NULL key
// goes. DuckDB orders the pivoted columns by their names, so an integer
// key is pivoted on a zero-padded name that sorts as the number does.
func (g *gen) pivot() query {
	r := g.colOf(kInt, kDate, kBool)
	c := g.colOf(kInt, kSym, kBool)
	for c.ddb == r.ddb {
		c = g.colOf(kInt, kSym, kBool)
	}
	x := g.numCol()
	f := g.pick("sum", "count", "max", "avg", "first")
	cq, pk := c.duckNull(), c.duck
	if c.k == kInt {
		pk = "lpad(cast(" + c.duck + " + 10000000 as varchar), 9, '0')"
	}
	df := f + "(" + x.duck + ")"
	switch f {
	case "first":
		df = "first(" + x.duck + " order by rid)"
	case "count": // (one aggregate only in DuckDB's using)
		df = "sum(case when " + x.duck + " is not null then 1 else 0 end)"
	}
	p := g.pred(1)
	return query{shape: "pivot by " + f, ordered: true,
		ddb:  fmt.Sprintf("select %s(%s) from t where %s is not null, %s is not null, %s pivot by %s, %s", f, x.ddb, r.ddb, c.ddb, p.ddb, r.ddb, c.ddb),
		duck: fmt.Sprintf("pivot (select %s, %s as pk, %s, rid from t where %s is not null and %s is not null and %s) on pk using %s group by %s order by %s", r.duck, pk, x.duck, r.duck, cq, p.duck, df, r.duck, r.duck)}
}

// cgroup is cgroup by with order by (progr/sql/cgroupby.md): each key's
// row aggregates the groups up to it in the order by order.
func (g *gen) cgroup() query {
	k := g.colOf(kInt, kDate)
	x := g.numCol()
	f := g.pick("sum", "count", "max", "min", "avg")
	desc := g.r.IntN(3) == 0
	dir := map[bool]string{false: "asc", true: "desc"}[desc]
	var q string
	frame := "over (order by " + k.duck + " " + dir + " rows between unbounded preceding and current row)"
	switch f {
	case "avg":
		q = fmt.Sprintf("sum(sum(%s)) %s / sum(count(%s)) %s", x.duck, frame, x.duck, frame)
	case "count":
		q = fmt.Sprintf("sum(count(%s)) %s", x.duck, frame)
	default:
		q = fmt.Sprintf("%s(%s(%s)) %s", f, f, x.duck, frame)
	}
	p := g.pred(1)
	return query{shape: "cgroup by " + f, ordered: true,
		ddb:  fmt.Sprintf("select %s(%s) as c1 from t where %s is not null, %s cgroup by %s order by %s %s", f, x.ddb, k.ddb, p.ddb, k.ddb, k.ddb, dir),
		duck: fmt.Sprintf("select %s, %s from t where %s is not null and %s group by %s order by %s %s", k.duck, q, k.duck, p.duck, k.duck, k.duck, dir)}
}

// contextFilter is having on context by, which keeps the groups whose
// condition holds, all their rows (progr/sql/having.md), or top n with
// context by, each group's first n rows (progr/sql/top.md).
func (g *gen) contextFilter() query {
	k := g.colOf(kInt, kSym, kDate, kBool)
	w1, w2 := g.where()
	if g.r.IntN(2) == 0 {
		n := 1 + g.r.IntN(3)
		return query{shape: "context by + top",
			ddb:  fmt.Sprintf("select top %d rid, d from t%s context by %s", n, w1, k.ddb),
			duck: fmt.Sprintf("select rid, d from t%s qualify row_number() over (partition by %s order by rid) <= %d", w2, k.duck, n)}
	}
	a := g.agg()
	for a.k == kSym || a.k == kStr || a.k == kDate || a.k == kTs || strings.Contains(a.duck, " filter ") || strings.Contains(a.duck, "distinct") {
		a = g.agg()
	}
	// The aggregate over the group is a window over its partition here.
	aw := expr{ddb: a.ddb, duck: windowed(a.duck, k.duck), k: a.k, nullable: true}
	c := cmp(g.pick(">", "<", "!="), aw, threshold(a))
	return query{shape: "context by + having",
		ddb:  fmt.Sprintf("select rid, d from t%s context by %s having %s", w1, k.ddb, c.ddb),
		duck: fmt.Sprintf("select rid, d from t%s qualify %s", w2, c.duck)}
}

// windowed turns an aggregate call f(args) or f(x order by rid) into a
// window over key's partition.
func windowed(a, key string) string {
	frame := " over (partition by " + key + ")"
	if strings.Contains(a, " order by rid)") {
		a = strings.Replace(a, " order by rid)", ")", 1)
		a = strings.Replace(strings.Replace(a, "first(", "first_value(", 1), "last(", "last_value(", 1)
		frame = " over (partition by " + key + " order by rid rows between unbounded preceding and unbounded following)"
	}
	return a + frame
}

// csortFirstLast is first/last in context by with csort: the group's
// rows sorted by csort's columns first (progr/sql/contextBy.md), NULL
// the smallest value.
func (g *gen) csortFirstLast() query {
	k := g.colOf(kInt, kSym, kDate)
	x := g.numCol()
	y := g.colOf(kInt, kLong, kDouble, kTs)
	desc := g.r.IntN(2) == 0
	dir := map[bool]string{false: "asc", true: "desc"}[desc]
	fr := fmt.Sprintf("over (partition by %s order by %s, rid rows between unbounded preceding and unbounded following)", k.duck, duckOrder(y.duck, desc))
	return query{shape: "context by csort first/last",
		ddb:  fmt.Sprintf("select rid, first(%s) as c1, last(%s) as c2 from t context by %s csort %s %s, rid", x.ddb, x.ddb, k.ddb, y.ddb, dir),
		duck: fmt.Sprintf("select rid, first_value(%s) %s, last_value(%s) %s from t", x.duck, fr, x.duck, fr)}
}

// timeJoin is an asof join or a window join of t with q on the time
// (and maybe the symbol). aj takes, per left row, the right row of its
// keys at its time or the latest before it, the last of several
// (progr/sql/asofjoin.md); no such row leaves the right columns NULL,
// and a NULL key or time matches nothing. wj aggregates the right rows
// whose time is in [t+w1, t+w2]; pwj also takes the last row before t+w1
// when none is at t+w1, and only the last of several at t+w1
// (progr/sql/windowjoin.md). The windows' left rows with a NULL time are
// filtered out after the join, as the page does not say where their
// window is.
func (g *gen) timeJoin() query {
	two := g.r.IntN(2) == 0
	cols, rcols, keyq := "`ts", "`qt", ""
	if two {
		cols, rcols, keyq = "`s`ts", "`qs`qt", "q2.qs = t.s and "
	}
	shape := map[bool]string{false: " on time", true: " on symbol, time"}[two]
	if g.r.IntN(3) == 0 {
		last := fmt.Sprintf("(select q2.qid from q q2 where %sq2.qt <= t.ts order by q2.qt desc, q2.qid desc limit 1)", keyq)
		return query{shape: "aj" + shape, usesQ: true,
			ddb:  fmt.Sprintf("select rid, qid, qv from aj(t, q, %s, %s)", cols, rcols),
			duck: fmt.Sprintf("select rid, q.qid, q.qv from t left join q on q.qid = %s", last)}
	}
	w1, w2 := g.pick("-600000", "-3600000", "0", "-60000"), g.pick("0", "60000", "600000")
	if w1 == "0" && w2 == "0" {
		// 0:0 is another window, [the previous left row's time, t)
		// (progr/sql/windowjoin.md); left out
		w2 = "60000"
	}
	f := g.pick("wj", "pwj")
	aggs := []string{g.pick("sum", "count", "max", "min", "avg", "first", "last")}
	if g.r.IntN(2) == 0 {
		aggs = append(aggs, g.pick("sum", "count", "std", "med"))
		if aggs[1] == aggs[0] {
			aggs = aggs[:1]
		}
	}
	var dl, ql []string
	lo := "t.ts + interval (" + w1 + ") millisecond"
	hi := "t.ts + interval (" + w2 + ") millisecond"
	win := fmt.Sprintf("%sq2.qt between %s and %s", keyq, lo, hi)
	if f == "pwj" {
		// the rows after t+w1 in the window, and the last row at or
		// before t+w1
		prev := fmt.Sprintf("(select q3.qid from q q3 where %sq3.qt <= %s order by q3.qt desc, q3.qid desc limit 1)", strings.ReplaceAll(keyq, "q2.", "q3."), lo)
		win = fmt.Sprintf("%s((q2.qt > %s and q2.qt <= %s) or q2.qid = %s)", keyq, lo, hi, prev)
	}
	qv := "q2.qv"
	if wide {
		qv = "(q2.qv - 1e9)" // (as shifted: std near 1e9 cancels)
	}
	for _, a := range aggs {
		dl = append(dl, a+"(qv)")
		d := map[string]string{"sum": "sum(q2.qv)", "count": "count(q2.qv)", "max": "max(q2.qv)", "min": "min(q2.qv)", "avg": "avg(q2.qv)",
			"first": "first(q2.qv order by q2.qt, q2.qid)", "last": "last(q2.qv order by q2.qt, q2.qid)", "std": "stddev_samp(" + qv + ")", "med": "quantile_cont(q2.qv, 0.5)"}[a]
		ql = append(ql, fmt.Sprintf("(select %s from q q2 where %s)", d, win))
	}
	// The window as integers counts T's unit, milliseconds; or as
	// DURATIONs of one unit (progr/sql/windowjoin.md takes either; what
	// a pair of two units means, as -1H:600s, no page says).
	wd := w1 + ":" + w2
	if g.r.IntN(2) == 0 {
		unit, per := g.pick("s", "m"), map[string]int{"s": 1000, "m": 60000}
		ms := func(w string) string {
			var n int
			fmt.Sscan(w, &n)
			return fmt.Sprintf("%d%s", n/per[unit], unit)
		}
		wd = ms(w1) + ":" + ms(w2)
		shape += " (durations)"
	}
	return query{shape: f + shape, usesQ: true,
		ddb:  fmt.Sprintf("select * from %s(t, q, %s, <[%s]>, %s, %s) where ts is not null", f, wd, strings.Join(dl, ", "), cols, rcols),
		duck: fmt.Sprintf("select t.*, %s from t where ts is not null", strings.Join(ql, ", "))}
}

// movingWhere is an order-sensitive function in a where condition,
// which sees the whole table in its order, the condition's rows not yet
// filtered (progr/sql/where.md: price > avg(price) compares with all
// rows' mean, and contextby(avg, price, sym) with each sym's); or an
// m-function of a running sum in context by, the cumsum computed first.
// A distributed query rejects such a where (error_codes S02025), so
// -dfs and the partitioned -kinds draw only the latter.
func (g *gen) movingWhere() query {
	c := g.numCol()
	n := 2 + g.r.IntN(3)
	if g.r.IntN(3) == 0 || dfs || strings.HasPrefix(tableKind, "partitioned") {
		k := g.colOf(kInt, kSym, kDate, kBool)
		w1, w2 := g.where()
		fr := fmt.Sprintf("over (partition by %s order by rid rows between %d preceding and current row)", k.duck, n-1)
		return query{shape: "moving of cumsum",
			ddb: fmt.Sprintf("select rid, mavg(cumsum(%s), %d) as c1 from t%s context by %s", c.ddb, n, w1, k.ddb),
			duck: fmt.Sprintf("select rid, case when row_number() over (partition by %s order by rid) >= %d then avg(cs) %s end from (select *, sum(%s) over (partition by %s order by rid rows between unbounded preceding and current row) as cs from t%s)",
				k.duck, n, fr, c.duck, k.duck, w2)}
	}
	var fd, fq string
	switch g.r.IntN(3) {
	case 0:
		fd = fmt.Sprintf("mavg(%s, %d)", c.ddb, n)
		fq = fmt.Sprintf("case when row_number() over (order by rid) >= %d then avg(%s) over (order by rid rows between %d preceding and current row) end", n, c.duck, n-1)
	case 1:
		fd, fq = "avg("+c.ddb+")", "avg("+c.duck+") over ()"
	default:
		k := g.colOf(kInt, kSym, kDate, kBool)
		fd = fmt.Sprintf("contextby(avg, %s, %s)", c.ddb, k.ddb)
		fq = fmt.Sprintf("avg(%s) over (partition by %s)", c.duck, k.duck)
	}
	d := g.colOf(kInt, kLong, kDouble)
	p := cmp(g.pick(">", "<", ">="), expr{ddb: d.ddb, duck: d.duck, nullable: true}, expr{ddb: fd, duck: "w", nullable: true})
	return query{shape: "order-sensitive where",
		ddb:  fmt.Sprintf("select rid, %s from t where %s", d.ddb, p.ddb),
		duck: fmt.Sprintf("select rid, %s from (select *, %s as w from t) where %s", d.duck, fq, p.duck)}
}

// moving2 is a two-argument m-function, or mpercentile, or an m-function
// with limit in context by. The window rule is mFunctions.md's; a pair
// counts where both X and Y are non-NULL (the page's "observations";
// mcovar(1..10, 9 5 3 4 5 4 7 1 3 4, 5, 3) is [,,-3,...],
// funcs/m/mcovar.md). mpercentile interpolates as percentile does
// (funcs/m/mpercentile.md). A limit applies after the functions, to
// each group's first rows (progr/sql/limit.md).
func (g *gen) moving2() query {
	cx := g.ctxKey()
	a, b := g.numCol(), g.numCol()
	n := 2 + g.r.IntN(4)
	p := 0
	if g.r.IntN(3) == 0 {
		p = 1 + g.r.IntN(n)
	}
	frame := over(cx, fmt.Sprintf("rows between %d preceding and current row", n-1))
	w1, w2 := g.where()
	var fd, fq, cnt string
	switch f := g.pick("mcovar", "mcorr", "mwsum", "mpercentile", "limit"); f {
	case "mpercentile":
		pct := g.pick("50", "25", "90")
		fd = fmt.Sprintf("mpercentile(%s, %s, %d", a.ddb, pct, n)
		if p > 0 {
			fd += fmt.Sprintf(", 'linear', %d", p)
		}
		fd += ")"
		fq = fmt.Sprintf("quantile_cont(%s, %s / 100.0) %s", a.duck, pct, frame)
		cnt = "count(" + a.duck + ")"
	case "limit":
		m := 1 + g.r.IntN(3)
		fq = fmt.Sprintf("case when row_number() %s >= %d then sum(%s) %s end", over(cx, ""), n, a.duck, frame)
		lim := fmt.Sprintf("row_number() %s", over(cx, ""))
		return query{shape: "moving + limit",
			ddb:  fmt.Sprintf("select rid, msum(%s, %d) as c1 from t%s%s limit %d", a.ddb, n, w1, cx.ddb, m),
			duck: fmt.Sprintf("select rid, %s from t%s qualify %s <= %d", fq, w2, lim, m)}
	default:
		x, y := a.duck, b.duck
		if f != "mwsum" { // (a shift changes no covariance, but the sum)
			x, y = shifted(a), shifted(b)
		}
		agg := map[string]string{"mcovar": "covar_samp(%s, %s)", "mcorr": "corr(%s, %s)", "mwsum": "sum(cast(%s as double) * %s)"}[f]
		fq = fmt.Sprintf(agg, x, y) + " " + frame
		fd = fmt.Sprintf("%s(%s, %s, %d", f, a.ddb, b.ddb, n)
		if p > 0 {
			fd += fmt.Sprintf(", %d", p)
		}
		fd += ")"
		cnt = fmt.Sprintf("count(%s + %s)", a.duck, b.duck)
	}
	if p > 0 {
		fq = fmt.Sprintf("case when %s %s >= %d then %s end", cnt, frame, p, fq)
	} else {
		fq = fmt.Sprintf("case when row_number() %s >= %d then %s end", over(cx, ""), n, fq)
	}
	return query{shape: "moving " + strings.SplitN(fd, "(", 2)[0],
		ddb:  fmt.Sprintf("select rid, %s as c1 from t%s%s", fd, w1, cx.ddb),
		duck: fmt.Sprintf("select rid, %s from t%s", fq, w2)}
}

// pivotMore is pivot by on two row keys, or without an aggregate, where
// a row key and column key met by several rows keep the last
// (progr/sql/pivotBy.md: "只保留最后一个值").
func (g *gen) pivotMore() query {
	r1, r2 := g.colOf(kDate, kBool), g.colOf(kInt, kBool)
	for r2.ddb == r1.ddb {
		r2 = g.colOf(kInt, kBool)
	}
	c := col("s", kSym)
	x := g.numCol()
	p := g.pred(1)
	where := fmt.Sprintf("%s is not null and %s is not null and nullif(s, '') is not null and %s", r1.duck, r2.duck, p.duck)
	if g.r.IntN(2) == 0 {
		return query{shape: "pivot by, two row keys", ordered: true,
			ddb:  fmt.Sprintf("select sum(%s) from t where %s is not null, %s is not null, s is not null, %s pivot by %s, %s, s", x.ddb, r1.ddb, r2.ddb, p.ddb, r1.ddb, r2.ddb),
			duck: fmt.Sprintf("pivot (select %s, %s, s, %s from t where %s) on %s using sum(%s) group by %s, %s order by %s, %s", r1.duck, r2.duck, x.duck, where, c.duck, x.duck, r1.duck, r2.duck, r1.duck, r2.duck)}
	}
	return query{shape: "pivot by without aggregate", ordered: true,
		ddb:  fmt.Sprintf("select %s from t where %s is not null, s is not null, %s pivot by %s, s", x.ddb, r1.ddb, p.ddb, r1.ddb),
		duck: fmt.Sprintf("pivot (select %s, s, %s, rid from t where %s is not null and nullif(s, '') is not null and %s) on s using last(%s order by rid) group by %s order by %s", r1.duck, x.duck, r1.duck, p.duck, x.duck, r1.duck, r1.duck)}
}

// contextAgg3 is one of agg3's aggregates in context by: each row gets
// its group's value (progr/sql/contextBy.md), imax/imin the position in
// the group; the group by's answer joined back to the rows.
func (g *gen) contextAgg3() query {
	k := g.colOf(kInt, kSym, kDate, kBool)
	a := g.agg3()
	w1, w2 := g.where()
	src := fmt.Sprintf("(select *, row_number() over (partition by %s order by rid) - 1 as gi from t%s)", k.duck, w2)
	return query{shape: "context by " + strings.SplitN(a.ddb, "(", 2)[0],
		ddb: fmt.Sprintf("select rid, %s as c1 from t%s context by %s", a.ddb, w1, k.ddb),
		duck: fmt.Sprintf("select t1.rid, g.a from %s t1 left join (select %s as gk, %s as a from %s group by %s) g on t1.%s is not distinct from g.gk",
			src, k.duck, a.duck, src, k.duck, k.duck)}
}
