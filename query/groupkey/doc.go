// Package groupkey checks that the value of a group by, context by or
// cgroup by expression can group a table's rows, with DolphinDB's errors
// for one that can't (a scalar, a vector of another length, an array
// vector).
package groupkey
