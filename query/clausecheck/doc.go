// Package clausecheck checks a query's clauses against DolphinDB's rules,
// with DolphinDB's errors: the value of a group by, context by or cgroup
// by expression must be able to group the table's rows (not a scalar, a
// vector of another length or an array vector), a distributed query's
// where clause may call no aggregate or order-sensitive function (nor its
// top or limit take an offset under group by or context by),
// nor a context by query's select list toArray or distinct; result
// column names are distinct, and include a distinct query's order by
// columns.
package clausecheck
