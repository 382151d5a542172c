// Package window registers DolphinDB's sliding-window functions: the
// manual's "moving", "time-moving" and top-N (mTopN, cumTopN, tmTopN)
// families, the window-contents functions (movingWindowData and its
// kin) and the exponentially weighted (ewm*) statistics. It imports the
// funcs core, higherorder, mathfn and stats.
package window
