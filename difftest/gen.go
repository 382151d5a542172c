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

// query is one generated query in both dialects. ordered means the
// answer's row order is specified (order by over keys that make it total).
type query struct {
	shape     string
	ddb, duck string
	ordered   bool
	usesU     bool
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
	switch g.r.IntN(9) {
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
		var dl, ql []string
		for j := 0; j < 1+g.r.IntN(4); j++ {
			l := g.lit(c.k)
			dl, ql = append(dl, l.ddb), append(ql, l.duck)
		}
		return expr{ddb: fmt.Sprintf("(%s in [%s])", c.ddb, strings.Join(dl, ",")),
			duck: fmt.Sprintf("coalesce(%s in (%s), false)", c.duck, strings.Join(ql, ",")), k: kBool}
	case 6: // is null / is not null
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs, kBool)
		not := g.pick("", " not")
		d := c.duck
		if c.k == kSym || c.k == kStr {
			d = "nullif(" + d + ", '')"
		}
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
	switch g.r.IntN(10) {
	case 0:
		return expr{ddb: "count(*)", duck: "count(*)", k: kLong}
	case 1:
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs, kBool)
		d := c.duck
		if c.k == kSym || c.k == kStr {
			d = "nullif(" + d + ", '')"
		}
		return expr{ddb: "count(" + c.ddb + ")", duck: "count(" + d + ")", k: kLong}
	case 2, 3:
		c := g.colOf(kInt, kLong, kDouble)
		f := g.pick("sum", "avg")
		return expr{ddb: f + "(" + c.ddb + ")", duck: f + "(" + c.duck + ")", k: kDouble, nullable: true}
	case 4, 5:
		c := g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs)
		f := g.pick("min", "max")
		d := c.duck
		if c.k == kSym || c.k == kStr {
			d = "nullif(" + d + ", '')"
		}
		return expr{ddb: f + "(" + c.ddb + ")", duck: f + "(" + d + ")", k: c.k, nullable: true}
	case 6, 7:
		c := g.colOf(kInt, kLong, kDouble)
		f := g.pick("std", "var")
		return expr{ddb: f + "(" + c.ddb + ")", duck: map[string]string{"std": "stddev_samp", "var": "var_samp"}[f] + "(" + c.duck + ")", k: kDouble, nullable: true}
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
	case 5: // iif on the BOOL column: NULL where it is NULL (funcs/i/iif.md)
		return expr{ddb: "iif(b, i, l)", duck: "case when b is null then null when b then i else l end", k: kLong, nullable: true}
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
		return expr{ddb: "bar(ts, 1H)", duck: "epoch_ms(time_bucket(interval 1 hour, ts))", k: kTs, nullable: true}
	}
}

// key is a group-by key.
func (g *gen) key() expr {
	switch g.r.IntN(7) {
	case 0:
		return expr{ddb: "bar(i, 3)", duck: "(i - (((i % 3) + 3) % 3))", k: kInt, nullable: true}
	case 1:
		return expr{ddb: "month(dt)", duck: "(year(dt)*12+month(dt)-1)", k: kInt, nullable: true}
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
	switch g.r.IntN(10) {
	case 0, 1: // filter
		w1, w2 := g.where()
		sel := []expr{col("rid", kInt)}
		for j := 0; j < 1+g.r.IntN(3); j++ {
			sel = append(sel, g.colOf(kInt, kLong, kDouble, kSym, kStr, kDate, kTs, kBool))
		}
		return query{shape: "filter", ddb: "select " + aliased(sel) + " from t" + w1, duck: "select " + names(sel, duckOf) + " from t" + w2}
	case 2, 3: // group by with aggregates, maybe having
		keys := []expr{g.key()}
		if g.r.IntN(2) == 0 {
			keys = append(keys, g.key())
			if keys[1].ddb == keys[0].ddb {
				keys = keys[:1]
			}
		}
		var aggs []expr
		for j := 0; j < 1+g.r.IntN(3); j++ {
			aggs = append(aggs, g.agg())
		}
		w1, w2 := g.where()
		shape := "group by"
		var h1, h2 string
		if g.r.IntN(3) == 0 {
			a := g.agg()
			if a.k != kSym && a.k != kStr && a.k != kDate && a.k != kTs {
				shape = "group by + having"
				c := cmp(g.pick(">", "<", ">=", "!="), a, expr{ddb: "0", duck: "0"})
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
		sel := []expr{col("rid", kInt)}
		for j := 0; j < 1+g.r.IntN(3); j++ {
			sel = append(sel, g.scalar())
		}
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
