// Package ewm registers DolphinDB's exponentially weighted statistics
// (ewmMean, ewmVar, ewmStd, ewmCov, ewmCorr): the pages' recurrences over
// each column, with com, span, halfLife (times) or alpha as the decay.
package ewm
