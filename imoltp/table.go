package imoltp

import (
	"fmt"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// table is an IMOLTP table: t is the table scripts see; saved is a copy
// of its committed rows, which an update that breaks a unique key is
// undone from and checkpoints are written from. A transaction block
// works on a private copy of each table it uses (txn.go), whose tx is
// the block's and whose base is the table.
type table struct {
	db      *DB
	name    string
	t       *value.Table
	saved   *value.Table
	indexes []*index
	// ids is each row's id, growing with its position; the indexes
	// name rows by id. nextID is the next appended row's.
	ids    []int64
	nextID int64
	// version grows with every committed change; a private copy keeps
	// the one its base had when it was taken.
	version uint64
	tx      *txn
	base    *table
	dirty   bool   // a private copy that was changed
	recs    []byte // the redo records of a private copy's changes
	// Conflicts are per row (merge.go): keys maps, index by index, each
	// unique key a change wrote (old and new) to the version it made
	// (kept while copies > 0 private copies of the table are open), or
	// in a private copy to 1; all is the version of the last change of
	// every row (a rewrite), or 1 in a copy that made one.
	keys    []map[string]uint64
	all     uint64
	copies  int
	merging bool // a commit applies a block's changes, logged already
}

// Published implements value.Publisher; Appended does the work.
func (tb *table) Published(*value.Table, int) {}

// Undefining implements value.Publisher: the variable may go, the table
// stays in its database.
func (tb *table) Undefining(*value.Table) error { return nil }

// Appended implements insert.Durable: the new rows must not repeat a
// unique key; then they are logged. The caller holds t.Mu, which every
// reader of the rows and indexes takes.
func (tb *table) Appended(t *value.Table, from int) error {
	if t.Rows() == from {
		return nil
	}
	st := tb.db.st
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := tb.live(); err != nil {
		return err
	}
	return tb.appended(t, from)
}

// appended is Appended under st.mu.
func (tb *table) appended(t *value.Table, from int) error {
	added, err := tb.checkNew(t, from)
	if err != nil {
		return err
	}
	batch := value.NewTable(t.Names, make([]*value.Vector, len(t.Cols)))
	for i, c := range t.Cols {
		batch.Cols[i] = c.Slice(from, t.Rows()).Clone()
	}
	if err := tb.logChange(kindAppend, batch); err != nil {
		return err
	}
	tb.addKeys(added, from)
	for i, c := range batch.Cols {
		tb.saved.Cols[i].AppendVector(c)
	}
	tb.note(t, value.Iota(t.Rows())[from:])
	return nil
}

// Rewritten implements insert.Durable: after an update or delete the
// indexes are built again; when a unique key repeats, the table gets
// its committed rows back and the statement fails.
func (tb *table) Rewritten(t *value.Table) error {
	st := tb.db.st
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := tb.live(); err != nil {
		return err
	}
	return tb.rewrite(t)
}

// rewrite is Rewritten under st.mu.
func (tb *table) rewrite(t *value.Table) error {
	err := tb.checkShape(t)
	if err == nil {
		err = tb.rebuild()
	}
	if err == nil {
		err = tb.logChange(kindRewrite, t)
	}
	if err == nil {
		tb.noteAll()
	}
	if err != nil {
		back := value.DeepCopy(tb.saved).(*value.Table)
		t.Names, t.Cols = back.Names, back.Cols
		if rerr := tb.rebuild(); rerr != nil {
			return rerr
		}
		return err
	}
	tb.saved = value.DeepCopy(t).(*value.Table)
	return nil
}

// logChange logs a change of the table's rows (vals follow the table's
// path and name in the record): a private copy keeps it for its block's commit; the
// table itself commits it at once, as a statement outside a block is a
// transaction of its own. Callers hold st.mu.
func (tb *table) logChange(kind byte, vals ...value.Value) error {
	st := tb.db.st
	vals = append([]value.Value{value.NewString(tb.db.path), value.NewString(tb.name)}, vals...)
	if tb.tx != nil {
		if tb.tx.done {
			return ddberr.Errorf("The transaction this copy of IMOLTP table [%s] belongs to has ended. Load the table again.", tb.name)
		}
		tb.dirty = true
		if st.redoOn() {
			rec, err := encodeRecord(kind, vals...)
			if err != nil {
				return err
			}
			tb.recs = append(tb.recs, rec...)
		}
		return nil
	}
	if tb.merging {
		return nil // the commit logged the block's changes
	}
	if err := st.log(kind, vals...); err != nil {
		return err
	}
	tb.version++
	return nil
}

// live fails once the table or its database was dropped.
func (tb *table) live() error {
	db := tb.db
	if tb.base != nil {
		return tb.base.live()
	}
	if db.st.dbs[db.path] != db || db.tables[tb.name] != tb {
		return ddberr.Errorf("The IMOLTP table %s of database %s was dropped.", tb.name, db.path)
	}
	return nil
}

// checkShape refuses an update that added a column, and any other
// change of the columns (the functions that change them refuse IMOLTP
// tables already; the indexes name columns by position).
func (tb *table) checkShape(t *value.Table) error {
	if len(t.Cols) != len(tb.saved.Cols) {
		for _, n := range t.Names {
			if tb.saved.ColumnIndex(n) < 0 {
				return ddberr.Errorf("The column [%s] doesn't exist in the table.", n)
			}
		}
	}
	if !slices.Equal(t.Names, tb.saved.Names) {
		return ddberr.Errorf("%s is not supported for an IMOLTP table.", "Changing the columns")
	}
	return nil
}

// keyType checks that a column of type ty can be part of a key (S07004).
func keyType(ty value.Type) error {
	switch {
	case ty == value.Char, ty == value.Bool, ty == value.Short, ty == value.Int, ty == value.Long, ty == value.String:
		return nil
	case ty.IsTemporal() && !ty.IsArray():
		return nil
	}
	return ddberr.Errorf("Data type %s is not supported as index key. Supported data types include CHAR, BOOL, SHORT, INT, LONG, STRING, and temporal types. RefId: S07004", ty)
}

// record is the table's creation record with rows as its rows.
func (tb *table) record(rows *value.Table) ([]byte, error) {
	var secondary []value.Value
	var unique []bool
	for _, ix := range tb.indexes[1:] {
		secondary = append(secondary, colNames(tb.t, ix.cols))
		unique = append(unique, ix.unique)
	}
	return encodeRecord(kindTable, value.NewString(tb.db.path), value.NewString(tb.name),
		colNames(tb.t, tb.indexes[0].cols), value.NewTuple(secondary), boolVector(unique), rows)
}

// tableFromRecord is the table a creation record describes: vals are
// the primary key, the secondary keys, their unique flags and the rows.
func tableFromRecord(db *DB, name string, vals []value.Value) (*table, error) {
	if len(vals) != 4 {
		return nil, fmt.Errorf("bad table record for %s", name)
	}
	rows, ok1 := vals[3].(*value.Table)
	sec, ok2 := vals[1].(*value.Vector)
	uniq, ok3 := vals[2].(*value.Vector)
	if !ok1 || !ok2 || !ok3 {
		return nil, fmt.Errorf("bad table record for %s", name)
	}
	keys := []value.Value{vals[0]}
	flags := []bool{true}
	for i := range sec.Len() {
		keys = append(keys, sec.Elem(i))
		flags = append(flags, uniq.I8[i] != 0)
	}
	return newTable(db, name, rows, keys, flags)
}

// newTable makes the table name of db over rows, with the indexes over
// the columns each of keys names (the primary key first).
func newTable(db *DB, name string, rows *value.Table, keys []value.Value, unique []bool) (*table, error) {
	tb := &table{db: db, name: name, t: rows}
	for k, key := range keys {
		ix := &index{unique: unique[k]}
		for _, col := range stringsOf(key) {
			c := rows.ColumnIndex(col)
			if c < 0 {
				return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", col)
			}
			if err := keyType(rows.Cols[c].T); err != nil {
				return nil, err
			}
			ix.cols = append(ix.cols, c)
		}
		if len(ix.cols) == 0 {
			param := "secondaryKey"
			if k == 0 {
				param = "primaryKey"
			}
			return nil, funcs.BadArg("createIMOLTPTable", param, "a STRING scalar or vector of column names")
		}
		tb.indexes = append(tb.indexes, ix)
	}
	if err := tb.rebuild(); err != nil {
		return nil, err
	}
	tb.saved = value.DeepCopy(rows).(*value.Table)
	rows.Stream = tb
	rows.Shared = db.path + "/" + name
	rows.Handle = true
	return tb, nil
}

// stringsOf is the column names a STRING scalar or vector holds.
func stringsOf(v value.Value) []string {
	switch x := v.(type) {
	case *value.Scalar:
		if x.T == value.String || x.T == value.Symbol {
			return []string{x.S}
		}
	case *value.Vector:
		if x.T == value.String || x.T == value.Symbol {
			return x.Strings()
		}
	}
	return nil
}

func colNames(t *value.Table, cols []int) *value.Vector {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = t.Names[c]
	}
	return value.NewStrings(value.String, names)
}

func boolVector(bs []bool) *value.Vector {
	v := value.NewVector(value.Bool, len(bs), len(bs))
	for i, b := range bs {
		if b {
			v.I8[i] = 1
		}
	}
	return v
}

// IMOLTPTable marks the table's store for package insert's refusals.
func (tb *table) IMOLTPTable() {}

// RefusesAggregateUpdate marks the table for SQL update, which refuses
// an aggregate in its set clauses (S07006).
func (tb *table) RefusesAggregateUpdate() {}
