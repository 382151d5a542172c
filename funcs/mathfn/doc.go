// Package mathfn registers DolphinDB's math functions and the relational
// and logical operators' function forms (the manual's "math", "relational"
// and "logical" categories), and the linear algebra over matrices,
// including the pseudo-inverse (Pinv) the fits of funcs/regress and
// funcs/learn share, and geoWithin, whether POINTs lie in a polygon. It
// imports the funcs core, funcs/indexed, the value kernels and gonum's
// mat.
package mathfn
