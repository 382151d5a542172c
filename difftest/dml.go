package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"time"
)

// stmt is one DML statement: DolphinDB's form, and the DuckDB
// statements that do the same to DuckDB's copy of t. wantErr, when set,
// is the error DolphinDB gives for it; then DuckDB is not asked.
type stmt struct {
	ddb     string
	duck    []string
	wantErr string
}

// dmlGen draws DML sequences from a stream of its own (so a seed's
// queries stay the ones earlier rounds ran) and tracks t's columns as
// the statements add them.
type dmlGen struct {
	*gen
	names []string
	kinds []kind
	rows  int   // t's rows when loaded: -dfs appends land in its rid range
	rid   int64 // the next rid an in-memory insert gives
	added int   // columns added so far in this sequence
}

func newDMLGen(r *rand.Rand) *dmlGen { return &dmlGen{gen: &gen{r: r}} }

// dmlRuns reports whether the DML mode runs on this t: a plain in-memory
// table, or an OLAP DFS table RANGE-partitioned on rid. A keyed or
// indexed kind's insert updates a row of the same key, the other schemes
// partition on other columns than the context by here names, and TSDB
// re-sorts a rewritten partition, so those have rules of their own this
// mode does not model.
func dmlRuns() bool {
	return tableKind == "plain" && (!dfs || schemeName == "rid" && !tsdb)
}

// dmlTargets are the columns an update may set. rid is left out: it is
// the row's identity in the comparisons and the DFS table's partitioning
// column, which DolphinDB's update may not set on this engine version
// (conformance/testdata/dfs_update_delete.test).
var dmlTargets = []string{"i", "l", "d", "s", "str", "dt", "ts", "b"}

// sequence is 1-4 statements and, for each, a query comparing all of t
// after it: query j replays statements 0..j on a freshly loaded t. Rows
// are compared as multisets: -dfs appends repeat rids, and a DFS table's
// rows come partition by partition.
func (g *dmlGen) sequence(t *table) []query {
	g.names = append([]string(nil), t.names...)
	g.kinds = append([]kind(nil), t.kinds...)
	g.rows = len(t.rows)
	g.rid = 100000
	g.added = 0
	var prep []stmt
	var out []query
	for n := 1 + g.r.IntN(4); n > 0; n-- {
		shape, s := g.statement()
		prep = append(prep, s)
		out = append(out, query{shape: "dml " + shape, prep: slices.Clone(prep),
			ddb: "select * from t", duck: "select * from t"})
	}
	return out
}

func (g *dmlGen) statement() (string, stmt) {
	switch g.r.IntN(10) {
	case 0, 1, 2:
		return g.update()
	case 3, 4:
		return g.updateContext()
	case 5, 6:
		return g.delete()
	case 7:
		if !dfs {
			return g.insert()
		}
		// INSERT INTO a DFS table needs enableInsertStatementForDFSTable
		// (progr/sql/insertInto.md), off here: appends instead.
		fallthrough
	default:
		return g.appendRows()
	}
}

// update sets one or two columns to row-wise expressions, maybe under a
// where. The value converts to the column's type, as update cannot change
// it (progr/sql/update.md): a DOUBLE into INT or LONG rounds half away
// from zero, as append does (semantics.md §3.1: 5.5 appended to an INT
// column is 6), so DuckDB's side rounds the DOUBLE before its cast, whose
// own rounding of halves is not DolphinDB's. A column of a new name, on
// an in-memory table, is added with the expression's type and NULL
// where the where does not hold (update.md, "update t1 set vol=long()").
func (g *dmlGen) update() (string, stmt) {
	w1, w2 := g.where()
	var set1, set2 []string
	var alters []string
	var targets []string
	var exprs []expr
	shape := "update"
	for n := 1 + g.r.IntN(2); n > 0; n-- {
		if !dfs && g.r.IntN(6) == 0 {
			name := fmt.Sprintf("x%d", g.added)
			k, e := g.newValue()
			g.added++
			g.names, g.kinds = append(g.names, name), append(g.kinds, k)
			alters = append(alters, fmt.Sprintf("alter table t add column %s %s", name, newColType[k]))
			set1, set2 = append(set1, name+" = "+e.ddb), append(set2, name+" = "+e.duck)
			shape = "update new column"
			continue
		}
		target := dmlTargets[g.r.IntN(len(dmlTargets))]
		if slices.Contains(targets, target) {
			continue
		}
		e := g.valueFor(tCols[target])
		// DuckDB's set expressions read the row as it was; the manual does
		// not say whether a later set sees an earlier one's result, so a
		// set does not read a column another set of the statement writes.
		if slices.ContainsFunc(targets, func(c string) bool { return reads(e, c) }) || slices.ContainsFunc(exprs, func(x expr) bool { return reads(x, target) }) {
			continue
		}
		targets, exprs = append(targets, target), append(exprs, e)
		set1, set2 = append(set1, target+" = "+ddbInto(tCols[target], e.ddb)), append(set2, target+" = "+into(tCols[target], e.duck))
	}
	if len(set1) == 0 {
		target := dmlTargets[g.r.IntN(len(dmlTargets))]
		e := g.valueFor(tCols[target])
		set1, set2 = []string{target + " = " + ddbInto(tCols[target], e.ddb)}, []string{target + " = " + into(tCols[target], e.duck)}
	}
	if w1 == "" {
		shape += " (no where)"
	}
	return shape, stmt{ddb: "update t set " + strings.Join(set1, ", ") + w1,
		duck: append(alters, "update t set "+strings.Join(set2, ", ")+w2)}
}

var identRe = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

// reads reports whether e's DolphinDB form names column c.
func reads(e expr, c string) bool { return slices.Contains(identRe.FindAllString(e.ddb, -1), c) }

var newColType = map[kind]string{kDouble: "DOUBLE", kStr: "VARCHAR", kDate: "DATE", kTs: "TIMESTAMP", kBool: "BOOLEAN"}

// into is DuckDB's form of value v stored into a column of kind k:
// integers round half away from zero first (see update).
func into(k kind, v string) string {
	switch k {
	case kInt:
		return "cast(round(cast(" + v + " as DOUBLE)) as INTEGER)"
	case kLong:
		return "cast(round(cast(" + v + " as DOUBLE)) as BIGINT)"
	case kDouble:
		return "cast(" + v + " as DOUBLE)"
	}
	return v
}

// ddbInto is DolphinDB's form of value v set into a column of kind k. A
// DFS table's update takes no DOUBLE into an integer column
// (conformance/testdata/dfs_update_delete.test: the append's type rules,
// semantics.md §3.2), and the manual does not say otherwise, so there
// int() or long() converts first, rounding as the in-memory update does
// (semantics.md §2).
func ddbInto(k kind, v string) string {
	switch {
	case !dfs:
		return v
	case k == kInt:
		return "int(" + v + ")"
	case k == kLong:
		return "long(" + v + ")"
	}
	return v
}

// valueFor is a value for a column of kind k: a literal (maybe NULL), a
// column or an expression of the generator's, of a type that converts to
// k without loss the manual leaves open.
func (g *dmlGen) valueFor(k kind) expr {
	if g.r.IntN(6) == 0 {
		c := genCell(g.r, k, 0.3)
		if k == kInt || k == kLong {
			if g.r.IntN(2) == 0 { // a DOUBLE literal: rounds on the way in
				c = genCell(g.r, kDouble, 0.3)
				return expr{ddb: ddbLit(kDouble, c), duck: duckLit(kDouble, c), k: kDouble}
			}
		}
		return expr{ddb: ddbLit(k, c), duck: duckLit(k, c), k: k}
	}
	switch k {
	case kInt, kLong, kDouble:
		if wide && k == kInt {
			// -wide's LONGs and DOUBLEs overflow an INT; what DolphinDB
			// stores then is not documented.
			n := g.pick("3", "-3", "7")
			return g.pickExpr(expr{ddb: "i", duck: "i"}, expr{ddb: "i / " + n, duck: "floor(i / " + n + ")"}, expr{ddb: "-i", duck: "-i"})
		}
		return g.number()
	case kSym, kStr:
		switch g.r.IntN(4) {
		case 0:
			return g.colOf(kSym, kStr)
		case 1:
			return g.function().stringOr(g)
		}
		return g.scalar().stringOr(g)
	case kDate:
		n := g.pick("1", "-3", "40")
		return g.pickExpr(col("dt", kDate), expr{ddb: "dt + " + n, duck: "dt + " + n},
			expr{ddb: "date(ts)", duck: "cast(ts as date)"})
	case kTs:
		return g.pickExpr(col("ts", kTs), expr{ddb: "bar(ts, 1H)", duck: "time_bucket(interval 1 hour, ts)"},
			expr{ddb: "ts - 1500", duck: "ts - interval 1500 millisecond"},
			expr{ddb: "ts + 60000", duck: "ts + interval 60000 millisecond"},
			// DATE into TIMESTAMP is the day's midnight (semantics.md §3.1)
			expr{ddb: "dt", duck: "cast(dt as timestamp)"})
	default:
		// and/or of a NULL BOOL follow DolphinDB's rules, not SQL's
		// (pred's comment), so a stored condition is never NULL but for
		// the b column itself.
		for {
			p := g.pred(1)
			if !p.nullable || p.ddb == "b" {
				return p
			}
		}
	}
}

func (g *dmlGen) pickExpr(es ...expr) expr { return es[g.r.IntN(len(es))] }

// stringOr is e if it is a string, else a string function of its own.
func (e expr) stringOr(g *dmlGen) expr {
	if e.k == kStr || e.k == kSym {
		return e
	}
	c := g.colOf(kSym, kStr)
	return expr{ddb: "upper(" + c.ddb + ")", duck: "upper(" + c.duck + ")", k: kStr}
}

// number is a numeric expression: a column or one of the generator's
// arithmetic, function and temporal expressions whose DolphinDB type is
// INT, LONG or DOUBLE: month(), minute() and second() are a MONTH, MINUTE
// and SECOND (funcs/m/minute.md), which update refuses to store in a
// number column, so they are left out.
func (g *dmlGen) number() expr {
	for {
		var e expr
		switch g.r.IntN(4) {
		case 0:
			e = g.colOf(kInt, kLong, kDouble)
		case 1:
			e = g.scalar()
		case 2:
			e = g.function()
		default:
			e = g.temporal()
		}
		if (e.k == kInt || e.k == kLong || e.k == kDouble) && !strings.HasPrefix(e.ddb, "month(") && !strings.HasPrefix(e.ddb, "minute(") && !strings.HasPrefix(e.ddb, "second(") {
			return e
		}
	}
}

// newValue is the value of a new column: its kind (numbers compared as
// DOUBLE) and the expression. A bare NULL would make a VOID column, which
// takes no value of another type after (tutorials/
// the_ten_most_overlooked_details_of_programming.md), so it is drawn again.
func (g *dmlGen) newValue() (kind, expr) {
	for _, k := range []kind{kStr, kDate, kBool} {
		if g.r.IntN(5) != 0 {
			continue
		}
		for {
			if e := g.valueFor(k); e.ddb != "NULL" {
				return k, e
			}
		}
	}
	e := g.number()
	if g.r.IntN(5) == 0 {
		c := genCell(g.r, kInt, 0)
		e = expr{ddb: ddbLit(kInt, c), duck: duckLit(kInt, c), k: kInt}
	}
	return kDouble, e
}

// updateContext sets a numeric column to an aggregate or a cumulative
// function per context by group, maybe under a where: the groups hold
// the rows the where keeps (progr/sql/update.md computes
// price-avg(price) per sym; the where filters first as in select), in
// table order, which is rid order in memory (inserts take larger rids).
// DuckDB: a window function in a subquery joined back on rowid.
//
// On a DFS table an aggregate or order-sensitive set needs a context by
// naming the partitioning column (update.md, 例2): without context by
// DolphinDB refuses it with the text below; with one, here rid, groups
// lie within a partition, in rid order and for an appended repeat of a
// rid, after it.
func (g *dmlGen) updateContext() (string, stmt) {
	x := g.colOf(kInt, kLong, kDouble)
	f := g.pick("sum", "avg", "max", "min", "count", "first", "last", "cumsum", "cummax")
	win := map[string]string{"sum": "sum(%s) over w", "avg": "avg(%s) over w", "max": "max(%s) over w", "min": "min(%s) over w",
		"count": "count(%s) over w", "first": "first_value(%s) over w", "last": "last_value(%s) over w",
		// cumsum and cummax skip NULLs and keep leading ones
		// (progr/data_mani/func_null.md)
		"cumsum": "sum(%s) over c", "cummax": "max(%s) over c"}[f]
	k := g.colOf(kInt, kSym, kStr, kDate, kBool)
	keys1, keys2 := k.ddb, k.duck
	if dfs {
		if g.r.IntN(5) == 0 {
			target := dmlTargets[g.r.IntN(3)]
			w1, _ := g.where()
			return "update aggregate refused (dfs)", stmt{ddb: fmt.Sprintf("update t set %s = %s(%s)%s", target, f, x.ddb, w1),
				wantErr: "Aggregate or order-sensitive functions are not allowed without context by clause when updating a partitioned table."}
		}
		if g.r.IntN(2) == 0 {
			keys1, keys2 = "rid", "rid"
		} else {
			keys1, keys2 = k.ddb+", rid", k.duck+", rid"
		}
	}
	w1, w2 := g.where()
	target := dmlTargets[g.r.IntN(3)]
	tk := tCols[target]
	var alter []string
	if !dfs && g.r.IntN(5) == 0 {
		target, tk = fmt.Sprintf("x%d", g.added), kDouble
		g.added++
		g.names, g.kinds = append(g.names, target), append(g.kinds, kDouble)
		alter = []string{"alter table t add column " + target + " DOUBLE"}
	}
	shape := "update context by aggregate"
	if strings.HasPrefix(f, "cum") {
		shape = "update context by cumulative"
	} else if f == "first" || f == "last" {
		shape = "update context by first/last"
	}
	duck := fmt.Sprintf("update t set %s = %s from (select rowid as rw, %s as v from t%s window w as (partition by %s order by rid, rowid rows between unbounded preceding and unbounded following), c as (partition by %s order by rid, rowid rows between unbounded preceding and current row)) q where t.rowid = q.rw",
		target, into(tk, "q.v"), fmt.Sprintf(win, x.duck), w2, keys2, keys2)
	return shape, stmt{ddb: fmt.Sprintf("update t set %s = %s%s context by %s", target, ddbInto(tk, f+"("+x.ddb+")"), w1, keys1),
		duck: append(alter, duck)}
}

// delete removes the rows a condition holds for, or with no where all
// rows (progr/sql/delete.md).
func (g *dmlGen) delete() (string, stmt) {
	if g.r.IntN(8) == 0 {
		return "delete all", stmt{ddb: "delete from t", duck: []string{"delete from t"}}
	}
	p := g.pred(2)
	return "delete", stmt{ddb: "delete from t where " + p.ddb, duck: []string{"delete from t where " + p.duck}}
}

// newRows is one to three rows of literals, NULLs among them, for t's
// columns: rid new in memory, and in the loaded table's range for -dfs
// (so each lands in a partition; the repeat rids are why rows compare as
// multisets).
func (g *dmlGen) newRows() [][]cell {
	var rows [][]cell
	for n := 1 + g.r.IntN(3); n > 0; n-- {
		row := []cell{{i: g.rid}}
		g.rid++
		if dfs {
			row[0].i = int64(g.r.IntN(max(g.rows, 1)))
		}
		for c := 1; c < len(g.kinds); c++ {
			row = append(row, genCell(g.r, g.litKind(c), 0.2))
		}
		rows = append(rows, row)
	}
	return rows
}

// litKind is the kind the literals of t's column c are written in: a
// new numeric column may be INT, so integers, which fit any.
func (g *dmlGen) litKind(c int) kind {
	if c >= len(tCols)+1 && g.kinds[c] == kDouble {
		return kInt
	}
	return g.kinds[c]
}

// insert is insert into t values (...), (...) (progr/sql/insertInto.md:
// several rows as SQL writes them), or for some columns only, the others
// NULL.
func (g *dmlGen) insert() (string, stmt) {
	rows := g.newRows()
	cols := make([]int, len(g.names))
	for c := range cols {
		cols[c] = c
	}
	shape := "insert into"
	var list1 string
	if g.r.IntN(3) == 0 {
		cols = []int{0}
		for c := 1; c < len(g.names); c++ {
			if g.r.IntN(2) == 0 {
				cols = append(cols, c)
			}
		}
		var ns []string
		for _, c := range cols {
			ns = append(ns, g.names[c])
		}
		list1 = " (" + strings.Join(ns, ", ") + ")"
		shape = "insert into (columns)"
	}
	var v1, v2 []string
	for _, row := range rows {
		var l1, l2 []string
		for _, c := range cols {
			l1 = append(l1, ddbLit(g.litKind(c), row[c]))
		}
		// DuckDB gets every column: a string column left out must hold
		// '', the NULL string here (duckLit).
		for c := range g.names {
			if !slices.Contains(cols, c) {
				row[c] = cell{null: true}
			}
			l2 = append(l2, duckLit(g.litKind(c), row[c]))
		}
		v1, v2 = append(v1, "("+strings.Join(l1, ", ")+")"), append(v2, "("+strings.Join(l2, ", ")+")")
	}
	return shape, stmt{ddb: "insert into t" + list1 + " values " + strings.Join(v1, ", "),
		duck: []string{"insert into t values " + strings.Join(v2, ", ")}}
}

// appendRows appends a table of new rows by append! or tableInsert
// (funcs/a/append!.md, funcs/t/tableInsert.md), matching columns by
// position. Sometimes i comes as DOUBLEs, which round half away from zero
// into the INT column (semantics.md §3.1).
func (g *dmlGen) appendRows() (string, stmt) {
	rows := g.newRows()
	kinds := make([]kind, len(g.kinds))
	for c := range kinds {
		kinds[c] = g.litKind(c)
	}
	shape := g.pick("append!", "tableInsert", "tableInsert")
	duckKinds := slices.Clone(kinds)
	if g.r.IntN(3) == 0 {
		kinds[1] = kDouble
		for _, row := range rows {
			row[1] = genCell(g.r, kDouble, 0.2)
		}
		shape += " (DOUBLE into INT)"
	}
	refused := ""
	if dfs && kinds[1] == kDouble {
		// a DFS table takes no DOUBLE into an INT column (semantics.md
		// §3.2, error S05004)
		refused = "The column [i] expects type of INT, but the actual type is DOUBLE."
		shape = strings.Replace(shape, "(DOUBLE into INT)", "refused (dfs)", 1)
	}
	src := (&table{name: "tmp", names: g.names, kinds: kinds, rows: rows}).ddbScript()
	src = strings.TrimPrefix(src, "tmp = ")
	var ddb string
	switch {
	case strings.HasPrefix(shape, "append!"):
		ddb = "t.append!(" + src + ")"
	case g.r.IntN(2) == 0:
		ddb = "tableInsert(t, " + src + ")"
	default:
		ddb = "t.tableInsert(" + src + ")"
	}
	var vs []string
	for _, row := range rows {
		var l []string
		for c, k := range duckKinds {
			v := duckLit(kinds[c], row[c])
			if kinds[c] != k {
				v = into(k, v)
			}
			l = append(l, v)
		}
		vs = append(vs, "("+strings.Join(l, ", ")+")")
	}
	return shape, stmt{ddb: ddb, duck: []string{"insert into t values " + strings.Join(vs, ", ")}, wantErr: refused}
}

// prep runs a DML query's statements on both sides; a statement DolphinDB
// refuses must fail in Porpoise with DolphinDB's text.
func (f *fuzzer) prep(q query) (verdict, error) {
	for _, s := range q.prep {
		if s.wantErr == "" {
			for _, d := range s.duck {
				if _, err := f.db.Exec(d); err != nil {
					return duckFailed, fmt.Errorf("%s: %w", d, err)
				}
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		_, err := f.s.RunContext(ctx, s.ddb)
		cancel()
		switch {
		case s.wantErr == "" && err != nil:
			return porpFailed, fmt.Errorf("%s: %w", s.ddb, err)
		case s.wantErr != "" && (err == nil || !strings.Contains(err.Error(), s.wantErr)):
			return porpFailed, fmt.Errorf("%s: want error %q, got %v", s.ddb, s.wantErr, err)
		}
	}
	return same, nil
}

// printPrep prints a DML query's statements in both dialects.
func printPrep(q query) {
	for _, s := range q.prep {
		fmt.Printf("-- statement: %s\n", s.ddb)
		for _, d := range s.duck {
			fmt.Printf("--     DuckDB: %s\n", d)
		}
	}
}
