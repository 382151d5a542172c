package main

import (
	"fmt"
	"strings"
)

// pruneQuery is a query whose where clause constrains t's partitioning
// columns in the forms a partition pruner has to reason about: literals of
// another type than the column (a DATE column against TIMESTAMP, MONTH
// and DATETIME literals, an INT column against DOUBLE and LONG ones),
// functions of the column (date(ts), month(dt), i % 3, upper(s)),
// between with its bounds either way round, in with a range or a list,
// NULL, not, and or/and with other columns.
//
// Its reference is Porpoise itself on the in-memory copy t0 of the DFS
// table t (the query's duck side names t0 and runs on Porpoise): pruning
// must not change an answer, so the two must agree whatever DolphinDB's
// rules for those mixed comparisons are, an error included. Rows are in
// rid order in both (schemes.go), so order-sensitive forms (top without
// order by, first/last, cumsum in context by) are checked as well.
func (g *gen) pruneQuery() query {
	var p string
	if g.r.IntN(3) == 0 {
		p = fmt.Sprintf("(%s %s %s)", g.prunePred(), g.pick("and", "or"), g.prunePred())
	} else {
		p = g.prunePred()
	}
	if g.r.IntN(4) == 0 {
		p = fmt.Sprintf("(%s and %s)", p, g.pred(1).ddb)
	}
	q := func(shape, ddb string, ordered bool) query {
		return query{shape: "prune: " + shape, ddb: ddb, duck: strings.Replace(ddb, " from t ", " from t0 ", 1), ordered: ordered, self: true}
	}
	switch g.r.IntN(8) {
	case 0, 1:
		return q("filter", "select rid, i, l, s, dt, ts from t where "+p, false)
	case 2:
		return q("count, sum", "select count(*), sum(l), min(dt), max(ts) from t where "+p, false)
	case 3:
		return q("group by", fmt.Sprintf("select count(*), sum(i), avg(d) from t where %s group by %s", p, g.pick("s", "dt", "i", "s, dt")), false)
	case 4:
		return q("exec", "exec rid from t where "+p, true)
	case 5:
		return q("top", fmt.Sprintf("select top %d rid, l from t where %s", 1+g.r.IntN(20), p), true)
	case 6:
		return q("first/last", fmt.Sprintf("select first(rid), last(rid), first(l), last(d) from t where %s group by %s", p, g.pick("s", "i", "dt")), false)
	default:
		return q("context by", fmt.Sprintf("select rid, cumsum(l), mavg(d, 3), prev(i) from t where %s context by %s", p, g.pick("s", "i", "dt")), false)
	}
}

// prunePred is one condition on a column t may be partitioned by.
func (g *gen) prunePred() string {
	op := g.pick("==", "!=", "<", "<=", ">", ">=")
	day := func() string { // 2023.12.12 .. 2024.03.10, the generated dates
		return fmt.Sprintf("(2024.01.01 + %d)", g.r.IntN(90)-20)
	}
	dlit := func() string { // a date literal as DolphinDB writes it
		d := 1 + g.r.IntN(28)
		m := g.pick("12", "01", "02", "03")
		y := "2024"
		if m == "12" {
			y = "2023"
		}
		return fmt.Sprintf("%s.%s.%02d", y, m, d)
	}
	switch g.r.IntN(9) {
	case 0: // DATE column, literals of several temporal types
		lit := g.pick(dlit(), dlit()+"T"+g.pick("00:00:00", "12:30:00", "23:59:59"), dlit()+"T12:00:00.500", g.pick("2024.01M", "2024.02M", "2023.12M"), "NULL", day())
		switch g.r.IntN(5) {
		case 0:
			return fmt.Sprintf("(dt between %s and %s)", dlit(), dlit())
		case 1:
			return fmt.Sprintf("(dt in [%s, %s, %s])", dlit(), dlit(), dlit())
		case 2:
			return fmt.Sprintf("(dt in %s..%s)", dlit(), dlit())
		}
		return fmt.Sprintf("(dt %s %s)", op, lit)
	case 1: // functions of the DATE column
		switch g.r.IntN(6) {
		case 0:
			return fmt.Sprintf("(month(dt) %s %s)", op, g.pick("2024.01M", "2024.02M", "2023.12M"))
		case 1:
			return fmt.Sprintf("(date(dt) %s %s)", op, dlit())
		case 2:
			return fmt.Sprintf("(dt + %d %s %s)", g.r.IntN(10)-5, op, dlit())
		case 3:
			return fmt.Sprintf("(weekday(dt) %s %d)", op, g.r.IntN(7))
		case 4:
			return fmt.Sprintf("(year(dt) %s %s)", op, g.pick("2023", "2024"))
		default:
			return fmt.Sprintf("(dayOfMonth(dt) %s %d)", op, 1+g.r.IntN(28))
		}
	case 2: // TIMESTAMP column, DATE and finer literals, date(ts)
		switch g.r.IntN(6) {
		case 0:
			return fmt.Sprintf("(ts %s %s)", op, dlit())
		case 1:
			return fmt.Sprintf("(date(ts) %s %s)", op, dlit())
		case 2:
			// between compares only one temporal type
			// (ddb_comparison_rules_of_time_types.md), so TIMESTAMP bounds.
			return fmt.Sprintf("(ts between %sT00:00:00.000 and %sT12:00:00.000)", dlit(), dlit())
		case 3:
			return fmt.Sprintf("(date(ts) in [%s, %s])", dlit(), dlit())
		case 4:
			return fmt.Sprintf("(ts %s %sT%02d:%02d:00.000)", op, dlit(), g.r.IntN(24), g.r.IntN(60))
		default:
			return fmt.Sprintf("(ts %s %sT%02d:00:00)", op, dlit(), g.r.IntN(24))
		}
	case 3: // INT column against other numeric types
		lit := g.pick(fmt.Sprint(g.r.IntN(15)-7), fmt.Sprintf("%d.5", g.r.IntN(15)-7), fmt.Sprintf("%dl", g.r.IntN(15)-7), fmt.Sprintf("%dh", g.r.IntN(15)-7), "NULL", "2.0")
		switch g.r.IntN(5) {
		case 0:
			return fmt.Sprintf("(i between %s and %s)", g.pick("-2.5", "-3", "0", "4l"), g.pick("3.5", "5", "-1", "2h"))
		case 1:
			return fmt.Sprintf("(i in [%d, %d, %s])", g.r.IntN(15)-7, g.r.IntN(15)-7, g.pick("3", "NULL", "100"))
		case 2:
			return fmt.Sprintf("(i in %d..%d)", g.r.IntN(15)-7, g.r.IntN(15)-7)
		}
		return fmt.Sprintf("(i %s %s)", op, lit)
	case 4: // functions of the INT column
		switch g.r.IntN(4) {
		case 0:
			return fmt.Sprintf("(i %% 3 %s %d)", op, g.r.IntN(5)-2)
		case 1:
			return fmt.Sprintf("(abs(i) %s %d)", op, g.r.IntN(6))
		case 2:
			return fmt.Sprintf("(-i %s %d)", op, g.r.IntN(15)-7)
		default:
			return fmt.Sprintf("(i * 2 + 1 %s %d)", op, g.r.IntN(31)-15)
		}
	case 5: // LONG column
		switch g.r.IntN(4) {
		case 0:
			return fmt.Sprintf("(l between %d and %d)", g.r.IntN(2001)-1000, g.r.IntN(2001)-1000)
		case 1:
			return fmt.Sprintf("(l %s %d.5)", op, g.r.IntN(2001)-1000)
		case 2:
			return fmt.Sprintf("(l in [%d, %d, %d])", g.r.IntN(2001)-1000, g.r.IntN(2001)-1000, g.r.IntN(2001)-1000)
		default:
			return fmt.Sprintf("(l %s %d)", op, g.r.IntN(2001)-1000)
		}
	case 6: // SYMBOL column
		sym := func() string { return symbols[g.r.IntN(len(symbols))] }
		switch g.r.IntN(8) {
		case 0:
			return fmt.Sprintf("(s in [%q, %q])", sym(), sym())
		case 1:
			return fmt.Sprintf("(s in `%s`%s)", sym(), sym())
		case 2:
			return fmt.Sprintf("(s between %q and %q)", sym(), sym())
		case 3:
			return fmt.Sprintf("(s like %q)", g.pick("A%", "%b", "?", "a?c", "%"))
		case 4:
			return fmt.Sprintf("(upper(s) %s %q)", op, strings.ToUpper(sym()))
		case 5:
			return fmt.Sprintf("(s %s NULL)", op)
		case 6:
			return fmt.Sprintf("(s %s `%s)", op, sym())
		default:
			return fmt.Sprintf("(s %s %q)", op, sym())
		}
	case 7: // not, isNull
		return g.pick(fmt.Sprintf("not(dt %s %s)", op, dlit()), fmt.Sprintf("not(s == %q)", symbols[g.r.IntN(len(symbols))]),
			"isNull(dt)", "not isNull(s)", fmt.Sprintf("not(i in [%d, %d])", g.r.IntN(15)-7, g.r.IntN(15)-7))
	default: // rid: the default scheme's partitioning column, the keyed kinds' key
		rid := func() int { return g.r.IntN(2200) - 100 }
		switch g.r.IntN(4) {
		case 0:
			return fmt.Sprintf("(rid in [%d, %d, %d])", rid(), rid(), rid())
		case 1:
			return fmt.Sprintf("(s == %q and rid == %d)", symbols[g.r.IntN(len(symbols))], rid())
		case 2:
			return fmt.Sprintf("(s in [%q, %q] and rid in %d..%d)", symbols[g.r.IntN(len(symbols))], symbols[g.r.IntN(len(symbols))], rid(), rid())
		}
		return fmt.Sprintf("(rid %s %d)", op, rid())
	}
}
