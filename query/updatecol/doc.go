// Package updatecol writes the values of an UPDATE's set expressions into
// a table's columns: which columns the expressions read, a vector set as
// one array cell, and rows written in place or, for array vectors, rebuilt.
package updatecol
