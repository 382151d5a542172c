package lookup

import (
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/distinct"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Built-ins moved here from the interpreter's older table (generate,
// data-processing and node-status functions), behaviour unchanged.

func constant(v value.Value) funcs.Impl {
	return func(funcs.Env, []value.Value) (value.Value, error) { return v, nil }
}

func xtil(env funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.IntScalar("til", args[0])
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, ddberr.Errorf("The argument of til must be non-negative.")
	}
	if err := env.Reserve(int(n)); err != nil {
		return nil, err
	}
	out := value.NewVector(value.Int, int(n), int(n))
	for i := range out.I32 {
		out.I32[i] = int32(i)
	}
	return out, nil
}

func xdistinct(env funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The argument of distinct must be a vector.")
	}
	if v.T.IsArray() {
		// an array vector's distinct elements are its cells' (distinct.md:
		// distinct(a) is [10,9,...,1])
		v = v.Cells()
	}
	// The order of distinct's result is not guaranteed, and DolphinDB's,
	// on distinct.md's three examples, is the last new value first
	// (distinct 4 5 5 2 3 is [3,2,5,4]).
	_, first, err := distinct.VectorContext(funcs.ContextOf(env), v)
	if err != nil {
		return nil, err
	}
	slices.Reverse(first)
	return v.Gather(first), nil
}
