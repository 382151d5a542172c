// Package interp registers DolphinDB's interpolation of resampled time
// series (dividedDifference, neville, spline, loess) and B-spline
// representation and evaluation (splrep, splev). It imports the funcs
// core, funcs/temporal (raw temporal values) and gonum's mat.
package interp
