package insert

import (
	"github.com/porpoisedb/porpoise/ddberr"

	"github.com/porpoisedb/porpoise/value"
)

// DolphinDB's error texts for appends.
var (
	ErrColumnCount       error = ddberr.Errorf("The number of columns of the table to insert must be the same as that of the original table.")
	ErrInsertColumnCount error = ddberr.Errorf("The number of table columns doesn't match the number of columns to append.")
	ErrDFSColumnCount    error = ddberr.Errorf("The number of columns of the current table must match that of the target table.")
	ErrDuplicatedKeys    error = ddberr.Errorf("A keyed/indexed table can't contain duplicated keys. RefId: S05012")
	ErrReadOnly          error = ddberr.Errorf("Can't modify read only table. RefId: S02054")
	ErrUpdateKey         error = ddberr.Errorf("Can't update a key column.")
	ErrTooManyRows       error = ddberr.Errorf("An in-memory table can't exceed 2 billion rows. RefId: S05016")
	ErrColumnLength      error = ddberr.Errorf("All columns must be of the same length. RefId:S02010")
	ErrStreamModify      error = ddberr.Errorf("A stream table is append-only: its rows can't be updated or deleted.")
)

// IncompatibleError is DolphinDB's "Incompatible type" text for a value
// that can't become the target type.
func IncompatibleError(expected, actual value.Type) error {
	return ddberr.Errorf("Incompatible type. Expected: %s, Actual: %s", expected, actual)
}

// columnError wraps a conversion failure with the column name, as
// DolphinDB reports appends to in-memory tables.
func columnError(col string, err error) error {
	return ddberr.Errorf("Failed to append data to column '%s' with error: %w", col, err)
}

// DFSTypeError is the stricter DFS rule's text (S05004).
func DFSTypeError(col string, expected, actual value.Type) error {
	return ddberr.Errorf("The column [%s] expects type of %s, but the actual type is %s.", col, expected, actual)
}

var errNotKeyed error = ddberr.Errorf("The target of upsert! must be a keyed table, an indexed table or a DFS table.")
