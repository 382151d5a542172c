// Package clausecheck checks a query's clauses against DolphinDB's rules,
// with DolphinDB's errors: the value of a group by, context by or cgroup
// by expression must be able to group the table's rows (not a scalar, a
// vector of another length or an array vector); a distributed query
// obeys DolphinDB's limits (no aggregate, order-sensitive function or
// exists in its where clause, no temporal partitioning column compared
// with a number, no [not] in followed by one of its columns, no
// order-sensitive or user function in order by, no kendall, no asis
// without pivot by, no offset in top or limit under group by or context
// by); a context by query's select list calls no toArray or distinct; result
// column names are distinct, and include a distinct query's order by
// columns, a where condition is no bracketed vector or tuple, and
// DISTINCT goes with no grouping clause; an update of a partitioned table
// calls no aggregate or order-sensitive function without context by.
package clausecheck
