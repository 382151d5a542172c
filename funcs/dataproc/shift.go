package dataproc

import (
	"errors"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/value"
)

// shiftColumns moves each column of X down by steps (up when negative),
// filling the vacated positions with NULL.
func shiftColumns(fn string, x value.Value, steps int) (value.Value, error) {
	if _, ok := x.(*value.Scalar); ok {
		return nil, ddberr.Errorf("X of %s must be a vector, matrix or table.", fn)
	}
	return stats.MapColumns(fn, x, func(v *value.Vector) (*value.Vector, error) {
		return shiftVector(v, steps), nil
	})
}

// shiftVector is v moved down by n rows (up for negative n), the
// vacated rows NULL.
func shiftVector(v *value.Vector, n int) *value.Vector {
	l := v.Len()
	k := min(funcs.AbsInt(n), l)
	out := value.NewNullVector(v.T, 0)
	out.Scale = v.Scale
	if n >= 0 {
		out = value.NewNullVector(v.T, k)
		out.Scale = v.Scale
		out.AppendVector(v.Slice(0, l-k))
		return out
	}
	out.AppendVector(v.Slice(k, l))
	for i := 0; i < k; i++ {
		out.AppendNull()
	}
	return out
}

// stateShift is prevState/nextState: a run of adjacent equal non-NULL
// elements is one state (a NULL ends the run); each element gets the
// state before (after) its own, a NULL element the nearest state before
// (after) it ("prevState" page: [1,2.2,NULL,2.2] gives [,1,2.2,2.2]).
func stateShift(fn string, x value.Value, prev bool) (value.Value, error) {
	return stats.MapColumns(fn, x, func(v *value.Vector) (*value.Vector, error) {
		n := v.Len()
		idx := make([]int, n)
		order := func(k int) int {
			if prev {
				return k
			}
			return n - 1 - k
		}
		cur, before := -1, -1 // the current state and the state before it
		adjacent := false     // whether the previous element was non-NULL
		for k := 0; k < n; k++ {
			i := order(k)
			if v.IsNull(i) {
				idx[i] = cur
				adjacent = false
				continue
			}
			if !adjacent || value.CompareAcross(v, i, v, cur) != 0 {
				before, cur = cur, i
			}
			adjacent = true
			idx[i] = before
		}
		return value.GatherOrNull(v, idx), nil
	})
}

func moveFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	s, ok := funcs.ScalarArg(args[1])
	if ok && s.T == value.Duration && !s.Null {
		return moveByTime(args[0], s)
	}
	if !ok || s.T.Category() != value.CatIntegral || s.Null {
		return nil, errors.New("steps of move must be an integer.")
	}
	return shiftColumns("move", args[0], int(s.I))
}

// moveByTime is move(X, steps) with a DURATION steps over an indexed
// series or matrix ("move" page: move(x, 3s)): each row takes the value
// of the last row whose label is at or before its own label minus steps
// (NULL when there is none).
func moveByTime(x value.Value, d *value.Scalar) (value.Value, error) {
	m, ok := x.(*value.Matrix)
	if !ok || m.RowLabels == nil {
		return nil, ddberr.Errorf("X of %s must be an indexed series or an indexed matrix when window is a DURATION.", "move")
	}
	tv, ts, err := higherorder.TemporalIndex("move", m.RowLabels)
	if err != nil {
		return nil, err
	}
	w, err := higherorder.WindowTicks("move", tv.T, d)
	if err != nil {
		return nil, err
	}
	idx := make([]int, len(ts))
	j := -1 // the last row at or before the current row's label - w
	for i, t := range ts {
		if i > 0 && t < ts[i-1] {
			return nil, ddberr.Errorf("The argument [T] of %s must be increasing.", "move")
		}
		for j+1 < len(ts) && ts[j+1] <= t-w {
			j++
		}
		idx[i] = j
	}
	return stats.MapColumns("move", m, func(v *value.Vector) (*value.Vector, error) {
		return value.GatherOrNull(v, idx), nil
	})
}
