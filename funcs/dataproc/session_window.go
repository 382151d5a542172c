package dataproc

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// sessionWindow labels each element of X with the first element of its
// session: a session stays open while each element follows the previous
// compared one by less than sessionGap. NULLs and out-of-order elements
// are not compared and take the current session's label; leading NULLs
// stay NULL (funcs/s/sessionWindow.md).
func sessionWindow(_ funcs.Env, args []value.Value) (value.Value, error) {
	xs, _, scalar, err := intOrTemporal("sessionWindow", "X", args[0])
	if err != nil {
		return nil, err
	}
	gap, err := funcs.PositiveIntArg("sessionWindow", "sessionGap", args[1], 0)
	if err != nil {
		return nil, err
	}
	v, _ := funcs.ScalarOrVector(args[0])
	idx := make([]int, len(xs))
	start, prev := -1, int64(0)
	for i, x := range xs {
		switch {
		case v.IsNull(i) || start >= 0 && x < prev:
		case start < 0 || x-prev >= gap:
			start, prev = i, x
		default:
			prev = x
		}
		idx[i] = start
	}
	out := value.GatherOrNull(v, idx)
	if scalar {
		return out.Elem(0), nil
	}
	return out, nil
}
