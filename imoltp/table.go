package imoltp

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// maxKeyString is the longest string a key column takes (S07005).
const maxKeyString = 4096

// index is the primary key (the first of a table's indexes) or one
// secondary key. Only unique ones keep their keys: they are what an
// insert is checked against; queries scan the rows.
type index struct {
	cols   []int
	unique bool
	keys   map[string]struct{}
}

// table is an IMOLTP table: t is the table scripts see; saved is a copy
// of its committed rows, which an update that breaks a unique key is
// undone from and checkpoints are written from.
type table struct {
	db      *DB
	name    string
	t       *value.Table
	saved   *value.Table
	indexes []*index
}

// Published implements value.Publisher; Appended does the work.
func (tb *table) Published(*value.Table, int) {}

// Undefining implements value.Publisher: the variable may go, the table
// stays in its database.
func (tb *table) Undefining(*value.Table) error { return nil }

// Appended implements insert.Durable: the new rows must not repeat a
// unique key; then they are logged.
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
	added := make([][]string, len(tb.indexes))
	for k, ix := range tb.indexes {
		if !ix.unique {
			continue
		}
		keys, err := encodeKeys(t, ix.cols, from, t.Rows())
		if err != nil {
			return err
		}
		seen := make(map[string]struct{}, len(keys))
		for i, key := range keys {
			_, dup := ix.keys[key]
			if _, again := seen[key]; dup || again {
				return tb.duplicate(t, ix, from+i)
			}
			seen[key] = struct{}{}
		}
		added[k] = keys
	}
	batch := value.NewTable(t.Names, make([]*value.Vector, len(t.Cols)))
	for i, c := range t.Cols {
		batch.Cols[i] = c.Slice(from, t.Rows()).Clone()
	}
	if err := st.log(kindAppend, value.NewString(tb.db.path), value.NewString(tb.name), batch); err != nil {
		return err
	}
	for k, keys := range added {
		for _, key := range keys {
			tb.indexes[k].keys[key] = struct{}{}
		}
	}
	for i, c := range batch.Cols {
		tb.saved.Cols[i].AppendVector(c)
	}
	return nil
}

// Rewritten implements insert.Durable: after an update or delete the
// unique keys are built again; when one repeats, the table gets its
// committed rows back and the statement fails.
func (tb *table) Rewritten(t *value.Table) error {
	st := tb.db.st
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := tb.live(); err != nil {
		return err
	}
	err := tb.checkShape(t)
	if err == nil {
		err = tb.rebuild()
	}
	if err == nil {
		err = st.log(kindRewrite, value.NewString(tb.db.path), value.NewString(tb.name), t)
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

// live fails once the table or its database was dropped.
func (tb *table) live() error {
	db := tb.db
	if db.st.dbs[db.path] != db || db.tables[tb.name] != tb {
		return ddberr.Errorf("The IMOLTP table %s of database %s was dropped.", tb.name, db.path)
	}
	return nil
}

// checkShape refuses an update that added a column.
func (tb *table) checkShape(t *value.Table) error {
	if len(t.Cols) != len(tb.saved.Cols) {
		for _, n := range t.Names {
			if tb.saved.ColumnIndex(n) < 0 {
				return ddberr.Errorf("The column [%s] doesn't exist in the table.", n)
			}
		}
	}
	return nil
}

// rebuild builds the unique keys of t's rows anew.
func (tb *table) rebuild() error {
	t := tb.t
	for _, ix := range tb.indexes {
		if !ix.unique {
			continue
		}
		keys, err := encodeKeys(t, ix.cols, 0, t.Rows())
		if err != nil {
			return err
		}
		m := make(map[string]struct{}, len(keys))
		for i, key := range keys {
			if _, dup := m[key]; dup {
				return tb.duplicate(t, ix, i)
			}
			m[key] = struct{}{}
		}
		ix.keys = m
	}
	return nil
}

// duplicate is S07002's error for the key of row i.
func (tb *table) duplicate(t *value.Table, ix *index, i int) error {
	vals := make([]string, len(ix.cols))
	names := make([]string, len(ix.cols))
	for k, c := range ix.cols {
		vals[k] = t.Cols[c].FormatElem(i)
		names[k] = t.Names[c]
	}
	return ddberr.Errorf("Cannot insert record with duplicate key '%s' because the table enforces uniqueness on column(s) '%s'. RefId: S07002",
		strings.Join(vals, ","), strings.Join(names, ","))
}

// encodeKeys is the key of each row in [lo, hi) over the columns cols:
// the columns' bytes one after the other, a string prefixed by its
// length, so keys of different rows are equal only when their values are.
func encodeKeys(t *value.Table, cols []int, lo, hi int) ([]string, error) {
	bufs := make([][]byte, hi-lo)
	for _, c := range cols {
		v := t.Cols[c]
		switch v.T.Storage() {
		case value.StInt8:
			for i := range bufs {
				bufs[i] = append(bufs[i], byte(v.I8[lo+i]))
			}
		case value.StInt16:
			for i := range bufs {
				bufs[i] = binary.LittleEndian.AppendUint16(bufs[i], uint16(v.I16[lo+i]))
			}
		case value.StInt32:
			for i := range bufs {
				bufs[i] = binary.LittleEndian.AppendUint32(bufs[i], uint32(v.I32[lo+i]))
			}
		case value.StInt64:
			for i := range bufs {
				bufs[i] = binary.LittleEndian.AppendUint64(bufs[i], uint64(v.I64[lo+i]))
			}
		case value.StString:
			for i := range bufs {
				s := v.StrAt(lo + i)
				if len(s) > maxKeyString {
					return nil, ddberr.Errorf("Strings in key column must not exceed 4096 bytes. RefId: S07005")
				}
				bufs[i] = binary.AppendUvarint(bufs[i], uint64(len(s)))
				bufs[i] = append(bufs[i], s...)
			}
		default:
			return nil, fmt.Errorf("imoltp: no key encoding for %s", v.T)
		}
	}
	keys := make([]string, len(bufs))
	for i, b := range bufs {
		keys[i] = string(b)
	}
	return keys, nil
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

// RefusesAggregateUpdate marks the table for SQL update, which refuses
// an aggregate in its set clauses (S07006).
func (tb *table) RefusesAggregateUpdate() {}
