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
// groups that evaluation, not the function, took the time. ok is false
// where the results can't be joined as they come (another shape, a
// type that changes between groups) or a call fails: the caller then
// evaluates per group, which gives the error its usual form.
func PerSegment(env funcs.Env, spec *funcs.Spec, args []value.Value, starts []int) (value.Value, bool, error) {
	if spec.Fn == nil || spec.NamedFn != nil || spec.Props&(funcs.Mutating|funcs.Command|funcs.Session) != 0 || spec.CheckArity(len(args)) != nil {
		return nil, false, nil
	}
	rows := starts[len(starts)-1]
	seg := make([]value.Value, len(args))
	var out *value.Vector
	ctx := env.Context()
	for i := 0; i+1 < len(starts); i++ {
		if i&1023 == 0 && ctx.Err() != nil {
			return nil, true, ctx.Err()
		}
		lo, hi := starts[i], starts[i+1]
		for k, a := range args {
			seg[k] = a
			if v, isVec := a.(*value.Vector); isVec && v.Len() == rows {
				seg[k] = v.Slice(lo, hi)
			}
		}
		r, err := spec.Fn(env, seg)
		if err != nil {
			return nil, false, nil
		}
		v, isVec := r.(*value.Vector)
		if s, isScalar := r.(*value.Scalar); isScalar {
			if v, err = value.Broadcast(s, hi-lo); err != nil {
				return nil, false, nil
			}
		} else if !isVec || v.Len() != hi-lo {
			return nil, false, nil
		}
		if out == nil {
			out = value.NewVector(v.T, 0, rows)
			out.Scale = v.Scale
		}
		if v.T != out.T || v.Scale != out.Scale || cast.AppendVector(out, v) != nil {
			return nil, false, nil
		}
	}
	return out, true, nil
}

// Call computes the built-in spec over every group of args at once: its
// segmented form where it has one, one call over all rows where it is
// element-wise, else PerSegment. ok is false where
// the caller must evaluate per group.
func Call(env funcs.Env, spec *funcs.Spec, args []value.Value, starts []int) (value.Value, bool, error) {
	const notWise = funcs.Aggregate | funcs.OrderSensitive | funcs.Session | funcs.Mutating | funcs.Command
	if spec.Segmented == nil && spec.Fn != nil && spec.NamedFn == nil && spec.Props&(funcs.ElementWise|notWise) == funcs.ElementWise && spec.CheckArity(len(args)) == nil {
		// each row's result is its own arguments' (log(x / prev(x))): one
		// call over all rows is the groups' results joined
		if r, err := spec.Fn(env, args); err == nil {
			if v, isVec := r.(*value.Vector); isVec && v.Len() == starts[len(starts)-1] {
				return v, true, nil
			}
		}
	}
	if spec.Segmented == nil {
		return PerSegment(env, spec, args, starts)
	}
	return spec.Segmented(env, args, starts)
}
