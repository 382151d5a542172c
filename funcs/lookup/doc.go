// Package lookup registers DolphinDB's functions that find, select and
// assemble elements of vectors and tables: the manual's "lookup", "filter",
// "merge", "reshape", "append", "generate" and "replace" categories, and
// rand, whose typed generators (rand_fill.go) fill vectors without boxing.
// It imports the funcs core and higherorder.
package lookup
