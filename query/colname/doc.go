// Package colname names the columns of SQL results as DolphinDB does: a
// select item after its alias, column, function and arguments or value
// (progr/sql/Select.md), with empty and repeated names made unique.
//
// It only reads parsed expressions (sqlparse); it evaluates nothing and
// its callers (package query and its join and analytic packages) decide
// which expressions become columns.
package colname
