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

// addLeftKeys gives a right join the left table's matching columns as
// hidden columns, NULL where a right row matched nothing: DolphinDB looks
// an unqualified column up in the left table first, so `select id` (and
// t1.id) is NULL there, while select * shows the right table's id
// (rightjoin.md).
func addLeftKeys(h Host, lv value.Value, lk []string, res *join.Result, qual map[string]map[string]string, lname string) error {
	lt, err := joinTable(h, lv)
	if err != nil {
		return err
	}
	pos, err := join.ColumnPositions(lt, lk)
	if err != nil {
		return err
	}
	names := append([]string(nil), res.T.Names...)
	cols := append([]*value.Vector(nil), res.T.Cols...)
	unq := map[string]string{}
	for k, c := range pos {
		hidden := HiddenPrefix + lname + "." + lt.Names[c]
		names = append(names, hidden)
		cols = append(cols, value.GatherOrNull(lt.Cols[c], res.LeftRows))
		key := strings.ToLower(lk[k])
		unq[key] = hidden
		qual[strings.ToLower(lname)][key] = hidden
	}
	qual[Unqualified] = unq
	res.T = value.NewTable(names, cols)
	return nil
}
