// Package mathfn registers DolphinDB's math functions and the relational
// and logical operators' function forms (the manual's "math", "relational"
// and "logical" categories), and the linear algebra over matrices. It
// imports only the funcs core.
package mathfn
