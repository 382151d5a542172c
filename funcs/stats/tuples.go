package stats

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Aggregates and cumulative functions over a tuple fold its elements with
// a binary step, scalars and vectors broadcasting (TupleANYVector.md: for
// a=(2, [3, 5], 10), max a is [10,10], prod a [60,100] and cumsum a
// (2,[5,7],[15,17])).

// overTuple makes spec fold a tuple argument with step: the last value
// for an aggregate, every running value as a tuple for a cumulative
// function.
func overTuple(spec funcs.Spec, cumulative bool, step func(acc, x value.Value) (value.Value, error)) funcs.Spec {
	fn := spec.Fn
	spec.Fn = func(env funcs.Env, args []value.Value) (value.Value, error) {
		tu, ok := args[0].(*value.Vector)
		if len(args) != 1 || !ok || tu.T != value.Any || tu.Len() == 0 {
			return fn(env, args)
		}
		acc := tu.Any[0]
		run := []value.Value{acc}
		for _, x := range tu.Any[1:] {
			var err error
			if acc, err = step(acc, x); err != nil {
				return nil, err
			}
			run = append(run, acc)
		}
		if cumulative {
			return value.NewTuple(run), nil
		}
		return acc, nil
	}
	return spec
}

// operatorStep is a fold step by an operator's function (add, mul),
// which package operator registers.
func operatorStep(name string) func(acc, x value.Value) (value.Value, error) {
	return func(acc, x value.Value) (value.Value, error) {
		f, ok := funcs.Lookup(name)
		if !ok {
			return nil, ddberr.Errorf("Can't recognize function name %s", name)
		}
		return f.Fn(nil, []value.Value{acc, x})
	}
}

// extremeStep is a fold step keeping the larger (dir 1) or smaller of
// each position.
func extremeStep(fn string, dir int) func(acc, x value.Value) (value.Value, error) {
	return func(acc, x value.Value) (value.Value, error) { return pairExtreme(fn, acc, x, dir, false) }
}
