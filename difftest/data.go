package main

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"
)

// A column kind of the generated tables.
type kind int

const (
	kInt kind = iota
	kLong
	kDouble
	kSym
	kStr
	kDate
	kTs
	kBool
)

// cell is one generated value; null marks NULL.
type cell struct {
	null bool
	i    int64 // INT, LONG, BOOL (0/1), DATE (days), TIMESTAMP (ms)
	f    float64
	s    string
}

// table is a generated table: its columns' names and kinds, rows of cells.
type table struct {
	name  string
	names []string
	kinds []kind
	rows  [][]cell
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// baseDay is 2024.01.01 in days since 1970.
const baseDay = 19723

var symbols = []string{"A", "B", "AB", "Ba", "b", "abc", "C1", "c"}

// genT makes table t: rid (the row number, never NULL, the order that
// first/last and ties follow), small-range keys with duplicates, NULLs in
// every other column, negative numbers and zeros.
func genT(r *rand.Rand, n int) *table {
	t := &table{name: "t",
		names: []string{"rid", "i", "l", "d", "s", "str", "dt", "ts", "b"},
		kinds: []kind{kInt, kInt, kLong, kDouble, kSym, kStr, kDate, kTs, kBool}}
	for rid := 0; rid < n; rid++ {
		row := []cell{{i: int64(rid)}}
		for _, k := range t.kinds[1:] {
			row = append(row, genCell(r, k, pNull))
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// genU makes table u, the right side of joins: keys k (INT) and us
// (SYMBOL) from t's ranges, duplicated, and values v, w.
func genU(r *rand.Rand, n int) *table {
	u := &table{name: "u", names: []string{"k", "us", "v", "w"}, kinds: []kind{kInt, kSym, kDouble, kInt}}
	for j := 0; j < n; j++ {
		u.rows = append(u.rows, []cell{genCell(r, kInt, pNull), genCell(r, kSym, pNull), genCell(r, kDouble, pNull), genCell(r, kInt, pNull)})
	}
	return u
}

// wide makes numbers large and doubles inexact, and a third of DATE and
// TIMESTAMP values fall before 1970: INT up to 1e6, LONG up
// to 1e12 in magnitude, DOUBLE a large offset plus a random fraction
// (sums then depend on order within the 1e-9 tolerance, and variances
// test the algorithms' cancellation). INT keys then rarely repeat.
var wide bool

// pNull is the chance of a NULL in each generated cell.
var pNull = 0.1

func genCell(r *rand.Rand, k kind, pNull float64) cell {
	if r.Float64() < pNull {
		return cell{null: true}
	}
	switch k {
	case kInt:
		if wide && r.IntN(2) == 0 {
			return cell{i: int64(r.IntN(2_000_001) - 1_000_000)}
		}
		return cell{i: int64(r.IntN(15) - 7)}
	case kLong:
		if wide {
			return cell{i: r.Int64N(2_000_000_000_001) - 1_000_000_000_000}
		}
		return cell{i: int64(r.IntN(2001) - 1000)}
	case kDouble:
		if wide {
			return cell{f: 1e9 + r.Float64()*1000}
		}
		// Quarters keep sums exact whatever order they are added in.
		return cell{f: float64(r.IntN(401)-200) / 4}
	case kSym, kStr:
		return cell{s: symbols[r.IntN(len(symbols))]}
	case kDate:
		if wide && r.IntN(3) == 0 { // before 1970: negative day counts
			return cell{i: -int64(r.IntN(4000))}
		}
		return cell{i: baseDay + int64(r.IntN(90)) - 20}
	case kTs:
		if wide && r.IntN(3) == 0 {
			return cell{i: -int64(r.IntN(4000))*86400000 + int64(r.IntN(86400))*1000 + int64(r.IntN(4))*250}
		}
		return cell{i: (baseDay+int64(r.IntN(10)))*86400000 + int64(r.IntN(86400))*1000 + int64(r.IntN(4))*250}
	case kBool:
		return cell{i: int64(r.IntN(2))}
	}
	return typedCell(r, k)
}

// ddbLit renders c as a DolphinDB literal of kind k.
func ddbLit(k kind, c cell) string {
	if c.null {
		return "NULL"
	}
	switch k {
	case kInt, kLong:
		return fmt.Sprint(c.i)
	case kDouble:
		return strconv.FormatFloat(c.f, 'g', -1, 64)
	case kSym, kStr:
		return fmt.Sprintf("%q", c.s)
	case kDate:
		return epoch.AddDate(0, 0, int(c.i)).Format("2006.01.02")
	case kTs:
		return time.UnixMilli(c.i).UTC().Format("2006.01.02T15:04:05.000")
	case kBool:
		return fmt.Sprint(c.i == 1)
	}
	return typedDDBLit(k, c)
}

// duckLit renders c as a DuckDB literal of kind k. A NULL string is ”
// in DuckDB as it is in DolphinDB (funcs/i/isAlNum.md: the empty string is
// STRING's NULL), so string comparisons, sorting and
// grouping follow DolphinDB's rule that NULL is the smallest value
// (progr/data_mani/sort_null.md) without mapping.
func duckLit(k kind, c cell) string {
	if c.null {
		if k == kSym || k == kStr {
			return "''"
		}
		return "NULL"
	}
	if k >= kShort {
		return typedDuckLit(k, c)
	}
	switch k {
	case kSym, kStr:
		return "'" + c.s + "'"
	case kDate:
		return "DATE '" + epoch.AddDate(0, 0, int(c.i)).Format("2006-01-02") + "'"
	case kTs:
		return "TIMESTAMP '" + time.UnixMilli(c.i).UTC().Format("2006-01-02 15:04:05.000") + "'"
	}
	return ddbLit(k, c) // numbers and booleans read the same in both
}

var ddbType = map[kind]string{kInt: "int", kLong: "long", kDouble: "double", kSym: "symbol", kStr: "string", kDate: "date", kTs: "timestamp", kBool: "bool"}
var duckType = map[kind]string{kInt: "INTEGER", kLong: "BIGINT", kDouble: "DOUBLE", kSym: "VARCHAR", kStr: "VARCHAR", kDate: "DATE", kTs: "TIMESTAMP", kBool: "BOOLEAN"}

// ddbScript is the DolphinDB script that builds t.
func (t *table) ddbScript() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s = table(", t.name)
	for c, name := range t.names {
		if c > 0 {
			b.WriteString(", ")
		}
		cells := make([]cell, len(t.rows))
		for r, row := range t.rows {
			cells[r] = row[c]
		}
		fmt.Fprintf(&b, "%s as %s", ddbColumn(t.kinds[c], cells), name)
	}
	b.WriteString(")")
	return b.String()
}

// duckScript is the DuckDB statements that build t.
func (t *table) duckScript() []string {
	cols := make([]string, len(t.names))
	for c, name := range t.names {
		cols[c] = name + " " + duckType[t.kinds[c]]
	}
	out := []string{"create or replace table " + t.name + "(" + strings.Join(cols, ", ") + ")"}
	if len(t.rows) == 0 {
		return out
	}
	var b strings.Builder
	b.WriteString("insert into " + t.name + " values ")
	for r, row := range t.rows {
		if r > 0 {
			b.WriteString(",")
		}
		b.WriteString("(")
		for c := range row {
			if c > 0 {
				b.WriteString(",")
			}
			b.WriteString(duckLit(t.kinds[c], row[c]))
		}
		b.WriteString(")")
	}
	return append(out, b.String())
}

func (t *table) withRows(rows [][]cell) *table {
	c := *t
	c.rows = rows
	return &c
}

// genQ makes table q, the right side of asof and window joins: qid (its
// row number), keys qs from t's symbols and never NULL, times qt in
// ascending order (aj and wj take the right table sorted by time,
// progr/sql/asofjoin.md) copied from t's times, some exactly and some a
// few minutes off so windows' bounds meet rows, with repeats, and values
// qv with NULLs.
func genQ(r *rand.Rand, t *table, n int) *table {
	q := &table{name: "q", names: []string{"qid", "qs", "qt", "qv"}, kinds: []kind{kInt, kSym, kTs, kDouble}}
	var times []int64
	for _, row := range t.rows {
		if !row[7].null {
			times = append(times, row[7].i)
		}
	}
	qt := make([]int64, n)
	for j := range qt {
		qt[j] = (baseDay + int64(r.IntN(10))) * 86400000
		if len(times) > 0 {
			qt[j] = times[r.IntN(len(times))] + []int64{0, 0, -60000, 60000, -600000, 3600000}[r.IntN(6)]
		}
	}
	sort.Slice(qt, func(a, b int) bool { return qt[a] < qt[b] })
	for j := range qt {
		q.rows = append(q.rows, []cell{{i: int64(j)}, {s: symbols[r.IntN(len(symbols))]}, {i: qt[j]}, genCell(r, kDouble, pNull)})
	}
	return q
}
