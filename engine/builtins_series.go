package engine

import (
	"errors"

	"github.com/porpoisedb/porpoise/value"
)

func init() {
	reg("each", p("func", "args"), 2, -1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		return in.each(args[0], args[1:])
	})
}

// each(func, X, [Y, ...]) calls func on the elements of its arguments in
// turn (scalars are passed to every call) and gathers the results: a
// vector when they are scalars of one type, otherwise a tuple.
func (in *interp) each(f value.Value, args []value.Value) (value.Value, error) {
	fn, ok := f.(Function)
	if !ok {
		return nil, errors.New("The first argument of each must be a function.")
	}
	n := -1
	elems := make([]func(int) value.Value, len(args))
	for k, a := range args {
		switch x := a.(type) {
		case *value.Vector:
			if n >= 0 && x.Len() != n {
				return nil, errors.New("The arguments of each must have the same length.")
			}
			n = x.Len()
			elems[k] = x.Elem
		case *value.Pair:
			if n >= 0 && x.V.Len() != n {
				return nil, errors.New("The arguments of each must have the same length.")
			}
			n = x.V.Len()
			elems[k] = x.V.Elem
		default:
			elems[k] = func(int) value.Value { return a }
		}
	}
	if n < 0 {
		n = 1
	}
	out := make([]value.Value, n)
	call := make([]value.Value, len(args))
	for i := 0; i < n; i++ {
		for k := range args {
			call[k] = elems[k](i)
		}
		r, err := in.call(fn, append([]value.Value(nil), call...), nil)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	for _, r := range out {
		if _, ok := r.(*value.Scalar); !ok {
			return value.NewTuple(out), nil
		}
	}
	return buildVector(out, false)
}
