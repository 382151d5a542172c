// Package rowfn registers DolphinDB's row-wise functions (the manual's
// rowFunctions theme): each row of a matrix, an array vector, a columnar
// tuple or the aligned rows of several vectors is reduced (rowSum,
// rowCorr ...), indexed (rowAt, rowImax), ranked, shifted or accumulated
// (rowCumsum ...). It imports the funcs core, mathfn and stats.
package rowfn
