package insert

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Durable is the publisher of an MVCC table (package funcs/mvcc), set in
// the table's Stream field: it writes each change to the table's rows to
// its files before the statement that made it returns. Unlike a stream
// table's publisher it allows updates and deletes.
type Durable interface {
	value.Publisher
	// Appended checks and writes rows [from, t.Rows()) just appended to
	// t; on error the append is undone.
	Appended(t *value.Table, from int) error
	// Rewritten writes t whole after an update or delete changed it.
	Rewritten(t *value.Table) error
}

// RowWriter is a Durable told which rows an update or delete changed
// rather than handed the whole table: an IMOLTP table, whose indexes
// follow the changed rows alone.
type RowWriter interface {
	Durable
	// Updated writes the rows of t an update set the columns cols of.
	Updated(t *value.Table, rows, cols []int) error
	// Deleted writes t after a delete took out the rows dropped
	// (positions before it, ascending).
	Deleted(t *value.Table, dropped []int) error
}

// Updated is Changed after an update that set the columns cols of rows.
func Updated(t *value.Table, rows, cols []int) error {
	if w, ok := t.Stream.(RowWriter); ok {
		return w.Updated(t, rows, cols)
	}
	return Changed(t)
}

// Deleted is Changed after a delete that took out the rows dropped.
func Deleted(t *value.Table, dropped []int) error {
	if w, ok := t.Stream.(RowWriter); ok {
		return w.Deleted(t, dropped)
	}
	return Changed(t)
}

// IsDurable reports whether t is an MVCC table.
func IsDurable(t *value.Table) bool {
	_, ok := t.Stream.(Durable)
	return ok
}

// IsStream reports whether t is a stream table, whose rows can't be
// updated or deleted.
func IsStream(t *value.Table) bool { return t.Stream != nil && !IsDurable(t) }

// Changed writes an MVCC table t after an update or delete changed it in
// place; it does nothing for other tables.
func Changed(t *value.Table) error {
	if d, ok := t.Stream.(Durable); ok {
		return d.Rewritten(t)
	}
	return nil
}

// RefuseDurable is the error of the function fn, which MVCC tables don't
// support (mvccTable.md), nor do IMOLTP tables, when x is one; nil
// otherwise.
func RefuseDurable(fn string, x value.Value) error {
	if t, ok := x.(*value.Table); ok && IsDurable(t) {
		if isIMOLTP(t) {
			return ddberr.Errorf("%s is not supported for an IMOLTP table.", fn)
		}
		return ddberr.Errorf("%s is not supported for an MVCC table.", fn)
	}
	return nil
}

// IMOLTP marks the Durable of an IMOLTP table (package imoltp), whose
// refusals name it.
type IMOLTP interface {
	Durable
	IMOLTPTable()
}

// RefuseIMOLTP is the error of the function fn, which changes a table's
// columns, when t is an IMOLTP table, whose columns are set when it is
// created; nil otherwise.
func RefuseIMOLTP(fn string, t *value.Table) error {
	if isIMOLTP(t) {
		return ddberr.Errorf("%s is not supported for an IMOLTP table.", fn)
	}
	return nil
}

func isIMOLTP(t *value.Table) bool {
	_, ok := t.Stream.(IMOLTP)
	return ok
}

// appended tells dst's publisher of the rows [from, dst.Rows()) an append
// added; a durable table that can't keep them drops them again.
func appended(dst *value.Table, from int) error {
	if s, ok := dst.Stream.(Sink); ok {
		return consume(s, dst, from)
	}
	if d, ok := dst.Stream.(Durable); ok {
		if err := d.Appended(dst, from); err != nil {
			truncate(dst, from)
			return err
		}
		return nil
	}
	if dst.Stream != nil && dst.Rows() > from {
		dst.Stream.Published(dst, from)
	}
	return nil
}

// truncate rolls an append to dst back to its first from rows, with its
// key index: the new rows' keys are forgotten, and a latest table's keys
// that moved to new rows go back to their latest remaining rows.
func truncate(dst *value.Table, from int) {
	if dst.IsKeyed() {
		dst.DropKeys(from)
	}
	for _, c := range dst.Cols {
		c.Truncate(from)
	}
	if len(dst.LatestCols) > 0 {
		dst.PutKeys(0)
	}
}

// ColumnRead is the column c of t read as t.name: stream and MVCC tables
// are read through SQL only, as a stream table publishes its rows and an
// MVCC table versions them (error_codes/S02007.md, S02009.md).
func ColumnRead(t *value.Table, c *value.Vector) (value.Value, error) {
	if isIMOLTP(t) {
		return nil, ddberr.Errorf("Direct access using column names is not supported to retrieve data from an IMOLTP table. Please use a SQL query instead.")
	}
	if IsDurable(t) {
		return nil, ddberr.Errorf("Direct access using column names is not supported to retrieve data from an MVCC table. Please use a SQL query instead. RefId:S02007")
	}
	if IsStream(t) {
		return nil, ddberr.Errorf("Direct access using column names is not supported to retrieve data from a stream table. Please use a SQL query instead. RefId:S02009")
	}
	return c, nil
}
