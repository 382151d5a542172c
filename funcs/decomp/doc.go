// Package decomp registers the decompositions of data: principal
// component analysis over data sources (pca) and the seasonal-trend
// decomposition of a series (stl). It imports the funcs core and system
// (data sources).
package decomp
