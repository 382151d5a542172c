// Package decomp registers the decompositions of data: principal
// component analysis over vectors, tables and data sources (pca), the
// seasonal-trend decomposition of a series by LOESS (stl), and the
// anomaly tests built on it (esd, and seasonalEsd on what stl's seasonal
// part leaves). It imports the funcs core and system (data sources).
package decomp
