// Package access reads and assigns the elements of values by position or
// key, as DolphinDB's indexing does: x[i] and x[i] = v on vectors, tuples,
// array vectors, columnar tuples (read and assigned as array vectors),
// matrices (columns, rows and sub-matrices), dictionaries
// and tables, with DolphinDB's rules for NULL, out-of-range and negative
// positions. It sees only values: evaluating index expressions and reading
// partitioned tables belong to the interpreter.
package access
