package main

import (
	"sort"
	"strings"
)

// -kind: without -dfs, the kind of in-memory table t is.
var tableKind = "plain"

// copied reports whether t is built from an in-memory copy t0 (a DFS
// table or another kind than a plain table); the pruning shapes then
// compare t's answers with t0's.
func copied() bool { return dfs || tableKind != "plain" }

// kinds are the scripts that make t, of each kind, from the plain t0. The
// keys are rid (unique) or s and rid, so the where clauses on rid and s
// go through the tables' key lookups; every kind keeps t0's row order.
var tableKinds = map[string]func(t *table) string{
	"plain":   nil,
	"keyed":   func(*table) string { return "t = keyedTable(`rid, t0)" },
	"keyed2":  func(*table) string { return "t = keyedTable(`s`rid, t0)" },
	"indexed": func(*table) string { return "t = indexedTable(`s`rid, t0)" },
	"mvcc": func(*table) string {
		return "sc = t0.schema().colDefs\nt = mvccTable(1:0, sc.name, sc.typeString)\nt.append!(t0)"
	},
	"stream": func(*table) string {
		return "sc = t0.schema().colDefs\nt = streamTable(1:0, sc.name, sc.typeString)\nt.append!(t0)"
	},
	// rid is the key and its own time column, so no row replaces another.
	"latestKeyed": func(*table) string {
		return "sc = t0.schema().colDefs\nt = latestKeyedTable(`rid, `rid, 1:0, sc.name, sc.typeString)\nt.append!(t0)"
	},
	// ts is the time column: an insert of a key t holds updates it only
	// if its time is not older (funcs/l/latestKeyedTable.md)
	"latestKeyedTime": func(*table) string {
		return "sc = t0.schema().colDefs\nt = latestKeyedTable(`rid, `ts, 1:0, sc.name, sc.typeString)\nt.append!(t0)"
	},
	"partitioned": func(t *table) string { return database(t) + "t = pt" },
	// in-memory partitioned tables whose partitions are keyed or indexed
	// tables (funcs/i/indexedTable.md builds one)
	"partitionedKeyed": func(t *table) string {
		return "tk = keyedTable(`rid, t0)\n" + databaseOf(t, "tk") + "t = pt"
	},
	"partitionedIndexed": func(t *table) string {
		return "tk = indexedTable(`s`rid, t0)\n" + databaseOf(t, "tk") + "t = pt"
	},
	// a shared table, read under the shared tables' locks
	"shared": func(*table) string {
		return "try { undef(\"difftest_t\", SHARED) } catch(ex) {}\ntc = select * from t0\nshare tc as difftest_t\nt = difftest_t"
	},
}

func tableKindNames() string {
	var ns []string
	for n := range tableKinds {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}
