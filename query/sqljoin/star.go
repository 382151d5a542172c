package sqljoin

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Visible is t without the columns a SQL join added for lookups only.
func Visible(t *value.Table) *value.Table {
	if len(t.Names) == 0 || !strings.HasPrefix(t.Names[len(t.Names)-1], HiddenPrefix) {
		return t
	}
	n := len(t.Names)
	for n > 0 && strings.HasPrefix(t.Names[n-1], HiddenPrefix) {
		n--
	}
	return value.NewTable(t.Names[:n], t.Cols[:n])
}

// Star is what `*` (table "") or `t.*` in a select list gives over src, a
// query's FROM table: its visible columns, or those of them that the
// table t names. qual is the join's qualification of src's columns (nil
// when FROM is no join) and from the name FROM gives its one table.
func Star(src *value.Table, qual map[string]map[string]string, from, table string) (*value.Table, error) {
	shown := Visible(src)
	if table == "" {
		return shown, nil
	}
	if qual == nil {
		if !strings.EqualFold(table, from) {
			return nil, unknownTable(table)
		}
		return shown, nil
	}
	cols, ok := qual[strings.ToLower(table)]
	if !ok {
		return nil, unknownTable(table)
	}
	mine := make(map[string]bool, len(cols))
	for _, n := range cols {
		mine[n] = true
	}
	var names []string
	var vals []*value.Vector
	for i, n := range shown.Names {
		if mine[n] {
			names = append(names, n)
			vals = append(vals, shown.Cols[i])
		}
	}
	return value.NewTable(names, vals), nil
}

// unknownTable is DolphinDB's error for t.* naming a table FROM lacks
// (error_codes/S02059.md).
func unknownTable(t string) error {
	return ddberr.Errorf("Cannot recognize table name or alias '%s'. RefId: S02059", t)
}
