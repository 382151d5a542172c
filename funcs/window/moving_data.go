package window

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// movingWindowData and tmovingWindowData: the elements of each window
// themselves (funcs/m/movingWindowData.md, funcs/t/tmovingWindowData.md).

// maxWindowData bounds the elements of a window-contents result, so a
// huge window fails before it allocates.
const maxWindowData = 2_000_000_000

// windowData gathers each frame's elements of v, oldest first, led by
// NULLs up to pad elements, into an array vector of v's type; a type an
// array vector cannot hold (STRING, SYMBOL, ANY) gives a tuple of
// vectors instead.
func windowData(fn string, v *value.Vector, f *frames, pad int) (value.Value, error) {
	n := v.Len()
	total := int64(0)
	for i := range n {
		total += int64(max(pad, i-f.lo[i]+1))
	}
	if total > maxWindowData {
		return nil, ddberr.Errorf("The result of %s can't exceed 2 billion elements.", fn)
	}
	idx := make([]int, 0, total)
	ends := make([]int64, n)
	for i := range n {
		for k := i - f.lo[i] + 1; k < pad; k++ {
			idx = append(idx, -1)
		}
		for j := f.lo[i]; j <= i; j++ {
			idx = append(idx, j)
		}
		ends[i] = int64(len(idx))
	}
	flat := value.GatherOrNull(v, idx)
	if v.T.Storage() != value.StString && v.T != value.Any && v.T != value.Void && !v.T.IsArray() {
		flat.T += value.ArrayOffset
		flat.Offsets = ends
		return flat, nil
	}
	rows := make([]value.Value, n)
	start := 0
	for i, end := range ends {
		rows[i] = flat.Slice(start, int(end))
		start = int(end)
	}
	return value.NewTuple(rows), nil
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
func movingWindowData(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, w, pad, err := windowArgs("movingWindowData", args)
	if err != nil {
		return nil, err
	}
	if w < 2 {
		return nil, ddberr.Errorf("The argument [window] of movingWindowData must be an integer no less than 2.")
	}
	return windowData("movingWindowData", v, countFrames(v.Len(), w, 0), pad)
}

// tmovingWindowData is tmovingWindowData(T, X, window, [leftClosed=false]);
// leftClosed takes in the rows at T[i]-window too.
func tmovingWindowData(_ funcs.Env, args []value.Value) (value.Value, error) {
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
	return windowData("tmovingWindowData", v, f, 0)
}
