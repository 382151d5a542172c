// Package decomp registers the decompositions of data: principal
// component analysis over vectors, tables and data sources (pca) and the
// seasonal-trend decomposition of a series by LOESS (stl). It imports the
// funcs core and system (data sources).
package decomp
