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
	orig  [][]cell
	ord   int64 // on a keyed t, the next new key's _ord (sequence)
	typed bool  // -tdml: typedStatement draws half the statements
	// mr decides -movepart's statements (partupdate.go), from a stream
	// of its own so that without the flag the sequences stay the same
	mr *rand.Rand
}

func newDMLGen(r, mr *rand.Rand) *dmlGen { return &dmlGen{gen: &gen{r: r}, mr: mr} }

// dmlRuns reports whether the DML mode runs on this t: a plain, keyed
// or indexed in-memory table, a table of an in-memory partitioned
// database, or a DFS table under any scheme (OLAP, TSDB or PKEY, but not
// -sortcols: a TSDB partition rewritten then reorders rows by data the
// statements change), a shared table (share.md: a plain table others
// may read) or an MVCC table, whose updates add no column (mvccTable.md
// refuses addColumn; what an update naming a new column does the page
// does not say). A stream table takes no update or delete.
func dmlRuns() bool {
	switch {
	case dfs:
		return sortCols == ""
	case memPartitioned():
		return true
	}
	return tableKind == "plain" || tableKind == "shared" || tableKind == "mvcc" || keyCols() != nil
}

// keyCols are the key columns of t's kind (kinds.go): an insert, append!
// or tableInsert of a row whose key t holds updates that row in place
// (funcs/k/keyedTable.md, funcs/i/indexedTable.md), and update may not
// set them. latestKeyed's time column is rid, its key: a row of an
// existing key has the same time, which is not older, so it updates too
// (funcs/l/latestKeyedTable.md: the new time >= the old). A DFS table
// that dedupes (-keep LAST, -pkey) has rid: an append of a row whose rid
// its partition holds replaces that row (dedupes).
func keyCols() []string {
	if dedupes() {
		return []string{"rid"}
	}
	switch tableKind {
	case "keyed", "latestKeyed", "latestKeyedTime", "partitionedKeyed":
		return []string{"rid"}
	case "keyed2", "indexed", "partitionedIndexed":
		return []string{"s", "rid"}
	}
	return nil
}

// timeCol is latestKeyedTime's time column, ts: a row of a key t holds
// replaces it only if its time is not older (latestKeyedTable.md), so
// new rows' times are not NULL, only keys of rows loaded with a time
// are drawn again, and no update sets ts: how a NULL time compares
// there the manual does not say.
func timeCol() bool { return tableKind == "latestKeyedTime" }

// memPartitioned reports whether t is a table of an in-memory
// partitioned database.
func memPartitioned() bool { return strings.HasPrefix(tableKind, "partitioned") }

// partitioned reports whether t is partitioned, in memory or on DFS.
func partitioned() bool { return dfs || memPartitioned() }

// partCols are t's partitioning columns' names.
func partCols() []string {
	sc := schemes[schemeName]
	if sc.cols == nil {
		return []string{"rid"}
	}
	var ns []string
	for _, c := range sc.cols {
		ns = append(ns, tNames[c])
	}
	return ns
}

var tNames = []string{"rid", "i", "l", "d", "s", "str", "dt", "ts", "b"}

// freeDomain is, per partitioning level of each scheme, whether any
// non-NULL value has a partition: HASH takes every value, while a RANGE
// or LIST value outside the domain has none, nor has a new VALUE under
// the default newValuePartitionPolicy=skip, which drops its row
// (db_distr_comp/cfg/function_configuration.md; add would grow the
// domain), so appends draw those from the values t was loaded with.
var freeDomain = map[string][]bool{
	"value-dt": {false}, "value-i": {false}, "value-s": {false}, "value-ts": {false},
	"range-l": {false}, "range-dt": {false}, "hash-s": {true}, "hash-i": {true},
	"list-s": {false}, "compo": {false, true}, "compo2": {false, false},
}

// dmlTargets are the columns an update may set. rid is left out: it is
// the row's identity in the comparisons and a partitioning column (of the
// DFS scheme rid), which only -movepart sets.
var dmlTargets = []string{"i", "l", "d", "s", "str", "dt", "ts", "b"}

// sequence is 1-4 statements and, for each, a query comparing all of t
// after it: query j replays statements 0..j on a freshly loaded t. Rows
// are compared as multisets: -dfs appends repeat rids, and a DFS table's
// rows come partition by partition.
func (g *dmlGen) sequence(t *table) []query {
	g.names = append([]string(nil), t.names...)
	g.kinds = append([]kind(nil), t.kinds...)
	g.rows = len(t.rows)
	ridCeil = max(ridCeil, int64(g.rows))
	g.orig = t.rows
	g.rid = 100000
	g.added = 0
	var prep []stmt
	all := "select * from t"
	if ks := keyCols(); ks != nil {
		// DuckDB's copy gets t's key as its primary key, for the inserts'
		// on conflict clauses; DolphinDB's t has it already. An insert on
		// conflict puts its rows in another rowid order than the values',
		// so column _ord holds t's row order: the load's, then one more
		// for each new key (duckInsert).
		prep = append(prep, stmt{duck: []string{"alter table t add primary key (" + strings.Join(ks, ", ") + ")",
			"alter table t add column _ord BIGINT", "update t set _ord = rowid"}})
		all = "select * exclude (_ord) from t"
		g.ord = 1 << 40
	}
	var out []query
	for n := 1 + g.r.IntN(4); n > 0; n-- {
		shape, s := g.statement()
		prep = append(prep, s)
		out = append(out, query{shape: "dml " + shape, prep: slices.Clone(prep),
			ddb: "select * from t", duck: all, types: g.colTypes()})
		if shape == movePartShape {
			// the moved rows now follow their new partition's rows, an
			// order DuckDB's copy does not keep: nothing order-sensitive
			// may come after (partupdate.go)
			break
		}
	}
	return out
}

// colTypes are, under -tdml, the types t's -types columns keep after
// the statements (update cannot change a column's type,
// progr/sql/update.md; an append converts to the column's type,
// semantics.md §3), for typesDiffer.
func (g *dmlGen) colTypes() []string {
	if !g.typed {
		return nil
	}
	ts := make([]string, len(g.kinds))
	for c, k := range g.kinds {
		if k >= kShort {
			ts[c] = ddbTypeName(k)
		}
	}
	return ts
}

func (g *dmlGen) statement() (string, stmt) {
	// DolphinDB updates no partitioning column of a table that dedupes
	// (progr/sql/update.md: OLAP, and TSDB with keepDuplicates=ALL), with
	// an error text the manual does not give: not drawn there.
	if pMovePart > 0 && dfs && !dedupes() && g.mr.Float64() < pMovePart {
		return g.updatePartCol()
	}
	if g.typed && g.r.IntN(2) == 0 {
		return g.typedStatement()
	}
	if g.r.IntN(8) == 0 {
		switch {
		// whether upsert! heeds a latestKeyedTable's time the manual
		// does not say
		case keyCols() != nil && !dfs && !memPartitioned() && !timeCol(), pkey:
			return g.upsert()
		case dfs && (dedupes() || !(tsdb && schemeName == "rid")):
			return g.upsertDFS()
		}
	}
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
	if ks := keyCols(); ks != nil && !dfs && g.r.IntN(8) == 0 {
		// a partitioning column's own rule (update.md) may come first
		if k := ks[g.r.IntN(len(ks))]; !memPartitioned() || !slices.Contains(partCols(), k) {
			e := g.valueFor(tCols[k])
			return "update key column refused", stmt{ddb: "update t set " + k + " = " + e.ddb + w1, wantErr: "Can't update a key column."}
		}
	}
	targets := g.targets()
	var set1, set2 []string
	var alters []string
	var set []string
	var exprs []expr
	shape := "update"
	for n := 1 + g.r.IntN(2); n > 0; n-- {
		if !dfs && tableKind != "mvcc" && g.r.IntN(6) == 0 {
			name := fmt.Sprintf("x%d", g.added)
			k, e := g.newValue()
			g.added++
			g.names, g.kinds = append(g.names, name), append(g.kinds, k)
			alters = append(alters, fmt.Sprintf("alter table t add column %s %s", name, newColType[k]))
			set1, set2 = append(set1, name+" = "+e.ddb), append(set2, name+" = "+e.duck)
			shape = "update new column"
			continue
		}
		target := targets[g.r.IntN(len(targets))]
		if slices.Contains(set, target) {
			continue
		}
		e := g.valueFor(tCols[target])
		// DuckDB's set expressions read the row as it was; the manual does
		// not say whether a later set sees an earlier one's result, so a
		// set does not read a column another set of the statement writes.
		if slices.ContainsFunc(set, func(c string) bool { return reads(e, c) }) || slices.ContainsFunc(exprs, func(x expr) bool { return reads(x, target) }) {
			continue
		}
		set, exprs = append(set, target), append(exprs, e)
		set1, set2 = append(set1, target+" = "+ddbInto(tCols[target], e.ddb)), append(set2, target+" = "+into(tCols[target], e.duck))
	}
	if len(set1) == 0 {
		target := targets[g.r.IntN(len(targets))]
		e := g.valueFor(tCols[target])
		set1, set2 = []string{target + " = " + ddbInto(tCols[target], e.ddb)}, []string{target + " = " + into(tCols[target], e.duck)}
	}
	if w1 == "" {
		shape += " (no where)"
	}
	return shape, stmt{ddb: "update t set " + strings.Join(set1, ", ") + w1,
		duck: append(alters, "update t set "+strings.Join(set2, ", ")+w2)}
}

// targets are the columns an update of t may set: dmlTargets but for
// its key columns and, partitioned, its partitioning columns, which
// DolphinDB updates on DFS tables since 2.00.10, moving rows to their new
// partitions (progr/sql/update.md): -movepart draws those
// (partupdate.go), with values that have a partition.
func (g *dmlGen) targets() []string {
	return slices.DeleteFunc(slices.Clone(dmlTargets), func(c string) bool {
		return slices.Contains(keyCols(), c) || partitioned() && slices.Contains(partCols(), c) || timeCol() && c == "ts"
	})
}

// numTargets are the numeric targets.
func (g *dmlGen) numTargets() []string {
	return slices.DeleteFunc(g.targets(), func(c string) bool { return tCols[c] != kInt && tCols[c] != kLong && tCols[c] != kDouble })
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
// semantics.md §3.2), and the manual does not say otherwise nor what an
// in-memory partitioned table does, so on both int() or long() converts
// first, rounding as the in-memory update does (semantics.md §2).
func ddbInto(k kind, v string) string {
	switch {
	case !partitioned():
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
	fs := []string{"sum", "avg", "max", "min", "count", "first", "last", "cumsum", "cummax"}
	if tsdb && schemeName == "rid" || dedupes() {
		// a TSDB partition sorts by rid, and where appends repeat one the
		// manual does not say which comes first; where a new row replaces
		// another (dedupes) it does not say where the new one goes:
		// order-insensitive only
		fs = fs[:5]
	}
	f := g.pick(fs...)
	win := map[string]string{"sum": "sum(%s) over w", "avg": "avg(%s) over w", "max": "max(%s) over w", "min": "min(%s) over w",
		"count": "count(%s) over w", "first": "first_value(%s) over w", "last": "last_value(%s) over w",
		// cumsum and cummax skip NULLs and keep leading ones
		// (progr/data_mani/func_null.md)
		"cumsum": "sum(%s) over c", "cummax": "max(%s) over c"}[f]
	k := g.colOf(kInt, kSym, kStr, kDate, kBool)
	keys1, keys2 := k.ddb, k.duck
	if partitioned() {
		if dfs && g.r.IntN(5) == 0 {
			target := g.pick(g.numTargets()...)
			w1, _ := g.where()
			return "update aggregate refused (dfs)", stmt{ddb: fmt.Sprintf("update t set %s = %s(%s)%s", target, f, x.ddb, w1),
				wantErr: "Aggregate or order-sensitive functions are not allowed without context by clause when updating a partitioned table."}
		}
		// all the partitioning columns, maybe after another key
		pc := strings.Join(partCols(), ", ")
		if g.r.IntN(2) == 0 || slices.Contains(partCols(), k.ddb) {
			keys1, keys2 = pc, pc
		} else {
			keys1, keys2 = k.ddb+", "+pc, k.duck+", "+pc
		}
	}
	// A group's rows come in t's order: rid order, appends after; in a
	// keyed table a key inserted again after its delete comes last, in
	// _ord's order (sequence).
	order := "rid, rowid"
	switch {
	case keyCols() != nil:
		order = "_ord"
	case memPartitioned():
		order = "rowid"
	}
	w1, w2 := g.where()
	target := g.pick(g.numTargets()...)
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
	duck := fmt.Sprintf("update t set %s = %s from (select rowid as rw, %s as v from t%s window w as (partition by %s order by %s rows between unbounded preceding and unbounded following), c as (partition by %s order by %s rows between unbounded preceding and current row)) q where t.rowid = q.rw",
		target, into(tk, "q.v"), fmt.Sprintf(win, x.duck), w2, keys2, order, keys2, order)
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
// or a database partitioned on rid (so each lands in a partition; the
// repeat rids are why rows compare as multisets). On a keyed or indexed
// t, half the rows (all on rid partitions in memory) take the key of a
// row t was loaded with (the rid, and mostly its s), so the insert
// updates it unless a delete took it. A data-partitioned table's rows
// get partitioning values that have a partition: any value where the
// domain grows or hashes (freeDomain), else one t was loaded with. A
// row that takes a loaded row's key takes its partitioning values too
// but for those in the key: a key t holds then lies in one partition,
// where a keyed partition's lookup or a DFS table's dedupe (which work
// per partition) finds it.
func (g *dmlGen) newRows() [][]cell {
	var rows [][]cell
	sc := schemes[schemeName]
	for n := 1 + g.r.IntN(3); n > 0; n-- {
		row := []cell{{i: g.rid}}
		g.rid++
		if partitioned() && sc.cols == nil {
			row[0].i = int64(g.r.IntN(max(g.rows, 1)))
		}
		for c := 1; c < len(g.kinds); c++ {
			row = append(row, genCell(g.r, g.litKind(c), 0.2))
		}
		if timeCol() {
			row[7] = genCell(g.r, kTs, 0)
		}
		if len(g.orig) > 0 {
			o := g.orig[g.r.IntN(len(g.orig))]
			ks := keyCols()
			keyed := false
			if ks != nil && (memPartitioned() && sc.cols == nil || g.r.IntN(2) == 0) && !(timeCol() && o[7].null) {
				row[0], keyed = o[0], true
				if len(ks) == 2 && g.r.IntN(4) != 0 {
					row[4] = o[4]
				}
			}
			for l, c := range sc.cols {
				free := freeDomain[schemeName][l] && !(keyed && !slices.Contains(ks, tNames[c]))
				if row[c] = o[c]; free && g.r.IntN(2) == 0 {
					row[c] = genCell(g.r, g.kinds[c], 0)
				}
			}
			if hashOnly() && !keyed && g.r.IntN(6) == 0 {
				row[sc.cols[0]] = cell{null: true}
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// hashOnly reports whether t is a DFS table HASH-partitioned on one
// column, where NULL partitioning values are drawn: an INT NULL has no
// bucket and its row is dropped on append (funcs/d/database.md), while
// a SYMBOL's NULL, the empty string, hashes to bucket 0 (the project's
// spec, mtw.md §4.4, which Porpoise's HASH routing must follow) and
// lands there. Elsewhere the manual does not place NULLs, nor does it
// say whether a PKEY table's primary key may hold one.
func hashOnly() bool { return dfs && !pkey && strings.HasPrefix(schemeName, "hash-") }

// placed is the rows an append leaves in t: on hash-i, those with a
// partitioning value.
func placed(rows [][]cell) [][]cell {
	if !hashOnly() || schemeName != "hash-i" {
		return rows
	}
	c := schemes[schemeName].cols[0]
	return slices.DeleteFunc(slices.Clone(rows), func(row []cell) bool { return row[c].null })
}

// keyOf is row's key in t's kind, as text.
func keyOf(row []cell) string {
	k := ddbLit(kInt, row[0])
	if len(keyCols()) == 2 {
		k += "|" + ddbLit(kSym, row[4])
	}
	return k
}

// perKey is the rows one insert leaves in a keyed or indexed t: one per
// key, where the key's first row was, with its last row's values
// (keyedTable.md: of two new MSFT rows in one insert the second stays;
// on latestKeyedTime the last of those whose time is not older than the
// one before, as latestKeyedTable.md's two A rows), or with last false
// the first row's (upsert!'s rows, where the manual
// does not say, are drawn without repeats this way). DuckDB's on
// conflict takes no key twice in one statement.
func perKey(rows [][]cell, last bool) [][]cell {
	if keyCols() == nil {
		return rows
	}
	at := map[string]int{}
	var out [][]cell
	for _, row := range rows {
		k := keyOf(row)
		if j, ok := at[k]; ok {
			if last && (!timeCol() || row[7].i >= out[j][7].i) {
				out[j] = row
			}
			continue
		}
		at[k] = len(out)
		out = append(out, row)
	}
	return out
}

// onConflict is DuckDB's clause making an insert into t's copy do what
// DolphinDB's does on a keyed or indexed t: a row of a key the table
// holds sets the row's other columns in place. With ignoreNull
// (upsert!.md) a NULL in the new row leaves the old value: coalesce, and
// for strings, whose NULL is the empty string here, a case.
func (g *dmlGen) onConflict(ignoreNull bool) string {
	ks := keyCols()
	if ks == nil {
		return ""
	}
	var sets []string
	for c, n := range g.names {
		if slices.Contains(ks, n) {
			continue
		}
		v := "excluded." + n
		switch {
		case !ignoreNull:
		case g.kinds[c] == kSym || g.kinds[c] == kStr:
			v = fmt.Sprintf("case when excluded.%s = '' then t.%s else excluded.%s end", n, n, n)
		default:
			v = fmt.Sprintf("coalesce(excluded.%s, t.%s)", n, n)
		}
		sets = append(sets, n+" = "+v)
	}
	where := ""
	if timeCol() {
		where = " where excluded.ts >= t.ts"
	}
	return " on conflict (" + strings.Join(ks, ", ") + ") do update set " + strings.Join(sets, ", ") + where
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
// NULL (in a partitioned database's table, the partitioning columns
// always come).
func (g *dmlGen) insert() (string, stmt) {
	rows := g.newRows()
	if g.typed {
		rows = rows[:1] // see typedInsert
	}
	cols := make([]int, len(g.names))
	for c := range cols {
		cols[c] = c
	}
	shape := "insert into"
	var list1 string
	// What a column list does to an existing key's other columns the
	// manual does not say: whole rows only on a keyed t.
	if keyCols() == nil && g.r.IntN(3) == 0 {
		cols = []int{0}
		for c := 1; c < len(g.names); c++ {
			// a partitioning column left out is NULL, which a VALUE,
			// RANGE or LIST domain does not place
			if g.r.IntN(2) == 0 || slices.Contains(schemes[schemeName].cols, c) {
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
	var v1 []string
	for _, row := range rows {
		var l1 []string
		for _, c := range cols {
			l1 = append(l1, ddbLit(g.litKind(c), row[c]))
		}
		// DuckDB gets every column: a string column left out must hold
		// '', the NULL string here (duckLit).
		for c := range g.names {
			if !slices.Contains(cols, c) {
				row[c] = cell{null: true}
			}
		}
		v1 = append(v1, "("+strings.Join(l1, ", ")+")")
	}
	kinds := make([]kind, len(g.names))
	for c := range kinds {
		kinds[c] = g.litKind(c)
	}
	return shape, stmt{ddb: "insert into t" + list1 + " values " + strings.Join(v1, ", "),
		duck: []string{g.duckInsert(perKey(rows, true), kinds, kinds, false)}}
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
	// what an in-memory partitioned table does with a DOUBLE into INT the
	// manual does not say
	if !memPartitioned() && g.r.IntN(3) == 0 {
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
	return shape, stmt{ddb: ddb, duck: []string{g.duckInsert(placed(perKey(rows, true)), kinds, duckKinds, false)}, wantErr: refused}
}

// duckInsert is DuckDB's insert of rows written as kinds into columns of
// duckKinds. On a keyed t each row has the next _ord, which a row of a
// key t holds does not set (onConflict), so it keeps its place.
func (g *dmlGen) duckInsert(rows [][]cell, kinds, duckKinds []kind, ignoreNull bool) string {
	if len(rows) == 0 {
		return "select 0" // nothing lands
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
		if keyCols() != nil {
			l = append(l, fmt.Sprint(g.ord))
			g.ord++
		}
		vs = append(vs, "("+strings.Join(l, ", ")+")")
	}
	cols := ""
	if keyCols() != nil {
		cols = " (" + strings.Join(g.names, ", ") + ", _ord)"
	}
	return "insert into t" + cols + " values " + strings.Join(vs, ", ") + g.onConflict(ignoreNull)
}

// upsert is upsert! of a table of new rows into a keyed or indexed t
// (funcs/u/upsert!.md): a row of a key t holds updates it, others are
// added; with ignoreNull a NULL leaves the old value. DuckDB: insert on
// conflict (onConflict). On a PKEY table the key is the primary key,
// and upsert! takes neither ignoreNull nor keyColNames (upsert_.md: 在
// PKEY 引擎下不支持设置), so only upsert!(t, newData) is drawn.
func (g *dmlGen) upsert() (string, stmt) {
	rows := perKey(g.newRows(), false)
	kinds := make([]kind, len(g.kinds))
	for c := range kinds {
		kinds[c] = g.litKind(c)
	}
	src := strings.TrimPrefix((&table{name: "tmp", names: g.names, kinds: kinds, rows: rows}).ddbScript(), "tmp = ")
	ignore := g.r.IntN(2) == 0 && !pkey
	shape, ddb := "upsert!", ""
	switch {
	case !ignore && g.r.IntN(2) == 0:
		ddb = "upsert!(t, " + src + ")"
	case !ignore:
		ddb = "t.upsert!(" + src + ")"
	case g.r.IntN(2) == 0:
		shape, ddb = "upsert! ignoreNull", "upsert!(t, "+src+", true)"
	default:
		shape, ddb = "upsert! ignoreNull", "upsert!(t, "+src+", ignoreNull=true)"
	}
	return shape, stmt{ddb: ddb, duck: []string{g.duckInsert(rows, kinds, kinds, ignore)}}
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
		if s.ddb == "" { // DuckDB's alone (sequence)
			continue
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

// upsertDFS is upsert! into a DFS t with keyColNames rid, or s and rid
// (funcs/u/upsert!.md): the key is those and the partitioning columns; a
// new row of a key t holds updates the first row of it (t's rows repeat
// rids after -dfs appends) and the others are added. Half the rows take
// the key of a row t was loaded with. The manual does not say what two
// new rows of one key do, nor whether a NULL key matches (Porpoise
// follows enableNullSafeJoin), so neither is drawn. Under TSDB on the
// rid scheme which of a key's rows is first the manual does not settle
// either (upsertDFS is not drawn there).
//
// DuckDB: an update from the values joined to each key's first row (the
// smallest rowid: DuckDB's plain inserts keep order), coalesce or a case
// for ignoreNull as onConflict, then an insert of the values whose key t
// does not hold.
//
// Under -keep LAST a partition holds one row per rid, its sortColumns,
// so the first row of a key is its only one; a new row whose key (s and
// rid) t does not hold is appended, and if its partition holds its rid,
// it replaces that row on read (db_distr_comp/db/tsdb.md, 数据去重: of
// rows whose sortColumns are all equal LAST keeps the newest, the
// whole row; ignoreNull is upsert!'s, not the dedupe's). DuckDB: the
// insert's on conflict (rid) sets every column. Two new rows of one rid
// are not drawn: which one the dedupe keeps when upsert! updates by one
// and appends the other the pages do not settle.
func (g *dmlGen) upsertDFS() (string, stmt) {
	keys := []string{"rid"}
	if g.r.IntN(2) == 0 {
		keys = []string{"s", "rid"}
	}
	kc := "`" + strings.Join(keys, "`")
	for _, p := range partCols() {
		if !slices.Contains(keys, p) {
			keys = append(keys, p)
		}
	}
	cols := make([]int, len(keys))
	for j, k := range keys {
		cols[j] = slices.Index(g.names, k)
	}
	seen := map[string]bool{}
	var rows [][]cell
	for _, row := range g.newRows() {
		if len(g.orig) > 0 && g.r.IntN(2) == 0 {
			o := g.orig[g.r.IntN(len(g.orig))]
			for _, c := range cols {
				row[c] = o[c]
			}
		}
		var k []string
		for _, c := range cols {
			if row[c].null {
				row[c] = genCell(g.r, g.kinds[c], 0)
			}
			k = append(k, ddbLit(g.kinds[c], row[c]))
		}
		if dedupes() {
			k = k[:0:0]
			k = append(k, ddbLit(kInt, row[0]))
		}
		if !seen[strings.Join(k, "|")] {
			seen[strings.Join(k, "|")] = true
			rows = append(rows, row)
		}
	}
	kinds := make([]kind, len(g.kinds))
	for c := range kinds {
		kinds[c] = g.litKind(c)
	}
	src := strings.TrimPrefix((&table{name: "tmp", names: g.names, kinds: kinds, rows: rows}).ddbScript(), "tmp = ")
	ignore := g.r.IntN(2) == 0
	shape, ddb := "upsert! (dfs)", "upsert!(t, "+src+", keyColNames="+kc+")"
	if ignore {
		shape, ddb = "upsert! ignoreNull (dfs)", "upsert!(t, "+src+", true, "+kc+")"
	}
	var vs []string
	for _, row := range rows {
		var l []string
		for c, k := range kinds {
			l = append(l, duckLit(k, row[c]))
		}
		vs = append(vs, "("+strings.Join(l, ", ")+")")
	}
	v := "(values " + strings.Join(vs, ", ") + ") v(" + strings.Join(g.names, ", ") + ")"
	var sets, on, fon []string
	for c, n := range g.names {
		if slices.Contains(keys, n) {
			continue
		}
		x := "v." + n
		switch {
		case !ignore:
		case g.kinds[c] == kSym || g.kinds[c] == kStr:
			x = fmt.Sprintf("case when v.%s = '' then t.%s else v.%s end", n, n, n)
		default:
			x = fmt.Sprintf("coalesce(v.%s, t.%s)", n, n)
		}
		sets = append(sets, n+" = "+x)
	}
	for _, k := range keys {
		on = append(on, "t2."+k+" = v."+k)
		fon = append(fon, "f."+k+" = v."+k)
	}
	ks := strings.Join(keys, ", ")
	upd := fmt.Sprintf("update t set %s from %s, (select %s, min(rowid) as rw from t group by %s) f where %s and t.rowid = f.rw",
		strings.Join(sets, ", "), v, ks, ks, strings.Join(fon, " and "))
	ins := fmt.Sprintf("insert into t select v.* from %s where not exists (select 1 from t t2 where %s)", v, strings.Join(on, " and "))
	if dedupes() {
		ins = fmt.Sprintf("insert into t (%s, _ord) select v.*, %d + row_number() over () from %s where not exists (select 1 from t t2 where %s)%s",
			strings.Join(g.names, ", "), g.ord, v, strings.Join(on, " and "), g.onConflict(false))
		g.ord += int64(len(rows))
	}
	return shape, stmt{ddb: ddb, duck: []string{upd, ins}}
}
