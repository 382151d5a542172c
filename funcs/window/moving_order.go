package window

import (
	"cmp"
	"context"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/funcs/window/orderstat"
	"github.com/porpoisedb/porpoise/value"
)

// sortedRows is orderstat.Slide over the frames: NULL where the frame is
// not ready or holds fewer than minCount values.
func sortedRows[T number](ctx context.Context, xs []T, f *frames, out []float64, g orderstat.Stat) error {
	return orderstat.Slide(ctx, xs, nullOf[T](),
		func(i, lo int) int { return frameStart(f.lo, f.ts, f.span, f.width, i, lo) },
		func(i, n int) bool { return i >= f.lead && n >= f.minCount }, out, g)
}

// orderKernels are the kernel that writes g of each frame's sorted
// values (sortedRows) and its forms over integers; a kernel returns no
// error, so the first one (ctx's) is left in *err.
func orderKernels(ctx context.Context, err *error, g orderstat.Stat) (kernel, intKernels) {
	run := func(e error) bool {
		if *err == nil {
			*err = e
		}
		return true
	}
	return func(xs []float64, f *frames, out []float64) bool { return run(sortedRows(ctx, xs, f, out, g)) },
		intKernels{
			func(xs []int32, f *frames, out []float64) bool { return run(sortedRows(ctx, xs, f, out, g)) },
			func(xs []int64, f *frames, out []float64) bool { return run(sortedRows(ctx, xs, f, out, g)) },
		}
}

// orderSpec declares mfunc(X, window, [minPeriods]), or with tm
// tmfunc(T, X, window), whose statistic is g of each frame's sorted
// values, its kernels made per call over the caller's context.
func orderSpec(name string, tm bool, g orderstat.Stat) funcs.Spec {
	spec := func(env funcs.Env, err *error) funcs.Spec {
		k, ik := orderKernels(funcs.ContextOf(env), err, g)
		seg := countsOf(kernelSegments(name, k, ik))
		if tm {
			return timeSpec(name, wholeColumn(seg), seg, tmSpan)
		}
		return countSpec(name, wholeColumn(seg), seg, countSpan)
	}
	s := spec(nil, new(error))
	s.Fn = func(env funcs.Env, args []value.Value) (value.Value, error) {
		var err error
		r, e := spec(env, &err).Fn(env, args)
		return orderResult(r, e, err)
	}
	s.Segmented = func(env funcs.Env, args []value.Value, starts []int) (value.Value, bool, error) {
		var err error
		r, ok, e := spec(env, &err).Segmented(env, args, starts)
		r, e = orderResult(r, e, err)
		return r, ok, e
	}
	return s
}

// orderResult is a call's result r or its error e, or else the error its
// order kernels left in err.
func orderResult(r value.Value, e, err error) (value.Value, error) {
	if e = cmp.Or(e, err); e != nil {
		return nil, e
	}
	return r, nil
}

// orderColumns runs the order kernel of g over each column of X, the
// frames from framesOf.
func orderColumns(env funcs.Env, fn string, x value.Value, framesOf func(n int) (*frames, error), g orderstat.Stat) (value.Value, error) {
	var err error
	k, _ := orderKernels(funcs.ContextOf(env), &err, g)
	r, e := MovingColumns(fn, x, func(v *value.Vector) (*value.Vector, error) {
		f, err := framesOf(v.Len())
		if err != nil {
			return nil, err
		}
		return runKernel(fn, mathfn.AsNumeric(v), f, k)
	})
	return orderResult(r, e, err)
}

// countsOf has seg read a temporal column as its counts, which order as
// the times do: the order statistics take temporal X and give DOUBLE, as
// for numbers (funcs/m/mmed.md, funcs/p/percentile.md).
func countsOf(seg segColumn) segColumn {
	return func(v *value.Vector, starts []int, framesOf segmentFrames) (*value.Vector, error) {
		return seg(mathfn.AsNumeric(v), starts, framesOf)
	}
}
