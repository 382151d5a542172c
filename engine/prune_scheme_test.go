package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// pruneQuery is a where-clause and how many partitions a query with it
// must read once pruned. rows is the expected row count (-1: not checked,
// when in-memory and DFS tables legitimately differ).
type pruneQuery struct {
	where string
	reads int
	rows  int
}

// pruneScheme builds a partitioned table pt in a database named by the
// placeholder DB (in memory or dfs://), with total partitions.
type pruneScheme struct {
	name   string
	script string
	total  int
	cases  []pruneQuery
}

// buckets counts the distinct hashBucket values of syms over n buckets.
func buckets(n int, syms ...string) int {
	seen := map[int32]bool{}
	for _, b := range partition.HashBucket(value.NewStrings(value.Symbol, syms), n) {
		seen[b] = true
	}
	return len(seen)
}

func pruneSchemes() []pruneScheme {
	return []pruneScheme{
		{
			name: "RANGE INT",
			script: `db = database(DB, RANGE, 0 10 20 30 40)
				pt = db.createPartitionedTable(table(1:0, ` + "`id`v" + `, [INT, INT]), ` + "`pt, `id" + `)
				pt.append!(table(0..45 as id, (0..45) * 2 as v))
				ids = [1, 35]
				def lim() { return 10 }`,
			total: 4,
			cases: []pruneQuery{
				{"id == 10", 1, 1},
				{"id = 9", 1, 1},
				{"id < 10", 1, 10},
				{"id <= 10", 2, 11},
				{"id > 29", 1, 10},
				{"id >= 40", 0, 0},
				{"id > 100", 0, 0},
				{"id < 0", 0, 0},
				{"id between 10 and 19", 1, 10},
				{"id between 5 and 25", 3, 21},
				{"id between 25 and 5", 0, 0},
				{"id in [1, 35]", 2, 2},
				{"id in ids", 2, 2},
				{"id in 5 6 7", 1, 3},
				{"id in []", 0, 0},
				{"id in [40, 41]", 0, 0},
				{"id in 1:30", 2, 2},
				{"10 < id", 3, 29},
				{"20 >= id", 3, 21},
				{"(id == 10)", 1, 1},
				{"id == 00i", 0, 0},
				{"id <= int()", 0, 0},
				{"id < 00i", 0, 0},
				{"id > 00i", 4, 40},
				{"id >= 00i", 4, 40},
				{"id != 00i", 4, 40},
				{"00i < id", 4, 40},
				{"id in [00i, 12]", 1, 1},
				{"id == 10 and v > 0", 1, 1},
				{"v > 0 && id < 10", 1, 9},
				{"id == 10 or v > 0", 4, 39},
				{"id < 5 or id >= 35", 2, 10},
				{"id >= 12 and id < 18", 1, 6},
				{"id > 25 and id < 15", 0, 0},
				{"id > 10 and id < 11", 0, 0}, // no INT lies strictly between
				{"id == 3 and id == 4", 0, 0},
				{"id in 1 2 15 and id >= 2", 2, 2},
				{"id == 10l", 1, 1},
				{"id == 10h", 1, 1},
				{"id < 5 + 5", 1, 10},
				{"id == 10.0", 4, 1},        // a floating constant: not proven
				{"not (id < 10)", 4, 30},    // negation: not proven
				{"id + 1 == 11", 4, 1},      // not a bare column
				{"id < lim()", 4, 10},       // a user function might not be deterministic
				{"id == v", 4, 1},           // no constant side
				{"id == 10, v == 20", 1, 1}, // several where items
				{"id == \"10\"", 4, 1},      // a string against a number
				{"v == 20", 4, 1},           // not a partition column
			},
		},
		{
			name: "VALUE DATE",
			script: `db = database(DB, VALUE, 2024.01.01..2024.01.05)
				pt = db.createPartitionedTable(table(1:0, ` + "`date`v" + `, [DATE, INT]), ` + "`pt, `date" + `)
				pt.append!(table(take(2024.01.01..2024.01.05, 15) as date, 0..14 as v))`,
			total: 5,
			cases: []pruneQuery{
				{"date == 2024.01.02", 1, 3},
				{"2024.01.02 < date", 3, 9},
				{"date between 2024.01.02 and 2024.01.03", 2, 6},
				{"date in 2024.01.01 2024.01.05", 2, 6},
				{"date in []", 0, 0},
				{"date == 00d", 0, 0},
				{"date > 2024.01.31", 0, 0},
				{"date == 2024.01.02T12:00:00", 1, -1}, // the literal becomes a DATE first
				{"2024.01.02T12:00:00 < date", 3, 9},   // the column becomes a DATETIME: evaluated over the partition values
				{"date.month() == 2024.02M", 0, 0},     // evaluated over the partition values
				{"month(date) == 2024.01M", 5, 15},
				{"date != 2024.01.03", 4, 12},
				{"date > 2024.01.03 or date == 2024.01.01", 3, 9},
				{"date not in [2024.01.01]", 4, 12},
				{"not (date between 2024.01.02 : 2024.01.04)", 2, 6},
				{"date == 2024.01.02 or v > 100", 5, 3},
			},
		},
		{
			name: "VALUE MONTH over DATE",
			script: `db = database(DB, VALUE, 2024.01M..2024.04M)
				pt = db.createPartitionedTable(table(1:0, ` + "`date`v" + `, [DATE, INT]), ` + "`pt, `date" + `)
				pt.append!(table([2024.01.01, 2024.01.15, 2024.01.31, 2024.02.01, 2024.02.15, 2024.02.29, 2024.03.01, 2024.03.15, 2024.03.31, 2024.04.01, 2024.04.15, 2024.04.30] as date, 1..12 as v))`,
			total: 4,
			cases: []pruneQuery{
				{"date == 2024.02.15", 1, 1},
				{"date == 2024.02.14", 1, 0},
				{"date between 2024.01.20 and 2024.02.10", 2, 2},
				{"date >= 2024.03.01", 2, 6},
				{"date < 2024.02.01", 1, 3},
				{"date <= 2024.02.01", 2, 4},
				{"date in [2024.04.30]", 1, 1},
				{"date > 2024.04.30", 0, 0},
				{"date.month() == 2024.02M", 4, 3}, // partition values are months, not dates
			},
		},
		{
			name: "VALUE DATE over TIMESTAMP",
			script: `db = database(DB, VALUE, 2024.01.01..2024.01.04)
				pt = db.createPartitionedTable(table(1:0, ` + "`ts`v" + `, [TIMESTAMP, INT]), ` + "`pt, `ts" + `)
				pt.append!(table(2024.01.01T10:00:00.000 + 43200000 * 0..7 as ts, 0..7 as v))`,
			total: 4,
			cases: []pruneQuery{
				{"ts < 2024.01.03", 2, 4},
				{"ts >= 2024.01.03T00:00:00.000", 2, 4},
				{"ts == 2024.01.02T10:00:00.000", 1, 1},
				{"ts between 2024.01.02T00:00:00.000 and 2024.01.02T23:59:59.999", 1, 2},
			},
		},
		{
			name: "RANGE MONTH over DATE",
			script: `db = database(DB, RANGE, [2024.01M, 2024.03M, 2024.05M])
				pt = db.createPartitionedTable(table(1:0, ` + "`date`v" + `, [DATE, INT]), ` + "`pt, `date" + `)
				pt.append!(table([2024.01.01, 2024.02.29, 2024.03.01, 2024.04.30, 2024.05.01, 2024.06.01] as date, 1..6 as v))`,
			total: 2,
			cases: []pruneQuery{
				{"date == 2024.03.01", 1, 1}, // a boundary opens the upper partition
				{"date < 2024.03.01", 1, 2},
				{"date <= 2024.03.01", 2, 3},
				{"date >= 2024.05.01", 0, 0}, // past the last boundary
				{"date > 2024.04.30", 0, 0},
				{"date >= 2024.04.30", 1, 1},
				{"date < 2024.01.01", 0, 0},
				{"date between 2024.02.01 and 2024.02.29", 1, 1},
				{"date == 00d", 0, 0},
				{"date < 00d", 0, 0},
				{"date in [2024.06.01, 2024.01.01]", 1, 1},
				{"2024.03.01T00:00:00 <= date", 2, 2}, // the column becomes a DATETIME: not proven
			},
		},
		{
			name: "RANGE STRING",
			script: `db = database(DB, RANGE, ["a", "g", "n", "z"])
				pt = db.createPartitionedTable(table(1:0, ` + "`sym`v" + `, [SYMBOL, INT]), ` + "`pt, `sym" + `)
				pt.append!(table(["a", "f", "g", "m", "n", "y", "z"] as sym, 1..7 as v))`,
			total: 3,
			cases: []pruneQuery{
				{"sym == \"g\"", 1, 1},
				{"sym < \"g\"", 1, 2},
				{"sym >= \"n\"", 1, 2},
				{"sym >= \"z\"", 0, 0},
				{"sym > \"f\" and sym < \"g\"", 1, 0},
				{"sym in `a`y", 2, 2},
				{"\"m\" >= sym", 2, 4},
			},
		},
		{
			name: "HASH INT",
			script: `db = database(DB, HASH, [INT, 4])
				pt = db.createPartitionedTable(table(1:0, ` + "`id`v" + `, [INT, INT]), ` + "`pt, `id" + `)
				pt.append!(table(-3..19 as id, 0..22 as v))`,
			total: 4,
			cases: []pruneQuery{
				{"id == 5", 1, 1},
				{"id in 1 2", 2, 2},
				{"id in 0 4 8", 1, 3},
				{"id between 1 and 2", 2, 2},
				{"id >= 3 and id <= 4", 2, 2}, // intersected before hashing
				{"id > 100", 4, 0},            // unbounded: every bucket
				{"id > 100 and id < 103", 2, 0},
				{"id == -1", 1, 1},
				{"id == 00i", 0, 0},
				{"id in []", 0, 0},
				{"id between 0 and 100", 4, 20},
			},
		},
		{
			name: "HASH MONTH over DATE",
			script: `db = database(DB, HASH, [MONTH, 5])
				pt = db.createPartitionedTable(table(1:0, ` + "`date`v" + `, [DATE, INT]), ` + "`pt, `date" + `)
				pt.append!(table(2024.01.01 + 15 * 0..11 as date, 0..11 as v))`,
			total: 5,
			cases: []pruneQuery{
				{"date == 2024.02.10", 1, 0},
				{"date == 2024.01.16", 1, 1},
				{"date between 2024.01.01 and 2024.02.28", 2, 4},
				{"date in [2024.01.01, 2024.01.31]", 1, 2},
				{"date > 2024.02.15 and date < 2024.03.15", 2, 1},
			},
		},
		{
			name: "HASH SYMBOL",
			script: `db = database(DB, HASH, [SYMBOL, 3])
				pt = db.createPartitionedTable(table(1:0, ` + "`sym`v" + `, [SYMBOL, INT]), ` + "`pt, `sym" + `)
				pt.append!(table(["A", "B", "C", "D", "E", "F", ""] as sym, 1..7 as v))`,
			total: 3,
			cases: []pruneQuery{
				{"sym == \"A\"", 1, 1},
				{"sym in [\"A\", \"B\"]", buckets(3, "A", "B"), 2},
				{"sym in `C`D`E", buckets(3, "C", "D", "E"), 3},
				{"sym == symbol()", 1, -1}, // DFS keeps the empty SYMBOL in bucket 0; memory drops it
				{"sym < \"C\"", 3, -1},
				{"sym > \"C\" and sym in [\"D\", \"A\"]", 1, 1},
				{"hashBucket(sym, 3) == 0", 3, -1},
			},
		},
		{
			name: "LIST",
			script: `db = database(DB, LIST, [["A", "B"], ["C"], ["D", "E"]])
				pt = db.createPartitionedTable(table(1:0, ` + "`sym`v" + `, [STRING, INT]), ` + "`pt, `sym" + `)
				pt.append!(table(["A", "B", "C", "D", "E", "Z"] as sym, 1..6 as v))`,
			total: 3,
			cases: []pruneQuery{
				{"sym == \"C\"", 1, 1},
				{"sym in [\"A\", \"E\"]", 2, 2},
				{"sym >= \"B\" and sym <= \"C\"", 2, 2},
				{"sym > \"E\"", 0, 0},
				{"sym == \"Z\"", 0, 0},
				{"\"C\" <= sym", 2, 3},
				{"sym == `D", 1, 1},
			},
		},
		{
			name: "LIST INT",
			script: `db = database(DB, LIST, [1 2, [3], 5 6])
				pt = db.createPartitionedTable(table(1:0, ` + "`id`v" + `, [INT, INT]), ` + "`pt, `id" + `)
				pt.append!(table(1..6 as id, 1..6 as v))`,
			total: 3,
			cases: []pruneQuery{
				{"id between 2 and 3", 2, 2},
				{"id == 4", 0, 0},
				{"id > 4", 1, 2},
			},
		},
		{
			name: "VALUE SYMBOL sharing a path",
			script: `db = database(DB, VALUE, ["abc", "a:bc", "xyz"])
				pt = db.createPartitionedTable(table(1:0, ` + "`sym`v" + `, [SYMBOL, INT]), ` + "`pt, `sym" + `)
				pt.append!(table(["abc", "a:bc", "xyz"] as sym, 1..3 as v))`,
			total: 3,
			cases: []pruneQuery{
				// "abc" and "a:bc" share the directory abc, which an unpruned
				// scan reads once for each: both are read or neither
				{"sym == \"abc\"", 2, -1},
				{"sym == \"xyz\"", 1, 1},
				{"sym like \"x%\"", 1, 1},
			},
		},
		{
			name: "COMPO VALUE x HASH",
			script: `db1 = database("", VALUE, 2024.01.01..2024.01.03)
				db2 = database("", HASH, [INT, 2])
				db = database(DB, COMPO, [db1, db2])
				pt = db.createPartitionedTable(table(1:0, ` + "`date`id`v" + `, [DATE, INT, INT]), ` + "`pt, `date`id" + `)
				pt.append!(table(take(2024.01.01..2024.01.03, 12) as date, take(0..3, 12) as id, 0..11 as v))`,
			total: 6,
			cases: []pruneQuery{
				{"date == 2024.01.02", 2, 4},
				{"id == 1", 3, 3},
				{"date == 2024.01.02 and id == 1", 1, 1},
				{"id == 1 and 2024.01.02 == date", 1, 1},
				{"date == 2024.01.02 or id == 1", 4, 6},
				{"(date == 2024.01.01 and id == 0) or (date == 2024.01.03 and id == 1)", 2, 2},
				{"date > 2024.01.01 and v > 5", 4, 4},
				{"id in []", 0, 0},
				{"date == 2024.01.02 or v == 1", 6, 4},
			},
		},
		{
			name: "COMPO RANGE x LIST x VALUE MONTH",
			script: `db1 = database("", RANGE, 0 5 10)
				db2 = database("", LIST, [["A"], ["B", "C"]])
				db3 = database("", VALUE, [2024.01M, 2024.02M])
				db = database(DB, COMPO, [db1, db2, db3])
				pt = db.createPartitionedTable(table(1:0, ` + "`id`sym`date`v" + `, [INT, SYMBOL, DATE, INT]), ` + "`pt, `id`sym`date" + `)
				pt.append!(table(0..15 as id, take(["A", "B", "C"], 16) as sym, take([2024.01.10, 2024.02.20], 16) as date, 0..15 as v))`,
			total: 8,
			cases: []pruneQuery{
				{"id < 5 and sym == \"B\" and date >= 2024.02.01", 1, 1},
				{"id >= 10", 0, 0},
				{"sym == \"A\"", 4, 4},
				{"date between 2024.01.15 and 2024.01.20 or id == 7", 6, 1},
				{"date < 2024.02.01, id == 7", 2, 0},
				{"sym in [\"A\", \"C\"] and id == 3", 4, 1},
			},
		},
	}
}

func TestPrunePartitionsRead(t *testing.T) {
	e := memEngine(t)
	for si, sc := range pruneSchemes() {
		for _, mode := range []string{"memory", "dfs"} {
			t.Run(sc.name+"/"+mode, func(t *testing.T) {
				dbPath := `""`
				if mode == "dfs" {
					dbPath = fmt.Sprintf(`"dfs://prune%d"`, si)
				}
				s := e.NewSession()
				mustRun(t, s, strings.ReplaceAll(sc.script, "DB", dbPath))
				v, ok := s.Get("pt")
				require.True(t, ok)
				pt := v.(*ptable)
				hook := &dfs.PruneHook{}
				pt.SetPruneHook(hook)
				defer pt.SetPruneHook(nil)
				run := func(q string, prune bool) (value.Value, int) {
					hook.Off.Store(!prune)
					hook.Read.Store(0)
					res, err := s.Run(q)
					require.NoError(t, err, q)
					return res, int(hook.Read.Load())
				}
				for _, c := range sc.cases {
					for _, q := range []string{"select * from pt where " + c.where, "exec v from pt where " + c.where} {
						want, all := run(q, false)
						require.Equal(t, sc.total, all, "%s: an unpruned scan reads every partition", q)
						got, read := run(q, true)
						// as printed: coded SYMBOL columns of the two
						// scans hold their own bases
						require.Equal(t, want.String(), got.String(), q)
						require.Equal(t, want.Form(), got.Form(), q)
						require.Equal(t, c.reads, read, "%s: partitions read", q)
						if c.rows >= 0 {
							tb, ok := got.(*value.Table)
							if ok {
								require.Equal(t, c.rows, tb.Rows(), "%s: rows", q)
							}
						}
					}
				}
			})
		}
	}
}
