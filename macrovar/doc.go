// Package macrovar expands the macro variables of a SQL query
// (progr/macrovariations.md): _$name stands for the column whose name
// the STRING variable name holds, _$$names for the columns a STRING
// vector names, several columns in a select list, group by, context by
// or pivot by list, and a tuple of columns inside a function call or an
// expression; `as _$$names` names the columns of a multi-column item.
// Expand works on a copy, so a query kept as metacode expands afresh
// each time it runs.
package macrovar
