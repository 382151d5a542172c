package dfs

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// maxTableComment is the longest table comment setTableComment accepts.
const maxTableComment = 4096

// SetComment sets the table's comment (setTableComment), persisted with
// its schema.
func (t *Table) SetComment(comment string) error {
	if len(comment) > maxTableComment {
		return ddberr.Errorf("The length of table comment must not exceed %d bytes.", maxTableComment)
	}
	t.ddlMu.Lock() // a column change writes the catalog entry too
	defer t.ddlMu.Unlock()
	t.db.mu.Lock()
	defer t.db.mu.Unlock()
	old := t.comment
	t.comment = comment
	if err := t.db.cat.saveTable(t); err != nil {
		t.comment = old
		return err
	}
	return nil
}

// SetColumnComments sets the comments of the named columns
// (setColumnComment), persisted with the schema; a name that is not a
// column fails the whole call.
func (t *Table) SetColumnComments(comments map[string]string) error {
	t.ddlMu.Lock() // a column change writes the catalog entry too
	defer t.ddlMu.Unlock()
	for name := range comments {
		if t.column(name) < 0 {
			return ddberr.Errorf("The column [%s] does not exist in table [%s].", name, t.name)
		}
	}
	t.db.mu.Lock()
	defer t.db.mu.Unlock()
	old := t.colComments
	next := make(map[string]string, len(old)+len(comments))
	for k, v := range old {
		next[k] = v
	}
	for k, v := range comments {
		next[t.sc().names[t.column(k)]] = v
	}
	t.colComments = next
	if err := t.db.cat.saveTable(t); err != nil {
		t.colComments = old
		return err
	}
	return nil
}

// column is the position of the column called name (case-insensitive, as
// DolphinDB's column names are), or -1.
func (t *Table) column(name string) int {
	for i, n := range t.sc().names {
		if strings.EqualFold(n, name) {
			return i
		}
	}
	return -1
}

// commentsInto fills colDefs' comment column and, when the table has one,
// adds schema()'s tableComment entry.
func (t *Table) commentsInto(colDefs *value.Table, put func(string, value.Value)) {
	t.db.mu.Lock()
	comment, cols := t.comment, t.colComments
	t.db.mu.Unlock()
	if comment != "" {
		put("tableComment", value.NewString(comment))
	}
	if len(cols) == 0 || colDefs == nil {
		return
	}
	var names, out *value.Vector
	for i, n := range colDefs.Names {
		switch n {
		case "name":
			names = colDefs.Cols[i]
		case "comment":
			out = colDefs.Cols[i]
		}
	}
	if names == nil || out == nil || out.T != value.String || len(out.Str) != names.Len() {
		return
	}
	for i, n := range names.Strings() {
		if c, ok := cols[n]; ok {
			out.Str[i] = c
		}
	}
}

// AddColumns appends columns to the schema (addColumn), persisted with
// it; the rows already stored read NULL in them (storage fills a column a
// block lacks), and a chunk keeps taking appends of the old width until
// one of the new width reaches it.
func (t *Table) AddColumns(ctx context.Context, names []string, types []value.Type, scales []int32) (err error) {
	defer audit.AddedColumns(ctx, time.Now(), t.db.path, t.name, names, types, scales, &err)
	t.ddlMu.Lock()
	defer t.ddlMu.Unlock()
	for i, n := range names {
		if types[i] == value.IOTAny {
			return ddberr.Errorf("Can't add an IOTANY column.")
		} else if t.column(n) >= 0 || slices.ContainsFunc(names[:i], func(m string) bool { return strings.EqualFold(m, n) }) {
			return ddberr.Errorf("The column [%s] already exists in the table.", n)
		}
	}
	cur := t.sc()
	next := &colSchema{names: append(slices.Clip(cur.names), names...), types: append(slices.Clip(cur.types), types...),
		scales: append(slices.Clip(cur.scales), scales...), partCols: cur.partCols, sortCols: cur.sortCols,
		kind: cur.kind, keyCols: cur.keyCols, compress: cur.compress}
	t.db.mu.Lock()
	comments := t.colComments
	t.db.mu.Unlock()
	return t.alterSchema(ctx, next, comments, func(m *value.Table) (*value.Table, error) {
		wider := value.NewTable(slices.Clone(m.Names), slices.Clone(m.Cols))
		wider.AddNullColumns(names, types, scales)
		return wider, nil
	}, false)
}
