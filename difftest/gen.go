package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// expr is one expression in both dialects.
type expr struct {
	ddb, duck string
	k         kind
	nullable  bool
}

// duckNull is e's DuckDB form with a NULL string (the empty string here,
// see duckLit) read back as NULL, for what tells NULL from a value.
func (e expr) duckNull() string {
	if e.k == kSym || e.k == kStr {
		return "nullif(" + e.duck + ", '')"
	}
	return e.duck
}

// query is one generated query in both dialects. ordered means the
// answer's row order is specified (order by over keys that make it total).
type query struct {
	shape     string
	ddb, duck string
	ordered   bool
	usesU     bool
	usesQ     bool
	// self: duck is a Porpoise query too, the reference (prune.go).
	self bool
	prep []stmt // DML run before the query, on a freshly loaded t (dml.go)
	// types are DolphinDB's types of the answer's columns, checked
	// after the values ("" not checked; types.go)
	types []string
	// exec is the form of an exec's answer, "scalar", "vector" or
	// "table", checked after the values (gen4.go)
	exec string
}

type gen struct {
	r *rand.Rand
}

func (g *gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

// col is a column of t in both dialects.
func col(name string, k kind) expr {
	e := expr{ddb: name, duck: name, k: k, nullable: name != "rid"}
	return e
}

var tCols = map[string]kind{"i": kInt, "l": kLong, "d": kDouble, "s": kSym, "str": kStr, "dt": kDate, "ts": kTs, "b": kBool}

// anyCol picks a column of t of one of the kinds given.
func (g *gen) colOf(ks ...kind) expr {
	var names []string
	for _, n := range []string{"i", "l", "d", "s", "str", "dt", "ts", "b"} {
		for _, k := range ks {
			if tCols[n] == k {
				names = append(names, n)
			}
		}
	}
	n := names[g.r.IntN(len(names))]
	return col(n, tCols[n])
}

// lit is a literal of kind k that is not NULL.
// some is one to three of what next makes (drawn as the other lists
// are, so a seed gives the same queries).
func (g *gen) some(next func() expr) []expr {
	var es []expr
	for j := 0; j < 1+g.r.IntN(3); j++ {
		es = append(es, next())
	}
	return es
}

// selectOf is rid and some of next's expressions over t's filtered rows.
func (g *gen) selectOf(shape string, next func() expr) query {
	sel := g.some(next)
	w1, w2 := g.where()
	return query{shape: shape,
		ddb:  "select rid, " + aliased(sel) + " from t" + w1,
		duck: "select rid, " + names(sel, duckOf) + " from t" + w2}
}

// litList is one to most literals of kind k, comma-separated in each
// dialect, for an in list.
func (g *gen) litList(k kind, most int) (ddb, duck string) {
	var dl, ql []string
	for j := 0; j < 1+g.r.IntN(most); j++ {
		l := g.lit(k)
		dl, ql = append(dl, l.ddb), append(ql, l.duck)
	}
	return strings.Join(dl, ","), strings.Join(ql, ",")
}

func (g *gen) lit(k kind) expr {
	c := genCell(g.r, k, 0)
	return expr{ddb: ddbLit(k, c), duck: duckLit(k, c), k: k}
}

// cmp renders a comparison with DolphinDB's NULL rule: NULL is the
// smallest value of its type in <, <=, >, >=, ==, != and NULL == NULL is
// true (progr/data_mani/func_null.md, nullAsMinValueForComparison's
// default). DuckDB's comparisons give NULL instead, so each is spelled out.
// The result is never NULL.
func cmp(op string, a, b expr) expr {
	var d string
	A, B := a.duck, b.duck
	switch op {
	case "==":
		d = fmt.Sprintf("(%s is not distinct from %s)", A, B)
	case "!=":
		d = fmt.Sprintf("(%s is distinct from %s)", A, B)
	case "<":
		d = fmt.Sprintf("coalesce(%s < %s, %s is null and %s is not null)", A, B, A, B)
	case "<=":
		d = fmt.Sprintf("coalesce(%s <= %s, %s is null)", A, B, A)
	case ">":
		d = fmt.Sprintf("coalesce(%s > %s, %s is null and %s is not null)", A, B, B, A)
	case ">=":
		d = fmt.Sprintf("coalesce(%s >= %s, %s is null)", A, B, B)
	}
	if !a.nullable && !b.nullable {
		sqlOp := map[string]string{"==": "=", "!=": "<>"}[op]
		if sqlOp == "" {
			sqlOp = op
		}
		d = fmt.Sprintf("(%s %s %s)", A, sqlOp, B)
	}
	return expr{ddb: fmt.Sprintf("(%s %s %s)", a.ddb, op, b.ddb), duck: d, k: kBool}
}

// pred is a random where condition. nullable results (a BOOL column)
// are only combined by and/or, where a NULL and false both drop the row
// on both sides; not is applied to non-NULL conditions only, as DolphinDB's
// and/or treat a NULL operand differently from SQL's three-valued logic
// (progr/data_mani/func_null.md) and a bare NULL never reaches them here.
func (g *gen) pred(depth int) expr {
	if depth > 0 && g.r.IntN(3) == 0 {
		a, b := g.pred(depth-1), g.pred(depth-1)
		op := g.pick("and", "or")
		return expr{ddb: fmt.Sprintf("(%s %s %s)", a.ddb, op, b.ddb), duck: fmt.Sprintf("(%s %s %s)", a.duck, op, b.duck), k: kBool, nullable: a.nullable || b.nullable}
	}
	if depth > 0 && g.r.IntN(6) == 0 {
		a := g.pred(depth - 1)
		if !a.nullable {
			return expr{ddb: fmt.Sprintf("not(%s)", a.ddb), duck: fmt.Sprintf("(not %s)", a.duck), k: kBool}
		}
	}
	switch g.r.IntN(13) {
	case 12: // on rid, the DFS table's partitioning column (-dfs prunes)
		n := fmt.Sprint(g.r.IntN(2200) - 100)
		rid := col("rid", kInt)
		switch g.r.IntN(3) {
		case 0:
			return cmp(g.pick("==", "!=", "<", "<=", ">", ">="), rid, expr{ddb: n, duck: n})
		case 1:
			m := fmt.Sprint(g.r.IntN(2200) - 100)
			return expr{ddb: fmt.Sprintf("(rid between %s and %s)", n, m), duck: fmt.Sprintf("(rid between %s and %s)", n, m), k: kBool}
		default:
			m := fmt.Sprint(g.r.IntN(2200))
			return expr{ddb: fmt.Sprintf("(rid in [%s, %s])", n, m), duck: fmt.Sprintf("(rid in (%s, %s))", n, m), k: kBool}
		}
	case 11: // a column against a NULL literal: NULL is the smallest value
		// and equals NULL (progr/data_mani/func_null.md)
		c := g.colOf(kInt, kLong, kDouble, kDate, kTs)
		return cmp(g.pick("==", "!=", "<", "<=", ">", ">="), c, expr{ddb: "NULL", duck: "NULL", k: c.k, nullable: true})
	case 9: // an expression against a literal
		e := g.scalar()
		if e.k == kStr {
			return cmp(g.pick("==", "!=", "<", ">="), e, g.lit(kSym))
		}
		if e.k == kDate || e.k == kTs {
			return cmp(g.pick("==", "!=", "<", ">="), e, g.lit(e.k))
		}
		return cmp(g.pick("==", "!=", "<", "<=", ">", ">="), e, g.lit(kInt))
	case 10: // string functions against literals
		c := g.colOf(kSym, kStr)
		switch g.r.IntN(3) {
		case 0:
			return cmp(g.pick("==", "!=", "<"), expr{ddb: "upper(" + c.ddb + ")", duck: "upper(" + c.duck + ")", nullable: false}, g.lit(kSym))
		case 1:
			n := g.pick("0", "1", "2")
			return cmp(g.pick("==", ">", "<="), expr{ddb: "strlen(" + c.ddb + ")", duck: "strlen(" + c.duck + ")"}, expr{ddb: n, duck: n})
		default:
			l := g.pick("A", "a", "B")
			return cmp("==", expr{ddb: "left(" + c.ddb + ", 1)", duck: "left(" + c.duck + ", 1)"}, expr{ddb: fmt.Sprintf("%q", l), duck: "'" + l + "'"})
		}
	case 0, 1, 2: // column against a literal
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs)
		return cmp(g.pick("==", "!=", "<", "<=", ">", ">="), c, g.lit(c.k))
	case 3: // column against column
		a := g.colOf(kInt, kLong, kDouble)
		b := g.colOf(kInt, kLong, kDouble)
		return cmp(g.pick("==", "!=", "<", "<=", ">", ">="), a, b)
	case 4: // between: NULL, the smallest value, is below any literal bound
		c := g.colOf(kInt, kLong, kDouble, kDate, kTs)
		lo, hi := g.lit(c.k), g.lit(c.k)
		return expr{ddb: fmt.Sprintf("(%s between %s and %s)", c.ddb, lo.ddb, hi.ddb),
			duck: fmt.Sprintf("coalesce(%s between %s and %s, false)", c.duck, lo.duck, hi.duck), k: kBool}
	case 5: // in a list without NULL: a NULL is in it or not, never NULL
		c := g.colOf(kInt, kLong, kSym, kStr)
		dl, ql := g.litList(c.k, 4)
		return expr{ddb: fmt.Sprintf("(%s in [%s])", c.ddb, dl),
			duck: fmt.Sprintf("coalesce(%s in (%s), false)", c.duck, ql), k: kBool}
	case 6: // is null / is not null
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs, kBool)
		not := g.pick("", " not")
		d := c.duckNull()
		return expr{ddb: fmt.Sprintf("(%s is%s null)", c.ddb, not), duck: fmt.Sprintf("(%s is%s null)", d, not), k: kBool}
	case 7: // like on a string; NULL (empty) matches no pattern used here.
		// DolphinDB's single-character wildcard is ? (progr/sql/like.md),
		// SQL's is _.
		c := g.colOf(kSym, kStr)
		p := g.pick("A%", "%b%", "?", "a?c", "%1", "B%", "?%")
		return expr{ddb: fmt.Sprintf("(%s like %q)", c.ddb, p), duck: fmt.Sprintf("(%s like '%s')", c.duck, strings.ReplaceAll(p, "?", "_")), k: kBool}
	default: // the BOOL column itself
		return expr{ddb: "b", duck: "b", k: kBool, nullable: true}
	}
}

// agg is a random aggregate over t's columns.
func (g *gen) agg() expr {
	switch g.r.IntN(13) {
	case 10: // nunique counts NULL as a value unless ignoreNull
		// (funcs/n/nunique.md); a NULL string is '' here, a value already
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate)
		if g.r.IntN(2) == 0 {
			d := c.duckNull()
			return expr{ddb: "nunique(" + c.ddb + ", true)", duck: "count(distinct " + d + ")", k: kLong}
		}
		d := fmt.Sprintf("(count(distinct %s) + case when count(*) > count(%s) then 1 else 0 end)", c.duck, c.duck)
		if c.k == kSym || c.k == kStr {
			d = "count(distinct " + c.duck + ")"
		}
		return expr{ddb: "nunique(" + c.ddb + ")", duck: d, k: kLong}
	case 11: // med and linear percentile skip NULLs (funcs/m/med.md,
		// funcs/p/percentile.md)
		c := g.colOf(kInt, kLong, kDouble)
		if g.r.IntN(2) == 0 {
			return expr{ddb: "med(" + c.ddb + ")", duck: "quantile_cont(" + c.duck + ", 0.5)", k: kDouble, nullable: true}
		}
		p := g.pick("10", "25", "90", "33.3")
		return expr{ddb: "percentile(" + c.ddb + ", " + p + ")", duck: "quantile_cont(" + c.duck + ", " + p + " / 100.0)", k: kDouble, nullable: true}
	case 12: // firstNot/lastNot: the first/last non-NULL (funcs/f/firstNot.md)
		c := g.colOf(kInt, kLong, kDouble, kSym, kDate, kTs)
		f := g.pick("first", "last")
		d := c.duckNull()
		return expr{ddb: f + "Not(" + c.ddb + ")", duck: fmt.Sprintf("%s(%s order by rid) filter (where %s is not null)", f, d, d), k: c.k, nullable: true}
	case 0:
		return expr{ddb: "count(*)", duck: "count(*)", k: kLong}
	case 1:
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs, kBool)
		d := c.duckNull()
		return expr{ddb: "count(" + c.ddb + ")", duck: "count(" + d + ")", k: kLong}
	case 2, 3:
		c := g.colOf(kInt, kLong, kDouble)
		f := g.pick("sum", "avg")
		return expr{ddb: f + "(" + c.ddb + ")", duck: f + "(" + c.duck + ")", k: kDouble, nullable: true}
	case 4, 5:
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs)
		f := g.pick("min", "max")
		d := c.duckNull()
		return expr{ddb: f + "(" + c.ddb + ")", duck: f + "(" + d + ")", k: c.k, nullable: true}
	case 6, 7:
		c := g.colOf(kInt, kLong, kDouble)
		f := g.pick("std", "var")
		d := c.duck
		if wide && c.ddb == "d" {
			// DuckDB loses digits to cancellation on -wide's doubles
			// near 1e9; the variance does not change with the shift,
			// which is exact in that binade.
			d = "(d - 1e9)"
		}
		return expr{ddb: f + "(" + c.ddb + ")", duck: map[string]string{"std": "stddev_samp", "var": "var_samp"}[f] + "(" + d + ")", k: kDouble, nullable: true}
	default:
		// first and last take the group's first/last row in t's order,
		// NULL or not (funcs/f/first.md); DuckDB's first() keeps NULLs.
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs)
		f := g.pick("first", "last")
		return expr{ddb: f + "(" + c.ddb + ")", duck: f + "(" + c.duck + " order by rid)", k: c.k, nullable: true}
	}
}

// scalar is a random row-wise expression for select lists.
func (g *gen) scalar() expr {
	switch g.r.IntN(14) {
	case 0: // integer division: floor (funcs/d/div.md)
		c := g.colOf(kInt, kLong)
		n := g.pick("3", "-3", "2", "7")
		return expr{ddb: fmt.Sprintf("%s / %s", c.ddb, n), duck: fmt.Sprintf("floor(%s / %s)", c.duck, n), k: kLong, nullable: true}
	case 1: // mod: the divisor's sign (funcs/m/mod.md)
		c := g.colOf(kInt, kLong)
		n := g.pick("3", "-3", "2", "5")
		return expr{ddb: fmt.Sprintf("%s %% %s", c.ddb, n), duck: fmt.Sprintf("((%s %% %s) + %s) %% %s", c.duck, n, n, n), k: kLong, nullable: true}
	case 2:
		a, b := g.colOf(kInt, kLong, kDouble), g.colOf(kInt, kLong, kDouble)
		op := g.pick("+", "-", "*")
		if wide && op == "*" && a.k != kDouble && b.k != kDouble {
			// Integer products may overflow under -wide; what DolphinDB
			// answers then is not documented.
			op = "-"
		}
		return expr{ddb: fmt.Sprintf("%s %s %s", a.ddb, op, b.ddb), duck: fmt.Sprintf("%s %s %s", a.duck, op, b.duck), k: kDouble, nullable: true}
	case 3:
		a := g.colOf(kInt, kLong, kDouble)
		return expr{ddb: fmt.Sprintf("%s * 2 - d / 4", a.ddb), duck: fmt.Sprintf("%s * 2 - d / 4", a.duck), k: kDouble, nullable: true}
	case 4: // iif with a comparison (never NULL). Branches of one type:
		// funcs/i/iif.md does not say which type iif(cond, INT, DOUBLE)
		// answers in, so mixed branches are left out.
		p := cmp(g.pick("<", ">", "==", ">="), g.colOf(kInt, kLong, kDouble), g.lit(kInt))
		a := g.colOf(kInt, kLong, kDouble)
		b := g.colOf(a.k)
		return expr{ddb: fmt.Sprintf("iif(%s, %s, %s)", p.ddb, a.ddb, b.ddb), duck: fmt.Sprintf("case when %s then %s else %s end", p.duck, a.duck, b.duck), k: kDouble, nullable: true}
	case 5: // iif on the BOOL column: NULL where it is NULL (funcs/i/iif.md).
		// Porpoise answers iif(b, INT, LONG) in INT, the first branch's
		// type; the page does not say, so the branches share a type here.
		return expr{ddb: "iif(b, l, i * l)", duck: "case when b is null then null when b then l else i * l end", k: kLong, nullable: true}
	case 6:
		p := cmp(g.pick("<", ">"), g.colOf(kInt, kLong, kDouble), g.lit(kInt))
		q := cmp(g.pick("<", ">", "=="), g.colOf(kInt, kLong), g.lit(kInt))
		return expr{ddb: fmt.Sprintf("case when %s then 1 when %s then 2 else 3 end", p.ddb, q.ddb),
			duck: fmt.Sprintf("case when %s then 1 when %s then 2 else 3 end", p.duck, q.duck), k: kInt}
	case 7:
		c := g.colOf(kSym, kStr)
		f := g.pick("upper", "lower")
		return expr{ddb: f + "(" + c.ddb + ")", duck: f + "(" + c.duck + ")", k: kStr}
	case 8:
		c := g.colOf(kSym, kStr)
		n := g.pick("1", "2")
		return expr{ddb: fmt.Sprintf("left(%s, %s)", c.ddb, n), duck: fmt.Sprintf("left(%s, %s)", c.duck, n), k: kStr}
	case 9: // substr's offset is 0-based (funcs/s/substr.md), DuckDB's 1-based
		c := g.colOf(kSym, kStr)
		return expr{ddb: fmt.Sprintf("substr(%s, 1, 2)", c.ddb), duck: fmt.Sprintf("substr(%s, 2, 2)", c.duck), k: kStr}
	case 10:
		return expr{ddb: "year(dt)", duck: "year(dt)", k: kInt, nullable: true}
	case 11: // month gives a MONTH, counted here as year*12+month-1
		c := g.colOf(kDate, kTs)
		return expr{ddb: "month(" + c.ddb + ")", duck: fmt.Sprintf("year(%s)*12+month(%s)-1", c.duck, c.duck), k: kInt, nullable: true}
	case 12:
		return expr{ddb: "date(ts)", duck: "cast(ts as date)", k: kDate, nullable: true}
	default: // bar: x - mod(x, n) (funcs/b/bar.md), compared as milliseconds
		return expr{ddb: "bar(ts, 1H)", duck: "time_bucket(interval 1 hour, ts)", k: kTs, nullable: true}
	}
}

// key is a group-by key.
func (g *gen) key() expr {
	switch g.r.IntN(7) {
	case 0:
		return expr{ddb: "bar(i, 3)", duck: "(i - (((i % 3) + 3) % 3))", k: kInt, nullable: true}
	case 1:
		return expr{ddb: "month(dt)", duck: "(year(dt)*12+month(dt)-1)", k: kInt, nullable: true}
	case 2:
		return g.colOf(kLong, kDouble, kTs)
	default:
		return g.colOf(kInt, kSym, kStr, kDate, kBool)
	}
}

func names(es []expr, f func(expr) string) string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = f(e)
	}
	return strings.Join(out, ", ")
}

func ddbOf(e expr) string { return e.ddb }

// aliased is a DolphinDB select list naming each item c0, c1, ... so that
// repeated items do not clash.
func aliased(es []expr) string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = fmt.Sprintf("%s as c%d", e.ddb, i)
	}
	return strings.Join(out, ", ")
}
func duckOf(e expr) string { return e.duck }

// ddbOrder and duckOrder render an order by item: DolphinDB puts NULLs
// first ascending and last descending (progr/data_mani/sort_null.md).
func duckOrder(e string, desc bool) string {
	if desc {
		return e + " desc nulls last"
	}
	return e + " asc nulls first"
}

func (g *gen) where() (string, string) {
	if g.r.IntN(4) == 0 {
		return "", ""
	}
	p := g.pred(2)
	return " where " + p.ddb, " where " + p.duck
}

// query makes one random query.
func (g *gen) query() query {
	switch g.r.IntN(6) {
	case 0, 1:
		return g.query2()
	case 2:
		return g.composite()
	}
	switch g.r.IntN(10) {
	case 0, 1: // filter
		w1, w2 := g.where()
		sel := append([]expr{col("rid", kInt)}, g.some(func() expr { return g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs, kBool) })...)
		return query{shape: "filter", ddb: "select " + aliased(sel) + " from t" + w1, duck: "select " + names(sel, duckOf) + " from t" + w2}
	case 2, 3: // group by with aggregates, maybe having
		keys := []expr{g.key()}
		if g.r.IntN(2) == 0 {
			keys = append(keys, g.key())
			if keys[1].ddb == keys[0].ddb {
				keys = keys[:1]
			}
		}
		aggs := g.some(g.agg)
		w1, w2 := g.where()
		shape := "group by"
		var h1, h2 string
		if g.r.IntN(3) == 0 {
			a := g.agg()
			if a.k != kSym && a.k != kStr && a.k != kDate && a.k != kTs {
				shape = "group by + having"
				c := cmp(g.pick(">", "<", ">=", "!="), a, threshold(a))
				h1, h2 = " having "+c.ddb, " having "+c.duck
			}
		}
		if len(keys) == 2 {
			shape += " (2 keys)"
		}
		dk := make([]string, len(keys))
		for j, k := range keys {
			dk[j] = fmt.Sprintf("%s as k%d", k.duck, j)
		}
		return query{shape: shape,
			ddb:  "select " + aliased(aggs) + " from t" + w1 + " group by " + names(keys, ddbOf) + h1,
			duck: "select " + strings.Join(dk, ", ") + ", " + names(aggs, duckOf) + " from t" + w2 + " group by " + names(keys, duckOf) + h2}
	case 4: // order by (NULLs placed as DolphinDB does), limit or top
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs)
		desc := g.r.IntN(2) == 0
		w1, w2 := g.where()
		n := 1 + g.r.IntN(30)
		dir := "asc"
		if desc {
			dir = "desc"
		}
		sel := "rid, " + c.ddb
		if g.r.IntN(2) == 0 {
			return query{shape: "order by + top", ordered: true,
				ddb:  fmt.Sprintf("select top %d %s from t%s order by %s %s, rid", n, sel, w1, c.ddb, dir),
				duck: fmt.Sprintf("select rid, %s from t%s order by %s, rid limit %d", c.duck, w2, duckOrder(c.duck, desc), n)}
		}
		return query{shape: "order by + limit", ordered: true,
			ddb:  fmt.Sprintf("select %s from t%s order by %s %s, rid limit %d", sel, w1, c.ddb, dir, n),
			duck: fmt.Sprintf("select rid, %s from t%s order by %s, rid limit %d", c.duck, w2, duckOrder(c.duck, desc), n)}
	case 5: // distinct
		a := g.colOf(kInt, kSym, kStr, kDate, kBool)
		b := g.colOf(kInt, kSym, kStr, kDate, kBool)
		sel := []expr{a}
		if b.ddb != a.ddb {
			sel = append(sel, b)
		}
		w1, w2 := g.where()
		return query{shape: "distinct", ddb: "select distinct " + names(sel, ddbOf) + " from t" + w1, duck: "select distinct " + names(sel, duckOf) + " from t" + w2}
	case 6: // joins
		return g.join()
	case 7: // subquery in from, grouped outside
		w1, w2 := g.where()
		a := g.agg()
		k := g.colOf(kInt, kSym, kDate)
		return query{shape: "subquery in from",
			ddb:  fmt.Sprintf("select %s from (select * from t%s) group by %s", a.ddb, w1, k.ddb),
			duck: fmt.Sprintf("select %s, %s from (select * from t%s) group by %s", k.duck, a.duck, w2, k.duck)}
	default: // row-wise expressions in select
		w1, w2 := g.where()
		sel := append([]expr{col("rid", kInt)}, g.some(g.scalar)...)
		var d1, d2 []string
		for j, e := range sel {
			d1 = append(d1, fmt.Sprintf("%s as c%d", e.ddb, j))
			d2 = append(d2, e.duck)
		}
		return query{shape: "select expressions", ddb: "select " + strings.Join(d1, ", ") + " from t" + w1, duck: "select " + strings.Join(d2, ", ") + " from t" + w2}
	}
}

// join makes an inner or left join of t and u on one or two keys, in
// DolphinDB's ej/lj or SQL join syntax. NULL keys match nothing
// (enableNullSafeJoin's default false,
// db_distr_comp/cfg/function_configuration.md); a NULL string is ” in
// DuckDB here, so string keys exclude it in the join condition.
func (g *gen) join() query {
	left := g.r.IntN(2) == 0
	two := g.r.IntN(2) == 0
	syntax := g.r.IntN(2) == 0
	on := "t.i = u.k"
	if two {
		on += " and t.s = u.us and t.s <> ''"
	}
	kind := "inner join"
	fn := "ej"
	if left {
		kind, fn = "left join", "lj"
	}
	shape := kind
	if two {
		shape += " (2 keys)"
	}
	var from string
	if syntax {
		shape += " SQL"
		from = "t " + kind + " u on t.i = u.k"
		if two {
			from += " and t.s = u.us"
		}
	} else {
		shape += " " + fn
		if two {
			from = fn + "(t, u, `i`s, `k`us)"
		} else {
			from = fn + "(t, u, `i, `k)"
		}
	}
	if g.r.IntN(3) == 0 {
		a := g.pick("sum(v)", "count(*)", "count(w)", "max(w)")
		return query{shape: shape + " + group by", usesU: true,
			ddb:  fmt.Sprintf("select %s from %s group by s", a, from),
			duck: fmt.Sprintf("select t.s, %s from t %s u on %s group by t.s", a, kind, on)}
	}
	return query{shape: shape, usesU: true,
		ddb:  fmt.Sprintf("select rid, i, s, v, w from %s", from),
		duck: fmt.Sprintf("select rid, i, s, v, w from t %s u on %s", kind, on)}
}

// exprKey is a group-by key computed from columns, with an alias.
func (g *gen) exprKey() expr {
	switch g.r.IntN(6) {
	case 0: // mod's result has the divisor's sign (funcs/m/mod.md)
		return expr{ddb: "i % 3", duck: "((i % 3) + 3) % 3", k: kInt, nullable: true}
	case 1:
		return expr{ddb: "year(dt)", duck: "year(dt)", k: kInt, nullable: true}
	case 2:
		return expr{ddb: "date(ts)", duck: "cast(ts as date)", k: kDate, nullable: true}
	case 3:
		return expr{ddb: "bar(ts, 1H)", duck: "time_bucket(interval 1 hour, ts)", k: kTs, nullable: true}
	case 4:
		return expr{ddb: "upper(s)", duck: "upper(s)", k: kStr}
	default:
		return expr{ddb: "strlen(str)", duck: "strlen(str)", k: kInt}
	}
}

// aggExpr is an aggregate of an expression, or an expression of
// aggregates.
func (g *gen) aggExpr() expr {
	switch g.r.IntN(6) {
	case 0:
		return expr{ddb: "sum(i * d)", duck: "sum(i * d)", k: kDouble, nullable: true}
	case 1:
		return expr{ddb: "avg(i + l)", duck: "avg(i + l)", k: kDouble, nullable: true}
	case 2:
		return expr{ddb: "max(l) - min(l)", duck: "max(l) - min(l)", k: kLong, nullable: true}
	case 3:
		return expr{ddb: "count(*) - count(i)", duck: "count(*) - count(i)", k: kLong}
	case 4: // iif on a NULL BOOL is NULL (funcs/i/iif.md), and sum skips it
		return expr{ddb: "sum(iif(b, 1, 0))", duck: "sum(case when b then 1 when not b then 0 end)", k: kLong, nullable: true}
	default:
		return expr{ddb: "sum(d) / count(d)", duck: "sum(d) / count(d)", k: kDouble, nullable: true}
	}
}

// pred2 is a where condition in the negated SQL forms: not in, not
// between, not like. A NULL is not in any list here and between no bounds
// (it is the smallest value, funcs/data_mani/func_null.md), so the negated
// forms hold for it.
func (g *gen) pred2() expr {
	switch g.r.IntN(3) {
	case 0:
		c := g.colOf(kInt, kLong, kSym, kStr)
		dl, ql := g.litList(c.k, 3)
		return expr{ddb: fmt.Sprintf("%s not in [%s]", c.ddb, dl),
			duck: fmt.Sprintf("not coalesce(%s in (%s), false)", c.duck, ql), k: kBool}
	case 1:
		c := g.colOf(kInt, kLong, kDouble, kDate)
		lo, hi := g.lit(c.k), g.lit(c.k)
		return expr{ddb: fmt.Sprintf("%s not between %s and %s", c.ddb, lo.ddb, hi.ddb),
			duck: fmt.Sprintf("not coalesce(%s between %s and %s, false)", c.duck, lo.duck, hi.duck), k: kBool}
	default:
		c := g.colOf(kSym, kStr)
		p := g.pick("A%", "%b%", "?", "%1")
		return expr{ddb: fmt.Sprintf("%s not like %q", c.ddb, p), duck: fmt.Sprintf("%s not like '%s'", c.duck, strings.ReplaceAll(p, "?", "_")), k: kBool}
	}
}

// query2 makes the second set of shapes.
func (g *gen) query2() query {
	switch g.r.IntN(21) {
	case 19, 20: // numeric, string and boolean functions in select
		return g.selectOf("functions", g.function)
	case 18: // temporal functions and arithmetic
		return g.selectOf("temporal functions", g.temporal)
	case 14: // the group key named in the select list, before or after
		k := g.colOf(kInt, kSym, kDate, kBool)
		a := g.agg()
		w1, w2 := g.where()
		if g.r.IntN(2) == 0 {
			return query{shape: "group by, key selected",
				ddb:  fmt.Sprintf("select %s, %s as c1 from t%s group by %s", k.ddb, a.ddb, w1, k.ddb),
				duck: fmt.Sprintf("select %s, %s from t%s group by %s", k.duck, a.duck, w2, k.duck)}
		}
		return query{shape: "group by, key selected",
			ddb:  fmt.Sprintf("select %s as c0, %s from t%s group by %s", a.ddb, k.ddb, w1, k.ddb),
			duck: fmt.Sprintf("select %s, %s from t%s group by %s", a.duck, k.duck, w2, k.duck)}
	case 15: // ordered by an aggregate's alias, then the key; limit
		k := g.colOf(kInt, kSym, kDate)
		a := g.agg()
		desc := g.r.IntN(2) == 0
		dir := map[bool]string{false: "asc", true: "desc"}[desc]
		n := 1 + g.r.IntN(10)
		ak := a.duck
		if a.k == kSym || a.k == kStr {
			ak = "coalesce(" + ak + ", '')"
		}
		return query{shape: "group by + order by aggregate + limit", ordered: true,
			ddb:  fmt.Sprintf("select %s, %s as a from t group by %s order by a %s, %s limit %d", k.ddb, a.ddb, k.ddb, dir, k.ddb, n),
			duck: fmt.Sprintf("select %s, %s as a from t group by %s order by %s, %s limit %d", k.duck, a.duck, k.duck, duckOrder(ak, desc), duckOrder(k.duck, false), n)}
	case 16: // in a vector from a subquery: a NULL is in a vector holding
		// a NULL (progr/data_mani/null_oper.md: in(1 00f NULL 1.3, 00f)),
		// where SQL's IN answers NULL
		not := g.r.IntN(2) == 0
		d := "(coalesce(i in (select k from u where k is not null), false) or (i is null and exists (select 1 from u where k is null)))"
		dd := "i in (exec k from u)"
		if not {
			d, dd = "not "+d, "not(i in (exec k from u))"
		}
		return query{shape: "in (exec from u)", usesU: true,
			ddb:  fmt.Sprintf("select rid, i from t where %s", dd),
			duck: fmt.Sprintf("select rid, i from t where %s", d)}
	case 17: // two levels of subquery
		w1, w2 := g.where()
		k := g.colOf(kInt, kSym)
		return query{shape: "nested subqueries",
			ddb:  fmt.Sprintf("select count(*) as n, sum(sd) as ssd from (select %s, sum(d) as sd from (select * from t%s) group by %s) where sd > 0", k.ddb, w1, k.ddb),
			duck: fmt.Sprintf("select count(*), sum(sd) from (select %s, sum(d) as sd from (select * from t%s) group by %s) where coalesce(sd > 0, false)", k.duck, w2, k.duck)}
	case 10: // aggregates over the whole (often empty) selection
		aggs := g.some(g.agg)
		p := g.pred(2)
		return query{shape: "aggregate without group by",
			ddb:  "select " + aliased(aggs) + " from t where " + p.ddb,
			duck: "select " + names(aggs, duckOf) + " from t where " + p.duck}
	case 11: // limit offset, count (progr/sql/limit.md)
		c := g.colOf(kInt, kLong, kDouble, kSym, kDate, kTs)
		desc := g.r.IntN(2) == 0
		dir := map[bool]string{false: "asc", true: "desc"}[desc]
		off, n := g.r.IntN(50), 1+g.r.IntN(20)
		w1, w2 := g.where()
		return query{shape: "limit offset", ordered: true,
			ddb:  fmt.Sprintf("select rid, %s from t%s order by %s %s, rid limit %d, %d", c.ddb, w1, c.ddb, dir, off, n),
			duck: fmt.Sprintf("select rid, %s from t%s order by %s, rid limit %d offset %d", c.duck, w2, duckOrder(c.duck, desc), n, off)}
	case 12: // context by with limit: each group's first n rows, or last
		// n for a negative n (progr/sql/limit.md)
		k := g.colOf(kInt, kSym, kDate, kBool)
		n := 1 + g.r.IntN(3)
		w1, w2 := g.where()
		if g.r.IntN(2) == 0 {
			return query{shape: "context by + limit -n",
				ddb:  fmt.Sprintf("select rid, d from t%s context by %s limit -%d", w1, k.ddb, n),
				duck: fmt.Sprintf("select rid, d from t%s qualify row_number() over (partition by %s order by rid desc) <= %d", w2, k.duck, n)}
		}
		return query{shape: "context by + limit n",
			ddb:  fmt.Sprintf("select rid, d from t%s context by %s limit %d", w1, k.ddb, n),
			duck: fmt.Sprintf("select rid, d from t%s qualify row_number() over (partition by %s order by rid) <= %d", w2, k.duck, n)}
	case 13: // context by csort with top: each group's first rows in the
		// csort order (progr/sql/contextBy.md)
		k := g.colOf(kInt, kSym, kDate)
		c := g.colOf(kInt, kLong, kDouble, kTs)
		desc := g.r.IntN(2) == 0
		dir := map[bool]string{false: "asc", true: "desc"}[desc]
		n := 1 + g.r.IntN(3)
		return query{shape: "context by csort + top",
			ddb:  fmt.Sprintf("select top %d rid, %s from t context by %s csort %s %s, rid", n, c.ddb, k.ddb, c.ddb, dir),
			duck: fmt.Sprintf("select rid, %s from t qualify row_number() over (partition by %s order by %s, rid) <= %d", c.duck, k.duck, duckOrder(c.duck, desc), n)}
	case 0: // group by ordered by its key
		k := g.colOf(kInt, kSym, kStr, kDate, kBool)
		desc := g.r.IntN(2) == 0
		dir := map[bool]string{false: "asc", true: "desc"}[desc]
		a := g.agg()
		w1, w2 := g.where()
		return query{shape: "group by + order by key", ordered: true,
			ddb:  fmt.Sprintf("select %s as c0 from t%s group by %s order by %s %s", a.ddb, w1, k.ddb, k.ddb, dir),
			duck: fmt.Sprintf("select %s, %s from t%s group by %s order by %s", k.duck, a.duck, w2, k.duck, duckOrder(k.duck, desc))}
	case 1: // group by a computed key
		k := g.exprKey()
		a := g.agg()
		w1, w2 := g.where()
		return query{shape: "group by computed key",
			ddb:  fmt.Sprintf("select %s as c0 from t%s group by %s as gk", a.ddb, w1, k.ddb),
			duck: fmt.Sprintf("select %s, %s from t%s group by %s", k.duck, a.duck, w2, k.duck)}
	case 2: // aggregates of expressions
		k := g.colOf(kInt, kSym, kBool)
		a, b := g.aggExpr(), g.aggExpr()
		w1, w2 := g.where()
		return query{shape: "aggregate expressions",
			ddb:  fmt.Sprintf("select %s as c0, %s as c1 from t%s group by %s", a.ddb, b.ddb, w1, k.ddb),
			duck: fmt.Sprintf("select %s, %s, %s from t%s group by %s", k.duck, a.duck, b.duck, w2, k.duck)}
	case 3: // negated predicates, and a comma between conditions (and)
		p, q := g.pred2(), g.pred(1)
		return query{shape: "not in/between/like, comma",
			ddb:  fmt.Sprintf("select rid, i, s from t where %s, %s", p.ddb, q.ddb),
			duck: fmt.Sprintf("select rid, i, s from t where (%s) and (%s)", p.duck, q.duck)}
	case 4: // context by: an aggregate per row of its group, or a running sum
		k := g.colOf(kInt, kSym, kDate)
		c := g.colOf(kInt, kLong, kDouble)
		w1, w2 := g.where()
		switch g.r.IntN(7) {
		case 5: // an expression around calls: only the calls run by group
			d := c.duck
			return query{shape: "context by expression around calls",
				ddb:  fmt.Sprintf("select rid, %s - prev(%s) as c1, next(%s) * 2 - avg(%s) as c2 from t%s context by %s", c.ddb, c.ddb, c.ddb, c.ddb, w1, k.ddb),
				duck: fmt.Sprintf("select rid, %s - lag(%s) over w, lead(%s) over w * 2 - avg(%s) over (partition by %s) from t%s window w as (partition by %s order by rid)", d, d, d, d, k.duck, w2, k.duck)}
		case 6: // rank and denseRank: 0-based, ties share the lowest rank, NULLs unranked
			f, df := g.pick("rank", "denseRank"), "rank"
			if f == "denseRank" {
				df = "dense_rank"
			}
			return query{shape: "context by rank/denseRank",
				ddb:  fmt.Sprintf("select rid, %s(%s) as c1 from t%s context by %s", f, c.ddb, w1, k.ddb),
				duck: fmt.Sprintf("select rid, case when %s is null then null else %s() over (partition by %s, %s is null order by %s) - 1 end from t%s", c.duck, df, k.duck, c.duck, c.duck, w2)}
		case 3: // cummax/cummin skip NULLs as cumsum does (func_null.md)
			f := g.pick("max", "min")
			return query{shape: "context by cummax/cummin",
				ddb:  fmt.Sprintf("select rid, cum%s(%s) as c1 from t%s context by %s", f, c.ddb, w1, k.ddb),
				duck: fmt.Sprintf("select rid, %s(%s) over (partition by %s order by rid rows between unbounded preceding and current row) from t%s", f, c.duck, k.duck, w2)}
		case 4: // prev, next and deltas within each group, in table order
			f := g.pick("prev", "next", "deltas")
			d := map[string]string{"prev": "lag(%s) over w", "next": "lead(%s) over w", "deltas": "%s - lag(%s) over w"}[f]
			dd := fmt.Sprintf(d, c.duck)
			if f == "deltas" {
				dd = fmt.Sprintf(d, c.duck, c.duck)
			}
			return query{shape: "context by prev/next/deltas",
				ddb:  fmt.Sprintf("select rid, %s(%s) as c1 from t%s context by %s", f, c.ddb, w1, k.ddb),
				duck: fmt.Sprintf("select rid, %s from t%s window w as (partition by %s order by rid)", dd, w2, k.duck)}
		case 0:
			f := g.pick("sum", "avg", "max", "count")
			return query{shape: "context by aggregate",
				ddb:  fmt.Sprintf("select rid, %s(%s) as c1 from t%s context by %s", f, c.ddb, w1, k.ddb),
				duck: fmt.Sprintf("select rid, %s(%s) over (partition by %s) from t%s", f, c.duck, k.duck, w2)}
		case 1:
			// cumsum skips NULLs: a NULL row repeats the sum so far and
			// leading NULLs stay NULL (progr/data_mani/func_null.md).
			return query{shape: "context by cumsum",
				ddb:  fmt.Sprintf("select rid, cumsum(%s) as c1 from t%s context by %s", c.ddb, w1, k.ddb),
				duck: fmt.Sprintf("select rid, sum(%s) over (partition by %s order by rid rows between unbounded preceding and current row) from t%s", c.duck, k.duck, w2)}
		default:
			return query{shape: "context by first/last",
				ddb:  fmt.Sprintf("select rid, first(%s) as c1, last(%s) as c2 from t%s context by %s", c.ddb, c.ddb, w1, k.ddb),
				duck: fmt.Sprintf("select rid, first(%s) over w, last(%s) over w from t%s window w as (partition by %s order by rid rows between unbounded preceding and unbounded following)", c.duck, c.duck, w2, k.duck)}
		}
	case 5: // a filter over a grouped subquery
		k := g.colOf(kInt, kSym, kDate)
		a := g.agg()
		for a.k == kSym || a.k == kStr || a.k == kDate || a.k == kTs {
			a = g.agg()
		}
		c := cmp(g.pick(">", "<", "==", "!="), expr{ddb: "a", duck: "a", nullable: true}, threshold(a))
		return query{shape: "where over grouped subquery",
			ddb:  fmt.Sprintf("select * from (select %s as a from t group by %s as gk) where %s", a.ddb, k.ddb, c.ddb),
			duck: fmt.Sprintf("select * from (select %s as gk, %s as a from t group by %s) where %s", k.duck, a.duck, k.duck, c.duck)}
	case 6: // a join filtered on the right table's column, or on a string key
		left := g.r.IntN(2) == 0
		kind, fn := "inner join", "ej"
		if left {
			kind, fn = "left join", "lj"
		}
		c := cmp(g.pick(">", "<", "==", "!="), expr{ddb: "v", duck: "v", nullable: true}, g.lit(kDouble))
		if g.r.IntN(2) == 0 {
			return query{shape: kind + " on string key " + fn, usesU: true,
				ddb:  fmt.Sprintf("select rid, s, v, w from %s(t, u, `s, `us)", fn),
				duck: fmt.Sprintf("select rid, s, v, w from t %s u on t.s = u.us and t.s <> ''", kind)}
		}
		return query{shape: kind + " + where on right " + fn, usesU: true,
			ddb:  fmt.Sprintf("select rid, v * i as x from %s(t, u, `i, `k) where %s", fn, c.ddb),
			duck: fmt.Sprintf("select rid, v * i from t %s u on t.i = u.k where %s", kind, c.duck)}
	case 7: // distinct, ordered
		k := g.colOf(kInt, kSym, kStr, kDate)
		desc := g.r.IntN(2) == 0
		dir := map[bool]string{false: "asc", true: "desc"}[desc]
		return query{shape: "distinct + order by", ordered: true,
			ddb:  fmt.Sprintf("select distinct %s from t order by %s %s", k.ddb, k.ddb, dir),
			duck: fmt.Sprintf("select distinct %s from t order by %s", k.duck, duckOrder(k.duck, desc))}
	case 8: // order by two keys with explicit nulls first/last
		a, b := g.colOf(kInt, kSym, kDate, kBool), g.colOf(kLong, kDouble, kStr, kTs)
		da, db := g.r.IntN(2) == 0, g.r.IntN(2) == 0
		nf := g.r.IntN(2) == 0
		nulls := map[bool]string{false: "nulls last", true: "nulls first"}[nf]
		dir := map[bool]string{false: "asc", true: "desc"}
		n := 1 + g.r.IntN(40)
		// A NULL string is '' in DuckDB here: nulls first/last needs it NULL.
		ak := a.duckNull()
		return query{shape: "order by 2 keys, nulls first/last", ordered: true,
			ddb:  fmt.Sprintf("select rid, %s, %s from t order by %s %s %s, %s %s, rid limit %d", a.ddb, b.ddb, a.ddb, dir[da], nulls, b.ddb, dir[db], n),
			duck: fmt.Sprintf("select rid, %s, %s from t order by %s %s %s, %s, rid limit %d", a.duck, b.duck, ak, dir[da], nulls, duckOrder(b.duck, db), n)}
	default: // case when without else is NULL when no branch holds (progr/sql/case.md)
		c := g.colOf(kInt, kLong, kDouble)
		p := cmp(g.pick("<", ">", "=="), c, g.lit(kInt))
		return query{shape: "case when without else",
			ddb:  fmt.Sprintf("select rid, case when %s then %s * 2 end as x from t", p.ddb, c.ddb),
			duck: fmt.Sprintf("select rid, case when %s then %s * 2 end from t", p.duck, c.duck)}
	}
}

// msOf is a DuckDB TIMESTAMP as milliseconds since 1970, the count
// Porpoise's TIMESTAMP holds.
func msOf(ts string) string { return "epoch_ms(" + ts + ")" }

// temporal is a temporal function or arithmetic, each answer compared as
// the count its DolphinDB type holds: MINUTE as minutes and SECOND as
// seconds of the day (funcs/m/minute.md, funcs/s/second.md).
func (g *gen) temporal() expr {
	switch g.r.IntN(14) {
	case 0:
		n := g.pick("1", "-3", "40")
		return expr{ddb: "dt + " + n, duck: "dt + " + n, k: kDate, nullable: true}
	case 1: // DATE - DATE is a count of days
		return expr{ddb: "dt - 2024.01.01", duck: "dt - DATE '2024-01-01'", k: kInt, nullable: true}
	case 2:
		return expr{ddb: "ts - 1500", duck: msOf("ts") + " - 1500", k: kTs, nullable: true}
	case 3:
		return expr{ddb: "hour(ts)", duck: "hour(ts)", k: kInt, nullable: true}
	case 4:
		return expr{ddb: "minute(ts)", duck: "(hour(ts) * 60 + minute(ts))", k: kInt, nullable: true}
	case 5:
		return expr{ddb: "second(ts)", duck: "(hour(ts) * 3600 + minute(ts) * 60 + second(ts))", k: kInt, nullable: true}
	case 6: // weekday counts from Sunday by default (funcs/w/weekday.md)
		c := g.colOf(kDate, kTs)
		return expr{ddb: "weekday(" + c.ddb + ")", duck: "dayofweek(" + c.duck + ")", k: kInt, nullable: true}
	case 7:
		c := g.colOf(kDate, kTs)
		return expr{ddb: "dayOfYear(" + c.ddb + ")", duck: "dayofyear(" + c.duck + ")", k: kInt, nullable: true}
	case 8:
		c := g.colOf(kDate, kTs)
		return expr{ddb: "dayOfMonth(" + c.ddb + ")", duck: "day(" + c.duck + ")", k: kInt, nullable: true}
	case 9:
		c := g.colOf(kDate, kTs)
		return expr{ddb: "monthOfYear(" + c.ddb + ")", duck: "month(" + c.duck + ")", k: kInt, nullable: true}
	case 10: // bar on a DATE: the day count less its mod (funcs/b/bar.md)
		days := "(dt - DATE '1970-01-01')"
		return expr{ddb: "bar(dt, 7)", duck: fmt.Sprintf("(%s - ((%s %% 7) + 7) %% 7)", days, days), k: kDate, nullable: true}
	case 11:
		n, ms := g.pick("15m", "7d", "1d", "90s"), int64(0)
		switch n {
		case "15m":
			ms = 15 * 60000
		case "7d":
			ms = 7 * 86400000
		case "1d":
			ms = 86400000
		default:
			ms = 90000
		}
		m := msOf("ts")
		return expr{ddb: "bar(ts, " + n + ")", duck: fmt.Sprintf("(%s - ((%s %% %d) + %d) %% %d)", m, m, ms, ms, ms), k: kTs, nullable: true}
	case 12: // TIMESTAMP - TIMESTAMP is a count of milliseconds
		return expr{ddb: "ts - 2024.01.05T00:00:00.000", duck: msOf("ts") + " - " + msOf("TIMESTAMP '2024-01-05 00:00:00'"), k: kLong, nullable: true}
	default:
		c := g.colOf(kDate, kTs)
		return expr{ddb: "year(" + c.ddb + ")", duck: "year(" + c.duck + ")", k: kInt, nullable: true}
	}
}

// threshold is what a having or outer where compares aggregate a with:
// 0, or for a DOUBLE aggregate a value no generated answer lands on
// exactly, as a percentile interpolated to 0 may be 0 or 4e-16 on either
// side and both are right.
func threshold(a expr) expr {
	if a.k == kDouble {
		return expr{ddb: "0.1234567", duck: "0.1234567"}
	}
	return expr{ddb: "0", duck: "0"}
}

// composite combines a source (t, a filtered subquery of t, or a join
// with u), a where, a grouping (none, group by with having, context by),
// an order and a limit, for the planner's rewrites to meet each other.
func (g *gen) composite() query {
	var srcD, srcQ, shape string
	usesU := false
	switch g.r.IntN(6) {
	case 0:
		p := g.pred(1)
		srcD, srcQ, shape = "(select * from t where "+p.ddb+")", "(select * from t where "+p.duck+")", "sub"
	case 1:
		usesU = true
		if g.r.IntN(2) == 0 {
			srcD, srcQ, shape = "ej(t, u, `i, `k)", "t inner join u on t.i = u.k", "ej"
		} else {
			srcD, srcQ, shape = "lj(t, u, `i, `k)", "t left join u on t.i = u.k", "lj"
		}
	default:
		srcD, srcQ, shape = "t", "t", "t"
	}
	w1, w2 := g.where()
	if w1 != "" {
	}
	ordered := false
	var d, q string
	switch g.r.IntN(3) {
	case 0: // plain rows, maybe ordered and limited
		sel := []expr{col("rid", kInt), g.scalar()}
		if usesU {
			sel = append(sel, expr{ddb: "v", duck: "v", k: kDouble, nullable: true})
		}
		d = "select " + aliased(sel) + " from " + srcD + w1
		q = "select " + names(sel, duckOf) + " from " + srcQ + w2
		shape += "+rows"
		if !usesU && g.r.IntN(2) == 0 {
			c := g.colOf(kInt, kLong, kDouble, kSym, kDate, kTs)
			desc := g.r.IntN(2) == 0
			dir := map[bool]string{false: "asc", true: "desc"}[desc]
			n := 1 + g.r.IntN(30)
			d += fmt.Sprintf(" order by %s %s, rid limit %d", c.ddb, dir, n)
			q += fmt.Sprintf(" order by %s, rid limit %d", duckOrder(c.duck, desc), n)
			ordered = true
		}
	case 1: // group by, maybe having, maybe ordered by the key and limited
		k := g.colOf(kInt, kSym, kDate, kBool)
		aggs := []expr{g.agg(), g.agg()}
		if usesU {
			aggs = append(aggs, expr{ddb: "sum(v)", duck: "sum(v)", k: kDouble, nullable: true})
		}
		d = "select " + aliased(aggs) + " from " + srcD + w1 + " group by " + k.ddb
		q = "select " + k.duck + ", " + names(aggs, duckOf) + " from " + srcQ + w2 + " group by " + k.duck
		shape += "+group"
		if g.r.IntN(2) == 0 {
			a := g.agg()
			for a.k == kSym || a.k == kStr || a.k == kDate || a.k == kTs {
				a = g.agg()
			}
			c := cmp(g.pick(">", "<", "!="), a, threshold(a))
			d += " having " + c.ddb
			q += " having " + c.duck
		}
		if g.r.IntN(2) == 0 {
			desc := g.r.IntN(2) == 0
			dir := map[bool]string{false: "asc", true: "desc"}[desc]
			n := 1 + g.r.IntN(5)
			d += fmt.Sprintf(" order by %s %s limit %d", k.ddb, dir, n)
			q += fmt.Sprintf(" order by %s limit %d", duckOrder(k.duck, desc), n)
			ordered = true
		}
	default: // context by with an aggregate per row
		k := g.colOf(kInt, kSym, kDate)
		c := g.colOf(kInt, kLong, kDouble)
		f := g.pick("sum", "max", "count", "avg")
		d = fmt.Sprintf("select rid, %s(%s) as c1 from %s%s context by %s", f, c.ddb, srcD, w1, k.ddb)
		q = fmt.Sprintf("select rid, %s(%s) over (partition by %s) from %s%s", f, c.duck, k.duck, srcQ, w2)
		shape += "+context"
		if usesU {
			// rid repeats across a join's matches; keep the rows apart
			d = fmt.Sprintf("select rid, v, %s(%s) as c1 from %s%s context by %s", f, c.ddb, srcD, w1, k.ddb)
			q = fmt.Sprintf("select rid, v, %s(%s) over (partition by %s) from %s%s", f, c.duck, k.duck, srcQ, w2)
		}
	}
	return query{shape: "composite " + shape, ddb: d, duck: q, ordered: ordered, usesU: usesU}
}

// function is a numeric, string or boolean function of t's columns.
func (g *gen) function() expr {
	n := g.colOf(kInt, kLong, kDouble)
	str := g.colOf(kSym, kStr)
	switch g.r.IntN(17) {
	case 0:
		return expr{ddb: "abs(" + n.ddb + ")", duck: "abs(" + n.duck + ")", k: n.k, nullable: true}
	case 1:
		f := g.pick("floor", "ceil")
		return expr{ddb: f + "(d)", duck: f + "(d)", k: kDouble, nullable: true}
	case 2: // round half away from zero ("四舍五入", funcs/r/round.md)
		return expr{ddb: "round(d)", duck: "round(d)", k: kDouble, nullable: true}
	case 3:
		return expr{ddb: "round(d / 3, 2)", duck: "round(d / 3, 2)", k: kDouble, nullable: true}
	case 4:
		return expr{ddb: "sqrt(abs(d))", duck: "sqrt(abs(d))", k: kDouble, nullable: true}
	case 5:
		return expr{ddb: "log(abs(d) + 1)", duck: "ln(abs(d) + 1)", k: kDouble, nullable: true}
	case 6:
		return expr{ddb: "pow(i, 2)", duck: "pow(i, 2)", k: kDouble, nullable: true}
	case 7:
		return expr{ddb: "nullFill(" + n.ddb + ", 0)", duck: "coalesce(" + n.duck + ", 0)", k: n.k}
	case 8:
		c := g.colOf(kInt, kDouble, kSym, kStr, kDate, kBool)
		d := c.duckNull()
		f := g.pick("isNull", "isValid")
		not := map[string]string{"isNull": "", "isValid": " not"}[f]
		return expr{ddb: f + "(" + c.ddb + ")", duck: "(" + d + " is" + not + " null)", k: kBool}
	case 9:
		f := g.pick("startsWith", "endsWith")
		l := g.pick("A", "b", "C1")
		return expr{ddb: fmt.Sprintf("%s(%s, %q)", f, str.ddb, l), duck: fmt.Sprintf("%s(%s, '%s')", map[string]string{"startsWith": "starts_with", "endsWith": "ends_with"}[f], str.duck, l), k: kBool}
	case 10:
		return expr{ddb: "right(" + str.ddb + ", 1)", duck: "right(" + str.duck + ", 1)", k: kStr}
	case 11: // strpos is 0-based and -1 when absent (funcs/s/strpos.md)
		l := g.pick("b", "B", "1")
		return expr{ddb: fmt.Sprintf("strpos(%s, %q)", str.ddb, l), duck: fmt.Sprintf("(strpos(%s, '%s') - 1)", str.duck, l), k: kInt}
	case 12: // (concat of a column joins its rows, funcs/c/concat.md: not
		// row-wise, left out)
		return expr{ddb: "upper(right(" + str.ddb + ", 2))", duck: "upper(right(" + str.duck + ", 2))", k: kStr}
	case 13: // and is NULL if either side is NULL (progr/data_mani/func_null.md)
		p := cmp(g.pick("<", ">"), g.colOf(kInt, kLong), g.lit(kInt))
		return expr{ddb: fmt.Sprintf("b and %s", p.ddb), duck: fmt.Sprintf("case when b is null then null else b and %s end", p.duck), k: kBool, nullable: true}
	case 14: // or ignores one NULL side (logicOrIgnoreNull's default,
		// progr/data_mani/func_null.md)
		p := cmp(g.pick("<", ">"), g.colOf(kInt, kLong), g.lit(kInt))
		return expr{ddb: fmt.Sprintf("b or %s", p.ddb), duck: fmt.Sprintf("case when b is null then %s else b or %s end", p.duck, p.duck), k: kBool, nullable: true}
	case 15:
		return expr{ddb: "not(b)", duck: "not b", k: kBool, nullable: true}
	default:
		c := g.colOf(kInt, kLong)
		f := g.pick("double", "long")
		return expr{ddb: f + "(" + c.ddb + ")", duck: "cast(" + c.duck + " as " + map[string]string{"double": "double", "long": "bigint"}[f] + ")", k: kDouble, nullable: true}
	}
}
