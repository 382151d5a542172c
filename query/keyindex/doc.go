// Package keyindex answers a select's where-clause conditions on a keyed
// or indexed table's key columns from the table's hash or ordered index,
// and on an IMOLTP table's primary and secondary keys from the ordered
// indexes its store keeps (Ordered), returning the matching rows and the
// conditions left to apply.
//
// It owns no state and only reads the table (value) and the conditions
// (sqlparse); the caller (package query) evaluates their constant sides
// through an Eval and applies what is left.
package keyindex
