package funcs

import "github.com/porpoisedb/porpoise/value"

// SegmentedFn is the type of Spec.Segmented.
type SegmentedFn = func(env Env, args []value.Value, starts []int) (value.Value, bool, error)

// Reach is the segmented form of a function whose result at a row reads
// only the rows from back before it to ahead after it, and is NULL where
// any of them lies outside the series (prev, next, move, deltas, ratios,
// percentChange): fn runs once over all segments' rows, and the first
// back and last ahead rows of each segment are made NULL, which reached
// into a neighbouring segment. reach reads back and ahead from the
// arguments; ok false (or fn's error, which per-segment calls then
// repeat in their usual form) leaves the call to run per segment.
func Reach(fn Impl, reach func(args []value.Value) (back, ahead int, ok bool)) SegmentedFn {
	return func(env Env, args []value.Value, starts []int) (value.Value, bool, error) {
		back, ahead, ok := reach(args)
		x, isVec := args[0].(*value.Vector)
		rows := starts[len(starts)-1]
		if !ok || !isVec || x.Len() != rows || x.T.IsArray() || back == 0 && ahead == 0 {
			return nil, false, nil
		}
		r, err := fn(env, args)
		v, isVec := r.(*value.Vector)
		if err != nil || !isVec || v.Len() != rows || v == x {
			return nil, false, nil
		}
		for i := 0; i+1 < len(starts); i++ {
			lo, hi := starts[i], starts[i+1]
			for j := lo; j < min(lo+back, hi); j++ {
				v.SetNull(j)
			}
			for j := max(hi-ahead, lo); j < hi; j++ {
				v.SetNull(j)
			}
		}
		return v, true, nil
	}
}

// ReachOf is Reach's reach for a function whose argument k (1-based
// position in args, absent: def) is a signed integer step: n > 0 reads n
// rows back, n < 0 -n rows ahead.
func ReachOf(k int, def int64) func(args []value.Value) (back, ahead int, ok bool) {
	return func(args []value.Value) (int, int, bool) {
		n := def
		if k < len(args) {
			s, ok := ScalarArg(args[k])
			if !ok || s.T.Category() != value.CatIntegral || s.Null {
				return 0, 0, false
			}
			n = s.I
		}
		if n >= 0 {
			return int(n), 0, true
		}
		return 0, int(-n), true
	}
}
