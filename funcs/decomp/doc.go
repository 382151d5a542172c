// Package decomp registers the decompositions of data: principal
// component analysis over vectors, tables and data sources (pca). The
// seasonal-trend decomposition (stl) belongs here too and is not written
// yet. It imports the funcs core and system (data sources).
package decomp
