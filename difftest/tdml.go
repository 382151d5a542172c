package main

import (
	"fmt"
	"math"
	"math/big"
	"strings"
)

// pTDML (-tdml) is, under -types, the chance before each query of a DML
// sequence whose statements also set, delete by and insert -types'
// columns (typedStatement), from a stream of its own.
var pTDML float64

// typedStatement is one statement of a -tdml sequence: half of them the
// untyped statements of dml.go, the others over typeCols: an update of
// one of them from a value of its type or of another (typedValue), a
// delete under typesPred, an insert into or an append of rows whose
// typed columns come as other types (typedRows).
func (g *dmlGen) typedStatement() (string, stmt) {
	switch g.r.IntN(6) {
	case 0, 1, 2:
		return g.typedUpdate()
	case 3:
		p := g.typesPred()
		return "typed delete", stmt{ddb: "delete from t where " + p.ddb, duck: []string{"delete from t where " + p.duck}}
	case 4:
		if !dfs {
			return g.typedInsert()
		}
	}
	return g.typedAppend()
}

// tval is a value for a typed column: DolphinDB's expression, DuckDB's
// (the column's value, as DuckDB holds it), the columns it reads that
// a where keeps off values that would overflow (near-limit DECIMALs, a
// SHORT into a CHAR: overflow is not documented), and whether it converts FLOATING to INTEGRAL, which a
// DFS table refuses (semantics.md §3.2) and so is not drawn there.
type tval struct {
	ddb, duck string
	guard     []string
	narrowing bool
}

// typedUpdate sets one typed column, maybe under a where (the
// generator's over t's first columns, or typesPred). update cannot change
// a column's type (progr/sql/update.md), so the value converts to it as
// an append does (semantics.md §3): integral and floating values into
// SHORT, CHAR, FLOAT and DECIMAL (FLOATING into an integral rounds half
// away from zero, into a DECIMAL truncates at its scale: tutorials/
// DECIMAL.md, decimal32(1.23456, 3) is 1.234), and temporal values into
// the other temporal types (funcs/d/datetime.md, funcs/m/minute.md, ...:
// the later unit's count, floored).
func (g *dmlGen) typedUpdate() (string, stmt) {
	c := typeCols[g.r.IntN(len(typeCols))]
	var v tval
	for {
		v = g.typedValue(c.k)
		if !v.narrowing || !partitioned() {
			break
		}
	}
	w1, w2 := "", ""
	switch g.r.IntN(3) {
	case 0:
		w1, w2 = g.where()
	case 1:
		p := g.typesPred()
		w1, w2 = " where "+p.ddb, " where "+p.duck
	}
	if len(v.guard) > 0 {
		// NULL is the smallest value: x > -1000 is false for it in
		// DolphinDB and NULL in DuckDB, so both leave its row.
		var gs []string
		for _, r := range v.guard {
			b := "1000"
			if r == "h" {
				b = "60" // h * 2 stays in CHAR's range
			}
			gs = append(gs, fmt.Sprintf("%s > -%s and %s < %s", r, b, r, b))
		}
		if w1 == "" {
			w1, w2 = " where "+strings.Join(gs, " and "), " where "+strings.Join(gs, " and ")
		} else {
			w1 = " where (" + strings.TrimPrefix(w1, " where ") + ") and " + strings.Join(gs, " and ")
			w2 = " where (" + strings.TrimPrefix(w2, " where ") + ") and " + strings.Join(gs, " and ")
		}
	}
	shape := "typed update " + ddbTypeName(c.k)
	return shape, stmt{ddb: "update t set " + c.name + " = " + v.ddb + w1,
		duck: []string{"update t set " + c.name + " = cast(" + v.duck + " as " + duckType[c.k] + ")" + w2}}
}

// ddbTypeName is DolphinDB's name of a typeCols kind, as the shapes and
// typesDiffer name it.
func ddbTypeName(k kind) string {
	if _, ok := decimals[k]; ok {
		return decType(k)
	}
	return strings.ToUpper(ddbType[k])
}

// quarter is a DOUBLE literal that is a multiple of 1/4 in [-50, 50]:
// exact at every DECIMAL scale here and in a FLOAT.
func (g *dmlGen) quarter() float64 { return float64(g.r.IntN(401)-200) / 4 }

// dblLit is DolphinDB's DOUBLE literal of x: "2.0", not "2", an INT.
func dblLit(x float64) string {
	s := fmt.Sprint(x)
	if x == math.Trunc(x) {
		s += ".0"
	}
	return s
}

// decRaw is x truncated at scale s, as the DECIMAL's digits.
func decRaw(x float64, s int) string {
	r, _ := new(big.Float).Mul(big.NewFloat(x), new(big.Float).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(s)), nil))).Int(nil)
	return decString(r, s)
}

// typedValue is a value for a typed column of kind k.
func (g *dmlGen) typedValue(k kind) tval {
	lit := func() tval {
		c := genCell(g.r, k, 0.15)
		return tval{ddb: ddbLit(k, c), duck: duckLit(k, c)}
	}
	if g.r.IntN(5) == 0 {
		return lit()
	}
	n := g.r.IntN(15) - 7
	q := g.quarter()
	switch k {
	case kShort, kChar:
		other, mul := tval{ddb: "h", duck: "h", guard: []string{"h"}}, tval{ddb: "h * 2", duck: "h::INTEGER * 2", guard: []string{"h"}}
		if k == kShort {
			other, mul = tval{ddb: "c", duck: "c"}, tval{ddb: "c * 2", duck: "c::INTEGER * 2"}
		}
		return g.pickVal(
			tval{ddb: fmt.Sprint(n), duck: fmt.Sprint(n)},
			other, tval{ddb: "-" + other.ddb, duck: "-" + other.duck, guard: other.guard}, mul,
			// FLOATING into an integral rounds half away from zero
			// (semantics.md §3.1: 5.5 appended to an INT column is 6)
			tval{ddb: dblLit(q), duck: fmt.Sprint(math.Round(q)), narrowing: true},
			tval{ddb: "f", duck: "round(f::DOUBLE)", narrowing: true})
	case kFloat:
		return g.pickVal(
			tval{ddb: dblLit(q), duck: fmt.Sprintf("%g", q)},
			tval{ddb: fmt.Sprint(n), duck: fmt.Sprint(n)},
			tval{ddb: "h", duck: "h"}, tval{ddb: "c", duck: "c"},
			tval{ddb: "f * 2", duck: "f * 2"}, tval{ddb: "f + c", duck: "f + c"},
			tval{ddb: "d", duck: "d"}.unlessWide())
	}
	if dk, ok := decimals[k]; ok {
		vs := []tval{
			{ddb: fmt.Sprint(n), duck: fmt.Sprint(n)},
			{ddb: dblLit(q), duck: fmt.Sprintf("%g", q)},
			// not c: CHAR does not convert to DECIMAL (value/cast's
			// reading of tutorials/DECIMAL.md)
			{ddb: "h", duck: "h"},
			{ddb: "d", duck: "d"},
		}
		if dk.scale == 2 {
			// a positive eighth truncates at scale 2 (tutorials/DECIMAL.md)
			e := float64(g.r.IntN(400)*2+1) / 8
			vs = append(vs, tval{ddb: dblLit(e), duck: decRaw(e, 2)})
		}
		if k != kDec32 {
			vs = append(vs, tval{ddb: "d32", duck: "d32"},
				tval{ddb: "d32 + h", duck: "d32 + h", guard: []string{"d32"}},
				tval{ddb: "d32 * 2", duck: "d32 * 2", guard: []string{"d32"}},
				tval{ddb: "d32 - i", duck: "d32 - i", guard: []string{"d32"}})
		}
		if k == kDec128 {
			vs = append(vs, tval{ddb: "d64", duck: "d64"},
				tval{ddb: "d64 + d32", duck: "d64 + d32", guard: []string{"d64", "d32"}},
				tval{ddb: "d64 * h", duck: "d64 * h", guard: []string{"d64"}})
		}
		if wide {
			// d is 1e9 and a fraction then, not exact at the scale, and i
			// reaches 1e6
			vs = vs[1:3]
		}
		return g.pickVal(vs...)
	}
	// temporal values as DuckDB's counts: DATE, TIMESTAMP and the
	// -types columns of other units, converted to k's unit
	const dayMs = 86400000
	ms := "epoch_ms(ts)"
	days := "(dt - DATE '1970-01-01')"
	var vs []tval
	switch k {
	case kMonth:
		vs = []tval{{ddb: "dt", duck: "year(dt) * 12 + month(dt) - 1"}, {ddb: "mo + 1", duck: "mo + 1"},
			{ddb: "ts", duck: "year(ts) * 12 + month(ts) - 1"}}
	case kDatetime:
		vs = []tval{{ddb: "dt", duck: days + " * 86400"}, {ddb: "dtm + 60", duck: "dtm + 60"},
			{ddb: "nt", duck: "nt // 1000000000"}, {ddb: "ts", duck: ms + " // 1000"}}
	case kNanots:
		vs = []tval{{ddb: "dt", duck: days + " * 86400000000000"}, {ddb: "nt + 1000", duck: "nt + 1000"},
			{ddb: "dtm", duck: "dtm * 1000000000"}, {ddb: "ts", duck: ms + " * 1000000"}}
	case kTime:
		vs = []tval{{ddb: "se", duck: "se * 1000"}, {ddb: "mi", duck: "mi * 60000"}, {ddb: "tm + 1000", duck: "tm + 1000"},
			{ddb: "ts", duck: fmt.Sprintf("%s %% %d", ms, dayMs)}}
	case kMinute:
		vs = []tval{{ddb: "tm", duck: "tm // 60000"}, {ddb: "se", duck: "se // 60"}, {ddb: "mi + 15", duck: "mi + 15"},
			{ddb: "ts", duck: fmt.Sprintf("%s %% %d // 60000", ms, dayMs)}}
	case kSecond:
		vs = []tval{{ddb: "tm", duck: "tm // 1000"}, {ddb: "mi", duck: "mi * 60"}, {ddb: "se + 60", duck: "se + 60"},
			{ddb: "ts", duck: fmt.Sprintf("%s %% %d // 1000", ms, dayMs)}, {ddb: "dtm", duck: "dtm % 86400"}}
	}
	if wide && len(vs) > 3 {
		// -wide's TIMESTAMPs before 1970: how their time of day and
		// seconds round the manual does not say
		vs = vs[:3]
	}
	return g.pickVal(vs...)
}

// unlessWide is v, or under -wide (d near 1e9, inexact in a FLOAT) h.
func (v tval) unlessWide() tval {
	if wide {
		return tval{ddb: "h", duck: "h"}
	}
	return v
}

func (g *dmlGen) pickVal(vs ...tval) tval { return vs[g.r.IntN(len(vs))] }

// typedRows is newRows with, for some typed columns, the values written
// as another type (semantics.md §3: integral into SHORT and CHAR, INT
// and DOUBLE into FLOAT and DECIMAL, DATE into MONTH and DATETIME,
// TIMESTAMP into DATETIME and NANOTIMESTAMP, the time-of-day units into
// each other). src is each column's kind as written, rows the values as
// written and conv as they land in t.
func (g *dmlGen) typedRows() (src []kind, rows, conv [][]cell) {
	conv = g.newRows()
	src = make([]kind, len(g.kinds))
	for c := range src {
		src[c] = g.litKind(c)
	}
	rows = make([][]cell, len(conv))
	for j := range conv {
		rows[j] = append([]cell(nil), conv[j]...)
	}
	for c := len(tNames); c < len(tNames)+len(typeCols); c++ {
		if g.r.IntN(2) == 0 {
			continue
		}
		k := g.kinds[c]
		sk, cv := g.converter(k)
		if cv == nil {
			continue
		}
		src[c] = sk
		for j := range rows {
			if rows[j][c].null {
				continue
			}
			rows[j][c] = g.srcCell(sk)
			conv[j][c] = cv(rows[j][c])
		}
	}
	return src, rows, conv
}

// srcCell is a non-NULL value of source kind sk for typedRows: small
// integers, quarters, times after 1970.
func (g *dmlGen) srcCell(sk kind) cell {
	switch sk {
	case kInt:
		return cell{i: int64(g.r.IntN(201) - 100)}
	case kDouble:
		return cell{f: g.quarter()}
	case kTs:
		return cell{i: (baseDay+int64(g.r.IntN(10)))*86400000 + int64(g.r.IntN(86400))*1000 + int64(g.r.IntN(4))*250}
	case kDate:
		return cell{i: baseDay + int64(g.r.IntN(90)) - 20}
	}
	return typedCell(g.r, sk)
}

// converter picks a source kind for target kind k and the conversion of
// its values; nil where none is drawn.
func (g *dmlGen) converter(k kind) (kind, func(cell) cell) {
	floorDiv := func(a, b int64) int64 { return int64(math.Floor(float64(a) / float64(b))) }
	switch k {
	case kShort, kChar:
		return kInt, func(c cell) cell { return c }
	case kFloat:
		if g.r.IntN(2) == 0 {
			return kInt, func(c cell) cell { return cell{f: float64(c.i)} }
		}
		return kDouble, func(c cell) cell { return c }
	case kDec32, kDec64, kDec128:
		s := decimals[k].scale
		if g.r.IntN(2) == 0 {
			return kInt, func(c cell) cell { return cell{s: decRaw(float64(c.i), s)} }
		}
		return kDouble, func(c cell) cell { return cell{s: decRaw(c.f, s)} }
	case kMonth:
		return kDate, func(c cell) cell {
			d := epoch.AddDate(0, 0, int(c.i))
			return cell{i: int64(d.Year())*12 + int64(d.Month()) - 1}
		}
	case kDatetime:
		if g.r.IntN(2) == 0 {
			return kDate, func(c cell) cell { return cell{i: c.i * 86400} }
		}
		return kTs, func(c cell) cell { return cell{i: floorDiv(c.i, 1000)} }
	case kNanots:
		return kTs, func(c cell) cell { return cell{i: c.i * 1000000} }
	case kTime:
		return kSecond, func(c cell) cell { return cell{i: c.i * 1000} }
	case kMinute:
		return kTime, func(c cell) cell { return cell{i: c.i / 60000} }
	case kSecond:
		if g.r.IntN(2) == 0 {
			return kMinute, func(c cell) cell { return cell{i: c.i * 60} }
		}
		return kTime, func(c cell) cell { return cell{i: c.i / 1000} }
	}
	return k, nil
}

// typedInsert is insert into t values (...), (...) with one to three of
// typedRows' rows (progr/sql/insertInto.md; tutorials/DECIMAL.md inserts
// DOUBLEs into DECIMAL columns this way): each VALUES group converts to
// the columns' types on its own (conformance/testdata/dml/
// insert_into_decimal_rows.test).
func (g *dmlGen) typedInsert() (string, stmt) {
	src, rows, conv := g.typedRows()
	n := 1 + g.r.IntN(min(3, len(rows)))
	rows, conv = rows[:n], conv[:n]
	var v1 []string
	for _, row := range rows {
		var l []string
		for c := range g.names {
			l = append(l, ddbLit(src[c], row[c]))
		}
		v1 = append(v1, "("+strings.Join(l, ", ")+")")
	}
	kinds := make([]kind, len(g.names))
	for c := range kinds {
		kinds[c] = g.litKind(c)
	}
	return "typed insert into", stmt{ddb: "insert into t values " + strings.Join(v1, ", "),
		duck: []string{g.duckInsert(perKey(conv, true), kinds, kinds, false)}}
}

// typedAppend is append! or tableInsert of a table whose typed columns
// are typedRows' other types (funcs/a/append!.md, funcs/t/tableInsert.md).
func (g *dmlGen) typedAppend() (string, stmt) {
	src, rows, conv := g.typedRows()
	s := strings.TrimPrefix((&table{name: "tmp", names: g.names, kinds: src, rows: rows}).ddbScript(), "tmp = ")
	kinds := make([]kind, len(g.names))
	for c := range kinds {
		kinds[c] = g.litKind(c)
	}
	shape, ddb := "typed append!", "t.append!("+s+")"
	if g.r.IntN(2) == 0 {
		shape, ddb = "typed tableInsert", "tableInsert(t, "+s+")"
	}
	return shape, stmt{ddb: ddb, duck: []string{g.duckInsert(placed(perKey(conv, true)), kinds, kinds, false)}}
}
