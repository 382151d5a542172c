package window

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// movingWindowData and tmovingWindowData: the elements of each window
// themselves (funcs/m/movingWindowData.md, funcs/t/tmovingWindowData.md).

// windowData gathers each frame's elements of v, oldest first, led by
// NULLs up to pad elements, into an array vector of v's type; a type an
// array vector cannot hold (STRING, SYMBOL, ANY) gives a tuple of
// vectors instead.
func windowData(v *value.Vector, f *frames, pad int) value.Value {
	n := v.Len()
	idx := make([]int, 0, n*max(pad, 1))
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
		return flat
	}
	rows := make([]value.Value, n)
	start := 0
	for i, end := range ends {
		rows[i] = flat.Slice(start, int(end))
		start = int(end)
	}
	return value.NewTuple(rows)
}

// movingWindowData is movingWindowData(X, window, [fixed=false]).
func movingWindowData(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := funcs.VectorArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("X of movingWindowData must be a vector.")
	}
	w, _, err := movingArgs("movingWindowData", args[1], nil)
	if err != nil {
		return nil, err
	}
	if w < 2 {
		return nil, ddberr.Errorf("The argument [window] of movingWindowData must be an integer no less than 2.")
	}
	fixed, err := funcs.BoolArg("movingWindowData", "fixed", funcs.Arg(args, 2), false)
	if err != nil {
		return nil, err
	}
	pad := 0
	if fixed {
		pad = w
	}
	return windowData(v, countFrames(v.Len(), w, 0), pad), nil
}

// tmovingWindowData is tmovingWindowData(T, X, window, [leftClosed=false]);
// leftClosed takes in the rows at T[i]-window too.
func tmovingWindowData(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := funcs.VectorArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("X of tmovingWindowData must be a vector.")
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
	return windowData(v, f, 0), nil
}
