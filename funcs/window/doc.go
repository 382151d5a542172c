// Package window registers DolphinDB's sliding-window functions: the
// manual's "moving", "time-moving" and top-N (mTopN, cumTopN, tmTopN)
// families and the window-contents functions (movingWindowData and its
// kin); the exponentially weighted (ewm*) statistics are in its
// subpackage ewm. It imports the funcs core, higherorder, mathfn and
// stats.
package window
