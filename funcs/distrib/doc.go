// Package distrib registers DolphinDB's probability density functions of
// the normal, F and chi-squared distributions (pdfNormal, pdfF and
// pdfChiSquare), scipy.stats' pdf for each. It imports the funcs core only.
package distrib
