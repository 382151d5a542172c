package dsfuncs

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(funcs.Spec{Name: "imr", Params: []string{"ds", "initValue", "mapFunc", "reduceFunc", "finalFunc", "terminateFunc", "carryover"},
		Min: 6, Max: 7, Props: funcs.Session, Category: "db-table", Fn: ximr})
}

// ximr is iterative map-reduce: each iteration maps every data source
// (cached for the whole run) with the previous iteration's final value,
// reduces the results, and finalFunc turns them into the next value,
// until terminateFunc(previous, current) is true or, when it is an
// integer, that many iterations have run.
func ximr(env funcs.Env, args []value.Value) (value.Value, error) {
	if v, ok := args[0].(*value.Vector); !ok || v.T != value.Any {
		return nil, ddberr.Errorf("The argument [ds] of imr must be a tuple of data sources.")
	}
	list, err := system.DataSources("imr", args[0])
	if err != nil {
		return nil, err
	}
	mapFn, reduceFn, finalFn, term := args[2], args[3], args[4], args[5]
	if !funcs.IsFunction(mapFn) {
		return nil, ddberr.Errorf("The argument [mapFunc] of imr must be a function.")
	}
	for _, f := range []value.Value{reduceFn, finalFn} {
		if f != nil && !funcs.IsFunction(f) && !funcs.NullOrAbsent(f) {
			return nil, ddberr.Errorf("The arguments [reduceFunc] and [finalFunc] of imr must be functions.")
		}
	}
	if funcs.NullOrAbsent(reduceFn) {
		reduceFn = nil
	}
	if funcs.NullOrAbsent(finalFn) {
		finalFn = nil
	}
	maxIter := int64(-1)
	if !funcs.IsFunction(term) {
		if maxIter, err = funcs.IntArg("imr", "terminateFunc", term, 0); err != nil || maxIter <= 0 {
			return nil, ddberr.Errorf("The argument [terminateFunc] of imr must be a function or a positive number of iterations.")
		}
	}
	carry, err := funcs.BoolArg("imr", "carryover", funcs.Arg(args, 6), false)
	if err != nil {
		return nil, err
	}
	// The input does not change between iterations: cache it, and drop
	// the cache when done.
	for _, d := range list {
		d.CacheNext()
	}
	defer func() {
		for _, d := range list {
			d.ClearCache()
		}
	}()
	carried := make([]value.Value, len(list))
	for i := range carried {
		carried[i] = value.NullScalar(value.Void)
	}
	prev := args[1]
	for iter := int64(1); ; iter++ {
		if err := env.Context().Err(); err != nil {
			return nil, err
		}
		results := make([]value.Value, len(list))
		for i, d := range list {
			data, err := d.Materialise(env)
			if err != nil {
				return nil, err
			}
			if !carry {
				if results[i], err = env.Call(mapFn, data, prev); err != nil {
					return nil, err
				}
				continue
			}
			r, err := env.Call(mapFn, data, prev, carried[i])
			if err != nil {
				return nil, err
			}
			t, ok := r.(*value.Vector)
			if !ok || t.T != value.Any || len(t.Any) < 2 {
				return nil, ddberr.Errorf("With carryover, the map function of imr must return a tuple whose last element is the carried object.")
			}
			carried[i] = t.Any[len(t.Any)-1]
			if len(t.Any) == 2 {
				results[i] = t.Any[0]
			} else {
				results[i] = value.NewTuple(t.Any[:len(t.Any)-1])
			}
		}
		var reduced value.Value
		if reduceFn != nil && len(results) > 0 {
			reduced = results[0]
			for _, r := range results[1:] {
				if reduced, err = env.Call(reduceFn, reduced, r); err != nil {
					return nil, err
				}
			}
		} else {
			reduced = value.NewTuple(results)
		}
		cur := reduced
		if finalFn != nil {
			if cur, err = env.Call(finalFn, prev, reduced); err != nil {
				return nil, err
			}
		}
		if maxIter > 0 {
			if iter >= maxIter {
				return cur, nil
			}
		} else {
			stop, err := env.Call(term, prev, cur)
			if err != nil {
				return nil, err
			}
			s, ok := stop.(*value.Scalar)
			if !ok || s.T != value.Bool {
				return nil, ddberr.Errorf("The terminate function of imr must return a boolean scalar.")
			}
			if !s.Null && s.I != 0 {
				return cur, nil
			}
		}
		prev = cur
	}
}
