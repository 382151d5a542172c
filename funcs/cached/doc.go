// Package cached registers cachedTable: an in-memory table whose rows are
// the result of a user function, run again when a query finds them older
// than the table's retention time. It imports only the funcs core; the
// query executor calls the table's Refresh hook (value.Table.Refresh).
package cached
