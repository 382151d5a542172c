package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
)

// scheme is how -dfs partitions t: RANGE on rid (the default), or on
// the data's columns, so that where clauses on those columns prune
// partitions and the pruning is checked against DuckDB's full scans.
//
// A DFS table reads its partitions in the domain's order (VALUE and
// RANGE ascending, LIST in list order, HASH by bucket, COMPO by the
// first level, then the second), each partition's rows in the order
// they were appended. Before loading, t's rows are sorted stably into
// that order and rid renumbered, so rid order stays the table's row
// order and the order-sensitive shapes (first/last, m-functions,
// context by without csort) keep their meaning. Partitioning columns
// hold no NULLs: a NULL partitioning value's placement is not what is
// checked here, so NULLs there are replaced by the column's first value.
// Under -wide, range-l and compo2 cut LONG values beyond INT's range,
// and DolphinDB partitions LONG only by HASH: loading t then fails with
// its error, as it should.
type scheme struct {
	name string
	// cols are the partitioning columns' indexes in t, one per level.
	cols []int
	// levels build each level's database() call from the column's
	// distinct non-NULL values (sorted), and give each value's index in
	// that level's order.
	levels []level
}

type level struct {
	// domain returns database()'s partitionType and partitionScheme
	// literals for the sorted distinct values of the column.
	domain func(k kind, vals []cell) (string, string)
	// order gives each row's partition index within this level.
	order func(k kind, col []cell, vals []cell) []int
}

// -scheme: the partitioning of t under -dfs.
var schemeName = "rid"

// -tsdb: the DFS table uses the TSDB engine, sortColumns -sortcols then
// rid.
var tsdb bool

// -sortcols: under -tsdb, the columns of t its rows are sorted by within
// a partition before rid (comma-separated; empty for rid alone).
var sortCols string

// -keep: under -tsdb, the table's keepDuplicates, ALL (the default) or
// LAST.
var keepDup = "ALL"

// -pkey: under -dfs, the PKEY engine, primaryKey rid and then the
// partitioning columns (pkey_engine.md: the key holds them all; rid
// first, so a partition reads in rid order, as arrange sorts it).
var pkey bool

// dedupes reports whether t is a DFS table that keeps one row per key
// in a partition: TSDB keepDuplicates=LAST, whose key is sortColumns (rid
// here: -sortcols is not combined with DML), or PKEY, whose key is rid
// and the partitioning columns. A row appended with a key its partition
// holds replaces that row (tsdb.md, 数据去重; pkey_engine.md, 主键唯一性).
func dedupes() bool { return dfs && (pkey || tsdb && keepDup == "LAST") }

var schemes = map[string]scheme{
	"rid":      {name: "rid"},
	"value-dt": {cols: []int{6}, levels: []level{valueLevel}},
	"value-i":  {cols: []int{1}, levels: []level{valueLevel}},
	"value-s":  {cols: []int{4}, levels: []level{valueLevel}},
	// A DATE domain over the TIMESTAMP column: rows go to their day.
	"value-ts": {cols: []int{7}, levels: []level{dayLevel}},
	"range-l":  {cols: []int{2}, levels: []level{rangeLevel}},
	"range-dt": {cols: []int{6}, levels: []level{rangeLevel}},
	"hash-s":   {cols: []int{4}, levels: []level{hashLevel(3)}},
	"hash-i":   {cols: []int{1}, levels: []level{hashLevel(4)}},
	"list-s":   {cols: []int{4}, levels: []level{listLevel}},
	"compo":    {cols: []int{6, 4}, levels: []level{valueLevel, hashLevel(3)}},
	"compo2":   {cols: []int{2, 4}, levels: []level{rangeLevel, valueLevel}},
}

func schemeNames() string {
	var ns []string
	for n := range schemes {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}

// cellLess orders non-NULL cells of one kind.
func cellLess(k kind, a, b cell) bool {
	switch k {
	case kDouble:
		return a.f < b.f
	case kSym, kStr:
		return a.s < b.s
	}
	return a.i < b.i
}

func cellEq(k kind, a, b cell) bool { return !cellLess(k, a, b) && !cellLess(k, b, a) }

func distinct(k kind, col []cell) []cell {
	var vals []cell
	for _, c := range col {
		if !c.null {
			vals = append(vals, c)
		}
	}
	sort.Slice(vals, func(a, b int) bool { return cellLess(k, vals[a], vals[b]) })
	return slices.CompactFunc(vals, func(a, b cell) bool { return cellEq(k, a, b) })
}

func lits(k kind, vals []cell) string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = ddbLit(k, v)
	}
	return "[" + strings.Join(out, ",") + "]"
}

// indexIn is the index of each row's value in the sorted vals.
func indexIn(k kind, col []cell, vals []cell) []int {
	out := make([]int, len(col))
	for r, c := range col {
		out[r] = sort.Search(len(vals), func(i int) bool { return !cellLess(k, vals[i], c) })
	}
	return out
}

var valueLevel = level{
	domain: func(k kind, vals []cell) (string, string) { return "VALUE", lits(k, vals) },
	order:  indexIn,
}

// dayLevel is a DATE VALUE domain over TIMESTAMP values.
var dayLevel = level{
	domain: func(_ kind, vals []cell) (string, string) { return "VALUE", lits(kDate, days(vals)) },
	order: func(_ kind, col []cell, vals []cell) []int {
		ds := make([]cell, len(col))
		for r, c := range col {
			ds[r] = cell{i: floorDiv(c.i, 86400000)}
		}
		return indexIn(kDate, ds, days(vals))
	},
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func days(ts []cell) []cell {
	ds := make([]cell, len(ts))
	for i, c := range ts {
		ds[i] = cell{i: floorDiv(c.i, 86400000)}
	}
	return slices.CompactFunc(ds, func(a, b cell) bool { return a.i == b.i })
}

// rangeLevel cuts the sorted distinct values into up to five ranges, the
// last bound past the largest value.
var rangeLevel = level{
	domain: func(k kind, vals []cell) (string, string) { return "RANGE", lits(k, rangeBounds(k, vals)) },
	order: func(k kind, col []cell, vals []cell) []int {
		bounds := rangeBounds(k, vals)
		out := make([]int, len(col))
		for r, c := range col {
			// the range [bounds[j], bounds[j+1]) holding c
			out[r] = sort.Search(len(bounds), func(i int) bool { return cellLess(k, c, bounds[i]) }) - 1
		}
		return out
	},
}

func rangeBounds(k kind, vals []cell) []cell {
	var bounds []cell
	for j := 0; j < 5 && j < len(vals); j++ {
		b := vals[len(vals)*j/5]
		if len(bounds) == 0 || cellLess(k, bounds[len(bounds)-1], b) {
			bounds = append(bounds, b)
		}
	}
	last := vals[len(vals)-1]
	last.i++
	last.f++
	last.s += "~"
	return append(bounds, last)
}

// listLevel puts the sorted distinct values into lists of up to three,
// listed from the last group to the first, so list order is not value
// order.
var listLevel = level{
	domain: func(k kind, vals []cell) (string, string) {
		gs := listGroups(vals)
		parts := make([]string, len(gs))
		for i, g := range gs {
			parts[i] = lits(k, g)
		}
		return "LIST", "[" + strings.Join(parts, ",") + "]"
	},
	order: func(k kind, col []cell, vals []cell) []int {
		gs := listGroups(vals)
		out := make([]int, len(col))
		for r, c := range col {
			for i, g := range gs {
				if slices.ContainsFunc(g, func(v cell) bool { return cellEq(k, v, c) }) {
					out[r] = i
				}
			}
		}
		return out
	},
}

func listGroups(vals []cell) [][]cell {
	var gs [][]cell
	for i := 0; i < len(vals); i += 3 {
		gs = append(gs, vals[i:min(i+3, len(vals))])
	}
	slices.Reverse(gs)
	return gs
}

// hashLevel is a HASH domain of n buckets; a row's bucket is the
// partition package's (DolphinDB's hash, checked there against the
// spec's vectors).
func hashLevel(n int) level {
	return level{
		domain: func(k kind, _ []cell) (string, string) {
			return "HASH", fmt.Sprintf("[%s, %d]", strings.ToUpper(ddbType[k]), n)
		},
		order: func(k kind, col []cell, _ []cell) []int {
			var v *value.Vector
			switch k {
			case kSym, kStr:
				ss := make([]string, len(col))
				for r, c := range col {
					ss[r] = c.s
				}
				v = value.NewStrings(value.String, ss)
			case kInt:
				is := make([]int32, len(col))
				for r, c := range col {
					is[r] = int32(c.i)
				}
				v = value.NewInts(is)
			default:
				ls := make([]int64, len(col))
				for r, c := range col {
					ls[r] = c.i
				}
				v = value.NewLongs(ls)
			}
			out := make([]int, len(col))
			for r, b := range partition.HashBucket(v, n) {
				out[r] = int(b)
			}
			return out
		},
	}
}

// arrange fills t's partitioning columns' NULLs and sorts its rows into
// the DFS table's read order, renumbering rid. It runs once per seed,
// before t is loaded anywhere.
func arrange(t *table) {
	sc := schemes[schemeName]
	if !(dfs || strings.HasPrefix(tableKind, "partitioned")) || sc.cols == nil || len(t.rows) == 0 {
		return
	}
	keys := make([][]int, len(t.rows))
	for l, c := range sc.cols {
		k := t.kinds[c]
		col := make([]cell, len(t.rows))
		var first *cell
		for r, row := range t.rows {
			if !row[c].null && first == nil {
				v := row[c]
				first = &v
			}
			col[r] = row[c]
		}
		for r := range col {
			if col[r].null && first != nil {
				col[r] = *first
				t.rows[r][c] = *first
			}
		}
		if first == nil {
			continue
		}
		for r, o := range sc.levels[l].order(k, col, distinct(k, col)) {
			keys[r] = append(keys[r], o)
		}
	}
	// A TSDB partition reads in sortColumns order, NULL first.
	for _, name := range sortColumns() {
		c := slices.Index(t.names, name)
		k := t.kinds[c]
		col := make([]cell, len(t.rows))
		for r, row := range t.rows {
			col[r] = row[c]
		}
		ranks := indexIn(k, col, distinct(k, col))
		for r := range col {
			if col[r].null {
				ranks[r] = -1
			}
			keys[r] = append(keys[r], ranks[r])
		}
	}
	idx := make([]int, len(t.rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return slices.Compare(keys[idx[a]], keys[idx[b]]) < 0 })
	rows := make([][]cell, len(t.rows))
	for i, j := range idx {
		rows[i] = t.rows[j]
		rows[i][0] = cell{i: int64(i)}
	}
	t.rows = rows
}

// database is the script that creates a database for t's rows under the
// chosen scheme and the partitioned table pt holding them: dfs://difftest
// (dropped first) under -dfs, else an in-memory database. The domains
// come from the rows t holds, so a shrunk table still fits them.
func database(t *table) string { return databaseOf(t, "t0") }

// databaseOf is database with the partitioned table's schema (and kind)
// taken from the table named template.
func databaseOf(t *table, template string) string {
	sc := schemes[schemeName]
	path, drop, eng, opts := "", "", "", ""
	if dfs {
		path = "dfs://difftest"
		drop = "if(existsDatabase(\"dfs://difftest\")) dropDatabase(\"dfs://difftest\")\n"
		switch {
		case tsdb:
			eng, opts = ", engine=\"TSDB\"", ", sortColumns=`"+strings.Join(append(sortColumns(), "rid"), "`")
			if keepDup != "ALL" {
				opts += ", keepDuplicates=" + keepDup
			}
		case pkey:
			eng, opts = ", engine=\"PKEY\"", ", primaryKey=`"+strings.Join(slices.Compact(append([]string{"rid"}, partCols()...)), "`")
		}
	}
	// A TSDB or PKEY table sorts each partition by sortColumns or the
	// primary key, whose first or last, rid, is unique: the rows go in
	// backwards, for the sort to put them right.
	rows := "t0"
	if tsdb || pkey {
		rows = "(select * from t0 order by rid desc)"
	}
	create := func(partCols string) string {
		return fmt.Sprintf("pt = db.createPartitionedTable(%s, \"t\", %s%s)\npt.append!(%s)\n", template, partCols, opts, rows)
	}
	if sc.cols == nil {
		return drop + fmt.Sprintf("db = database(%q, RANGE, %s%s)\n", path, ridBounds(t), eng) + create("\"rid\"")
	}
	var b strings.Builder
	b.WriteString(drop)
	var names []string
	for l, c := range sc.cols {
		k := t.kinds[c]
		col := make([]cell, len(t.rows))
		for r, row := range t.rows {
			col[r] = row[c]
		}
		vals := distinct(k, col)
		if len(vals) == 0 { // an empty (shrunk) table: any value will do
			vals = []cell{{i: baseDay, f: 1, s: "A"}}
		}
		typ, dom := sc.levels[l].domain(k, vals)
		if len(sc.cols) == 1 {
			fmt.Fprintf(&b, "db = database(%q, %s, %s%s)\n", path, typ, dom, eng)
		} else {
			fmt.Fprintf(&b, "db%d = database(\"\", %s, %s)\n", l, typ, dom)
		}
		names = append(names, t.names[c])
	}
	if len(sc.cols) > 1 {
		fmt.Fprintf(&b, "db = database(%q, COMPO, [db0, db1]%s)\n", path, eng)
	}
	b.WriteString(create("`" + strings.Join(names, "`")))
	return b.String()
}

// ridCeil is, once the DML mode ran, the rows t was loaded with: its
// appends draw rids below it (dml.go's newRows), so the ranges of a
// table shrunk to fewer rows still take them.
var ridCeil int64

// ridBounds is eight ranges over the rids t holds (rows are in rid
// order), from 0 and to ridCeil at least.
func ridBounds(t *table) string {
	n := len(t.rows)
	var bounds []string
	last := int64(-1)
	for j := 0; j <= 8; j++ {
		var b int64
		switch {
		case j == 0:
			b = 0
		case j == 8 || n == 0:
			b = 1
			if n > 0 {
				b = t.rows[n-1][0].i + 1
			}
			b = max(b, ridCeil)
		default:
			b = t.rows[n*j/8][0].i
		}
		if b > last {
			bounds = append(bounds, fmt.Sprint(b))
			last = b
		}
	}
	if len(bounds) < 2 {
		bounds = []string{"0", "1"}
	}
	return "[" + strings.Join(bounds, ",") + "]"
}

// sortColumns are -sortcols' names.
func sortColumns() []string {
	if !tsdb || sortCols == "" {
		return nil
	}
	return strings.Split(sortCols, ",")
}
