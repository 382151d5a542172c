package main

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/porpoisedb/porpoise/value"
)

// pTypes (-types) is the chance that a query is one of this file's
// shapes over the column types the other generators leave out. Above 0
// it also adds those columns to t and u, from a stream of their own, so
// the other columns and queries of a seed stay the ones earlier rounds
// ran.
var pTypes float64

// The kinds -types adds. The temporal ones are held in DuckDB as the
// count DolphinDB stores (MONTH as months since year 0, DATETIME as
// seconds and NANOTIMESTAMP as nanoseconds since 1970, TIME as
// milliseconds, MINUTE as minutes and SECOND as seconds of the day), so
// conversions are integer arithmetic on both sides and compared exactly.
const (
	kShort kind = iota + 16
	kChar
	kFloat
	kMonth
	kDatetime
	kTime
	kMinute
	kSecond
	kNanots
	kDec32  // DECIMAL32(2)
	kDec64  // DECIMAL64(4)
	kDec128 // DECIMAL128(6)
)

// decimalKind is a DECIMAL kind's type name, digits (its integer type's
// decimal digits, progr/data_types.md: DECIMAL32(S) holds values in
// (-10^(9-S), 10^(9-S))) and scale.
type decimalKind struct {
	name          string
	digits, scale int
}

var decimals = map[kind]decimalKind{kDec32: {"DECIMAL32", 9, 2}, kDec64: {"DECIMAL64", 18, 4}, kDec128: {"DECIMAL128", 38, 6}}

func init() {
	for k, n := range map[kind]string{kShort: "short", kChar: "char", kFloat: "float", kMonth: "month", kDatetime: "datetime",
		kTime: "time", kMinute: "minute", kSecond: "second", kNanots: "nanotimestamp", kDec32: "decimal32", kDec64: "decimal64", kDec128: "decimal128"} {
		ddbType[k] = n
	}
	for k, n := range map[kind]string{kShort: "SMALLINT", kChar: "TINYINT", kFloat: "REAL", kMonth: "INTEGER", kDatetime: "BIGINT",
		kTime: "INTEGER", kMinute: "INTEGER", kSecond: "INTEGER", kNanots: "BIGINT", kDec32: "DECIMAL(9,2)", kDec64: "DECIMAL(18,4)", kDec128: "DECIMAL(38,6)"} {
		duckType[k] = n
	}
}

// typeCols are the columns -types adds to t, after b.
var typeCols = []struct {
	name string
	k    kind
}{{"h", kShort}, {"c", kChar}, {"f", kFloat}, {"d32", kDec32}, {"d64", kDec64}, {"d128", kDec128},
	{"mo", kMonth}, {"dtm", kDatetime}, {"tm", kTime}, {"mi", kMinute}, {"se", kSecond}, {"nt", kNanots}}

// addTypes adds typeCols to t, and to u a SHORT key uh (h's range) and
// a DECIMAL64 value ud.
func addTypes(r *rand.Rand, t, u *table) {
	for _, c := range typeCols {
		t.names, t.kinds = append(t.names, c.name), append(t.kinds, c.k)
	}
	for j := range t.rows {
		for _, c := range typeCols {
			t.rows[j] = append(t.rows[j], genCell(r, c.k, pNull))
		}
	}
	u.names, u.kinds = append(u.names, "uh", "ud"), append(u.kinds, kShort, kDec64)
	for j := range u.rows {
		u.rows[j] = append(u.rows[j], genCell(r, kShort, pNull), genCell(r, kDec64, pNull))
	}
}

// typedCell is genCell for typeCols' kinds: small values that repeat
// (group keys) with negatives and zeros, and now and then a value near
// the type's limit: SHORT and CHAR next to their NULL sentinel, a
// DECIMAL just inside (-10^(digits-S), 10^(digits-S)).
func typedCell(r *rand.Rand, k kind) cell {
	switch k {
	case kShort:
		if r.IntN(20) == 0 {
			return cell{i: int64(r.IntN(65535) - 32767)}
		}
		return cell{i: int64(r.IntN(15) - 7)}
	case kChar:
		if r.IntN(20) == 0 {
			return cell{i: int64(r.IntN(255) - 127)}
		}
		return cell{i: int64(r.IntN(15) - 7)}
	case kFloat: // quarters: float32 sums and products of these are exact
		return cell{f: float64(r.IntN(401)-200) / 4}
	case kMonth: // 2023.01M to 2024.12M
		return cell{i: 2023*12 + int64(r.IntN(24))}
	case kDatetime:
		return cell{i: (baseDay+int64(r.IntN(10)))*86400 + int64(r.IntN(86400))}
	case kTime:
		return cell{i: int64(r.IntN(23*3600))*1000 + int64(r.IntN(2)*r.IntN(1000))}
	case kMinute: // quarter hours, keys that repeat
		return cell{i: int64(r.IntN(23)*60 + r.IntN(4)*15)}
	case kSecond:
		return cell{i: int64(r.IntN(86000))}
	case kNanots:
		ns := (baseDay+int64(r.IntN(10)))*86400_000_000_000 + int64(r.IntN(86400))*1_000_000_000
		if r.IntN(2) == 0 {
			ns += r.Int64N(1_000_000_000)
		}
		return cell{i: ns}
	}
	dk, ok := decimals[k]
	if !ok {
		panic("kind")
	}
	one := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(dk.scale)), nil)
	var raw *big.Int
	switch r.IntN(25) {
	case 0: // near the limit, either sign
		lim := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(dk.digits)), nil)
		raw = lim.Sub(lim, big.NewInt(1+r.Int64N(1000)))
		if r.IntN(2) == 0 {
			raw.Neg(raw)
		}
	case 1:
		raw = new(big.Int)
	default: // within ±50, any digits of the scale
		raw = new(big.Int).Mul(big.NewInt(int64(r.IntN(101)-50)), one)
		raw.Add(raw, big.NewInt(r.Int64N(one.Int64())))
	}
	return cell{s: decString(raw, dk.scale)}
}

// decString is raw / 10^scale with all scale digits.
func decString(raw *big.Int, scale int) string {
	s := new(big.Int).Abs(raw).String()
	if len(s) <= scale {
		s = strings.Repeat("0", scale-len(s)+1) + s
	}
	if scale > 0 {
		s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	}
	if raw.Sign() < 0 {
		s = "-" + s
	}
	return s
}

// typedDDBLit is ddbLit for typeCols' kinds.
func typedDDBLit(k kind, c cell) string {
	switch k {
	case kShort:
		return fmt.Sprintf("%dh", c.i)
	case kChar:
		return fmt.Sprintf("%dc", c.i)
	case kFloat:
		return fmt.Sprintf("%gf", c.f)
	case kMonth:
		return fmt.Sprintf("%04d.%02dM", c.i/12, c.i%12+1)
	case kDatetime:
		return time.Unix(c.i, 0).UTC().Format("2006.01.02T15:04:05")
	case kTime:
		return time.UnixMilli(c.i).UTC().Format("15:04:05.000")
	case kMinute:
		return fmt.Sprintf("%02d:%02dm", c.i/60, c.i%60)
	case kSecond:
		return time.Unix(c.i, 0).UTC().Format("15:04:05")
	case kNanots:
		return time.Unix(0, c.i).UTC().Format("2006.01.02T15:04:05.000000000")
	}
	dk := decimals[k]
	return fmt.Sprintf("%s(%q, %d)", strings.ToLower(dk.name), c.s, dk.scale)
}

// typedDuckLit is duckLit for typeCols' kinds: counts and numbers as
// they are, a DECIMAL cast to its DuckDB type.
func typedDuckLit(k kind, c cell) string {
	switch k {
	case kFloat:
		return fmt.Sprintf("%g::REAL", c.f)
	case kDec32, kDec64, kDec128:
		return c.s + "::" + duckType[k]
	}
	return fmt.Sprint(c.i)
}

// ddbColumn is the DolphinDB expression of a column of kind k from its
// literals; a DECIMAL column is parsed from strings (a literal near
// DECIMAL128's limit is no DOUBLE), "" being NULL.
func ddbColumn(k kind, cells []cell) string {
	if dk, ok := decimals[k]; ok {
		if len(cells) == 0 {
			return fmt.Sprintf("array(%s(%d), 0)", dk.name, dk.scale)
		}
		lits := make([]string, len(cells))
		for r, c := range cells {
			lits[r] = fmt.Sprintf("%q", c.s)
			if c.null {
				lits[r] = `""`
			}
		}
		return fmt.Sprintf("%s([%s], %d)", strings.ToLower(dk.name), strings.Join(lits, ","), dk.scale)
	}
	if len(cells) == 0 {
		return fmt.Sprintf("array(%s, 0)", strings.ToUpper(ddbType[k]))
	}
	lits := make([]string, len(cells))
	for r, c := range cells {
		lits[r] = ddbLit(k, c)
	}
	// A typed empty vector first keeps an all-NULL column typed.
	return fmt.Sprintf("%s(array(%s, 0) join [%s])", ddbType[k], strings.ToUpper(ddbType[k]), strings.Join(lits, ","))
}

// exactLimit is 2^53: integers beyond it are compared as their digits,
// as a float64 would round them (NANOTIMESTAMP counts).
const exactLimit = 1 << 53

// typedVal is porpVal for DECIMALs, compared exactly as their digits
// without trailing zeros (the scale is compared as the column's type),
// and integers beyond exactLimit. It answers only under -types.
func typedVal(v *value.Vector, i int) (val, bool) {
	if pTypes == 0 {
		return val{}, false
	}
	if v.T.IsDecimal() {
		var raw *big.Int
		switch v.T.Storage() {
		case value.StInt32:
			raw = big.NewInt(int64(v.I32[i]))
		case value.StInt64:
			raw = big.NewInt(v.I64[i])
		default:
			raw = value.Decimal128Big(v.B16[i])
		}
		return val{str: true, s: duckdb.Decimal{Scale: uint8(v.Scale), Value: raw}.String()}, true
	}
	if v.T.Storage() == value.StInt64 && v.Syms == nil && (v.I64[i] > exactLimit || v.I64[i] < -exactLimit) {
		return val{str: true, s: fmt.Sprint(v.I64[i])}, true
	}
	return val{}, false
}

// duckTyped is duckVal's counterpart of typedVal.
func duckTyped(c any) (val, bool) {
	if pTypes == 0 {
		return val{}, false
	}
	switch x := c.(type) {
	case duckdb.Decimal:
		return val{str: true, s: x.String()}, true
	case int64:
		if x > exactLimit || x < -exactLimit {
			return val{str: true, s: fmt.Sprint(x)}, true
		}
	case *big.Int:
		if x.CmpAbs(big.NewInt(exactLimit)) > 0 {
			return val{str: true, s: x.String()}, true
		}
	}
	return val{}, false
}

// typesDiffer runs q on Porpoise and says how its answer's column types
// differ from q.types (DolphinDB's, "" where not checked): the type name,
// and a DECIMAL's scale in parentheses.
func (f *fuzzer) typesDiffer(q query) error {
	v, err := f.s.Run(q.ddb)
	if err != nil {
		return err
	}
	var cols []*value.Vector
	switch x := v.(type) {
	case *value.Vector:
		cols = []*value.Vector{x}
	case *value.Table:
		cols = x.Cols
	}
	var diffs []string
	for c, want := range q.types {
		if want == "" || c >= len(cols) {
			continue
		}
		got := cols[c].T.String()
		if cols[c].T.IsDecimal() {
			got += fmt.Sprintf("(%d)", cols[c].Scale)
		}
		if got != want {
			diffs = append(diffs, fmt.Sprintf("column %d is %s, DolphinDB's is %s", c, got, want))
		}
	}
	if diffs != nil {
		return fmt.Errorf("types differ: %s", strings.Join(diffs, "; "))
	}
	return nil
}

// tcol is the typeCols column of kind k.
func tcol(k kind) expr {
	for _, c := range typeCols {
		if c.k == k {
			return col(c.name, k)
		}
	}
	panic("kind")
}

func (g *gen) tcolOf(ks ...kind) expr { return tcol(ks[g.r.IntN(len(ks))]) }

var decKinds = []kind{kDec32, kDec64, kDec128}

// decType is DolphinDB's type of a DECIMAL kind, as typesDiffer names it.
func decType(k kind) string {
	dk := decimals[k]
	return fmt.Sprintf("%s(%d)", dk.name, dk.scale)
}

// decOf names a DECIMAL type of the width of kind k with scale s.
func decOf(k kind, s int) string { return fmt.Sprintf("%s(%d)", decimals[k].name, s) }

// wider is the wider DECIMAL kind of a and b: DECIMAL32 op DECIMAL64 is
// a DECIMAL64 (tutorials/DECIMAL.md, 3.1, rules 1 to 4).
func wider(a, b kind) kind {
	if decimals[a].digits >= decimals[b].digits {
		return a
	}
	return b
}

var ddbTemporal = map[kind]string{kMonth: "MONTH", kDatetime: "DATETIME", kTime: "TIME", kMinute: "MINUTE", kSecond: "SECOND", kNanots: "NANOTIMESTAMP"}

// typesQuery is one query of -types' shapes.
func (g *gen) typesQuery() query {
	switch g.r.IntN(9) {
	case 0, 1:
		return g.typesWhere()
	case 2, 3:
		return g.typesArith()
	case 4:
		return g.typesGroup()
	case 5:
		return g.typesContext()
	case 6:
		return g.typesTemporal()
	case 7:
		return g.typesOrder()
	default:
		return g.typesJoin()
	}
}

// typesPred is a comparison of a typeCols column: with a literal of its
// kind or, for numbers, of another type (DolphinDB converts the other
// side to DECIMAL64 to compare with a DECIMAL, tutorials/DECIMAL.md 2.3;
// the DOUBLE literals here are quarters, exact at the columns' scales,
// and INT/LONG ones reach past DECIMAL32(2)'s range), with another
// numeric column, between, in and is null. NULL is the smallest value
// (cmp).
func (g *gen) typesPred() expr {
	all := []kind{kShort, kChar, kFloat, kDec32, kDec64, kDec128, kMonth, kDatetime, kTime, kMinute, kSecond, kNanots}
	ops := []string{"==", "!=", "<", "<=", ">", ">="}
	switch g.r.IntN(7) {
	case 0, 1:
		c := g.tcolOf(all...)
		return cmp(g.pick(ops...), c, g.lit(c.k))
	case 2: // a number against a literal of another numeric type
		c := g.tcolOf(kShort, kChar, kFloat, kDec32, kDec64, kDec128)
		var l expr
		switch g.r.IntN(3) {
		case 0:
			n := fmt.Sprint(g.r.IntN(15) - 7)
			l = expr{ddb: n + "l", duck: n}
		case 1:
			n := fmt.Sprint(g.pick("20000000", "-20000000", "3000000000", "99999", "-1"))
			l = expr{ddb: n, duck: n}
		default:
			q := float64(g.r.IntN(401)-200) / 4
			l = expr{ddb: fmt.Sprint(q), duck: fmt.Sprintf("%g::DOUBLE", q)}
			if q == math.Trunc(q) {
				l.ddb += ".0"
			}
		}
		return cmp(g.pick(ops...), c, l)
	case 3: // two numeric columns of different types
		a := g.tcolOf(kShort, kChar, kFloat, kDec32, kDec64, kDec128)
		b := g.pick("i", "l", "d", "h", "d32", "d64")
		return cmp(g.pick(ops...), a, col(b, kInt))
	case 4: // between: NULL, the smallest value, is below any bound
		c := g.tcolOf(all...)
		lo, hi := g.lit(c.k), g.lit(c.k)
		return expr{ddb: fmt.Sprintf("(%s between %s and %s)", c.ddb, lo.ddb, hi.ddb),
			duck: fmt.Sprintf("coalesce(%s between %s and %s, false)", c.duck, lo.duck, hi.duck), k: kBool}
	case 5: // in a list without NULL
		c := g.tcolOf(kShort, kChar, kMonth, kMinute)
		dl, ql := g.litList(c.k, 4)
		return expr{ddb: fmt.Sprintf("(%s in [%s])", c.ddb, dl), duck: fmt.Sprintf("coalesce(%s in (%s), false)", c.duck, ql), k: kBool}
	default:
		c := g.tcolOf(all...)
		not := g.pick("", " not")
		return expr{ddb: fmt.Sprintf("(%s is%s null)", c.ddb, not), duck: fmt.Sprintf("(%s is%s null)", c.duck, not), k: kBool}
	}
}

// typesWhere filters t by one or two typesPreds and selects a few
// columns.
func (g *gen) typesWhere() query {
	p := g.typesPred()
	if g.r.IntN(3) == 0 {
		q := g.typesPred()
		op := g.pick("and", "or")
		p = expr{ddb: fmt.Sprintf("(%s %s %s)", p.ddb, op, q.ddb), duck: fmt.Sprintf("(%s %s %s)", p.duck, op, q.duck), k: kBool}
	}
	c := typeCols[g.r.IntN(len(typeCols))]
	return query{shape: "types where",
		ddb:  fmt.Sprintf("select rid, %s from t where %s", c.name, p.ddb),
		duck: fmt.Sprintf("select rid, %s from t where %s", c.name, p.duck)}
}

// guard keeps the rows where x is NULL or within ±bound: arithmetic on a
// DECIMAL near its limit overflows, which DolphinDB reports as an
// error (tutorials/DECIMAL.md 2.2), and SHORT/CHAR products past their
// range are integer overflow, which the manual leaves open.
func guard(x expr, bound int) (string, string) {
	return fmt.Sprintf("(%s is null or (%s > %d and %s < %d))", x.ddb, x.ddb, -bound, x.ddb, bound),
		fmt.Sprintf("(%s is null or (%s > %d and %s < %d))", x.duck, x.duck, -bound, x.duck, bound)
}

// exactDiv is DuckDB's form of DolphinDB's DECIMAL division a / b, a of
// scale sa (0 for an integer) and b of scale sb: the result keeps a's
// scale and drops the digits past it (tutorials/DECIMAL.md 3.1, "S = S1":
// 1.230 / 2.45 is 0.502; DECIMALs truncate, 5.1: 1.2356789 to three
// places is 1.235), so its unscaled value is trunc(A * 10^sb / B) over the
// unscaled A and B. DuckDB divides DECIMALs in DOUBLE, so this is
// integer division of HUGEINTs, towards zero, scaled back by a DECIMAL
// literal.
func exactDiv(a string, sa int, b string, sb int) string {
	raw := func(x string, s int) string {
		return fmt.Sprintf("cast(%s * %s as HUGEINT)", x, pow10(s))
	}
	num := fmt.Sprintf("(%s * %s)", raw(a, sa), pow10(sb))
	den := raw(b, sb)
	q := fmt.Sprintf("(case when (%s < 0) = (%s < 0) then abs(%s) // abs(%s) else -(abs(%s) // abs(%s)) end)", num, den, num, den, num, den)
	if sa == 0 {
		return fmt.Sprintf("cast(%s as DECIMAL(38,0))", q)
	}
	return fmt.Sprintf("(cast(%s as DECIMAL(38,0)) * 0.%s1)", q, strings.Repeat("0", sa-1))
}

func pow10(s int) string { return "1" + strings.Repeat("0", s) }

// typesArith is arithmetic on typeCols' numbers and temporals. DECIMAL
// with DECIMAL takes the wider type, with scale max(S1, S2) for + and -,
// S1 + S2 for * and S1 for /; an INT or LONG converts to the DECIMAL's
// type with scale 0 first (tutorials/DECIMAL.md 3.1, 3.2), so the types
// are checked. DECIMAL with a DOUBLE is undefined there (3.3) and left
// out; so are division by zero and the integer types' results, which the
// manual does not settle.
func (g *gen) typesArith() query {
	var e expr
	var typ string
	var conds1, conds2 []string
	guardOn := func(x expr, bound int) {
		a, b := guard(x, bound)
		conds1, conds2 = append(conds1, a), append(conds2, b)
	}
	nonZero := func(x expr) {
		c := cmp("!=", x, expr{ddb: "0", duck: "0"})
		conds1, conds2 = append(conds1, c.ddb), append(conds2, c.duck)
	}
	op := g.pick("+", "-", "*", "/")
	switch g.r.IntN(4) {
	case 0: // DECIMAL op DECIMAL
		a, b := tcol(decKinds[g.r.IntN(3)]), tcol(decKinds[g.r.IntN(3)])
		guardOn(a, 1000)
		guardOn(b, 1000)
		sa, sb := decimals[a.k].scale, decimals[b.k].scale
		w := wider(a.k, b.k)
		e = expr{ddb: fmt.Sprintf("%s %s %s", a.ddb, op, b.ddb), duck: fmt.Sprintf("%s %s %s", a.duck, op, b.duck)}
		switch op {
		case "+", "-":
			typ = decOf(w, max(sa, sb))
		case "*":
			typ = decOf(w, sa+sb)
		default:
			nonZero(b)
			typ = decOf(w, sa)
			e.duck = exactDiv(a.duck, sa, b.duck, sb)
		}
	case 1: // DECIMAL op INT/LONG, either side
		d := tcol(decKinds[g.r.IntN(3)])
		n := g.colOf(kInt, kLong)
		guardOn(d, 1000)
		s := decimals[d.k].scale
		a, b, sa, sb := d, n, s, 0
		if g.r.IntN(2) == 0 {
			a, b, sa, sb = n, d, 0, s
		}
		e = expr{ddb: fmt.Sprintf("%s %s %s", a.ddb, op, b.ddb), duck: fmt.Sprintf("%s %s %s", a.duck, op, b.duck)}
		typ = decType(d.k)
		if op == "/" {
			nonZero(b)
			typ = decOf(d.k, sa)
			e.duck = exactDiv(a.duck, sa, b.duck, sb)
		}
	case 2: // SHORT, CHAR, FLOAT with each other and the other numbers;
		// integer / is floor division (funcs/d/div.md)
		a := g.tcolOf(kShort, kChar, kFloat)
		b := g.colOf(kInt, kLong, kDouble)
		if g.r.IntN(2) == 0 {
			b = g.tcolOf(kShort, kChar, kFloat)
		}
		for _, x := range []expr{a, b} {
			switch x.k {
			case kShort:
				guardOn(x, 100)
			case kChar: // CHAR * CHAR within a CHAR
				guardOn(x, 12)
			}
		}
		e = expr{ddb: fmt.Sprintf("%s %s %s", a.ddb, op, b.ddb), duck: fmt.Sprintf("%s %s %s", a.duck, op, b.duck)}
		if op == "/" {
			if a.k == kFloat || b.k == kFloat || b.k == kDouble {
				// DOUBLE division; FLOAT's precision is undocumented, so
				// by a power of two only
				e = expr{ddb: a.ddb + " / 4", duck: fmt.Sprintf("cast(%s as double) / 4", a.duck)}
				if a.k != kFloat {
					e.duck = fmt.Sprintf("floor(%s / 4)", a.duck)
				}
			} else {
				nonZero(b)
				e.duck = fmt.Sprintf("floor(%s / %s)", a.duck, b.duck)
			}
		}
	default: // temporal plus or minus a count of its unit: the same type;
		// MINUTE, SECOND and TIME wrap around the day
		// (progr/data_mani/temp_obj_mani.md: 23:59m+10 is 00:09m)
		c := g.tcolOf(kMonth, kDatetime, kTime, kMinute, kSecond, kNanots)
		n := fmt.Sprint(g.r.IntN(30) + 1)
		if c.k == kTime && g.r.IntN(2) == 0 {
			n = fmt.Sprint(g.r.IntN(2*86400000) + 1)
		}
		op = g.pick("+", "-")
		e = expr{ddb: fmt.Sprintf("%s %s %s", c.ddb, op, n), duck: fmt.Sprintf("%s %s %s", c.duck, op, n)}
		if m, ok := map[kind]int{kMinute: 1440, kSecond: 86400, kTime: 86400000}[c.k]; ok {
			e.duck = fmt.Sprintf("(((%s %s %s) %% %d) + %d) %% %d", c.duck, op, n, m, m, m)
		}
		typ = ddbTemporal[c.k]
	}
	w1, w2 := "", ""
	if len(conds1) > 0 {
		w1, w2 = " where "+strings.Join(conds1, " and "), " where "+strings.Join(conds2, " and ")
	}
	return query{shape: "types arithmetic", types: []string{"", typ},
		ddb:  fmt.Sprintf("select rid, %s as x from t%s", e.ddb, w1),
		duck: fmt.Sprintf("select rid, %s from t%s", e.duck, w2)}
}

// typesAgg is an aggregate of a typeCols column with DolphinDB's result
// type where tutorials/DECIMAL_Calculation_Characteristics.md 1.2 gives
// it for a DECIMAL: sum widens DECIMAL32 to DECIMAL64 and DECIMAL64 to
// DECIMAL128, max/min/first/last keep the type, and the others (avg,
// std, var, med, wavg) are DOUBLE. avg of a DECIMAL sums the unscaled
// values exactly before it divides (1.1: [1.11, 2.22, 3.33] is 666 /
// 10^2 / 3), so DuckDB divides its exact sum too. The DuckDB form has
// {w} after each aggregate call, for a window clause or nothing.
func (g *gen) typesAgg() (expr, string) {
	c := g.tcolOf(kShort, kChar, kFloat, kDec32, kDec64, kDec128, kDec64, kDec32)
	dec := decimals[c.k].name != ""
	dbl := fmt.Sprintf("cast(%s as double)", c.duck)
	f := g.pick("sum", "avg", "min", "max", "count", "first", "last", "std", "var", "med", "wavg")
	typ := ""
	switch f {
	case "sum":
		if dec {
			typ = decOf(map[kind]kind{kDec32: kDec64, kDec64: kDec128, kDec128: kDec128}[c.k], decimals[c.k].scale)
		}
		return expr{ddb: "sum(" + c.ddb + ")", duck: "sum(" + c.duck + "){w}"}, typ
	case "min", "max":
		if dec {
			typ = decType(c.k)
		}
		if g.r.IntN(3) == 0 { // temporal ones keep their type too
			c = g.tcolOf(kMonth, kDatetime, kTime, kMinute, kSecond, kNanots)
			typ = ddbTemporal[c.k]
		}
		return expr{ddb: f + "(" + c.ddb + ")", duck: f + "(" + c.duck + "){w}"}, typ
	case "count":
		return expr{ddb: "count(" + c.ddb + ")", duck: "count(" + c.duck + "){w}"}, ""
	case "first", "last": // the group's first/last row, NULL or not
		if dec {
			typ = decType(c.k)
		}
		return expr{ddb: f + "(" + c.ddb + ")", duck: f + "(" + c.duck + " order by rid){w}"}, typ
	}
	if dec {
		typ = "DOUBLE"
	}
	switch f {
	case "avg":
		if dec {
			return expr{ddb: "avg(" + c.ddb + ")", duck: fmt.Sprintf("(cast(sum(%s){w} as double) / count(%s){w})", c.duck, c.duck)}, typ
		}
		return expr{ddb: "avg(" + c.ddb + ")", duck: "avg(" + dbl + "){w}"}, typ
	case "std", "var":
		return expr{ddb: f + "(" + c.ddb + ")", duck: map[string]string{"std": "stddev_samp", "var": "var_samp"}[f] + "(" + dbl + "){w}"}, typ
	case "med":
		return expr{ddb: "med(" + c.ddb + ")", duck: "quantile_cont(" + dbl + ", 0.5){w}"}, typ
	}
	// wavg weighs X's non-NULL values, weights normalised to sum to 1
	// (funcs/w/wavg.md), positive here so their sum is not 0
	w := "(abs(cast(i as double)) + 1)"
	return expr{ddb: fmt.Sprintf("wavg(%s, abs(i) + 1)", c.ddb),
		duck: fmt.Sprintf("sum(%s * %s){w} / sum(case when %s is not null and %s is not null then %s end){w}", dbl, w, c.duck, w, w)}, typ
}

// sumGuard is a where condition keeping d128's values near its limit
// out of a sum, avg or wavg of it: their sum leaves DECIMAL128's range,
// which the manual does not settle (tutorials/DECIMAL.md 2.2 has
// overflow as an error). It keeps every DECIMAL's near-limit values out
// of std, var and wavg too: those are DOUBLE arithmetic on values whose
// spread is below a DOUBLE's resolution at 1e14, and the manual does not
// say how DolphinDB computes them, so the digits left differ.
func sumGuard(ddb string) (string, string) {
	var c1, c2 []string
	for _, k := range decKinds {
		name := tcol(k).ddb
		fs := []string{"std(", "var(", "wavg("}
		if k == kDec128 {
			fs = append(fs, "sum(", "avg(", "med(")
		}
		for _, f := range fs {
			if strings.Contains(ddb, f+name) {
				a, b := guard(tcol(k), 1000000)
				c1, c2 = append(c1, a), append(c2, b)
				break
			}
		}
	}
	return strings.Join(c1, " and "), strings.Join(c2, " and ")
}

// typesKey is a group-by key: the small integers, the temporals with
// repeats, and hour/month of the others (typesTemporal has their forms).
func (g *gen) typesKey() expr {
	switch g.r.IntN(6) {
	case 0:
		return g.tcolOf(kShort, kChar, kMonth, kMinute)
	case 1:
		return g.colOf(kInt, kSym)
	}
	x, _ := g.temporalOf()
	return x
}

// typesGroup is group by (or context by) on typesKeys with typesAggs.
func (g *gen) typesGroup() query {
	k := g.typesKey()
	a1, t1 := g.typesAgg()
	a2, t2 := g.typesAgg()
	var c1, c2 []string
	if g.r.IntN(2) == 0 {
		p := g.typesPred()
		c1, c2 = append(c1, p.ddb), append(c2, p.duck)
	}
	if x, y := sumGuard(a1.ddb + a2.ddb); x != "" {
		c1, c2 = append(c1, x), append(c2, y)
	}
	w1, w2 := "", ""
	if len(c1) > 0 {
		w1, w2 = " where "+strings.Join(c1, " and "), " where "+strings.Join(c2, " and ")
	}
	if g.r.IntN(3) == 0 {
		// over a group's rows in t's order, the whole group in the frame:
		// first/last take its first/last row
		over := func(a expr) string {
			return strings.ReplaceAll(strings.Replace(a.duck, " order by rid)", ")", 1), "{w}", " over w")
		}
		return query{shape: "types context by aggregate", types: []string{"", t1, t2},
			ddb: fmt.Sprintf("select rid, %s as a1, %s as a2 from t%s context by %s", a1.ddb, a2.ddb, w1, k.ddb),
			duck: fmt.Sprintf("select rid, %s, %s from t%s window w as (partition by %s order by rid rows between unbounded preceding and unbounded following)",
				over(a1), over(a2), w2, k.duck)}
	}
	plain := func(a expr) string { return strings.ReplaceAll(a.duck, "{w}", "") }
	return query{shape: "types group by", types: []string{"", t1, t2},
		ddb:  fmt.Sprintf("select %s as a1, %s as a2 from t%s group by %s", a1.ddb, a2.ddb, w1, k.ddb),
		duck: fmt.Sprintf("select %s, %s, %s from t%s group by %s", k.duck, plain(a1), plain(a2), w2, k.duck)}
}

// typesContext is a cumulative or moving function of a typeCols column
// per context by group, in t's order (funcs/themes/mFunctions.md: a
// group's first n-1 rows are NULL, later windows use their non-NULL
// values). cumsum/msum widen a DECIMAL as sum does, cummax/cummin/mmax/
// mmin keep it, mavg is DOUBLE
// (tutorials/DECIMAL_Calculation_Characteristics.md 1.2).
func (g *gen) typesContext() query {
	c := g.tcolOf(kShort, kChar, kFloat, kDec32, kDec64, kDec128)
	k := g.typesKey()
	dec := decimals[c.k].name != ""
	f := g.pick("cumsum", "cummax", "cummin", "msum", "mavg", "mmax", "mmin")
	typ := ""
	if dec {
		switch f {
		case "cumsum", "msum":
			typ = decOf(map[kind]kind{kDec32: kDec64, kDec64: kDec128, kDec128: kDec128}[c.k], decimals[c.k].scale)
		case "mavg":
			typ = "DOUBLE"
		default:
			typ = decType(c.k)
		}
	}
	part := "partition by " + k.duck + " order by rid"
	agg := map[string]string{"cumsum": "sum", "cummax": "max", "cummin": "min", "msum": "sum", "mavg": "avg", "mmax": "max", "mmin": "min"}[f]
	x := c.duck
	if f == "mavg" {
		x = "cast(" + x + " as double)"
	}
	frame := "rows between unbounded preceding and current row"
	ddb := f + "(" + c.ddb + ")"
	n := 2 + g.r.IntN(3)
	if f[0] == 'm' {
		ddb = fmt.Sprintf("%s(%s, %d)", f, c.ddb, n)
		frame = fmt.Sprintf("rows between %d preceding and current row", n-1)
	}
	duck := fmt.Sprintf("%s(%s) over (%s %s)", agg, x, part, frame)
	if f == "mavg" && dec {
		// mavg of a DECIMAL is exact, as moving(avg, ...) is: no running
		// sum's rounding (DECIMAL_Calculation_Characteristics.md 4)
		duck = fmt.Sprintf("cast(sum(%s) over (%s %s) as double) / count(%s) over (%s %s)", c.duck, part, frame, c.duck, part, frame)
	}
	if f[0] == 'm' {
		duck = fmt.Sprintf("case when row_number() over (%s) >= %d then %s end", part, n, duck)
	}
	w1, w2 := "", ""
	if f == "cumsum" || f == "msum" || f == "mavg" {
		if c.k == kDec128 {
			w1, w2 = guard(c, 1000000)
			w1, w2 = " where "+w1, " where "+w2
		}
	}
	return query{shape: "types context by " + f, types: []string{"", typ},
		ddb:  fmt.Sprintf("select rid, %s as x from t%s context by %s", ddb, w1, k.ddb),
		duck: fmt.Sprintf("select rid, %s from t%s", duck, w2)}
}

// temporalOf is a temporal conversion of a typeCols temporal (or dt,
// ts) with its DolphinDB type: month() is a MONTH, date() a DATE,
// second() a SECOND and minute() a MINUTE (funcs/m/month.md,
// funcs/d/date.md, funcs/s/second.md, funcs/m/minute.md), hour() an INT
// (funcs/h/hour.md). DuckDB computes each from the stored counts.
func (g *gen) temporalOf() (expr, string) {
	type src struct {
		ddb  string
		days string // days since 1970, for month and date; "" if none
		sod  string // seconds of the day; "" if none
	}
	srcs := []src{
		{"dtm", "(dtm // 86400)", "(dtm % 86400)"},
		{"nt", "(nt // 86400000000000)", "((nt % 86400000000000) // 1000000000)"},
		{"tm", "", "(tm // 1000)"},
		{"se", "", "se"},
		{"mi", "", "(mi * 60)"},
		{"mo", "", ""},
		{"dt", "(dt - DATE '1970-01-01')", ""},
		{"ts", "(epoch_ms(ts) // 86400000)", "((epoch_ms(ts) % 86400000) // 1000)"},
	}
	for {
		s := srcs[g.r.IntN(len(srcs))]
		f := g.pick("month", "date", "second", "minute", "hour")
		day := func(days string) string { return "(DATE '1970-01-01' + cast(" + days + " as integer))" }
		var d, typ string
		switch {
		case f == "month" && s.ddb == "mo":
			d, typ = "mo", "MONTH"
		case f == "month" && s.days != "":
			d, typ = fmt.Sprintf("(year(%s) * 12 + month(%s) - 1)", day(s.days), day(s.days)), "MONTH"
		case f == "date" && s.days != "":
			d, typ = s.days, "DATE"
		case f == "second" && s.sod != "":
			d, typ = s.sod, "SECOND"
		case f == "minute" && s.sod != "":
			d, typ = "("+s.sod+" // 60)", "MINUTE"
		case f == "hour" && s.sod != "":
			d, typ = "("+s.sod+" // 3600)", "INT"
		default:
			continue
		}
		if s.ddb == "dt" || s.ddb == "ts" {
			// DATE and TIMESTAMP read back as days and milliseconds; the
			// answer is a count in either case
			if f == "date" && s.ddb == "dt" {
				d = "dt"
			}
		}
		return expr{ddb: f + "(" + s.ddb + ")", duck: d, nullable: true}, typ
	}
}

// typesTemporal selects temporal conversions and checks their types.
func (g *gen) typesTemporal() query {
	a, ta := g.temporalOf()
	b, tb := g.temporalOf()
	return query{shape: "types temporal", types: []string{"", ta, tb},
		ddb:  fmt.Sprintf("select rid, %s as x1, %s as x2 from t", a.ddb, b.ddb),
		duck: fmt.Sprintf("select rid, %s, %s from t", a.duck, b.duck)}
}

// typesOrder orders by a typeCols column (NULL first ascending, last
// descending, progr/data_mani/sort_null.md), then rid, with a limit.
func (g *gen) typesOrder() query {
	c := typeCols[g.r.IntN(len(typeCols))]
	desc := g.r.IntN(2) == 0
	dir := map[bool]string{false: "asc", true: "desc"}[desc]
	n := 1 + g.r.IntN(40)
	return query{shape: "types order by", ordered: true,
		ddb:  fmt.Sprintf("select rid, %s from t order by %s %s, rid limit %d", c.name, c.name, dir, n),
		duck: fmt.Sprintf("select rid, %s from t order by %s, rid limit %d", c.name, duckOrder(c.name, desc), n)}
}

// typesJoin joins t and u on the SHORT keys h and uh (NULL keys match
// nothing, enableNullSafeJoin's default).
func (g *gen) typesJoin() query {
	kind, fn := "inner join", "ej"
	if g.r.IntN(2) == 0 {
		kind, fn = "left join", "lj"
	}
	if g.r.IntN(2) == 0 {
		return query{shape: "types join + group by", usesU: true, types: []string{"", decOf(kDec128, 4)},
			ddb:  fmt.Sprintf("select sum(ud) as x from %s(t, u, `h, `uh) group by h", fn),
			duck: fmt.Sprintf("select h, sum(ud) from t %s u on t.h = u.uh group by h", kind)}
	}
	return query{shape: "types join", usesU: true,
		ddb:  fmt.Sprintf("select rid, h, ud, d32 from %s(t, u, `h, `uh)", fn),
		duck: fmt.Sprintf("select rid, h, ud, d32 from t %s u on t.h = u.uh", kind)}
}
