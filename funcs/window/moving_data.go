package window

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/window/contents"
	"github.com/porpoisedb/porpoise/value"
)

// movingWindowData and tmovingWindowData: the elements of each window
// themselves (funcs/m/movingWindowData.md, funcs/t/tmovingWindowData.md).

// windowData gathers each frame's elements of v, oldest first, led by
// NULLs up to pad elements (contents.Gather), once the memory limit has
// room for them.
func windowData(env funcs.Env, fn string, v *value.Vector, f *frames, pad int) (value.Value, error) {
	total, err := contents.Size(fn, f.lo, pad)
	if err != nil {
		return nil, err
	}
	if env != nil {
		if err := env.Reserve(total); err != nil {
			return nil, err
		}
	}
	return contents.Gather(funcs.ContextOf(env), v, f.lo, pad, total)
}

// windowArgs reads X (a vector), window and fixed of movingWindowData
// and movingWindowIndex; pad is window when fixed.
func windowArgs(fn string, args []value.Value) (v *value.Vector, w, pad int, err error) {
	v, ok := funcs.VectorArg(args[0])
	if !ok {
		return nil, 0, 0, ddberr.Errorf("X of %s must be a vector.", fn)
	}
	if w, _, err = movingArgs(fn, args[1], nil); err != nil {
		return nil, 0, 0, err
	}
	fixed, err := funcs.BoolArg(fn, "fixed", funcs.Arg(args, 2), false)
	if fixed {
		pad = w
	}
	return v, w, pad, err
}

// movingWindowData is movingWindowData(X, window, [fixed=false]).
func movingWindowData(env funcs.Env, args []value.Value) (value.Value, error) {
	v, w, pad, err := windowArgs("movingWindowData", args)
	if err != nil {
		return nil, err
	}
	if w < 2 {
		return nil, ddberr.Errorf("The argument [window] of movingWindowData must be an integer no less than 2.")
	}
	return windowData(env, "movingWindowData", v, countFrames(v.Len(), w, 0), pad)
}

// tmovingWindowData is tmovingWindowData(T, X, window, [leftClosed=false]);
// leftClosed takes in the rows at T[i]-window too.
func tmovingWindowData(env funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := funcs.VectorArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("X of %s must be a vector.", "tmovingWindowData")
	}
	leftClosed, err := funcs.BoolArg("tmovingWindowData", "leftClosed", funcs.Arg(args, 3), false)
	if err != nil {
		return nil, err
	}
	ts, w, err := tmWindow("tmovingWindowData", args[0], args[2])
	if err != nil {
		return nil, err
	}
	if len(ts) != v.Len() {
		return nil, ddberr.Errorf("The arguments [T] and [X] of %s must have the same length.", "tmovingWindowData")
	}
	if leftClosed {
		w++ // T[j] >= T[i]-w is T[j] > T[i]-(w+1) in whole ticks
	}
	f := timeFrames(ts, w)
	return windowData(env, "tmovingWindowData", v, f, 0)
}
