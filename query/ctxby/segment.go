package ctxby

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// PerSegment calls a built-in without a segmented form on each group's
// rows of args (views of the vectors as long as starts' last entry, the
// other arguments as they are) and joins the results, a scalar repeated
// over its group, as context by's evaluation per group would, without
// evaluating the call's expression once per group: with many small
// groups that evaluation, not the function, took the time. perGroup says
// a group's result was a scalar. ok is false where the results can't be
// joined as they come (another shape, a type that changes between
// groups) or a call fails: the caller then evaluates per group, which
// gives the error its usual form.
func PerSegment(env funcs.Env, spec *funcs.Spec, args []value.Value, starts []int) (v value.Value, perGroup, ok bool, err error) {
	var out *value.Vector
	ok, err = eachSegment(env, spec, args, starts, func(_ int, r value.Value, size int) bool {
		v, isVec := r.(*value.Vector)
		if s, isScalar := r.(*value.Scalar); isScalar {
			var err error
			if v, err = value.Broadcast(s, size); err != nil {
				return false
			}
			perGroup = true
		} else if !isVec || v.Len() != size {
			return false
		}
		if out == nil {
			out = value.NewVector(v.T, 0, starts[len(starts)-1])
			out.Scale = v.Scale
		}
		return v.T == out.T && v.Scale == out.Scale && cast.AppendVector(out, v) == nil
	})
	if !ok || err != nil {
		return nil, false, ok, err
	}
	return out, perGroup, true, nil
}

// Scalars calls the built-in aggregate spec on each group's rows of args
// (laid out group by group, as PerSegment's) and returns its result for
// each group: group by's per-group aggregate without evaluating the
// call's expression once per group. ok is false where a result is not a
// scalar or a call fails, as PerSegment's.
func Scalars(env funcs.Env, spec *funcs.Spec, args []value.Value, starts []int) ([]value.Value, bool, error) {
	out := make([]value.Value, len(starts)-1)
	ok, err := eachSegment(env, spec, args, starts, func(i int, r value.Value, _ int) bool {
		s, isScalar := r.(*value.Scalar)
		out[i] = s
		return isScalar
	})
	if !ok || err != nil {
		return nil, ok, err
	}
	return out, true, nil
}

// eachSegment calls spec on each segment's rows of args, vectors as long
// as starts' last entry cut to the segment and the other arguments as
// they are, and hands keep segment i's result; ok is false where spec
// can't be called so, a call fails or keep refuses a result.
func eachSegment(env funcs.Env, spec *funcs.Spec, args []value.Value, starts []int, keep func(i int, r value.Value, size int) bool) (bool, error) {
	if spec.Fn == nil || spec.NamedFn != nil || spec.Props&(funcs.Mutating|funcs.Command|funcs.Session) != 0 || spec.CheckArity(len(args)) != nil {
		return false, nil
	}
	rows := starts[len(starts)-1]
	seg := make([]value.Value, len(args))
	ctx := env.Context()
	for i := 0; i+1 < len(starts); i++ {
		if i&1023 == 0 && ctx.Err() != nil {
			return true, ctx.Err()
		}
		lo, hi := starts[i], starts[i+1]
		for k, a := range args {
			seg[k] = a
			if v, isVec := a.(*value.Vector); isVec && v.Len() == rows {
				seg[k] = v.Slice(lo, hi)
			}
		}
		r, err := spec.Fn(env, seg)
		if err != nil || !keep(i, r, hi-lo) {
			return false, nil
		}
	}
	return true, nil
}

// Call computes the built-in spec over every group of args at once: its
// segmented form where it has one, one call over all rows where it is
// element-wise, else PerSegment. perGroup says some group's value was
// one scalar repeated over its rows (size(x) per group), which a call
// taking the result must see as one value. ok is false where the caller
// must evaluate per group.
func Call(env funcs.Env, spec *funcs.Spec, args []value.Value, starts []int) (v value.Value, perGroup, ok bool, err error) {
	const notWise = funcs.Aggregate | funcs.OrderSensitive | funcs.Session | funcs.Mutating | funcs.Command | funcs.FirstOnly
	if spec.Segmented == nil && spec.Fn != nil && spec.NamedFn == nil && spec.Props&(funcs.ElementWise|notWise) == funcs.ElementWise && spec.CheckArity(len(args)) == nil {
		// each row's result is its own arguments' (log(x / prev(x))): one
		// call over all rows is the groups' results joined
		if r, err := spec.Fn(env, args); err == nil {
			if v, isVec := r.(*value.Vector); isVec && v.Len() == starts[len(starts)-1] {
				return v, false, true, nil
			}
		}
	}
	if spec.Segmented == nil {
		return PerSegment(env, spec, args, starts)
	}
	v, ok, err = spec.Segmented(env, args, starts)
	return v, false, ok, err
}
