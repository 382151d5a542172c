// Package interp registers DolphinDB's interpolation of resampled time
// series (dividedDifference, neville, spline, loess) and B-spline
// representation and evaluation (splrep, splev). It imports the funcs
// core, funcs/temporal (raw temporal values), funcs/optimize (the reader
// of a numeric option) and gonum's mat.
package interp
