// Package sqldialect is runSQL and the functions the Oracle and MySQL SQL
// dialects resolve to (progr/sql/sql_intro.md, funcs/r/runsql.md), under
// internal names only a dialect's parse reaches (sqlparse/words).
package sqldialect
