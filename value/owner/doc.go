// Package owner reports whether one variable alone reaches a table's
// column storage, so that a statement may change the table in place
// without another variable seeing it change.
package owner
