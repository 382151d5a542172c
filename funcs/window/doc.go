// Package window registers DolphinDB's sliding-window functions: the
// manual's "moving", "time-moving" and "moving-topn" categories and the
// exponentially weighted (ewm*) statistics. It imports the funcs core,
// higherorder, mathfn and stats.
package window
