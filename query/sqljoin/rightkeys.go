package sqljoin

import (
	"strings"

	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/value"
)

// HiddenPrefix starts the name of a column a query adds for its own use
// (a SQL join's lookup columns, analytic placeholders), after the
// table's own columns; select * leaves such columns out.
const HiddenPrefix = "\x00"

// Unqualified is the key of a join's qualification map whose entries
// resolve unqualified column names (lower-case column -> column of the
// result) before the result's own columns.
const Unqualified = ""

// addLeftKeys gives a right join the left side's matching columns (on.lk,
// which the ON clause names on.tables[k].on.cols[k]) as hidden columns,
// NULL where a right row matched nothing: DolphinDB looks an unqualified
// column up in the left table first, so `select id` (and t1.id) is NULL
// there, while select * shows the right table's id (rightjoin.md).
func addLeftKeys(h Host, lv value.Value, on onParts, res *join.Result, qual map[string]map[string]string) error {
	return addKeys(h, lv, on.lk, on.tables, on.cols, res.LeftRows, res, qual, true)
}

// addRightKeys gives a left or left semi join the right side's matching
// columns (on.rk, which the ON clause names on.rtables[k].on.rcols[k]) as
// hidden columns for their qualified names, NULL where a left row matched
// nothing, so `where t2.id != NULL` keeps the matched rows, as
// error_codes/S02042.md's rewrite of exists relies on. The unqualified
// name stays the left table's.
func addRightKeys(h Host, rv value.Value, on onParts, res *join.Result, qual map[string]map[string]string) error {
	return addKeys(h, rv, on.rk, on.rtables, on.rcols, res.RightRows, res, qual, false)
}

// addKeys appends the key columns keys of one side of a join (v), which
// the ON clause names tables[k].cols[k], to res as hidden columns gathered
// by that side's rows, and points their qualified names (and, when
// unqualified, their bare names) at them.
func addKeys(h Host, v value.Value, keys, tables, cols []string, rows []int, res *join.Result, qual map[string]map[string]string, unqualified bool) error {
	t, err := joinTable(h, v)
	if err != nil {
		return err
	}
	pos, err := join.ColumnPositions(t, keys)
	if err != nil {
		return err
	}
	names := append([]string(nil), res.T.Names...)
	out := append([]*value.Vector(nil), res.T.Cols...)
	unq := qual[Unqualified]
	if unqualified && unq == nil {
		unq = map[string]string{}
		qual[Unqualified] = unq
	}
	for k, c := range pos {
		hidden := HiddenPrefix + tables[k] + "." + cols[k]
		names = append(names, hidden)
		out = append(out, value.GatherOrNull(t.Cols[c], rows))
		if unqualified {
			unq[strings.ToLower(t.Names[c])] = hidden
		}
		if q := qual[strings.ToLower(tables[k])]; q != nil {
			q[strings.ToLower(cols[k])] = hidden
		}
	}
	res.T = value.NewTable(names, out)
	return nil
}

// hiddenLast moves the hidden columns of t (those of a right join that
// a further join followed) after its own, where select * leaves them out.
func hiddenLast(t *value.Table) *value.Table {
	hidden := func(i int) bool { return strings.HasPrefix(t.Names[i], HiddenPrefix) }
	first := 0
	for first < len(t.Names) && !hidden(first) {
		first++
	}
	last := len(t.Names) - 1
	for last >= first && hidden(last) {
		last--
	}
	if last < first {
		return t
	}
	names := make([]string, 0, len(t.Names))
	cols := make([]*value.Vector, 0, len(t.Names))
	for _, want := range []bool{false, true} {
		for i, n := range t.Names {
			if hidden(i) == want {
				names, cols = append(names, n), append(cols, t.Cols[i])
			}
		}
	}
	return value.NewTable(names, cols)
}

// bareRightNames lets a query name a right table's column by its bare
// name where the join's result has no column of that name and the left
// side none either: the right key tagId of ej(sensors, tagInfo, `id,
// `tagId), whose values the result keeps under the left key's name, is
// tagId in the select list (tutorials/iot_examples.md). right maps the
// right table's columns (lower case) to the result's, left the left's.
func bareRightNames(t *value.Table, left, right map[string]string, qual map[string]map[string]string) {
	for c, to := range right {
		if _, ok := left[c]; ok || t.Column(c) != nil {
			continue
		}
		unq := qual[Unqualified]
		if unq == nil {
			unq = map[string]string{}
			qual[Unqualified] = unq
		}
		if _, ok := unq[c]; !ok {
			unq[c] = to
		}
	}
}
